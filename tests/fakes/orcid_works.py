"""Builders of ORCID v3.0 work JSON for seeding the local ORCID in tests (shared by the orcid and target tests)."""

from __future__ import annotations


def ext(kind: str, value: str, relationship: str = "self") -> dict:
    return {"external-id-type": kind, "external-id-value": value, "external-id-relationship": relationship}


def orcid_work(title: str, kind: str, year: str, ids: list[dict], journal: str | None = None,
               contributors: tuple[str, ...] = ()) -> dict:
    work = {"title": {"title": {"value": title}}, "type": kind, "publication-date": {"year": {"value": year}},
            "external-ids": {"external-id": ids}}
    if journal:
        work["journal-title"] = {"value": journal}
    if contributors:
        work["contributors"] = {"contributor": [{"credit-name": {"value": name}} for name in contributors]}
    return work
