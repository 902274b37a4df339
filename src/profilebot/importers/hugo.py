"""A Hugo Blox (Wowchemy, Hugo Academic) site → Candidates for publications and talks, and the owner's person fields.

Both layouts real sites have (../shared/realworld/sites/hugo):
- current: `content/publications/<slug>/index.md` + `cite.bib`, `content/events/<slug>/index.md`,
  `data/authors/<slug>.yaml` (schema hugoblox/author/v1, the owner with `is_owner: true`), `hugoblox.ids.doi`,
  `links: [{type: pdf, url}]`;
- legacy: `content/publication/` (singular), `content/talk/` or `content/event/`, top-level `doi` and
  `url_pdf`/`url_code`/…, `links: [{name, url}]`, `content/authors/admin/_index.md`, TOML (`+++`) front matter,
  numeric `publication_types` ('2' = journal article).

One bundle is read as one entry: its front matter and its `cite.bib`, the richer of the two per field (the
BibTeX author list with its family/given split, volume and pages; the front matter's abstract, links and the
site's own type). Nothing is lost: every front-matter key the profile has no field for, the raw value of a key
whose meaning the profile holds but whose spelling it does not ('conference', '2', `*Venue*`), and the page body
go to the entry's `origin` (template hugo-blox, path = the bundle's index.md), which only the hugo-blox adapter
reads. `author_notes` "Equal contribution" marks equal contribution; `featured: true` marks the work selected.

Pure: the command reads the files and passes (path, text) pairs.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping

from profilebot.errors import UsageError
from profilebot.importers import bibtex
from profilebot.importers.candidate import Candidate, citation_key, kept_key, year_of
from profilebot.importers.source import Files, Imported, Request
from profilebot.model.identifiers import bare_doi, normalize_arxiv
from profilebot.model.matching import Work
from profilebot.model.names import stored_form

TEMPLATE = "hugo-blox"
PUBLICATION_FOLDERS = ("content/publications/", "content/publication/")
TALK_FOLDERS = ("content/events/", "content/event/", "content/talks/", "content/talk/")

# CSL types (the current kit) and the numeric codes of Hugo Academic before 2021 → ORCID work types.
PUBLICATION_TYPES = {
    "article-journal": "journal-article", "paper-conference": "conference-paper", "chapter": "book-chapter",
    "book": "book", "thesis": "dissertation-thesis", "report": "report", "patent": "patent",
    "manuscript": "other", "article": "journal-article", "dataset": "data-set", "software": "software",
    "webpage": "website", "speech": "lecture-speech", "review": "review",
    # what real sites write besides CSL: Hugo Academic's numbers and a few spellings of their own
    "0": "other", "1": "conference-paper", "2": "journal-article", "3": "preprint", "4": "report", "5": "book",
    "6": "book-chapter", "7": "dissertation-thesis", "8": "patent",
    "conference": "conference-paper", "paper-article": "journal-article", "abstract": "conference-abstract",
    "preprint": "preprint", "uncategorized": "other",
}
# Link types of the current kit's `links:` list, and the legacy `url_*` keys → profile link names.
LINK_TYPES = {"pdf": "pdf", "code": "code", "dataset": "data", "slides": "slides", "video": "video",
              "poster": "poster", "project": "project"}
LEGACY_LINK_KEYS = {f"url_{kind}": link for kind, link in LINK_TYPES.items()}
EQUAL_CONTRIBUTION = re.compile(r"(?i)equal\s+contrib|contributed\s+equally|co-?first|^\s*[*†]\s*$")
_PREPRINT_VENUE = re.compile(r"(?i)\b(arxiv|biorxiv|medrxiv|chemrxiv|ssrn|preprints?)\b")
_EMPHASIS = re.compile(r"(?<![\w*_])([*_]{1,2})(?=\S)(.+?)(?<=\S)\1(?![\w*_])")
# Keys a bundle has that the profile holds under its own fields (read by _publication/_talk below).
PUBLICATION_KEYS = frozenset({"title", "authors", "author_notes", "date", "publication_types", "publication",
                              "publication_short", "abstract", "tags", "featured", "doi", "hugoblox", "links",
                              *LEGACY_LINK_KEYS})
TALK_KEYS = frozenset({"title", "event", "event_name", "event_url", "location", "date", "event_start", "url_slides"})


@dataclass(frozen=True)
class FrontMatter:
    """A page's front matter: `yaml` (`---`) or `toml` (`+++`), its data, and the body after it as written."""

    format: str
    data: dict[str, Any]
    body: str


@dataclass(frozen=True)
class SiteAuthor:
    """An author profile of the site: `data/authors/<slug>.yaml` or `content/authors/<slug>/_index.md`."""

    slug: str
    path: str
    name: str
    owner: bool
    data: dict[str, Any] = field(default_factory=dict)


def split(text: str, source: str) -> FrontMatter:
    """The front matter (YAML between `---` lines, TOML between `+++` lines) and the body, read by the one
    front-matter reader the adapters edit with; blank lines before the fence are skipped, as Hugo does."""
    from profilebot.render.site import front_matter_edit

    page = text.lstrip(" \t\r\n")
    syntax = front_matter_edit.syntax_of(page)
    if not front_matter_edit.has_front_matter(page, syntax):
        raise UsageError(f"{source}:1:1: no front matter: the page must start with a line `---` (YAML) or `+++` (TOML).",
                         "Hugo pages start with their front matter; add it or move the file out of content/.")
    matter = front_matter_edit.parse(page, source, syntax)
    return FrontMatter(syntax.name.lower(), matter.data, matter.body)


def _yaml(text: str, source: str) -> dict[str, Any]:
    """A YAML data file (data/authors/<slug>.yaml) as the front-matter reader reads YAML."""
    from profilebot.render.site import front_matter_edit

    return front_matter_edit.parse(f"---\n{text}{'' if text.endswith(chr(10)) else chr(10)}---\n", source).data


def site_authors(files: Iterable[tuple[str, str]]) -> dict[str, SiteAuthor]:
    """The site's author profiles by slug; a page's `authors:` item that is a slug names one of them."""
    found: dict[str, SiteAuthor] = {}
    for path, text in files:
        parts = path.split("/")
        if path.startswith("data/authors/") and path.endswith((".yaml", ".yml")):
            data, slug = _yaml(text, path), parts[-1].rsplit(".", 1)[0]
            name_field = data.get("name")
            if isinstance(name_field, dict):
                given, family = _text(name_field.get("given")), _text(name_field.get("family"))
                name = f"{given} {family}".strip() or _text(name_field.get("display"))
            else:
                name = _text(name_field)
            owner = data.get("is_owner") is True
        elif path.startswith("content/authors/") and len(parts) == 4 and parts[-1] == "_index.md":
            data, slug = split(text, path).data, parts[2]
            name, owner = _text(data.get("title") or data.get("name")), data.get("superuser") is True or slug == "admin"
        else:
            continue
        if name:
            found[_text(data.get("slug")) or slug] = SiteAuthor(_text(data.get("slug")) or slug, path, name, owner, data)
    return found


def owner_of(authors: Mapping[str, SiteAuthor]) -> SiteAuthor | None:
    """The site's owner: the author file marked `is_owner` (current) or the `admin` profile (legacy)."""
    owners = [a for a in authors.values() if a.owner]
    return next((a for a in owners if a.path.startswith("data/")), owners[0] if owners else None)


def is_page(path: str, folders: tuple[str, ...]) -> bool:
    """A bundle's index.md or a leaf page (`content/events/talk.md`) directly in one of `folders`; never _index.md."""
    folder = next((f for f in folders if path.startswith(f)), None)
    if folder is None:
        return False
    rest = path[len(folder):].split("/")
    return (len(rest) == 2 and rest[1] == "index.md") or (len(rest) == 1 and rest[0].endswith(".md")
                                                        and rest[0] != "_index.md")


def candidates(pages: Iterable[tuple[str, str]], bibs: Mapping[str, str], authors: Mapping[str, SiteAuthor],
               owner: str) -> list[Candidate]:
    """Candidates for every publication and talk page; `bibs`: a bundle's cite.bib by its path."""
    found = []
    for path, text in pages:
        if is_page(path, PUBLICATION_FOLDERS):
            bib = bibs.get(path.rsplit("/", 1)[0] + "/cite.bib") if path.endswith("/index.md") else None
            found.append(publication_candidate(path, text, bib, authors, owner))
        elif is_page(path, TALK_FOLDERS):
            found.append(talk_candidate(path, text, authors))
    return [c for c in found if c is not None]


def publication_candidate(path: str, text: str, bib: str | None, authors: Mapping[str, SiteAuthor],
                          owner: str) -> Candidate | None:
    entry = publication_entry(path, text, bib, authors, owner)
    if entry is None:
        return None
    title, names = entry["title"], [a if isinstance(a, str) else a["name"] for a in entry["authors"]]
    year = year_of(entry.get("date"))
    origin = f"{path}: {title}"
    work = Work(key=origin, title=title, year=year, first_author=names[0], type=entry["type"],
                doi=entry.get("doi"), venue=(entry.get("venue") or {}).get("name"), source=origin)
    return Candidate("publications", entry, origin, work, kept_key(bundle_name(path), citation_key(names[0], year, title)))


def bundle_name(path: str) -> str:
    """content/publications/usvyatsov-2022-tntorch/index.md → usvyatsov-2022-tntorch; a leaf page's stem."""
    parts = path.split("/")
    return parts[-2] if parts[-1] == "index.md" else parts[-1].rsplit(".", 1)[0]


def publication_entry(path: str, text: str, bib: str | None, authors: Mapping[str, SiteAuthor],
                      owner: str) -> dict[str, Any] | None:
    """The profile entry (schema field names, no id) one bundle holds, with its origin; None without a title.

    The hugo-blox adapter reads an existing bundle with this same function and edits only the fields where the
    result differs from the profile, so an import followed by a build changes nothing.
    """
    page = split(text, path)
    fields = page.data
    from_bib = _bib_entry(bib, path) if bib else {}
    title = _text(fields.get("title")) or _text(from_bib.get("title"))
    if not title:
        return None
    entry: dict[str, Any] = {}
    kind = _type(fields, from_bib)
    entry["type"] = kind
    entry["status"] = "preprint" if kind == "preprint" else "published"
    entry["title"] = title
    entry["authors"], todo = _authors(fields, from_bib, authors, owner)
    venue = _venue(fields, from_bib)
    if venue:
        entry["venue"] = venue
    date = _date(fields.get("date"), from_bib)
    if date is not None:
        entry["date"] = date
    ids = fields.get("hugoblox", {}).get("ids", {}) if isinstance(fields.get("hugoblox"), dict) else {}
    ids = ids if isinstance(ids, dict) else {}
    doi = bare_doi(_text(ids.get("doi") or fields.get("doi"))) or bare_doi(_text(from_bib.get("doi")))
    if doi:
        entry["doi"] = doi
    arxiv = arxiv_id(_text(ids.get("arxiv"))) or arxiv_id(_text(from_bib.get("arxiv"))) \
        or arxiv_id(_text(from_bib.get("doi")))  # cite.bib files with doi = {arXiv:2307.09027}
    if arxiv:
        entry["arxiv"] = arxiv
    for name in ("volume", "issue", "pages", "publisher", "isbn", "issn", "pmid"):
        if from_bib.get(name):
            entry[name] = from_bib[name]
    abstract = _text(fields.get("abstract")) or _text(from_bib.get("abstract"))
    if abstract:
        entry["abstract"] = abstract
    tags = [_text(t) for t in fields.get("tags") or [] if _text(t)] if isinstance(fields.get("tags"), list) else []
    if tags:
        entry["keywords"] = tags
    links = page_links(fields)
    if links:
        entry["links"] = links
    if fields.get("featured") is True:
        entry["selected"] = True
    if todo:
        entry["todo"] = todo
    entry["origin"] = origin(path, page, PUBLICATION_KEYS, from_bib)
    return entry


def origin(path: str, page: FrontMatter, modeled: frozenset[str], from_bib: Mapping[str, Any] | None = None
           ) -> dict[str, Any]:
    """What the profile has no field for: every other key in its order and the body, for the adapter alone."""
    kept = {key: value for key, value in page.data.items() if key not in modeled}
    for key in ("publication", "publication_types", "links", "author_notes", "hugoblox", *LEGACY_LINK_KEYS):
        if key in page.data and key in modeled and not _spelled_as_written(key, page.data[key]):
            kept[key] = page.data[key]  # the site's own spelling ('conference', '*Venue*', link icons, notes)
    result: dict[str, Any] = {"template": TEMPLATE, "path": path}
    if page.format == "toml":
        result["entry_type"] = "toml"  # the front matter's own syntax, kept when the page is made anew
    if kept:
        result["fields"] = kept
    if page.body.strip():
        result["body"] = page.body
    return result


def _spelled_as_written(key: str, value: Any) -> bool:
    """Would the adapter write this value back the same way from the profile alone?"""
    if key == "publication":
        return isinstance(value, str) and _unemphasized(value) == value.strip()
    if key == "publication_types":
        values = value if isinstance(value, list) else [value]
        return len(values) == 1 and str(values[0]) in WRITTEN_TYPES.values()
    if key == "links":
        return isinstance(value, list) and all(isinstance(item, dict) and set(item) == {"type", "url"}
                                               and item.get("type") in LINK_TYPES for item in value)
    if key == "author_notes":
        return isinstance(value, list) and all(not _text(n) or EQUAL_CONTRIBUTION.search(_text(n)) for n in value)
    if key in LEGACY_LINK_KEYS:
        return usable_link(_text(value)) or not _text(value)
    if key == "hugoblox":
        return isinstance(value, dict) and set(value) <= {"ids"} and isinstance(value.get("ids"), dict) \
            and set(value["ids"]) <= {"doi", "arxiv"}
    return True


# profile type → the CSL type the current kit writes (the reverse of PUBLICATION_TYPES' CSL part).
WRITTEN_TYPES = {"journal-article": "article-journal", "conference-paper": "paper-conference",
                 "conference-abstract": "paper-conference", "conference-poster": "paper-conference",
                 "book-chapter": "chapter", "book": "book", "edited-book": "book",
                 "dissertation-thesis": "thesis", "report": "report", "working-paper": "report", "patent": "patent",
                 "preprint": "article", "data-set": "dataset", "software": "software", "website": "webpage",
                 "lecture-speech": "speech", "review": "review", "other": "manuscript"}


def arxiv_id(value: str) -> str | None:
    """An arXiv id from an id, `arXiv:` or an arxiv.org link, with a real month; None for anything else (a DOI
    link written under `arxiv:` is not one)."""
    if not value or not (re.search(r"(?i)arxiv", value) or re.fullmatch(r"\d{4}\.\d{4,5}(v\d+)?|[a-z.-]+/\d{7}", value)):
        return None
    found = normalize_arxiv(value)
    if found and re.fullmatch(r"\d{4}\.\d{4,5}", found) and not 1 <= int(found[2:4]) <= 12:
        return None
    return found


def _type(fields: Mapping[str, Any], from_bib: Mapping[str, Any]) -> str:
    raw = fields.get("publication_types")
    values = raw if isinstance(raw, list) else [raw] if raw not in (None, "") else []
    kind = PUBLICATION_TYPES.get(_text(values[0]).lower(), "other") if values else "other"
    venue = _text(fields.get("publication")) or _text((from_bib.get("venue") or {}).get("name"))
    if kind == "journal-article" and _text(values[0]).lower() == "article" and _PREPRINT_VENUE.search(venue):
        kind = "preprint"  # the kit's preprint template: publication_types ['article'], publication 'arXiv'
    if kind == "other" and from_bib.get("type") not in (None, "other"):
        kind = str(from_bib["type"])  # the front matter says nothing ('0', none): the BibTeX type does
    return kind


def _authors(fields: Mapping[str, Any], from_bib: Mapping[str, Any], authors: Mapping[str, SiteAuthor],
             owner: str) -> tuple[list[Any], str | None]:
    """The front matter's list (slugs resolved to names) or the BibTeX one, whichever is longer (BibTeX on a
    tie: it splits family and given names); `author_notes` that say equal contribution mark those authors."""
    raw = fields.get("authors")
    items = raw if isinstance(raw, list) else [raw] if isinstance(raw, str) and raw.strip() else []
    names = [resolve_author(_text(item), authors) for item in items if _text(item)]
    bib_names = [] if from_bib.get("todo") else list(from_bib.get("authors") or [])
    chosen = bib_names if bib_names and len(bib_names) >= len(names) else names
    todo = None
    if not chosen:
        chosen, todo = [stored_form(owner)], "The page names no authors: the list holds only you; complete it."
    raw_notes = fields.get("author_notes")
    notes: list[Any] = raw_notes if isinstance(raw_notes, list) else []
    marked = [i for i, note in enumerate(notes) if _text(note) and EQUAL_CONTRIBUTION.search(_text(note))]
    result: list[Any] = [stored_form(n) if "," not in n else n for n in chosen]
    for index in marked:
        if index < len(result):
            result[index] = {"name": result[index], "equal_contribution": True}
    return result, todo


def resolve_author(item: str, authors: Mapping[str, SiteAuthor]) -> str:
    """A slug of the site's author profiles (`admin`, `me`, `chiara-nardin`) → that author's name, else the item."""
    found = authors.get(item)
    return found.name if found else item


def _venue(fields: Mapping[str, Any], from_bib: Mapping[str, Any]) -> dict[str, Any] | None:
    name = _unemphasized(_text(fields.get("publication"))) or _text((from_bib.get("venue") or {}).get("name"))
    if not name:
        return None
    venue: dict[str, Any] = {"name": name}
    short = _unemphasized(_text(fields.get("publication_short")))
    if short:
        venue["short"] = short
    return venue


def _unemphasized(text: str) -> str:
    """'*Journal of X*' → 'Journal of X': the kit prints `publication` as Markdown; the profile holds the name."""
    return " ".join(_EMPHASIS.sub(r"\2", text).split())


def _date(value: Any, from_bib: Mapping[str, Any]) -> int | str | None:
    """The page's date, as precise as it really is: '2022-01-01' with a BibTeX entry that knows only the year
    is 2022 (Hugo needs a full date; the converter fills in January 1st), else the date as written."""
    match = re.match(r"^\s*(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", str(value or ""))
    if not match:
        return from_bib.get("date")
    year, month, day = match.group(1), match.group(2), match.group(3)
    known = str(from_bib.get("date") or "")
    if known[:4] == year and month and day:
        if int(day) == 1 and len(known) == 7 and int(known[5:7]) == int(month):
            return known
        if int(day) == 1 and int(month) == 1 and len(known) == 4:
            return int(year)
    parts = [year] + [f"{int(p):02d}" for p in (month, day) if p]
    return int(year) if len(parts) == 1 else "-".join(parts)


def page_links(fields: Mapping[str, Any]) -> dict[str, str]:
    """`links: [{type|name, url}]` and the legacy `url_*` keys → profile links (the first of each kind wins)."""
    links: dict[str, str] = {}
    raw = fields.get("links")
    for item in raw if isinstance(raw, list) else []:
        if isinstance(item, dict):
            kind = LINK_TYPES.get(_text(item.get("type") or item.get("name")).lower())
            url = _text(item.get("url"))
            if kind and usable_link(url):
                links.setdefault(kind, url)
    for key, kind in LEGACY_LINK_KEYS.items():
        if usable_link(_text(fields.get(key))):
            links.setdefault(kind, _text(fields[key]))
    return links


def usable_link(url: str) -> bool:
    """A web address or a site path by the one link grammar; a typo ('hhttps://…') stays on the page but not in
    the profile (importers/links leaves it out of every import the same way)."""
    from profilebot.importers.links import trimmed
    from profilebot.model import urls

    return bool(url) and urls.problem(trimmed(url), absolute=False) is None


def _bib_entry(text: str, path: str) -> dict[str, Any]:
    """The first entry of a bundle's cite.bib in profile terms; an unreadable file adds nothing (the page still
    imports from its front matter, and the file stays as it is)."""
    try:
        found = bibtex.candidates(text, f"{path.rsplit('/', 1)[0]}/cite.bib")
    except UsageError:
        return {}
    return dict(found[0].entry) if found and found[0].section == "publications" else {}


def talk_candidate(path: str, text: str, authors: Mapping[str, SiteAuthor]) -> Candidate | None:
    entry = talk_entry(path, text)
    if entry is None:
        return None
    origin_label = f"{path}: {entry['title']}"
    return Candidate("talks", entry, origin_label, None, kept_key(bundle_name(path), bundle_name(path).lower()))


def talk_entry(path: str, text: str) -> dict[str, Any] | None:
    """A talk page (`event`/`event_name`, `event_url`, `location`, `date`/`event_start`, `url_slides`)."""
    page = split(text, path)
    fields = page.data
    title = _text(fields.get("title"))
    if not title:
        return None
    event = _text(fields.get("event_name") or fields.get("event"))
    entry: dict[str, Any] = {"title": title, "event": event or title}
    date = _date(fields.get("event_start") or fields.get("date"), {})
    if date is not None:
        entry["date"] = date
    for name, key in (("location", "location"), ("url", "event_url"), ("slides", "url_slides")):
        if _text(fields.get(key)):
            entry[name] = _text(fields[key])
    if not event:
        entry["todo"] = "The talk page names no event: the event repeats the title; correct it."
    entry["origin"] = origin(path, page, TALK_KEYS - ({"date"} if "event_start" in fields else {"event_start"}))
    return entry


def person_fields(owner: SiteAuthor | None) -> dict[str, Any]:
    """What the owner's author profile tells about the person: name parts, role → headline, bio, email, profiles."""
    from profilebot.importers.jsonresume import _handle
    from profilebot.model import networks

    if owner is None:
        return {}
    data = owner.data
    found: dict[str, Any] = {"name": owner.name}
    name = data.get("name")
    if isinstance(name, dict):
        for key, source in (("given_names", "given"), ("family_name", "family")):
            if _text(name.get(source)):
                found[key] = _text(name[source])
    headline = _text(data.get("role"))
    if headline:
        found["headline"] = headline
    bio = _text(data.get("bio"))
    if bio:
        found["bio"] = bio
    email = _text(data.get("email"))
    profiles: dict[str, str] = {}
    hosts = {"orcid.org": "orcid", "scholar.google": "scholar", "github.com": "github", "gitlab.com": "gitlab",
             "linkedin.com": "linkedin", "twitter.com": "twitter", "x.com": "twitter", "dblp.org": "dblp",
             "researchgate.net": "researchgate", "semanticscholar.org": "semantic_scholar", "bsky.app": "bluesky"}
    for item in (data.get("links") or []) + (data.get("social") or []):
        if not isinstance(item, dict):
            continue
        url = _text(item.get("url") or item.get("link"))
        if url.startswith("mailto:") and not email:
            email = url[len("mailto:"):]
            continue
        network: str | None = next(
            (k for host, k in hosts.items() if re.search(rf"(?i)^https?://([\w-]+\.)*{re.escape(host)}", url)), None)
        handle = _handle(network, "", url) if network and network in networks.NETWORKS else ""
        if network and handle:
            profiles.setdefault(network, handle)
    if re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", email):
        found["email"] = email
    if profiles:
        found["profiles"] = profiles
    return found


def _text(value: Any) -> str:
    return " ".join(str(value).split()) if value not in (None, "") and not isinstance(value, (dict, list)) else ""


# --- `profilebot import hugo` (the importer interface, importers/source.py) ----------------------------------------

NAME = "hugo"
VALUE = "a Hugo Blox site (Wowchemy, Hugo Academic)"
EXAMPLE = "path/to/your-hugo-site"  # a VALUE, for the commands `init` suggests
AUTHOR_FOLDERS = ("data/authors/", "content/authors/")


def site_files(root: Path, disk: Files) -> dict[str, str]:
    """The text of every file `import hugo` reads, by its path from the site's root: the publication and talk
    pages with their cite.bib, and the author profiles."""
    if not disk.is_dir(root):
        raise UsageError(f"{root}: not a folder.", "Pass a Hugo Blox site: the folder holding content/ and config/.")
    found: dict[str, str] = {}
    for folder in sorted({w.rstrip("/") for w in (*PUBLICATION_FOLDERS, *TALK_FOLDERS, *AUTHOR_FOLDERS)}):
        if disk.is_dir(root / folder):
            for file in disk.under(root / folder):
                if file.suffix in (".md", ".yaml", ".yml") or file.name == "cite.bib":
                    found[file.relative_to(root).as_posix()] = disk.text(file)
    if not any(is_page(p, PUBLICATION_FOLDERS + TALK_FOLDERS) for p in found):
        raise UsageError(f"{root}: no Hugo publication or talk pages here (content/publications/<name>/index.md, "
                         "content/publication/…, content/events/…, content/talk/…).",
                         "Pass the root of a Hugo Blox (Wowchemy, Hugo Academic) site.")
    return found


def imported(request: Request) -> Imported:
    """Every publication bundle (front matter + cite.bib) and talk page of a Hugo Blox site, either layout, and
    the site owner's author profile."""
    root = Path(request.value)
    request.say(f"reading {root}")
    site = site_files(root, request.files)
    authors = site_authors((p, t) for p, t in site.items() if p.startswith(AUTHOR_FOLDERS))
    bibs = {p: t for p, t in site.items() if p.endswith("/cite.bib")}
    found = candidates(((p, t) for p, t in site.items() if p.endswith(".md")), bibs, authors,
                       request.profile.person.name)
    request.matching(len(found))
    return Imported(found, person=person_fields(owner_of(authors)))
