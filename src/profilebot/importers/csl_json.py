"""CSL-JSON (Zotero, Pandoc, citeproc, profilebot's own publications.csl.json) → publication Candidates.

The inverse of render/csl_json.py: an item's `id` is kept as the entry's id when it is a valid one, CSL
names become the stored "Family, Given" form, `status` ("Under review", "In preparation") becomes the
profile's status, and `number` "arXiv:<id>" the arXiv id. Patents are left to the BibTeX and ORCID importers.
"""

from __future__ import annotations

from typing import Any

from profilebot.errors import ProfilebotError
from profilebot.importers.json_input import listed
from profilebot.importers.candidate import Candidate, citation_key, kept_key, year_of
from profilebot.importers.source import Imported, Request, one_file
from profilebot.model.identifiers import bare_doi, normalize_arxiv
from profilebot.model.matching import Work

# CSL type → the profile's work type (the reverse of render/csl_json._TYPES; other CSL types are "other").
TYPES = {"paper-conference": "conference-paper", "article-journal": "journal-article", "article": "preprint",
         "book": "book", "chapter": "book-chapter", "thesis": "dissertation-thesis", "report": "report"}
_STATUSES = {"under review": "under-review", "in preparation": "in-preparation", "accepted": "accepted"}


def candidates(text: str, source: str, owner: str = "") -> list[Candidate]:
    from profilebot.importers.json_input import loads

    items = loads(text, source, "Export CSL JSON from Zotero, or use profilebot's publications.csl.json.")
    if isinstance(items, dict):
        items = items.get("items", [items])
    if not isinstance(items, list):
        raise ProfilebotError(f"{source} holds no list of CSL items.", hint="A CSL-JSON file is a list of items.")
    found = [_publication(item, f"{source}#{index + 1}", owner) for index, item in enumerate(items)
             if isinstance(item, dict) and item.get("type") != "patent"]
    return [candidate for candidate in found if candidate is not None]


def _publication(item: dict[str, Any], origin: str, owner: str) -> Candidate | None:
    title = _text(item.get("title"))
    if not title:
        return None
    authors = [name for name in (_name(person) for person in listed(item.get("author")) if isinstance(person, dict))
               if name]
    arxiv = normalize_arxiv(_text(item.get("number")).removeprefix("arXiv:")) if _text(item.get("number")) else None
    work_type = TYPES.get(_text(item.get("type")), "other")
    status = _STATUSES.get(_text(item.get("status")).lower(), "preprint" if work_type == "preprint" else "published")
    data: dict[str, Any] = {"type": work_type, "status": status, "title": title, "authors": authors or [owner]}
    venue = _text(item.get("container-title"))
    if venue:
        data["venue"] = {"name": venue, **({"short": _text(item["container-title-short"])}
                                           if _text(item.get("container-title-short")) else {})}
    date = _date(item.get("issued"))
    if date is not None:
        data["date"] = date
    for csl, field in (("DOI", "doi"), ("URL", "url"), ("volume", "volume"), ("issue", "issue"), ("page", "pages"),
                       ("publisher", "publisher"), ("ISBN", "isbn"), ("ISSN", "issn")):
        if _text(item.get(csl)):
            data[field] = (bare_doi(_text(item[csl])) or _text(item[csl])) if field == "doi" else _text(item[csl])
    if arxiv:
        data["arxiv"] = arxiv
    if not authors:
        data["todo"] = "The source names no authors: the list holds only you; complete it."
    year = year_of(date)
    work = Work(key=_text(item.get("id")) or origin, title=title, year=year, first_author=authors[0] if authors else "",
                type=work_type, doi=data.get("doi"), arxiv=arxiv, venue=venue or None, preprint=work_type == "preprint",
                source=origin)
    key = _text(item.get("citation-key")) or _text(item.get("id"))
    return Candidate("publications", data, origin, work, kept_key(key, citation_key(work.first_author, year, title)))


def _name(person: dict[str, Any]) -> str:
    family, given = _text(person.get("family")), _text(person.get("given"))
    if family:
        return f"{family}, {given}" if given else family
    return _text(person.get("literal"))


def _date(issued: Any) -> int | str | None:
    parts = issued.get("date-parts") if isinstance(issued, dict) else None
    first = parts[0] if isinstance(parts, list) and parts and isinstance(parts[0], list) else []
    numbers = [int(p) for p in first[:3] if isinstance(p, int) or (isinstance(p, str) and p.isdigit())]
    if not numbers:
        return None
    if len(numbers) == 1:
        return numbers[0]
    return "-".join([f"{numbers[0]:04d}"] + [f"{n:02d}" for n in numbers[1:]])


def _text(value: Any) -> str:
    return str(value).strip() if isinstance(value, (str, int)) and not isinstance(value, bool) else ""


# --- `profilebot import csl` (the importer interface, importers/source.py) -----------------------------------------

NAME = "csl"
VALUE = "a CSL-JSON file (Zotero, Mendeley, pandoc)"
EXAMPLE = "library.json"  # a VALUE, for the commands `init` suggests


def imported(request: Request) -> Imported:
    return one_file(request, candidates)[1]
