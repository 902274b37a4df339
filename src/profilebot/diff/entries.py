"""EntryAddition: one entry a sync proposes to add to (or complete in) profile.yaml, with the source that knows it."""

from __future__ import annotations

from dataclasses import dataclass

from profilebot.diff.decisions import Fill, Identity, Other


@dataclass(frozen=True)
class EntryAddition:
    """What a reviewer needs to judge an addition: where it goes, what it is, and who says it exists.

    `source` is written for people ("ORCID (source: Crossref), put-code 1234", "Scholar export
    scholar.bib, @article{key}", "JSON Resume resume.json, work[0]"); `identifiers` are (kind, value)
    pairs such as ("DOI", "10.1145/…") in a fixed order.
    """

    section: str
    id: str
    title: str
    year: int | None
    identifiers: tuple[tuple[str, str], ...]
    source: str
    change: str = ""  # an existing entry's edit ("doi added; status: under-review → published"); "" = new entry
    left_out: tuple[str, ...] = ()  # the source's links and DOIs not taken, and why (importers/links.py)
    evidence: str = ""  # why the bot believes a new work is the owner's (diff/evidence.py), for the PR table
    identity: Identity | None = None  # a new work as identity knows it: recorded in the PR so a close declines it
    fills: tuple[Fill, ...] = ()  # the values an edit sets, recorded likewise
    other: Other | None = None  # a position, degree or talk (not a work), recorded likewise
