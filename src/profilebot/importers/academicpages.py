"""academicpages `_publications/**` and `_talks/**` pages (Jekyll front matter + Markdown body) → Candidates.

What real sites put there (../shared/realworld/sites/academicpages, SOURCES.md): `title`, `date` (also
`2020-8-20`, quoted, `07/08/2020` = DD/MM/YYYY, or only in the file name), `venue`, `paperurl` (often a DOI
link), `slidesurl`, `bibtexurl`, `citation` (HTML the theme prints as is), `authors` (HTML too), `category`,
`permalink`, and keys of their own (`excerpt`, `teaser`, `github`, `order`, `tags`, …); talks kept in
`_publications` with `collection: talks`; a BibTeX entry in the body (fenced or in `<pre>`), in a
`bibtex:` key, in a local file `bibtexurl` names, or in a `NAME-Bibtex.html` companion page. Every page
becomes one entry: what the profile has a field for goes there, the rest is kept in the entry's `origin`
(the page's path, its other keys in order, its body) so the academicpages adapter edits the page in place.

Authors come from, in order: an authors field, a BibTeX entry, the citation, a "citation" section of the
body (citation_authors reads the strings). A page that names authors nowhere gets the owner alone with a
private `todo`; a page whose authors are written but cannot be read is an error naming the page and line —
a guess is never imported.

Pure: the command reads the files and passes (site-relative path, text) pairs, the site's other local
files (BibTeX) and its `_config.yml`.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any, Iterable, Mapping

from profilebot.errors import UsageError
from profilebot.importers import bibtex, citation_authors
from profilebot.importers.candidate import Candidate, citation_key, kept_key, slug, year_of
from profilebot.importers.source import Imported, Request
from profilebot.model.identifiers import bare_doi
from profilebot.model.matching import Work
from profilebot.render.site import front_matter_edit, jekyll_urls

# The theme's own categories (books, conferences, manuscripts) and those real sites add to `publication_category`
# in _config.yml (theses, reports, arXiv preprints), keyed in lower case; an arXiv category is a preprint.
CATEGORY_TYPES = {"conferences": "conference-paper", "books": "book-chapter", "manuscripts": "journal-article",
                  "theses": "dissertation-thesis", "thesis": "dissertation-thesis", "reports": "report",
                  "report": "report", "arxiv": "preprint", "preprints": "preprint", "preprint": "preprint"}
TALK_TYPES = {"talk": "talk", "invited talk": "invited-talk", "keynote": "keynote", "tutorial": "tutorial",
              "poster": "poster", "panel": "panel", "seminar": "seminar"}
# `<name>url` front-matter keys → profile link names (academicpages ships paperurl/slidesurl; sites add more).
LINK_KEYS = {"slidesurl": "slides", "codeurl": "code", "videourl": "video", "posterurl": "poster",
             "projecturl": "project", "dataurl": "data", "pdfurl": "pdf", "htmlurl": "html",
             "supplementurl": "supplement"}
AUTHOR_KEYS = ("authors", "author", "Author", "Authors")
# The keys a publication's profile fields stand for: the adapter writes them from the profile. Every other
# key is the page's own and is kept in `origin.fields`.
PUBLICATION_KEYS = frozenset({"title", "venue", "date", "citation", "paperurl", "category", "redirect_from",
                              *AUTHOR_KEYS, *LINK_KEYS})
TALK_KEYS = frozenset({"title", "venue", "date", "location", "slidesurl", "talkurl", "redirect_from"})
# The keys import reads as one text (a list or a mapping there is no title, venue or link: `title: [a, b]` was
# imported as the title "['a', 'b']").
TEXT_KEYS = ("title", "venue", "date", "citation", "paperurl", "category", "collection", "type", "location",
             "talkurl", "bibtexurl", *LINK_KEYS)
BIBTEX_COMPANION = "-Bibtex.html"
_DATED_STEM = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})-(.+)$")
_BIBTEX_FENCE = re.compile(r"```[ \t]*(?:bibtex|bib|latex|tex)?[ \t]*\r?\n(\s*@\w+\s*\{.*?)```", re.S | re.I)
_BIBTEX_PRE = re.compile(r"<pre\b[^>]*>(\s*@\w+\s*\{.*?)</pre>", re.S | re.I)
_ABSTRACT = re.compile(r"^(?:#+\s*|\*\*)abstract\b:?(?:\*\*)?:?[ \t]*\n*(?P<text>.+?)(?=\n#|\n\*\*|\Z)",
                       re.I | re.M | re.S)
_CITATION_SECTION = re.compile(r"^#+[^\n]*\bcitation\b[^\n]*\n+(?P<text>[^\n#][^\n]*)", re.I | re.M)


def candidates(files: Iterable[tuple[str, str]], owner: str, local_files: Mapping[str, str] | None = None,
               config: str | None = None, where: str = "") -> list[Candidate]:
    """Candidates for every page (site-relative path, text) with front matter; `local_files`: the site's other
    text files by path (BibTeX, companion pages); `config`: its `_config.yml`; `where`: the site folder as the
    person named it, for messages. Pages whose authors cannot be read are one error listing each."""
    pages = list(files)
    local = {**(local_files or {}), **dict(pages)}
    site = jekyll_urls.SiteConfig.parse(config or "", f"{where}/_config.yml" if where else "_config.yml")
    found: list[Candidate] = []
    unreadable: list[UnreadablePage] = []
    for path, text in pages:
        if path.endswith(BIBTEX_COMPANION) or not front_matter_edit.has_front_matter(text):
            continue  # a static file Jekyll copies as it is (an empty page, a readme, a BibTeX companion)
        try:
            candidate = read(path, text, owner, local, site, where)
        except UnreadablePage as error:
            unreadable.append(error)
            continue
        if candidate is not None:
            found.append(candidate)
    if unreadable:
        lines = [str(error) for error in unreadable]
        hints = dict.fromkeys(error.hint for error in unreadable)
        raise UsageError("\n".join(lines) if len(lines) == 1 else
                         f"{len(lines)} pages cannot be read:\n  " + "\n  ".join(lines),
                         " ".join(hints) + " Then import again; nothing was imported.")
    return found


class UnreadablePage(Exception):
    """A page holds a value import cannot read as what its key means; the message names the page and line."""

    hint = "Write such a key as one text, in quotes when it holds a comma or a colon (title: \"a, b\")."


class UnreadableAuthors(UnreadablePage):
    """A page writes its authors in a way that cannot be read as names."""

    hint = ("Write each page's authors as `authors: Ann Author, Ben Author` in its front matter (or fix its "
            "citation).")


def read(path: str, text: str, owner: str, local_files: Mapping[str, str],
         site: jekyll_urls.SiteConfig, where: str = "", strict: bool = True) -> Candidate | None:
    """The entry one page holds (its front matter and body as import reads them), or None for an untitled page.
    Authors that cannot be read raise UnreadableAuthors, a list or mapping where one text belongs (TEXT_KEYS)
    UnreadablePage; with `strict` off authors count as none and such a page reads as no entry (the adapter
    asking what a page says)."""
    source = f"{where.rstrip('/')}/{path}" if where else path
    matter = front_matter_edit.parse(text, source)
    fields = matter.data
    for key in TEXT_KEYS:
        if isinstance(fields.get(key), (list, dict)):
            if not strict:
                return None  # the adapter: no entry reads from this page, so the profile's values are written
            kind = "a list" if isinstance(fields[key], list) else "a mapping"
            raise UnreadablePage(f"{source}:{matter.line_of(key) or 1}:1: `{key}:` is {kind}; expected one text")
    if _is_talk(path, fields):
        return _talk(matter, path, source, site)
    return _publication(matter, path, source, owner, local_files, site, strict)


def _is_talk(path: str, fields: Mapping[str, Any]) -> bool:
    return "/_talks/" in f"/{path}" or _text(fields.get("collection")).lower() == "talks"


def _publication(matter: front_matter_edit.FrontMatter, path: str, source: str, owner: str,
                 local_files: Mapping[str, str], site: jekyll_urls.SiteConfig, strict: bool = True
                 ) -> Candidate | None:
    fields = matter.data
    title = _html_text(fields.get("title"))
    if not title:
        return None
    label = f"{source}: {title}"
    from_bibtex = _bibtex_fields(fields, matter.body, path, local_files)
    try:
        authors, more_authors, todo = _authors(matter, from_bibtex, owner, source, title)
    except UnreadableAuthors:
        if strict:
            raise
        authors, more_authors, todo = [], False, None
    venue = _html_text(fields.get("venue"))
    kind = _type(fields, from_bibtex, venue)
    entry: dict[str, Any] = {"type": kind, "status": "preprint" if kind == "preprint" else "published",
                             "title": title, "authors": authors}
    if more_authors:
        entry["more_authors"] = True  # "et al.": a fact of the entry, printed back as written
    if venue:
        entry["venue"] = {"name": venue}
    date = page_date(fields.get("date"), path)
    if date is not None:
        entry["date"] = date
    for name in ("doi", "volume", "issue", "pages", "publisher", "isbn", "issn", "arxiv"):
        if from_bibtex.get(name):
            entry[name] = from_bibtex[name]
    paper_url = _text(fields.get("paperurl"))
    doi = bare_doi(paper_url) if paper_url else None  # its case kept, so the page's paperurl stays as typed
    links: dict[str, str] = {}
    if doi and re.match(r"(?i)^https?://(dx\.)?doi\.org/", paper_url):
        entry["doi"] = doi  # a DOI link: the adapter writes it back as paperurl
    elif paper_url.lower().split("?")[0].endswith(".pdf"):
        links["pdf"] = paper_url
    elif paper_url:
        entry["url"] = paper_url
    for key, link in LINK_KEYS.items():
        if _text(fields.get(key)):
            links.setdefault(link, _text(fields[key]))
    if links:
        entry["links"] = links
    abstract = _plain(matter.body)
    if abstract:
        entry["abstract"] = abstract
    redirects = addresses(fields, path, site, date)
    if redirects:
        entry["redirect_from"] = redirects
    if todo:
        entry["todo"] = todo
    entry["origin"] = _origin(matter, path, PUBLICATION_KEYS)
    year = year_of(date)
    first = authors[0] if authors else owner
    work = Work(key=label, title=title, year=year, first_author=first, type=entry["type"],
                doi=entry.get("doi"), venue=venue or None, source=label, authors=tuple(authors))
    return Candidate("publications", entry, label, work, kept_key(_key(path), citation_key(first, year, title)))


def _talk(matter: front_matter_edit.FrontMatter, path: str, source: str,
          site: jekyll_urls.SiteConfig) -> Candidate | None:
    fields = matter.data
    title = _html_text(fields.get("title"))
    event = _html_text(fields.get("venue"))
    if not title:
        return None
    entry: dict[str, Any] = {"title": title, "event": event or title}
    kind = talk_type(fields.get("type"))
    if kind:
        entry["type"] = kind
    date = page_date(fields.get("date"), path)
    if date is not None:
        entry["date"] = date
    for name, key in (("location", "location"), ("slides", "slidesurl"), ("url", "talkurl")):
        if _text(fields.get(key)):
            entry[name] = _html_text(fields[key]) if name == "location" else _text(fields[key])
    note = _plain(matter.body)
    if note:
        entry["note"] = note
    redirects = addresses(fields, path, site, date)
    if redirects:
        entry["redirect_from"] = redirects
    if not event:
        entry["todo"] = "The talk page names no venue: the event repeats the title; correct it."
    # A `type` the profile cannot say ("Conference proceedings talk") stays on the page as written.
    keys = TALK_KEYS | ({"type"} if written_talk_type(kind) == _text(fields.get("type")) else set())
    entry["origin"] = _origin(matter, path, keys)
    stem = _stem(path)
    return Candidate("talks", entry, f"{source}: {title}", None, kept_key(_key(path), slug(stem)))


# What the adapter writes for each profile talk type (the theme prints it as is).
WRITTEN_TALK_TYPES = {"talk": "Talk", "invited-talk": "Invited talk", "keynote": "Keynote", "tutorial": "Tutorial",
                      "poster": "Poster", "panel": "Panel", "seminar": "Seminar"}


def written_talk_type(kind: str | None) -> str:
    return WRITTEN_TALK_TYPES.get(kind or "talk", "Talk")


def talk_type(value: Any) -> str | None:
    """The profile's talk type for a page's `type:` ("Invited talk" → invited-talk; "Keynote address" →
    keynote); None when it names none of them."""
    text = _text(value).lower()
    if text in TALK_TYPES:
        return TALK_TYPES[text]
    for word, kind in (("keynote", "keynote"), ("invited", "invited-talk"), ("tutorial", "tutorial"),
                       ("poster", "poster"), ("panel", "panel"), ("seminar", "seminar")):
        if word in text:
            return kind
    return None


def _origin(matter: front_matter_edit.FrontMatter, path: str, modelled: frozenset[str] | set[str]) -> dict[str, Any]:
    origin: dict[str, Any] = {"template": "academicpages", "path": path}
    kept = {key: value for key, value in matter.data.items() if key not in modelled}
    if kept:
        origin["fields"] = kept
    if matter.body:
        origin["body"] = matter.body
    return origin


def addresses(fields: Mapping[str, Any], path: str, site: jekyll_urls.SiteConfig,
              date: int | str | None) -> list[str]:
    """Every address the page is served at now: its permalink (or the one `_config.yml` gives it) and its
    own `redirect_from` list, so any template the profile is built with keeps serving them."""
    found = []
    permalink = _text(fields.get("permalink"))
    found.append(permalink or site.url(path, fields, str(date) if date else None))
    extra = fields.get("redirect_from")
    found += [_text(r) for r in (extra if isinstance(extra, list) else [extra] if extra else [])]
    return list(dict.fromkeys(a for a in found if a))


def _bibtex_fields(fields: Mapping[str, Any], body: str, path: str, local_files: Mapping[str, str]) -> dict[str, Any]:
    """The entry of a BibTeX block (body: fenced or `<pre>`; a `bibtex:` key), of the local file `bibtexurl`
    names, or of the page's `NAME-Bibtex.html` companion."""
    texts = [str(fields["bibtex"])] if _text(fields.get("bibtex")) else []
    texts += [m.group(1) for m in _BIBTEX_FENCE.finditer(body)]
    texts += [html.unescape(re.sub(r"<[^>]+>", "", m.group(1))) for m in _BIBTEX_PRE.finditer(body)]
    if _text(fields.get("bibtexurl")):
        texts.append(local_files.get(_text(fields["bibtexurl"]).lstrip("/").split("?")[0], ""))
    companion = local_files.get(path.rsplit(".", 1)[0] + BIBTEX_COMPANION, "")
    texts += [html.unescape(re.sub(r"<[^>]+>", "", m.group(1))) for m in _BIBTEX_PRE.finditer(companion)]
    for text in texts:
        try:
            found = bibtex.candidates(text, f"{path} (BibTeX)") if text.strip() else []
        except UsageError:
            continue
        if found and found[0].section == "publications":
            return dict(found[0].entry)
    return {}


def _authors(matter: front_matter_edit.FrontMatter, from_bibtex: Mapping[str, Any], owner: str, source: str,
             title: str) -> tuple[list[str], bool, str | None]:
    """The names, whether the list is truncated ("et al.", "and others": Publication.more_authors), and the
    private todo when the page names no authors."""
    fields = matter.data
    for key in AUTHOR_KEYS:
        value = fields.get(key)
        if isinstance(value, list):
            value = ", ".join(str(v.get("name") if isinstance(v, dict) else v) for v in value)
        if _text(value):
            names = citation_authors.names(str(value))
            if names is None:
                raise UnreadableAuthors(_unreadable(matter, key, source, title, str(value)))
            return list(names.names), names.truncated, None
    if from_bibtex.get("authors") and not from_bibtex.get("todo"):
        return list(from_bibtex["authors"]), bool(from_bibtex.get("more_authors")), None
    citation = _text(fields.get("citation"))
    if citation:
        names = citation_authors.from_citation(str(fields["citation"]))
        if names is None:
            raise UnreadableAuthors(_unreadable(matter, "citation", source, title, citation))
        return list(names.names), names.truncated, None
    section = _CITATION_SECTION.search(matter.body)
    if section:
        names = citation_authors.from_citation(section.group("text"))
        if names is not None:
            return list(names.names), names.truncated, None
    if from_bibtex.get("authors"):
        return list(from_bibtex["authors"]), bool(from_bibtex.get("more_authors")), \
            str(from_bibtex.get("todo") or "") or None
    return [owner], False, "The page names no authors: the list holds only you; complete it."


def _unreadable(matter: front_matter_edit.FrontMatter, key: str, source: str, title: str, value: str) -> str:
    line = matter.line_of(key) or 1
    shown = value if len(value) <= 100 else value[:97] + "..."
    return f"{source}:{line}:1: the authors of \"{title}\" cannot be read from `{key}:` ({shown})"


def _type(fields: Mapping[str, Any], from_bibtex: Mapping[str, Any], venue: str) -> str:
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


def _stem(path: str) -> str:
    return path.rsplit("/", 1)[-1].rsplit(".", 1)[0]


def _key(path: str) -> str:
    """The file name without its date: 2021-05-28-GI-number-1 → GI-number-1."""
    stem = _stem(path).lstrip("\ufeff")
    match = _DATED_STEM.match(stem)
    return match.group(4) if match else stem


def page_date(value: Any, path: str = "") -> int | str | None:
    """The page's date as the profile writes it: `2020-08-20` from `2020-8-20`, `'2020-08-20 10:00'`,
    `07/08/2020` (DD/MM/YYYY, as the sites that write it mean it), or the file name's date when the page
    has none (as Jekyll reads a collection document's date)."""
    text = _text(value)
    match = re.match(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?(?:$|[\sT])", text)
    if match is None:
        slashed = re.match(r"^(\d{1,2})/(\d{1,2})/(\d{4})$", text)
        if slashed:
            match = re.match(r"^(\d{4})-(\d{1,2})-(\d{1,2})$", f"{slashed.group(3)}-{slashed.group(2)}-{slashed.group(1)}")
    if match is None and not text:
        match = _DATED_STEM.match(_stem(path))
    if match is None:
        return None
    year, month, day = match.group(1), match.group(2), match.group(3)
    if not month:
        return int(year)
    if not (1 <= int(month) <= 12 and (not day or 1 <= int(day) <= 31)):
        return int(year)
    return f"{year}-{int(month):02d}" + (f"-{int(day):02d}" if day else "")


def _plain(body: str) -> str:
    """The page's abstract: an "Abstract" section (a heading, or a bold **Abstract:** lead) or the whole body
    when it is plain prose (no Liquid, images, HTML or link-only lines)."""
    section = _ABSTRACT.search(body)
    if section:
        return _plain(section.group("text").strip().strip("*").strip())
    text = _BIBTEX_FENCE.sub("", body).strip()
    if not text or "{{" in text or "{%" in text or "![" in text or "<" in text or text.startswith("#") \
            or re.fullmatch(r"\[[^\]]*\]\([^)]*\)", text):
        return ""
    return " ".join(text.split())


def _html_text(value: Any) -> str:
    """A title or venue as text: HTML tags removed, entities decoded (`&apos;`, `&quot;`, `&amp;`)."""
    return citation_authors.plain(_raw(value), marks=False)


def _raw(value: Any) -> str:
    return str(value) if value not in (None, "") else ""


def _text(value: Any) -> str:
    """A value as one line of text; byte-order marks pasted into values (real pages have them) dropped."""
    return " ".join(str(value).replace("\ufeff", "").split()) if value not in (None, "") else ""


# --- `profilebot import academicpages` (the importer interface, importers/source.py) -------------------------------

NAME = "academicpages"
TEMPLATE = "academicpages"  # the site template its origins name (schemas/generate.py)
VALUE = "an academicpages site (or its _publications or _talks folder)"
EXAMPLE = "path/to/your.github.io"  # a VALUE, for the commands `init` suggests
FOLDERS = ("_publications", "_talks")
MAX_PAGES, MAX_BIBS = 20_000, 5_000


def imported(request: Request) -> Imported:
    """Every page of `_publications/` and `_talks/` (in subfolders too: site-relative paths are what the adapter
    edits), with the site's local `.bib` files that a page's `bibtexurl` may name and its `_config.yml`."""
    path, disk = Path(request.value), request.files
    request.say(f"reading {path}")
    if not disk.is_dir(path):
        raise UsageError(f"{path}: not a folder.", "Pass an academicpages site (the folder holding _publications/) "
                         "or its _publications or _talks folder.")
    if path.name in FOLDERS:
        root, folders = path.parent, [path]
    else:
        root, folders = path, [path / name for name in FOLDERS if disk.is_dir(path / name)]
    if not folders:
        raise UsageError(f"{path}: no _publications/ or _talks/ folder here.",
                         "Pass an academicpages site (the folder holding _publications/) or one of those folders.")
    pages = sorted(p for folder in folders for p in disk.under(folder)
                   if p.suffix in (".md", ".markdown", ".html"))[:MAX_PAGES]
    texts = [(page.relative_to(root).as_posix(), disk.text(page)) for page in pages]
    bib_folder = root / "files"
    bibs = [p for p in disk.under(bib_folder) if p.suffix == ".bib"][:MAX_BIBS] if disk.is_dir(bib_folder) else []
    local = {p.relative_to(root).as_posix(): disk.text(p) for p in bibs}
    config_file = root / "_config.yml"
    config = disk.text(config_file) if disk.is_file(config_file) else None
    found = candidates(texts, request.profile.person.name, local, config, where=str(root))
    request.matching(len(found))
    return Imported(found)
