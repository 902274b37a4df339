"""Candidate: one entry an importer proposes for a profile section, with where it came from."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from profilebot.model.keys import id_from_name
from profilebot.model.matching import Work, fold
from profilebot.model.names import fold_keep_spaces, split_name

STOP_WORDS = {"a", "an", "the", "on", "of", "in", "for", "to", "and", "with", "at", "by", "from", "towards"}


@dataclass(frozen=True)
class Candidate:
    """`entry` uses the schema's field names and has no `id` yet; `work` is set for publications and patents."""

    section: str
    entry: dict[str, Any]
    origin: str
    work: Work | None = None
    id_hint: str = ""
    # Entries of other sections that belong to this one (an al-folio `award` → awards); propose adds them
    # with `publication:` set to the id this entry gets, and only when this entry is added.
    companions: tuple[tuple[str, dict[str, Any]], ...] = ()
    # The source's values left out at the edge (importers/links.py), named for the person: "url (it contains '<'…)".
    left_out: tuple[str, ...] = ()


def citation_key(first_author: str, year: int | None, title: str) -> str:
    """Scholar's key shape, which the profile's ids follow: family name + year + first significant word."""
    family = fold(split_name(first_author)[1]) or "work"
    words = [fold(word) for word in re.split(r"[\s\-:]+", title or "")]
    word = next((w for w in words if w and w not in STOP_WORDS), "")
    return f"{family}{year or ''}{word}"


def kept_key(source_key: str, fallback: str) -> str:
    """The source's own key (a BibTeX key, a page's file name) as the entry's id, so Scholar's calero2010mental or
    al-folio's TMC2020 stays the key of every output; a name no id can be (a space, an accent, a BOM, 150
    characters) becomes the nearest valid id (model.keys.id_from_name), and one with no letter or digit at
    all gives way to `fallback` (a Scholar-shaped key)."""
    return id_from_name(source_key or "") or fallback


def year_of(date: int | str | None) -> int | None:
    """The year of a date as an importer writes it for profile.yaml: 2024, '2024-02' or '2024-02-13'."""
    return int(str(date)[:4]) if date is not None else None


def slug(*parts: str) -> str:
    """'University of Waterloo', 'Ph.D.' → 'university-of-waterloo-phd' (a valid schema id)."""
    words = []
    for part in parts:
        words += re.findall(r"[a-z0-9]+", fold_spaced(part))
    return "-".join(words)[:60].strip("-") or "entry"


def fold_spaced(text: str) -> str:
    """Lower-case, accents and dots removed, word boundaries kept ('Ph.D.' is one word, 'phd')."""
    return fold_keep_spaces(text).replace(".", "")
