"""academicpages `_publications/*.md` and `_talks/*.md` (Jekyll front matter + Markdown body) → Candidates.

What real sites put there (tests/fixtures/realworld/academicpages): `title`, `date`, `venue`, `paperurl`
(often a DOI link), `slidesurl`, `bibtexurl`, `citation` (the theme prints it as is, usually APA:
"Istead, L., Pocol, A., & Yang, A. (2021). …"), `permalink`, sometimes `authors`/`author`/`Author`, a
BibTeX block in the body or a `bibtex:` field, and custom `*url` links. Authors come from, in order: an
authors field, a BibTeX block (or the local file `bibtexurl` names), the citation string; else the owner
alone, with a private `todo`. The old `permalink` is kept as `redirect_from`, so the site serves it.

Pure: the command reads the files and passes (path, text) pairs, plus the site's local BibTeX files.
"""

from __future__ import annotations

import re
from typing import Any, Iterable, Mapping

from profilebot.errors import UsageError
from profilebot.importers import bibtex
from profilebot.importers.candidate import Candidate, citation_key, kept_key, year_of
from profilebot.model.identifiers import normalize_doi
from profilebot.model.matching import Work
from profilebot.model.names import stored_form

CATEGORY_TYPES = {"conferences": "conference-paper", "books": "book-chapter", "manuscripts": "journal-article"}
TALK_TYPES = {"talk": "talk", "invited talk": "invited-talk", "keynote": "keynote", "tutorial": "tutorial",
              "poster": "poster", "panel": "panel", "seminar": "seminar"}
# `<name>url` front-matter keys → profile link names (academicpages ships paperurl/slidesurl; sites add more).
LINK_KEYS = {"slidesurl": "slides", "codeurl": "code", "videourl": "video", "posterurl": "poster",
             "projecturl": "project", "dataurl": "data", "pdfurl": "pdf", "htmlurl": "html",
             "supplementurl": "supplement"}
_DATED_STEM = re.compile(r"^\d{4}-\d{2}-\d{2}-(.+)$")
_BIBTEX_BLOCK = re.compile(r"```\s*(?:bibtex|bib|latex|tex)?\s*\n(\s*@\w+\s*\{.*?)```", re.S | re.I)
_INITIALS = re.compile(r"^(?:[A-Z\u00c0-\u00de][a-z]?\.?[\s\-]*)+$")
_YEAR_IN_CITATION = re.compile(r"\s*\(?\b(1[89]\d\d|20\d\d)[a-z]?\)?\s*[.,:]")


def split_front_matter(text: str, source: str) -> tuple[dict[str, Any], str, int]:
    """(front matter, body, line where the body starts); a file without closed front matter is an error."""
    from profilebot.load import yaml_document

    lines = text.replace("\r\n", "\n").split("\n")
    if not lines or lines[0].strip() != "---":
        raise UsageError(f"{source}:1: no front matter: the file must start with a line `---`.",
                         "academicpages documents start with `---`, the YAML fields, and `---` again.")
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    if end is None:
        raise UsageError(f"{source}:1: the front matter is never closed (no second `---` line).",
                         "Add a line `---` after the last front-matter field.")
    document = yaml_document.parse("\n".join(lines[1:end]) + "\n", source)
    if document.findings:
        first = document.findings[0]
        line = (first.line or 0) + 1  # the front matter starts on the file's second line
        raise UsageError(f"{source}:{line}: broken front matter: {first.message}", first.hint)
    data = document.data if isinstance(document.data, dict) else None
    if data is None:
        raise UsageError(f"{source}:2: the front matter is not a mapping of fields (title: …, date: …).")
    return data, "\n".join(lines[end + 1:]), end + 2


def candidates(files: Iterable[tuple[str, str]], owner: str, local_files: Mapping[str, str] | None = None
               ) -> list[Candidate]:
    """Candidates for every `_publications/` and `_talks/` file; `local_files`: site path → text (BibTeX)."""
    found = []
    for path, text in files:
        folder = "_talks" if "/_talks/" in f"/{path}" else "_publications"
        fields, body, _ = split_front_matter(text, path)
        stem = path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        if folder == "_talks":
            found.append(_talk(fields, body, path, stem))
        else:
            found.append(_publication(fields, body, path, stem, owner, local_files or {}))
    return [c for c in found if c is not None]


def _publication(fields: dict[str, Any], body: str, path: str, stem: str, owner: str,
                 local_files: Mapping[str, str]) -> Candidate | None:
    title = _text(fields.get("title"))
    if not title:
        return None
    origin = f"{path}: {title}"
    from_bibtex = _bibtex_fields(fields, body, path, local_files)
    authors, todo = _authors(fields, from_bibtex, owner)
    venue = _text(fields.get("venue"))
    entry: dict[str, Any] = {"type": _type(fields, from_bibtex, venue), "status": "published", "title": title,
                             "authors": authors}
    if venue:
        entry["venue"] = {"name": venue}
    date = _date(fields.get("date"))
    if date is not None:
        entry["date"] = date
    for name in ("doi", "volume", "issue", "pages", "publisher", "isbn", "issn", "arxiv"):
        if from_bibtex.get(name):
            entry[name] = from_bibtex[name]
    paper_url = _text(fields.get("paperurl"))
    doi = normalize_doi(paper_url) if paper_url else None
    links: dict[str, str] = {}
    if doi and re.match(r"(?i)^https?://(dx\.)?doi\.org/", paper_url):
        entry.setdefault("doi", doi)  # a DOI link: the adapter writes it back as paperurl
    elif paper_url.lower().split("?")[0].endswith(".pdf"):
        links["pdf"] = paper_url
    elif paper_url:
        entry["url"] = paper_url
    for key, link in LINK_KEYS.items():
        if _text(fields.get(key)):
            links.setdefault(link, _text(fields[key]))
    if links:
        entry["links"] = links
    abstract = _plain(body)
    if abstract:
        entry["abstract"] = abstract
    permalink = _text(fields.get("permalink"))
    if permalink:
        entry["redirect_from"] = [permalink]
    if todo:
        entry["todo"] = todo
    year = year_of(date)
    work = Work(key=origin, title=title, year=year, first_author=authors[0], type=entry["type"],
                doi=entry.get("doi"), venue=venue or None, source=origin)
    return Candidate("publications", entry, origin, work,
                     kept_key(_key(stem), citation_key(authors[0], year, title)))


def _talk(fields: dict[str, Any], body: str, path: str, stem: str) -> Candidate | None:
    title = _text(fields.get("title"))
    event = _text(fields.get("venue"))
    if not title:
        return None
    entry: dict[str, Any] = {"title": title, "event": event or title}
    kind = TALK_TYPES.get(_text(fields.get("type")).lower())
    if kind:
        entry["type"] = kind
    date = _date(fields.get("date"))
    if date is not None:
        entry["date"] = date
    for name, key in (("location", "location"), ("slides", "slidesurl"), ("url", "talkurl")):
        if _text(fields.get(key)):
            entry[name] = _text(fields[key])
    note = _plain(body)
    if note:
        entry["note"] = note
    permalink = _text(fields.get("permalink"))
    if permalink:
        entry["redirect_from"] = [permalink]
    if not event:
        entry["todo"] = "The talk file names no venue: the event repeats the title; correct it."
    origin = f"{path}: {title}"
    return Candidate("talks", entry, origin, None, kept_key(_key(stem), stem.lower()))


def _bibtex_fields(fields: dict[str, Any], body: str, path: str, local_files: Mapping[str, str]) -> dict[str, Any]:
    """The entry of a BibTeX block (body or `bibtex:` field), or of the local file `bibtexurl` names."""
    text = _text(fields.get("bibtex")) and str(fields.get("bibtex"))
    if not text:
        block = _BIBTEX_BLOCK.search(body)
        text = block.group(1) if block else ""
    if not text and _text(fields.get("bibtexurl")):
        text = local_files.get(_text(fields["bibtexurl"]).lstrip("/").split("?")[0], "")
    if not text:
        return {}
    try:
        found = bibtex.candidates(text, f"{path} (BibTeX)")
    except UsageError:
        return {}
    return {"authors": found[0].entry.get("authors"), "type": found[0].entry.get("type"), **found[0].entry} \
        if found and found[0].section == "publications" else {}


def _authors(fields: dict[str, Any], from_bibtex: dict[str, Any], owner: str) -> tuple[list[str], str | None]:
    for key in ("authors", "author", "Author", "Authors"):
        value = fields.get(key)
        names = _names(value)
        if names:
            return names, None
    if from_bibtex.get("authors") and not from_bibtex.get("todo"):
        return list(from_bibtex["authors"]), None
    names = citation_authors(_text(fields.get("citation")))
    if names:
        return names, None
    return [owner], "The page names no authors: the list holds only you; complete it."


def _names(value: Any) -> list[str]:
    if isinstance(value, list):
        items = [_text(v.get("name") if isinstance(v, dict) else v) for v in value]
    elif isinstance(value, str) and value.strip():
        items = re.split(r"\s*(?:;|\band\b|&)\s*|,\s*(?=[^,]*\s)", value.strip())
    else:
        return []
    return [stored_form(name.strip(" ,.")) for name in items if name and name.strip(" ,.")]


def citation_authors(citation: str) -> list[str]:
    """The author list at the start of a citation string, stored as "Family, Given".

    APA ("Istead, L., Pocol, A., Kaplan, C. S., & Yang, A. (2021).") pairs a family with initials; other
    styles list full names ("Ada Lovelace, Charles Babbage (1843).").
    """
    text = re.sub(r"<[^>]+>", "", citation or "")
    year = _YEAR_IN_CITATION.search(text)
    if not year or year.start() == 0:
        return []
    head = text[:year.start()].replace("&amp;", "&").replace("&", ",").replace(" and ", ", ")
    parts = [p.strip() for p in head.split(",") if p.strip() and p.strip().lower() != "et al."]
    if len(parts) >= 2 and all(_INITIALS.match(parts[i]) for i in range(1, len(parts), 2)) and len(parts) % 2 == 0:
        return [f"{parts[i]}, {parts[i + 1]}" for i in range(0, len(parts), 2)]
    return [stored_form(p.strip(". ")) for p in parts if len(p) > 1]


def _type(fields: dict[str, Any], from_bibtex: dict[str, Any], venue: str) -> str:
    category = CATEGORY_TYPES.get(_text(fields.get("category")).lower())
    if category:
        return category
    if from_bibtex.get("type") and from_bibtex["type"] != "other":
        return str(from_bibtex["type"])
    if re.search(r"(?i)proceedings|conference|symposium|workshop|\bposter", venue):
        return "conference-paper"
    if re.search(r"(?i)journal|transactions|letters|review", venue):
        return "journal-article"
    return "other"


def _key(stem: str) -> str:
    """The file name without its date: 2021-05-28-GI-number-1 → GI-number-1 (the adapter adds the date back)."""
    match = _DATED_STEM.match(stem)
    return match.group(1) if match else stem


def _date(value: Any) -> int | str | None:
    match = re.match(r"^\s*(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", str(value or ""))
    if not match:
        return None
    parts = [p for p in match.groups() if p]
    return int(parts[0]) if len(parts) == 1 else "-".join(parts)


def _plain(body: str) -> str:
    """The body as an abstract when it is plain prose (no Liquid, images or link-only lines)."""
    text = _BIBTEX_BLOCK.sub("", body).strip()
    if not text or "{{" in text or "{%" in text or "![" in text or re.fullmatch(r"\[[^\]]*\]\([^)]*\)", text):
        return ""
    return " ".join(text.split())


def _text(value: Any) -> str:
    return " ".join(str(value).split()) if value not in (None, "") else ""
