"""Records of (tag, value) pairs → the text of a tagged format (RIS, EndNote, RefWorks), one value per line."""

from __future__ import annotations

from profilebot.render import citations
from profilebot.render.citations import Work
from profilebot.render.escaping import tagged_value

Record = list[tuple[str, str]]


def lines(record: Record, layout: str) -> list[str]:
    """`layout` is a format string with {tag} and {value}; empty values are left out, never written blank."""
    return [layout.format(tag=tag, value=text) for tag, value in record if (text := tagged_value(value))]


def text(record: Record, layout: str, trailer: str = "") -> str:
    """One record's text: its lines, then `trailer` (RIS's `ER  - `), ending in a newline."""
    return "\n".join(lines(record, layout)) + "\n" + trailer


def page_range(text: str | None) -> tuple[str, str]:
    """'770-778' → ('770', '778'); a single page → ('12', '')."""
    if not text:
        return "", ""
    parts = citations.PAGE_DASH.split(text.strip(), maxsplit=1)
    return parts[0], parts[1] if len(parts) > 1 else ""


def standard_number(work: Work) -> str:
    """ISBN for books, else ISSN; for a patent, its number (EndNote and RefMan keep it in that slot)."""
    if work.patent is not None:
        return work.patent.number
    pub = work.publication
    return (pub.isbn or pub.issn or "") if pub is not None else ""
