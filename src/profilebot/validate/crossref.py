"""`check --online`: each DOI's Crossref record against the profile's title, year, venue and first author.

Pure: the records are read in clients/crossref.py; here they become findings with positions. A DOI whose
record is another paper (title unlike, and first author different too) is an error: every export and
citation would send readers to the wrong work. Smaller disagreements are warnings (title, year, first
author) or notes (venue: Crossref's container titles are long proceedings names, the profile's may be
short). A DOI Crossref does not know is a warning: it may be registered with another agency (DataCite
registers arXiv's), or mistyped.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any, Iterator, Mapping

from profilebot.load.source_map import SourceMap
from profilebot.model import matching
from profilebot.model.identifiers import normalize_doi
from profilebot.model.names import fold, split_name
from profilebot.model.profile import Profile, Publication
from profilebot.findings import Finding, Path, Severity

SOURCE = "Crossref"
# Normalised titles this similar are one paper written two ways (a subtitle, a typo); below, another paper.
SAME_PAPER = 0.6


@dataclass(frozen=True)
class Check:
    """One online check: its code, name and severity as `profilebot rules` lists them, what it finds, the hint."""

    code: str
    name: str
    severity: Severity
    summary: str
    hint: str


OTHER_PAPER = Check("PB220", "doi-other-paper", Severity.ERROR,
                    "The DOI's Crossref record is another paper (title unlike, first author different).",
                    "The DOI resolves to a different work: correct the DOI (copy it from the paper's own page).")
TITLE = Check("PB221", "doi-title-differs", Severity.WARNING, "The title differs from the DOI's Crossref record.",
              "Use the title as published, or check the DOI.")
YEAR = Check("PB222", "doi-year-differs", Severity.WARNING,
             "The year is none of the DOI's Crossref years (issued, print, online).",
             "Use the year the paper was published, or check the DOI.")
VENUE = Check("PB223", "doi-venue-differs", Severity.INFO, "The venue differs from the DOI's Crossref container title.",
              "Check the venue name against the published one.")
FIRST_AUTHOR = Check("PB224", "doi-first-author-differs", Severity.WARNING,
                     "The first author's family name differs from the DOI's Crossref record.",
                     "Check the author order, or the DOI.")
UNKNOWN = Check("PB225", "doi-unknown-to-crossref", Severity.WARNING, "Crossref has no record of the DOI.",
                "Check the DOI for typos; DOIs of other agencies (DataCite, e.g. arXiv's 10.48550) are not in Crossref.")
CHECKS = (OTHER_PAPER, TITLE, YEAR, VENUE, FIRST_AUTHOR, UNKNOWN)


def named(code_or_name: str) -> Check | None:
    """The online check with this code (PB222) or name (doi-year-differs), as profilebot.yaml's `rules:` names it."""
    wanted = code_or_name.strip()
    return next((c for c in CHECKS if wanted.upper() == c.code or wanted.lower() == c.name), None)


def _severity(check: Check, levels: Mapping[str, str]) -> Severity | None:
    """The check's level after profilebot.yaml's `rules:` (None: switched off), as lint applies it to rules."""
    level = levels.get(check.code) or levels.get(check.name) or check.severity.value
    return None if level == "off" else Severity(level)


def dois(profile: Profile) -> list[str]:
    """The normalised DOIs to look up, each once, in profile order."""
    return list(dict.fromkeys(d for p in profile.publications if (d := normalize_doi(p.doi or ""))))


def compare(profile: Profile, records: Mapping[str, Mapping[str, Any]], source_map: SourceMap,
            source: str = "profile.yaml", levels: Mapping[str, str] | None = None) -> list[Finding]:
    """`records`: Crossref work messages by lower-case DOI (a DOI absent from it is unknown to Crossref);
    `levels`: profilebot.yaml's `rules:` (error, warning, info or off per code or name)."""
    findings = []
    for index, publication in enumerate(profile.publications):
        doi = normalize_doi(publication.doi or "")
        if not doi:
            continue
        record = records.get(doi)
        for check, field, message in _problems(publication, doi, record):
            severity = _severity(check, levels or {})
            if severity is None:
                continue
            path: Path = ("publications", index, *field)
            position = source_map.position(path) or source_map.position(("publications", index, "doi"))
            findings.append(Finding(check.code, check.name, severity, message, path,
                                    position[0] if position else None, position[1] if position else None,
                                    check.hint, source))
    return sorted(findings, key=Finding.sort_key)


def _problems(publication: Publication, doi: str, record: Mapping[str, Any] | None
              ) -> Iterator[tuple[Check, tuple[str | int, ...], str]]:
    if record is None:
        yield UNKNOWN, ("doi",), f"Crossref has no record of DOI {doi}."
        return
    title = _first(record.get("title"))
    similarity = difflib.SequenceMatcher(None, matching.normalize_title(title),
                                         matching.normalize_title(publication.title)).ratio()
    ours_first = fold(publication.authors[0].family) if publication.authors else ""
    theirs_first = _first_author(record)
    if similarity < SAME_PAPER and ours_first and theirs_first and ours_first != fold(theirs_first):
        yield OTHER_PAPER, ("doi",), (f"DOI {doi} is another paper on Crossref: \"{title}\" by {theirs_first} "
                                      f"et al., not \"{publication.title}\".")
        return
    if matching.normalize_title(title) != matching.normalize_title(publication.title):
        yield TITLE, ("title",), f"the title differs from Crossref's record of DOI {doi}: \"{title}\"."
    years = _years(record)
    if publication.year is not None and years and publication.year not in years:
        yield YEAR, ("date",), (f"the year {publication.year} differs from Crossref's record of DOI {doi} "
                                f"({'/'.join(str(y) for y in sorted(years))}).")
    venue = _first(record.get("container-title"))
    if venue and publication.venue is not None and not _same_venue(publication, venue):
        yield VENUE, ("venue",), f"the venue differs from Crossref's record of DOI {doi}: \"{venue}\"."
    if ours_first and theirs_first and ours_first != fold(theirs_first):
        yield FIRST_AUTHOR, ("authors", 0), (f"the first author {publication.authors[0].name} differs from "
                                             f"Crossref's record of DOI {doi} ({theirs_first}).")


def _first(value: Any) -> str:
    if isinstance(value, list):
        value = value[0] if value else ""
    return " ".join(str(value or "").split())


def _first_author(record: Mapping[str, Any]) -> str:
    listed = record.get("author")
    authors = [a for a in listed if isinstance(a, dict)] if isinstance(listed, list) else []
    first = next((a for a in authors if a.get("sequence") == "first"), authors[0] if authors else None)
    if first is None:
        return ""
    return str(first.get("family") or split_name(str(first.get("name") or ""))[1])


def _years(record: Mapping[str, Any]) -> set[int]:
    """Crossref's issued, print and online years: a paper online in December and in print in January is both."""
    years = set()
    for name in ("issued", "published-print", "published-online", "published"):
        date = record.get(name)
        parts = date.get("date-parts") if isinstance(date, dict) else None
        first = parts[0] if isinstance(parts, list) and parts else None
        if isinstance(first, list) and first and isinstance(first[0], int) and not isinstance(first[0], bool):
            years.add(first[0])
    return years


def _same_venue(publication: Publication, venue: str) -> bool:
    theirs = fold(venue)
    names = [publication.venue.name, publication.venue.short] if publication.venue else []
    return any(fold(name) and (fold(name) in theirs or theirs in fold(name)) for name in names if name)
