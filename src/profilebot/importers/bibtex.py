"""BibTeX text (Google Scholar exports and others) → Candidates for publications and patents.

Scholar's quirks handled here: duplicate citation keys (both entries kept), entries without a year,
author lists truncated with "others", LaTeX escapes (`K{\\"o}hler`), `organization=` as the
proceedings' publisher, arXiv preprints as `@article` with `journal={arXiv preprint arXiv:…}`, and
patents as `@misc` with `publisher={Google Patents}`, `month=feb # "~13"` and `note={US Patent 11,899,114}`.
"""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass
from typing import Any

from profilebot.errors import UsageError
from profilebot.importers.candidate import Candidate, citation_key, kept_key, year_of
from profilebot.model.dates import MONTH_ABBREVIATIONS
from profilebot.model.identifiers import normalize_arxiv, normalize_doi
from profilebot.model.matching import Work
from profilebot.model.names import stored_form

# BibTeX entry type → ORCID work type (ORCID's own Import-BibTeX mapping, with theses kept as theses).
ENTRY_TYPES = {"article": "journal-article", "inproceedings": "conference-paper", "conference": "conference-paper",
               "proceedings": "conference-proceedings", "book": "book", "inbook": "book-chapter",
               "incollection": "book-chapter", "phdthesis": "dissertation-thesis",
               "mastersthesis": "dissertation-thesis", "techreport": "report", "manual": "manual",
               "misc": "other", "unpublished": "other", "online": "website", "software": "software"}
_PREPRINT_VENUE = re.compile(r"(?i)\b(arxiv|biorxiv|medrxiv|chemrxiv|ssrn|preprints?)\b")
_PATENT_NOTE = re.compile(r"(?i)^\s*([A-Z]{2})\s+Patent\s+(App(?:lication)?\.?\s+)?([\d,/]+)")
_AUTHOR_SPLIT = re.compile(r"\s+and\s+", re.IGNORECASE)


@dataclass(frozen=True)
class Entry:
    """One BibTeX entry as written: its key, type, LaTeX-decoded fields and its line in the file."""

    key: str
    type: str
    fields: dict[str, str]
    line: int


def parse(text: str, source: str) -> list[Entry]:
    """Every entry in file order, duplicates included; a file with no readable entry is a UsageError."""
    import bibtexparser
    from bibtexparser.model import Block, DuplicateBlockKeyBlock, ParsingFailedBlock
    from bibtexparser.model import Entry as BibEntry

    # No middleware stack: bibtexparser's middlewares skip (and log about) duplicate-key blocks, which
    # Scholar exports have; enclosing braces are removed here instead, the same way for every entry.
    # bibtexparser logs each unreadable block to stderr; the error below says it once, with file:line.
    logger = logging.getLogger("bibtexparser")
    level, logger.level = logger.level, logging.CRITICAL + 1
    try:
        library = bibtexparser.parse_string(text.replace("\r\n", "\n"), parse_stack=[])
    finally:
        logger.setLevel(level)
    entries, failures = [], []
    block: Block | None  # a duplicate's ignore_error_block may be None; neither branch below takes it then
    for block in library.blocks:
        if isinstance(block, DuplicateBlockKeyBlock):
            block = block.ignore_error_block  # Scholar reuses keys for different papers: keep both
        if isinstance(block, BibEntry):
            fields = {f.key.lower(): _decode(_unenclose(str(f.value))) for f in block.fields}
            entries.append(Entry(block.key, block.entry_type.lower(), fields, (block.start_line or 0) + 1))
        elif isinstance(block, ParsingFailedBlock):
            failures.append(f"{source}:{(block.start_line or 0) + 1}: the entry starting here cannot be read "
                            f"({_reason(block.error)}); nothing was imported.")
    if failures:
        # Importing the rest would silently lose this entry (and whatever the parser swallowed with it).
        raise UsageError(failures[0], "Close every { with a } and end each field with a comma, then import again.")
    if not entries and text.strip():
        raise UsageError(f"{source}: no BibTeX entry could be read.",
                         "Expected entries such as @article{key, title={…}, …}.")
    return entries


def _reason(error: Exception) -> str:
    text = " ".join(str(error).split())
    return text[:160] if text else "an unclosed brace, or a field without its closing comma"


def candidates(text: str, source: str, owner: str = "") -> list[Candidate]:
    """`owner` (the profile's person) stands in as the one author of an entry that names none."""
    return [candidate(entry, source, owner) for entry in parse(text, source)]


def candidate(entry: Entry, source: str, owner: str = "") -> Candidate:
    origin = f"{source}: @{entry.type}{{{entry.key}}} (line {entry.line})"
    if _is_patent(entry):
        return _patent(entry, origin, owner)
    return _publication(entry, origin, owner)


def _publication(entry: Entry, origin: str, owner: str) -> Candidate:
    fields = entry.fields
    authors, truncated = authors_of(fields.get("author") or fields.get("editor") or "")
    venue = fields.get("journal") or fields.get("booktitle")
    arxiv = _arxiv(fields, venue)
    preprint = bool(arxiv and not fields.get("doi")) or bool(venue and _PREPRINT_VENUE.search(venue))
    work_type = "preprint" if preprint else ENTRY_TYPES.get(entry.type, "other")
    data: dict[str, Any] = {"type": work_type, "status": "preprint" if preprint else "published",
                            "title": fields.get("title", "").strip(), "authors": authors or [owner or "Unknown"]}
    if venue and not (arxiv and venue.lower().startswith("arxiv preprint")):
        data["venue"] = {"name": venue}
    date = _date(fields)
    if date is not None:
        data["date"] = date
    for name in ("doi", "isbn", "issn", "pmid", "url", "volume", "pages"):
        if fields.get(name):
            data[name] = normalize_doi(fields[name]) or fields[name] if name == "doi" else fields[name]
    if fields.get("pages"):
        data["pages"] = re.sub(r"-+", "-", fields["pages"])
    if fields.get("number"):
        data["issue"] = fields["number"]
    if arxiv:
        data["arxiv"] = arxiv
    publisher = next((fields[k] for k in ("publisher", "organization", "school", "institution") if fields.get(k)), None)
    if publisher:
        data["publisher"] = publisher
    data.update(al_folio_fields(fields, data.get("venue")))
    note, status = _note_and_status(fields)
    if status and not preprint:
        data["status"] = status
    if note:
        data["note"] = note
    if truncated or not authors:
        # Our words go to the private `todo` (PB213), never to the public `note`.
        data["todo"] = ("The source lists only the first authors (it ends with 'others'): complete the author list."
                        if truncated else "The source names no authors: the list holds only you; complete it.")
    year = year_of(date)
    awards = [{"title": fields.get("award_name") or fields["award"]}] if fields.get("award") else []
    work = Work(key=entry.key, title=data["title"], year=year, first_author=authors[0] if authors else "",
                type=work_type, doi=data.get("doi"), arxiv=arxiv, isbn=data.get("isbn"), venue=venue,
                preprint=preprint, source=origin, authors=(*authors, *(["others"] if truncated else [])))
    return Candidate("publications", data, origin, work,
                     kept_key(entry.key, citation_key(work.first_author, year, work.title)),
                     companions=tuple(("awards", award) for award in awards))


# al-folio's display keys (see render/site/al_folio.py, which writes them back): link buttons and badges.
AL_FOLIO_LINKS = {"pdf": "pdf", "code": "code", "slides": "slides", "poster": "poster", "video": "video",
                  "html": "html", "website": "project", "supp": "supplement", "blog": "project"}
_TRUE = {"true", "yes", "1"}


def al_folio_fields(fields: dict[str, str], venue: dict[str, str] | None) -> dict[str, Any]:
    """`abbr` → venue.short, `selected`, link keys → links, `bibtex_show`, `preview`, badges."""
    found: dict[str, Any] = {}
    abbr = fields.get("abbr", "").strip()
    if abbr:
        found["venue"] = {"name": (venue or {}).get("name") or abbr, "short": abbr}
    if fields.get("selected", "").strip().lower() in _TRUE:
        found["selected"] = True
    links: dict[str, str] = {}
    for key, link in AL_FOLIO_LINKS.items():
        if fields.get(key, "").strip():
            links.setdefault(link, fields[key].strip())
    if links:
        found["links"] = links
    if fields.get("bibtex_show", "").strip() and fields["bibtex_show"].strip().lower() not in _TRUE:
        found["bibtex_show"] = False  # shown is the default (render/site/al_folio.py writes true)
    for key in ("preview", "google_scholar_id"):
        if fields.get(key, "").strip():
            found[key] = fields[key].strip()
    for key in ("altmetric", "dimensions"):
        value = fields.get(key, "").strip()
        if value:
            found[key] = True if value.lower() in _TRUE else value
    return found


def _patent(entry: Entry, origin: str, owner: str) -> Candidate:
    fields = entry.fields
    inventors, _ = authors_of(fields.get("author", ""))
    note = fields.get("note", "")
    match = _PATENT_NOTE.match(note)
    number = f"{match.group(1)}{match.group(3).replace(',', '')}" if match else (note or entry.key)
    data: dict[str, Any] = {"title": fields.get("title", "").strip(), "inventors": inventors or [owner or "Unknown"],
                            "number": number}
    if match and match.group(2):
        data["status"] = "pending"
    date = _date(fields)
    if date is not None:
        data["date"] = date
    if match and not match.group(2):
        # Scholar prints a granted patent's number without its kind code, which `check` requires with
        # `status: granted`; the status is left out rather than a kind code invented.
        data["todo"] = (f"Google Scholar prints {note} without its kind code: add it (e.g. B1 or B2, from Google "
                        "Patents) to the number, and `status: granted`.")
    if not inventors:
        data["todo"] = "The source names no inventors: the list holds only you; complete it."
    year = year_of(date)
    work = Work(key=entry.key, title=data["title"], year=year, first_author=inventors[0] if inventors else "",
                type="patent", patent=number, source=origin)
    return Candidate("patents", data, origin, work, kept_key(entry.key, citation_key(work.first_author, year, work.title)))


def authors_of(field: str) -> tuple[list[str], bool]:
    """Names in the one stored form ('Family, Given', names.stored_form), and whether Scholar truncated the
    list with 'others'. BibTeX also allows 'Given Family' ("Klaas-Jan Stol" amid "Zeng, Qunhong and …")."""
    names = [" ".join(name.split()) for name in _AUTHOR_SPLIT.split(field.strip()) if name.strip()]
    truncated = bool(names) and names[-1].lower() == "others"
    names = names[:-1] if truncated else names
    return [name if "," in name else stored_form(name) for name in names], truncated


# What profilebot's own BibTeX exporter adds to `note` (render/citations.notes): read back as the status it
# stands for, or dropped (a workshop mark, an award listed in `award` too), never kept as a note.
_STATUS_NOTES = {"under review": "under-review", "in preparation": "in-preparation", "accepted": "accepted",
                 "preprint": "preprint", "published": "published"}


def _note_and_status(fields: dict[str, str]) -> tuple[str | None, str | None]:
    parts = [part.strip() for part in fields.get("note", "").split(";") if part.strip()]
    awards = {fields.get("award_name", "").strip().lower(), fields.get("award", "").strip().lower()} - {""}
    status = None
    kept = []
    for part in parts:
        lowered = part.lower()
        if lowered in _STATUS_NOTES and status is None:
            status = _STATUS_NOTES[lowered]
        elif lowered != "workshop paper" and lowered not in awards:
            kept.append(part)
    return ("; ".join(kept) or None), status


def _is_patent(entry: Entry) -> bool:
    return entry.type == "patent" or (entry.fields.get("publisher", "").lower() == "google patents"
                                      or bool(_PATENT_NOTE.match(entry.fields.get("note", ""))))


def _arxiv(fields: dict[str, str], venue: str | None) -> str | None:
    if fields.get("arxiv"):  # al-folio's own field
        return normalize_arxiv(fields["arxiv"])
    if fields.get("eprint") and (fields.get("eprinttype") or fields.get("archiveprefix") or "").lower() == "arxiv":
        return normalize_arxiv(fields["eprint"])
    if venue and "arxiv" in venue.lower():
        return normalize_arxiv(venue)
    return None


def _date(fields: dict[str, str]) -> int | str | None:
    """`year` (digits only) with the month when known: 2024, or '2024-02', or '2024-02-13' from `feb # "~13"`."""
    year = re.fullmatch(r"\s*(\d{4})\s*", fields.get("year", ""))
    if not year:
        return None
    month = re.match(r"\s*([A-Za-z]{3})[a-z]*\.?\s*(?:#\s*\"?[~\s\u00a0]*(\d{1,2}))?", fields.get("month", ""))
    number = re.fullmatch(r"\s*(\d{1,2})\s*", fields.get("month", ""))
    if month and month.group(1).lower() in MONTH_ABBREVIATIONS:
        index = MONTH_ABBREVIATIONS.index(month.group(1).lower()) + 1
        day = f"-{int(month.group(2)):02d}" if month.group(2) else ""
        return f"{year.group(1)}-{index:02d}{day}"
    if number and 1 <= int(number.group(1)) <= 12:
        return f"{year.group(1)}-{int(number.group(1)):02d}"
    return int(year.group(1))


def _unenclose(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and (value[0], value[-1]) in (("{", "}"), ('"', '"')):
        return value[1:-1]
    return value


@functools.lru_cache(maxsize=1 << 14)
def _decode(value: str) -> str:
    """LaTeX → Unicode ('K{\\"o}hler' → 'Köhler'); macros such as `feb # "~13"` are left for _date.

    Memoised, with one converter: building a LatexNodes2Text costs more than converting a field (a
    1,000-entry export spent a third of `diff --target scholar` there), and author lists repeat."""
    if ("\\" not in value and "{" not in value) or "#" in value:
        return value
    try:
        return _latex_converter().latex_to_text(value).strip()
    except Exception:  # noqa: BLE001 - pylatexenc raises bare errors on odd input; the raw text is still useful
        return value


@functools.lru_cache(maxsize=1)
def _latex_converter() -> Any:
    from pylatexenc.latex2text import LatexNodes2Text

    return LatexNodes2Text(keep_braced_groups=False)
