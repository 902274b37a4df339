"""OpenAlex drift → text for people, Markdown for the PR comment, JSON for machines.

Misattributed works get their own section, worded so nobody mistakes them for missing papers: OpenAlex
attributes them to the author id, but the printed author list has no spelling of the owner's name.
"""

from __future__ import annotations

from typing import Any

from profilebot.report.markdown import code
from profilebot.diff.openalex import Drift
from profilebot.model.matching import VERSION, Work

REMOTE = "OpenAlex"
MISATTRIBUTED = "Attributed to you by OpenAlex, but you are not in its author list (never added)"


def format_drift(drift: Drift) -> str:
    """The summary line, then one section per kind of drift, each line one work."""
    linked = sum(1 for pair in drift.linked if pair.kind == VERSION)
    pairs = f" ({linked} preprint/published pair(s) linked)" if linked else ""
    if drift.is_empty:
        lines = [f"{REMOTE}: in step with the profile{pairs}."]
    else:
        counts = [f"{len(drift.missing)} missing from the profile", f"{len(drift.promotions)} published since",
                  f"{len(drift.fills)} identifier(s) to fill", f"{len(drift.differences)} field difference(s)"]
        lines = [f"{REMOTE}: " + ", ".join(counts) + f"{pairs}."]
    if drift.missing:
        lines.append("Missing from the profile:")
        lines += [f"  - {_describe(work)}  [{REMOTE} {work.key}]" for work in drift.missing]
    if drift.promotions:
        lines.append("Published since (the profile says under review or in preparation):")
        lines += [f"  ^ [{p.work}] {p.status} → published" + (f" in {p.venue}" if p.venue else "")
                  + (f", {p.date}" if p.date else "") + (f", DOI {p.doi}" if p.doi else "") + f"  [{REMOTE} {p.source}]"
                  for p in drift.promotions]
    if drift.fills:
        lines.append("Identifiers the profile lacks:")
        lines += [f"  + [{f.work}] {f.field}: {f.value}  [{REMOTE} {f.source}]" for f in drift.fills]
    if drift.differences:
        lines.append(f"Field differences (profile vs {REMOTE}):")
        lines += [f"  ~ [{d.work}] {d.field}: {d.ours!r} vs {d.theirs!r}" for d in drift.differences]
    if drift.misattributed:
        lines.append(f"{MISATTRIBUTED}:")
        lines += [f"  ? {_describe(work)}  [{REMOTE} {work.key}] printed authors: {_authors(work)}"
                  for work in drift.misattributed]
    return "\n".join(lines)


def as_json(drift: Drift) -> dict[str, Any]:
    """What OpenAlex adds to a record target's `works` entry of `diff --format json`."""
    return {
        "published_since": [{"id": p.work, "status": p.status, "venue": p.venue, "date": p.date, "doi": p.doi,
                             "openalex": p.source} for p in drift.promotions],
        "fills": [{"id": f.work, "field": f.field, "value": f.value, "openalex": f.source} for f in drift.fills],
        "misattributed": [{"title": w.title, "year": w.year, "openalex": w.key,
                           "authors": list(w.extra.get("authors") or [])} for w in drift.misattributed],
    }


def markdown(drift: Drift) -> list[str]:
    """The OpenAlex-only sections of the PR comment (after the sections every record target has)."""
    lines: list[str] = []
    if drift.promotions:
        lines += ["#### Published since", "", *(f"- `{p.work}`: {p.status} → published"
                                                + (f" in {_code(p.venue)}" if p.venue else "")
                                                + (f", DOI `{p.doi}`" if p.doi else "") for p in drift.promotions), ""]
    if drift.fills:
        lines += ["#### Identifiers the profile lacks", "",
                  *(f"- `{f.work}` {f.field}: `{f.value}`" for f in drift.fills), ""]
    if drift.misattributed:
        lines += [f"#### {MISATTRIBUTED}", "",
                  *(f"- {_code(w.title)} ({w.year}), `{w.key}`: {_code(_authors(w))}" for w in drift.misattributed), ""]
    return lines


def _describe(work: Work) -> str:
    return f"{work.title} ({work.year})" if work.year else work.title


def _authors(work: Work) -> str:
    return ", ".join(work.extra.get("authors") or []) or "(none listed)"


def _code(text: str) -> str:
    """Text from OpenAlex inside Markdown: as code, so no title can inject links or markup."""
    return code(text)
