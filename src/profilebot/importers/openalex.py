"""OpenAlex Work objects (API JSON) → Works for matching and Candidates for profile.yaml.

Why the printed names (`raw_author_name`) decide authorship: OpenAlex attributes works to author ids by
automatic disambiguation, which sometimes merges two people; the name the paper printed is the only
evidence that the profile's owner is really among the authors (`names_owner`).
"""

from __future__ import annotations

import re
from typing import Any, Iterable, Mapping

from profilebot.importers.candidate import Candidate, citation_key
from profilebot.importers.source import Imported, Request
from profilebot.model.identifiers import bare_doi, normalize_arxiv
from profilebot.model.matching import Work
from profilebot.model.profile import Person

OPENALEX = "https://openalex.org/"
# The fields every read asks for (`select=`): what identity, drift, candidates and citation counts use.
FIELDS = ("id", "doi", "display_name", "publication_year", "publication_date", "type", "primary_location",
          "locations", "authorships", "cited_by_count")
_ARXIV_DOI = re.compile(r"^10\.48550/arxiv\.(.+)$", re.IGNORECASE)
_ARXIV_URL = re.compile(r"arxiv\.org/(?:abs|pdf)/([^?#\s]+)", re.IGNORECASE)
# OpenAlex's work types → the profile's (ORCID's) names; conference and journal papers are both
# `article` there, told apart by the type of the venue (primary_location.source.type).
_TYPES = {"book-chapter": "book-chapter", "book": "book", "dissertation": "dissertation-thesis",
          "dataset": "data-set", "review": "review", "report": "report", "preprint": "preprint",
          "editorial": "other", "letter": "other", "erratum": "other", "paratext": "other", "other": "other",
          "standard": "standards-and-policy", "reference-entry": "encyclopedia-entry", "peer-review": "review"}


def short_id(value: str) -> str:
    """'https://openalex.org/A5023888391' or 'a5023888391' → 'A5023888391'."""
    return (value or "").strip().removeprefix(OPENALEX).upper()


def work_of(record: Mapping[str, Any]) -> Work:
    """One OpenAlex work → Work; `extra` keeps what reports and candidates need (authors, date, counts)."""
    doi = bare_doi(str(record.get("doi"))) if record.get("doi") else None  # stored as written; compared folded
    arxiv = None
    if doi and _ARXIV_DOI.match(doi):  # an arXiv DOI is the arXiv id in disguise, not a publisher's DOI
        arxiv, doi = normalize_arxiv(_ARXIV_DOI.match(doi).group(1)), None  # type: ignore[union-attr]
    arxiv = arxiv or _arxiv_location(record)
    source = _dict(_dict(record.get("primary_location")).get("source"))
    preprint = record.get("type") == "preprint" or source.get("type") == "repository"
    authors = printed_authors(record)
    return Work(
        key=short_id(str(record.get("id") or "")), title=str(record.get("display_name") or record.get("title") or ""),
        year=_int(record.get("publication_year")), first_author=authors[0] if authors else "",
        type=profile_type(record), doi=doi, arxiv=arxiv,
        venue=None if preprint else (source.get("display_name") or None), preprint=preprint, source="OpenAlex",
        extra={"openalex": short_id(str(record.get("id") or "")), "authors": authors,
               "date": record.get("publication_date") if isinstance(record.get("publication_date"), str) else None,
               "cited_by": _count(record.get("cited_by_count")),
               "venue_type": source.get("type"), "orcids": _orcids(record), "institutions": _institutions(record)})


def printed_authors(record: Mapping[str, Any]) -> list[str]:
    """The author list as printed (raw_author_name), falling back to OpenAlex's display name."""
    names = []
    for authorship in _list(record.get("authorships")):
        authorship = _dict(authorship)
        name = authorship.get("raw_author_name") or _dict(authorship.get("author")).get("display_name")
        if isinstance(name, str) and name.strip():
            names.append(" ".join(name.split()))
    return names


def _orcids(record: Mapping[str, Any]) -> list[str]:
    """The ORCID iDs OpenAlex prints with the work's authors (evidence that the owner is one of them)."""
    found = (_dict(_dict(a).get("author")).get("orcid") for a in _list(record.get("authorships")))
    return [str(o).rsplit("/", 1)[-1] for o in found if isinstance(o, str) and o]


def _institutions(record: Mapping[str, Any]) -> list[str]:
    """The affiliations printed on the work, each once."""
    names = (_dict(i).get("display_name") for a in _list(record.get("authorships"))
             for i in _list(_dict(a).get("institutions")))
    return list(dict.fromkeys(n for n in names if isinstance(n, str) and n))


def names_owner(work: Work, person: Person) -> bool:
    """Does the printed author list hold any spelling of the owner's name (full name or a variant)?"""
    return any(person.is_named(name) for name in work.extra.get("authors") or [])


def profile_type(record: Mapping[str, Any]) -> str:
    kind = str(record.get("type") or "other")
    if kind == "article":
        venue_type = _dict(_dict(record.get("primary_location")).get("source")).get("type")
        return "conference-paper" if venue_type == "conference" else "journal-article"
    return _TYPES.get(kind, "other")


def candidates(works: Iterable[Work], owner: str) -> list[Candidate]:
    """Proposed publications for OpenAlex works (one version per work: pass representatives)."""
    return [candidate(work, owner) for work in works]


def candidate(work: Work, owner: str) -> Candidate:
    authors = list(work.extra.get("authors") or []) or [owner]
    entry: dict[str, Any] = {"type": work.type or "other", "status": "preprint" if work.preprint else "published",
                             "title": work.title, "authors": authors}
    if work.venue:
        entry["venue"] = {"name": work.venue}
    date = profile_date(work)
    if date is not None:
        entry["date"] = date
    if work.doi:
        entry["doi"] = work.doi
    if work.arxiv:
        entry["arxiv"] = work.arxiv
    return Candidate("publications", entry, f"OpenAlex {work.key}", work,
                     citation_key(authors[0], work.year, work.title))


def profile_date(work: Work) -> int | str | None:
    """OpenAlex's publication_date, or the year alone when the date is only a year's first day (a placeholder
    OpenAlex uses when it knows the year only)."""
    date = str(work.extra.get("date") or "")
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", date) and not date.endswith("-01-01"):
        return date
    return work.year


def _arxiv_location(record: Mapping[str, Any]) -> str | None:
    for location in [record.get("primary_location")] + _list(record.get("locations")):
        match = _ARXIV_URL.search(str(_dict(location).get("landing_page_url") or ""))
        if match:
            return normalize_arxiv(match.group(1))
    return None


def _dict(value: Any) -> Mapping[str, Any]:
    """A server's object, or an empty one where it sent something else (null, a string): never a crash."""
    return value if isinstance(value, Mapping) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _int(value: Any) -> int | None:
    try:
        return int(value) if value is not None and not isinstance(value, bool) else None
    except (TypeError, ValueError, OverflowError):
        return None


def _count(value: Any) -> int | None:
    """A citation count as OpenAlex sends it: a whole number ≥ 0, else unknown (never a made-up 0)."""
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None


# --- `profilebot import openalex` (the importer interface, importers/source.py) ------------------------------------

NAME = "openalex"
VALUE = "an OpenAlex author id (or an ORCID iD)"
EXAMPLE = "0000-0002-1825-0097"  # a VALUE, for the commands `init` suggests


def imported(request: Request) -> Imported:
    """The works OpenAlex attributes to the author (owner named in the author list) that the profile lacks, and
    the DOIs, arXiv ids and publications it can fill in (field edits of existing entries)."""
    from profilebot.diff import openalex as drift_of
    from profilebot.targets import openalex as openalex_site

    request.say(f"reading the works of OpenAlex author {request.value}")
    works, _ = openalex_site.read(request.profile, request.settings, request.environ, author=request.value,
                                  policy=request.policy, tally=request.tally)
    request.matching(len(works), "work", "works")
    drift = drift_of.compare(request.profile, works)
    return Imported(candidates(drift.missing, request.profile.person.name), updates=drift_of.edits(drift))
