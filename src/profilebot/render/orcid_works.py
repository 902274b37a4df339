"""orcid-works.json: the works that belong on ORCID as an API v3.0 bulk payload ({"bulk": [{"work": …}]}).

Which works: publications whose `belongs_on_orcid` is true (published and accepted, or `on_orcid`)
and every patent (citations.orcid_works). Each work has the fields of ORCID's work-full-3.0.json
sample in its order, always in the object form ({"value": …}): title, journal-title (the venue),
citation (its orcid-import.bib entry, type bibtex), type, publication-date (two-digit month and day),
external-ids, url, contributors.

Types: the profile already uses ORCID's work types; a work under review or in preparation that is
sent anyway becomes working-paper, a preprint-status one preprint, a patent patent. External ids,
every work has one with relationship self, as API v3.0 requires: DOI (self), arXiv (self, as
"arXiv:<id>"), PMID (self), ISBN (self for books, else part-of), ISSN (part-of); a patent's number as
type "pat" (self); with none of these, "source-work-id" = the profile id (self). Contributors keep the
printed names in order (sequence first/additional), role author, or co-inventor for patents; an
author's ORCID iD is attached when the profile gives one. Not carried: co-first-author marks, status
beyond the type, awards, dates outside ORCID's 1900–2100 (the date is then left out).
"""

from __future__ import annotations

from typing import Any

from profilebot.model.identifiers import doi_url, orcid_path
from profilebot.model.profile import Author, Profile
from profilebot.render import citations, orcid_import
from profilebot.render.citations import Work
from profilebot.render.escaping import json_document

NAME = "orcid_works"
DEFAULT_PATH = "orcid-works.json"
MEDIA_TYPE = "application/vnd.orcid+json"
WORKS = "orcid"  # which works the file carries: citations.orcid_works (papers on ORCID, patents)

ORCID_HOST = "orcid.org"
_STATUS_TYPES = {"under-review": "working-paper", "in-preparation": "working-paper", "preprint": "preprint"}


def render(profile: Profile) -> str:
    return json_document(bulk(profile))


@citations.memo_by_profile
def bulk(profile: Profile) -> dict[str, Any]:
    return {"bulk": [{"work": work(w, profile)} for w in citations.orcid_works(profile)]}


def work_type(w: Work) -> str:
    if w.patent is not None:
        return "patent"
    pub = w.publication
    assert pub is not None
    return _STATUS_TYPES.get(pub.status, pub.type)


def _value(text: str) -> dict[str, str]:
    return {"value": text}


def _external_id(kind: str, value: str, relationship: str, url: str | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {"external-id-type": kind, "external-id-value": value}
    if url:
        data["external-id-url"] = _value(url)
    data["external-id-relationship"] = relationship
    return data


def external_ids(w: Work) -> list[dict[str, Any]]:
    ids = []
    if w.patent is not None:
        url = w.patent.url or f"https://patents.google.com/patent/{w.patent.number.replace(' ', '')}"
        ids.append(_external_id("pat", w.patent.number, "self", url))
    pub = w.publication
    if w.doi:
        ids.append(_external_id("doi", w.doi, "self", doi_url(w.doi)))
    if w.arxiv:
        ids.append(_external_id("arxiv", f"arXiv:{w.arxiv}", "self", f"https://arxiv.org/abs/{w.arxiv}"))
    if pub is not None and pub.pmid:
        ids.append(_external_id("pmid", pub.pmid, "self", f"https://pubmed.ncbi.nlm.nih.gov/{pub.pmid}/"))
    if pub is not None and pub.isbn:
        ids.append(_external_id("isbn", pub.isbn, "self" if pub.type in ("book", "edited-book") else "part-of"))
    if pub is not None and pub.issn:
        ids.append(_external_id("issn", pub.issn, "part-of"))
    if not any(i["external-id-relationship"] == "self" for i in ids):
        ids.append(_external_id("source-work-id", w.item.id, "self"))
    return ids


def contributor(author: Author, first: bool, role: str) -> dict[str, Any]:
    data: dict[str, Any] = {}
    path = orcid_path(author.orcid) if author.orcid else None
    if path:
        data["contributor-orcid"] = {"uri": f"https://{ORCID_HOST}/{path}", "path": path, "host": ORCID_HOST}
    data["credit-name"] = _value(author.name)
    data["contributor-attributes"] = {"contributor-sequence": "first" if first else "additional",
                                      "contributor-role": role}
    return data


def publication_date(w: Work) -> dict[str, Any] | None:
    date = w.date
    if date is None or not 1900 <= date.year <= 2100:
        return None
    data = {"year": _value(f"{date.year:04d}")}
    if date.month is not None:
        data["month"] = _value(f"{date.month:02d}")
        if date.day is not None:
            data["day"] = _value(f"{date.day:02d}")
    return data


def work(w: Work, profile: Profile) -> dict[str, Any]:
    data: dict[str, Any] = {"title": {"title": _value(w.title)}}
    if w.venue:
        data["journal-title"] = _value(w.venue)
    data["citation"] = {"citation-type": "bibtex", "citation-value": orcid_import.entries(profile)[w.key]}
    data["type"] = work_type(w)
    if (date := publication_date(w)) is not None:
        data["publication-date"] = date
    data["external-ids"] = {"external-id": external_ids(w)}
    if w.url:
        data["url"] = _value(w.url)
    role = "co-inventor" if w.patent is not None else "author"
    data["contributors"] = {"contributor": [contributor(a, i == 0, role) for i, a in enumerate(w.authors)]}
    return data
