"""BibTeX text (Google Scholar exports and others) → Candidates for publications and patents.

Scholar's quirks handled here: duplicate citation keys (both entries kept), entries without a year,
author lists truncated with "others", LaTeX escapes (`K{\\"o}hler`), `organization=` as the
proceedings' publisher, arXiv preprints as `@article` with `journal={arXiv preprint arXiv:…}`, and
patents as `@misc` with `publisher={Google Patents}`, `month=feb # "~13"` and `note={US Patent 11,899,114}`.
"""

from __future__ import annotations

import functools
import html
import logging
import re
from dataclasses import dataclass
from typing import Any

from profilebot.errors import UsageError
from profilebot.importers import bibtex_source
from profilebot.importers.candidate import Candidate, citation_key, kept_key, year_of
from profilebot.importers.source import Imported, Request, one_file
from profilebot.model.keys import VALID_ID
from profilebot.model.dates import MONTH_ABBREVIATIONS
from profilebot.model.identifiers import bare_doi, isbn_ok, normalize_arxiv
from profilebot.model.matching import Work
from profilebot.model.names import stored_form

# BibTeX entry type → ORCID work type (ORCID's own Import-BibTeX mapping, with theses kept as theses).
ENTRY_TYPES = {"article": "journal-article", "inproceedings": "conference-paper", "conference": "conference-paper",
               "proceedings": "conference-proceedings", "book": "book", "inbook": "book-chapter",
               "incollection": "book-chapter", "phdthesis": "dissertation-thesis",
               "mastersthesis": "dissertation-thesis", "techreport": "report", "manual": "manual",
               "misc": "other", "unpublished": "other", "online": "website", "software": "software",
               "thesis": "dissertation-thesis", "report": "report"}  # the last two: biblatex's names
_PREPRINT_VENUE = re.compile(r"(?i)\b(arxiv|biorxiv|medrxiv|chemrxiv|ssrn|preprints?|corr)\b")
_PATENT_NOTE = re.compile(r"(?i)^\s*([A-Z]{2})\s+Patent\s+(App(?:lication)?\.?\s+)?([\d,/]+)")
_AUTHOR_SPLIT = re.compile(r"\s+and\s+", re.IGNORECASE)


@dataclass(frozen=True)
class Entry:
    """One BibTeX entry as written: its key, type, fields (`@string` macros expanded, LaTeX decoded; the first
    of a repeated field, as BibTeX reads it), its line in the file, and each field's value as typed, in order."""

    key: str
    type: str
    fields: dict[str, str]
    line: int
    raw: tuple[tuple[str, str], ...] = ()


def parse(text: str, source: str, outcome: str = "nothing was imported",
          hint: str = "Close every { with a } and end each field with a comma, then import again.") -> list[Entry]:
    """Every entry in file order, duplicates included; a file with no readable entry is a UsageError.

    Entries are read by bibtex_source (which also gives the al-folio adapter its offsets), so an entry inside
    `@comment{…}` stays a comment, as jekyll-scholar reads it; bibtexparser checks the file for broken blocks."""
    text = text.replace("\r\n", "\n")
    _refuse_broken(text, source, outcome, hint)
    macros = bibtex_source.string_macros(text)
    entries = []
    line, counted = 1, 0  # lines counted up to `counted`: each entry counts only from the one before it
    for span in bibtex_source.entry_spans(text):
        line, counted = line + text.count("\n", counted, span.start), span.start
        fields: dict[str, str] = {}
        for field in span.fields:
            # A month stays as typed (`feb # "~13"`): _date reads BibTeX's month macros and a day with them.
            value = field.raw if field.name == "month" else bibtex_source.expand(field.raw, macros)
            # al-folio prints fields into HTML raw, so `&amp;` there means `&` (and render/site/al_folio.py
            # writes `&` as `&amp;`): entities are read as the characters they show.
            # Line breaks and runs of spaces inside a value are layout, read as one space.
            fields.setdefault(field.name, " ".join(html.unescape(_decode(value.strip())).split())
                              if field.name != "month" else value)
        raw = tuple((field.name, field.raw) for field in span.fields)
        entries.append(Entry(span.key, span.type, fields, line, raw))
    if not entries and text.strip():
        raise UsageError(f"{source}: no BibTeX entry could be read.",
                         "Expected entries such as @article{key, title={…}, …}.")
    return entries


def _refuse_broken(text: str, source: str, outcome: str, hint: str) -> None:
    """A block the parser cannot read is an error with its line: importing the rest would silently lose it."""
    import bibtexparser
    from bibtexparser.model import DuplicateBlockKeyBlock, DuplicateFieldKeyBlock, ParsingFailedBlock

    # No middleware stack: bibtexparser's middlewares skip (and log about) duplicate-key blocks, which
    # Scholar exports have (both entries are kept), and a repeated field is read as BibTeX does (the first).
    # bibtexparser logs each unreadable block to stderr; the error below says it once, with file:line.
    logger = logging.getLogger("bibtexparser")
    level, logger.level = logger.level, logging.CRITICAL + 1
    try:
        library = bibtexparser.parse_string(bibtex_source.without_comments(text), parse_stack=[])
    finally:
        logger.setLevel(level)
    for block in library.blocks:
        if isinstance(block, ParsingFailedBlock) and not isinstance(block, (DuplicateBlockKeyBlock,
                                                                           DuplicateFieldKeyBlock)):
            raise UsageError(f"{source}:{(block.start_line or 0) + 1}: the entry starting here cannot be read "
                             f"({_reason(block.error)}); {outcome}.", hint)


def _reason(error: Exception) -> str:
    text = " ".join(str(error).split())
    return text[:160] if text else "an unclosed brace, or a field without its closing comma"


def candidates(text: str, source: str, owner: str = "", site: str | None = None) -> list[Candidate]:
    """`owner` (the profile's person) stands in as the one author of an entry that names none. `site`: the
    site-relative path of an al-folio bibliography (`_bibliography/papers.bib`): each entry then keeps its
    `origin` (its own type, and the fields profilebot has no field for) for the adapter to write back."""
    return [candidate(entry, source, owner, site) for entry in parse(text, source)]


def candidate(entry: Entry, source: str, owner: str = "", site: str | None = None) -> Candidate:
    origin = f"{source}: @{entry.type}{{{entry.key}}} (line {entry.line})"
    if _is_patent(entry):
        return _patent(entry, origin, owner)
    return _publication(entry, origin, owner, site)


# Where each entry type names its venue (BibTeX's own fields; a thesis's school is where it was defended).
_VENUE_FIELDS = {"phdthesis": ("school", "institution"), "mastersthesis": ("school", "institution"),
                 "thesis": ("school", "institution"), "techreport": ("institution",),
                 "misc": ("howpublished",), "unpublished": ("howpublished",), "article": ("journal",),
                 "inproceedings": ("booktitle",), "conference": ("booktitle",), "incollection": ("booktitle",)}
_DEFAULT_VENUE_FIELDS = ("journal", "booktitle")
# Entry types that hold a preprint when they name no venue: an @inproceedings or @article with its
# booktitle/journal is published whatever identifiers it carries (an arXiv id is a link, not a status).
_MAYBE_PREPRINT = {"article", "misc", "unpublished", "online", "preprint"}


def venue_fields(entry_type: str) -> tuple[str, ...]:
    """The fields that name an entry's venue, the first present one counting (the al-folio adapter edits it)."""
    first = _VENUE_FIELDS.get(entry_type, ())
    return first + tuple(name for name in _DEFAULT_VENUE_FIELDS if name not in first)


def _venue_of(entry: Entry) -> tuple[str | None, str | None]:
    """(the field naming the venue, its text)."""
    for name in venue_fields(entry.type):
        if entry.fields.get(name, "").strip():
            return name, entry.fields[name].strip()
    return None, None


def is_preprint(entry_type: str, venue: str | None, arxiv: str | None) -> bool:
    """Published vs preprint from the entry type and the venue, never from an arXiv id alone: a preprint
    names a preprint server as its venue (`arXiv preprint arXiv:…`, bioRxiv, CoRR), or is an @article/@misc
    that names no venue but an arXiv id."""
    if venue:
        return bool(_PREPRINT_VENUE.search(venue))
    return bool(arxiv) and entry_type in _MAYBE_PREPRINT


def _publication(entry: Entry, origin: str, owner: str, site: str | None) -> Candidate:
    fields = entry.fields
    author_field = "author" if fields.get("author", "").strip() else "editor"
    authors, truncated, marks = authors_with_marks(fields.get(author_field, ""), fields.get("annotation", ""))
    venue_field, venue = _venue_of(entry)
    arxiv = _arxiv(fields, venue)
    preprint = is_preprint(entry.type, venue, arxiv)
    work_type = "preprint" if preprint else ENTRY_TYPES.get(entry.type, "other")
    data: dict[str, Any] = {"type": work_type, "status": "preprint" if preprint else "published",
                            "title": fields.get("title", "").strip(),
                            "authors": [{"name": name, "equal_contribution": True} if marked else name
                                        for name, marked in zip(authors, marks)] or [owner or "Unknown"]}
    if truncated and authors:
        data["more_authors"] = True  # `and others`: a fact of the entry, written back by every format that can
    if venue and not (arxiv and venue.lower().startswith("arxiv preprint")):
        data["venue"] = {"name": venue}
    date = _date(fields)
    if date is not None:
        data["date"] = date
    for name in ("doi", "isbn", "issn", "pmid", "url", "volume", "pages"):
        if fields.get(name, "").strip():
            value = fields[name].strip()
            data[name] = (bare_doi(value) or value) if name == "doi" else value
    if fields.get("pages"):
        data["pages"] = re.sub(r"-+", "-", fields["pages"].strip())
    if fields.get("number", "").strip():
        data["issue"] = fields["number"].strip()
    if arxiv:
        data["arxiv"] = arxiv
    publisher = next((fields[k].strip() for k in ("publisher", "organization", "school", "institution")
                      if fields.get(k, "").strip() and k != venue_field), None)
    if publisher:
        data["publisher"] = publisher
    if fields.get("abstract", "").strip():
        data["abstract"] = " ".join(fields["abstract"].split())
    data.update(al_folio_fields(fields, data.get("venue")))
    note, status = _note_and_status(fields)
    if status and not preprint:
        data["status"] = status
    if note:
        data["note"] = note
    if not authors:
        # Our words go to the private `todo` (PB213), never to the public `note`.
        data["todo"] = "The source names no authors: the list holds only you; complete it."
    left_out: tuple[str, ...] = ()
    if site is not None:
        used = _modelled(entry, author_field, venue_field, arxiv) - _set_aside_invalid(data)
        data["origin"] = _origin(entry, site, work_type, used)
    elif data.get("isbn") and not isbn_ok(data["isbn"]):  # an ISSN typed as `isbn`: left out and named
        del data["isbn"]
        left_out = ("isbn (not a valid ISBN-10 or ISBN-13)",)
    year = year_of(date)
    awards = [{"title": fields["award"].strip()}] if fields.get("award", "").strip() else []
    work = Work(key=entry.key, title=data["title"], year=year, first_author=authors[0] if authors else "",
                type=work_type, doi=data.get("doi"), arxiv=arxiv, isbn=data.get("isbn"), venue=venue,
                preprint=preprint, source=origin, authors=(*authors, *(["others"] if truncated else [])))
    return Candidate("publications", data, origin, work,
                     kept_key(entry.key, citation_key(work.first_author, year, work.title)),
                     companions=tuple(("awards", award) for award in awards), left_out=left_out)


def _set_aside_invalid(data: dict[str, Any]) -> set[str]:
    """A site's value `check` would refuse (a handle URL as `doi`, a `www.` address as `url`, an ISSN as
    `isbn`, `hhttps://…` as `pdf`): left out of the profile by the one link grammar (importers/links.py) and
    kept in `origin` instead, so the site keeps it as typed and one typo does not refuse the whole site.
    Returns the BibTeX fields set aside."""
    from profilebot.importers import links as link_grammar

    kept, _notes = link_grammar.checked_entry(data)
    aside: set[str] = {name for name in ("doi", "url") if name in data and name not in kept}
    if data.get("isbn") and not isbn_ok(data["isbn"]):
        aside.add("isbn")
        del kept["isbn"]
    their_links, our_links = data.get("links", {}), kept.get("links", {})
    aside |= {key for key, link in AL_FOLIO_LINKS.items() if link in their_links and link not in our_links}
    data.clear()
    data.update(kept)
    return aside


# The entry type profilebot's BibTeX writes for each work type (render/bibtex.py): another one is kept.
_WRITTEN_TYPE = {"journal-article": "article", "conference-paper": "inproceedings", "book-chapter": "incollection",
                 "dissertation-thesis": "phdthesis", "report": "techreport", "book": "book", "other": "misc",
                 "preprint": "article"}
# The fields read into the profile (above and in al_folio_fields); every other one is kept in `origin`.
_READ = {"title", "year", "month", "doi", "isbn", "issn", "pmid", "url", "volume", "pages", "number", "publisher",
         "organization", "abstract", "note", "abbr", "selected", "bibtex_show", "preview", "google_scholar_id",
         "altmetric", "dimensions", "award"}


def _modelled(entry: Entry, author_field: str, venue_field: str | None, arxiv: str | None) -> set[str]:
    used = set(_READ) | {author_field} | set(AL_FOLIO_LINKS)
    if venue_field:
        used.add(venue_field)
    if entry.fields.get("school") or entry.fields.get("institution"):
        used.add("school" if entry.fields.get("school") else "institution")
    if arxiv:
        used |= {"arxiv", "eprint", "archiveprefix", "eprinttype"}
    return used


def _origin(entry: Entry, site: str, work_type: str, used: set[str]) -> dict[str, Any]:
    """al-folio's entry as the profile cannot hold it: its own type, and each other field as typed (braces
    or quotes around it removed; a macro expanded), in the file's order."""
    origin: dict[str, Any] = {"template": "al-folio", "path": site}
    if not VALID_ID.match(entry.key):  # the id is made from the entry then: the key finds the entry again
        origin["key"] = entry.key
    if entry.type != _WRITTEN_TYPE.get(work_type):
        origin["entry_type"] = entry.type
    kept = {}
    for name, raw in entry.raw:
        if name not in used and name not in kept:
            value = raw.strip()
            literal = len(value) >= 2 and (value[0], value[-1]) in (("{", "}"), ('"', '"'))
            kept[name] = value[1:-1] if literal else entry.fields.get(name, value)
    if kept:
        origin["fields"] = kept
    return origin


# al-folio's display keys (see render/site/al_folio.py, which writes them back): link buttons and badges.
AL_FOLIO_LINKS = {"pdf": "pdf", "code": "code", "slides": "slides", "poster": "poster", "video": "video",
                  "html": "html", "website": "project", "supp": "supplement"}
# al-folio serves these keys' bare file names from assets/pdf/ (its bib.liquid prepends `/assets/pdf/`).
AL_FOLIO_PDF_KEYS = ("pdf", "supp", "poster", "slides")
AL_FOLIO_PDF_FOLDER = "/assets/pdf/"
_TRUE = {"true", "yes", "1"}


def al_folio_link(key: str, value: str) -> str:
    """`pdf={aaai20_damd.pdf}` is `/assets/pdf/aaai20_damd.pdf` on an al-folio site: the link every output can
    follow (a bare file name would be a dead relative link in the CV and on another site)."""
    value = value.strip()
    if key in AL_FOLIO_PDF_KEYS and value and "://" not in value and not value.startswith("/"):
        return AL_FOLIO_PDF_FOLDER + value
    return value


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
            links.setdefault(link, al_folio_link(key, fields[key]))
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
    number = f"{match.group(1)}{re.sub('[,/]', '', match.group(3))}" if match else (note or entry.key)
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
    names, truncated, _ = authors_with_marks(field)
    return names, truncated


# Co-first-author marks as al-folio sites type them after a name (`Xu*, Kai`, `Huang†, Pinzhi`).
_MARK = re.compile(r"\s*(\$\^\{?(?:\*|\\dag(?:ger)?)\}?\$|\\textsuperscript\{(?:\*|\\dag(?:ger)?|†)\}"
                   r"|\\textdagger\b|\*|†)\s*")


def authors_with_marks(field: str, annotation: str = "") -> tuple[list[str], bool, list[bool]]:
    """authors_of, plus which names carry a co-first mark: `*` always, `†` unless the entry's al-folio
    `annotation` gives † another meaning ("† Equal advising"), in which case it stays in the name as typed."""
    dagger_is_equal = "†" not in annotation or bool(re.search(r"†[^,;*]*(equal|co-?first)[^,;*]*contribut",
                                                              annotation, re.IGNORECASE))
    names, marks = [], []
    for name in _AUTHOR_SPLIT.split(field.strip()):
        name = " ".join(name.split())
        if not name:
            continue
        marked = False
        for match in reversed(list(_MARK.finditer(name))):
            if "*" in match.group(1) or dagger_is_equal:
                marked = True
                name = (name[:match.start()] + (" " if 0 < match.start() and match.end() < len(name)
                                                and name[match.end()] != "," else "") + name[match.end():])
        names.append(" ".join(name.replace(" ,", ",").split()).strip(", "))  # `Liam Paninski, and …`: a typo
        marks.append(marked)
    truncated = bool(names) and names[-1].lower() == "others"
    if truncated:
        names, marks = names[:-1], marks[:-1]
    return [name if "," in name else stored_form(name) for name in names], truncated, marks


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
    typed = fields.get("month", "")
    # The month as typed: a macro (`aug`, `feb # "~13"`) or a braced or quoted text (`{Aug.}`, `"8"`).
    text = _unenclose(typed) if re.fullmatch(r'\s*(\{[^{}]*\}|"[^"]*")\s*', typed) else typed
    month = re.match(r"\s*([A-Za-z]{3})[a-z]*\.?\s*(?:#\s*\"?[~\s\u00a0]*(\d{1,2}))?", text)
    number = re.fullmatch(r"\s*(\d{1,2})\s*", text)
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


# --- `profilebot import bibtex` (the importer interface, importers/source.py) --------------------------------------

NAME = "bibtex"
VALUE = "a BibTeX file (a Google Scholar export, a bibliography)"
EXAMPLE = "scholar.bib"  # a VALUE, for the commands `init` suggests


def imported(request: Request) -> Imported:
    def counted(text: str, source: str, owner: str) -> list[Candidate]:
        at_most(request, text, source)
        return candidates(text, source, owner)

    return one_file(request, counted)[1]


def at_most(request: Request, text: str, where: str) -> None:
    """Too many entries are refused by one scan before parsing, which costs about a millisecond an entry (69,000:
    minutes)."""
    request.at_most(bibtex_source.entry_count(text), where)
