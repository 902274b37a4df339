"""Entries proposed for profile.yaml → the PR body's table, diff's text lines and JSON records."""

from __future__ import annotations

from typing import Any, Iterable, Sequence

from profilebot.report.markdown import code, inline
from profilebot.diff.entries import EntryAddition

MAX_ROWS = 150  # a PR body holds at most 65,536 characters; a whole ORCID record of additions is summarised


def markdown(additions: Sequence[EntryAddition]) -> list[str]:
    """One row per entry, with its source first: a reviewer decides by who claims the work exists."""
    changes = any(item.change for item in additions)
    evidence = any(item.evidence for item in additions)
    rows = ["| source | section | id | title | year | identifiers |" + (" change |" if changes else "")
            + (" evidence |" if evidence else ""),
            "| --- | --- | --- | --- | ---: | --- |" + (" --- |" if changes else "") + (" --- |" if evidence else "")]
    for item in additions[:MAX_ROWS]:
        ids = ", ".join(f"{kind} {_code(value)}" for kind, value in item.identifiers) or "—"
        rows.append(f"| {_cell(item.source)} | {item.section} | {_code(item.id)} | {_cell(item.title)} | "
                    f"{item.year or '—'} | {ids} |" + (f" {_cell(item.change or 'new entry')} |" if changes else "")
                    + (f" {_cell(item.evidence or '—')} |" if evidence else ""))
    if len(additions) > MAX_ROWS:
        rows += ["", f"… and {len(additions) - MAX_ROWS} more entries (all of them are in the commit)."]
    return rows + left_out((item.id, item.left_out) for item in additions)


def left_out(entries: Iterable[tuple[str, Sequence[str]]]) -> list[str]:
    """What the import did not take from the source (importers/links.py: a link or DOI that is none, a control
    character in a text), entry id by entry id."""
    notes = [f"- {_code(entry_id)}: {_flat(note)}" for entry_id, notes in entries for note in notes]
    if not notes:
        return []
    return ["", "Left out of these entries (what no profile may hold: a value that is no web address or DOI, "
            "an invisible control character; add the right value by hand):", *notes]


def text_lines(additions: Sequence[EntryAddition]) -> list[str]:
    lines = []
    for item in additions:
        year = f" ({item.year})" if item.year else ""
        ids = "".join(f" {kind} {value}" for kind, value in item.identifiers)
        change = f" ({_flat(item.change)})" if item.change else ""
        mark = "~" if item.change else "+"
        why = f"; evidence: {_flat(item.evidence)}" if item.evidence else ""
        lines.append(f"{mark} {item.section}/{item.id}: {_flat(item.title)}{year}{ids}{change}  "
                     f"[from {_flat(item.source)}{why}]")
        lines += [f"    left out: {_flat(note)}" for note in item.left_out]
    return lines


def as_json(additions: Sequence[EntryAddition]) -> list[dict[str, Any]]:
    return [{"section": item.section, "id": item.id, "title": item.title, "year": item.year,
             "identifiers": {kind: value for kind, value in item.identifiers}, "source": item.source,
             **({"change": item.change} if item.change else {}),
             **({"left_out": list(item.left_out)} if item.left_out else {}),
             **({"evidence": item.evidence} if item.evidence else {})}
            for item in additions]


def _flat(text: str) -> str:
    return " ".join(str(text).split())


def _cell(text: str) -> str:
    # One table row per entry, whatever a title carries (report/markdown.py).
    return inline(text)


def _code(text: str) -> str:
    return code(text)
