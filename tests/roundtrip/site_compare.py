"""What a round trip lost: a real site's files before and after `import` + `build --site-only` (pure).

Both sides are `{path: bytes}` of the whole site folder. The comparison reads the sites the way their static
site generator does (Jekyll collections and permalinks, jekyll-scholar's BibTeX, Hugo page bundles), never
through profilebot's own importers: what is measured here must not depend on the code it measures.

Each loss kind is a count (`Losses.counts`) with the details that explain it (`Losses.details`):

    papers      a publication of the original (page or BibTeX entry) that the copy no longer holds
    talks       the same for a talk page
    coauthors   an author name word of the original entry missing from the copy's entry
    links       a URL or linked file of the original entry missing from the copy's entry
    abstracts   an abstract (BibTeX `abstract`, Hugo `abstract`, academicpages `excerpt`) changed or dropped
    bodies      a page body (or a .bib file's front matter, @string/@comment blocks) not kept byte-identical
    keys        a front-matter key or BibTeX field (or the entry type) of the original entry missing in the copy
    urls        a URL the original site serves (permalink, collection permalink, redirect_from, alias) no
                page of the copy serves
    duplicates  a second page (entry) the copy has for one work
    files       a file of the original that is no entry (cv.pdf, _data/cv.yml, _pages/*) changed or removed
"""

from __future__ import annotations

import html
import logging
import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Mapping
from urllib.parse import unquote

import yaml

# bibtexparser logs every block it reads past (al-folio's unclosed @comment blocks); what counts is compared here.
logging.getLogger("bibtexparser").setLevel(logging.ERROR)

_LOADER = getattr(yaml, "CBaseLoader", yaml.BaseLoader)  # libyaml when present: the corpus has 1,500 pages

KINDS = ("papers", "talks", "coauthors", "links", "abstracts", "bodies", "keys", "urls", "duplicates", "files")
Files = Mapping[str, bytes]

_PAGE_SUFFIXES = (".md", ".markdown", ".html")
_KEY_LINE = re.compile(r"^([A-Za-z_][\w-]*)\s*[:=]", re.M)
_URL = re.compile(r"""https?://[^\s"'<>()\[\]{}\\,]+""")
_LOCAL_LINK = re.compile(r"""(?:href=["']|\]\(|\burl:\s*|url\s*=\s*|:\s+["']?)(/(?:files|assets|images|pdf)/[^\s"'<>()]+)""")
_TAG = re.compile(r"<[^>]+>")
_LATEX = re.compile(r"\\[a-zA-Z]+\s*|\\.")
_NOT_NAMES = {"and", "et", "al", "others", "the", "of", "in", "de", "van", "von", "der", "da", "di", "la", "le",
              "jr", "strong", "b", "u", "em", "i"}
_BIB_LINK_FIELDS = ("pdf", "html", "code", "website", "slides", "poster", "video", "supp", "blog", "arxiv", "doi",
                    "url", "paperurl", "preview", "bibtexurl", "slidesurl")


@dataclass
class Losses:
    counts: dict[str, int] = field(default_factory=lambda: {kind: 0 for kind in KINDS})
    details: dict[str, list[str]] = field(default_factory=lambda: {kind: [] for kind in KINDS})
    papers_before: int = 0
    papers_after: int = 0

    def add(self, kind: str, detail: str, count: int = 1) -> None:
        if count > 0:
            self.counts[kind] += count
            self.details[kind].append(detail)

    def as_json(self) -> dict[str, Any]:
        return {"counts": self.counts, "details": self.details, "papers_before": self.papers_before,
                "papers_after": self.papers_after}


@dataclass(frozen=True)
class Entry:
    """One work or talk as the site holds it: a page, or a BibTeX entry."""

    path: str  # the file holding it
    collection: str  # "publications", "talks" (Jekyll collection, Hugo section kind), "bibtex"
    key: str  # the page's path or the BibTeX key: what identifies it on the site
    title: str
    keys: tuple[str, ...]  # front-matter keys or BibTeX fields (lower-cased), plus "@type" for BibTeX
    values: Mapping[str, Any]
    authors: str  # the author text as written
    abstract: str
    body: str
    text: str  # the whole text (page) or the entry's raw text, for "is this link still there"
    urls: tuple[str, ...] = ()


# ---------------------------------------------------------------- entry points


def compare(kind: str, before: Files, after: Files) -> Losses:
    """The losses of a round trip of a `kind` ("academicpages", "al-folio", "hugo") site."""
    reader = {"academicpages": jekyll_entries, "al-folio": bibtex_entries, "hugo": hugo_entries}[kind]
    old, new = reader(before), reader(after)
    losses = Losses(papers_before=sum(e.collection != "talks" for e in old),
                    papers_after=sum(e.collection != "talks" for e in new))
    matched = _match(old, new)
    for entry in old:
        twin = matched.get(entry.key)
        if twin is None:
            losses.add("talks" if entry.collection == "talks" else "papers", f"{entry.path}: {entry.title!r}")
            continue
        _compare_entry(entry, twin, losses)
    served = {url for entry in new for url in entry.urls}
    for entry in old:
        for url in entry.urls:
            if url not in served:
                losses.add("urls", f"{entry.path}: {url}")
    _duplicates(old, new, losses)
    entry_files = {e.path for e in old} | {e.path for e in new}
    for path, data in sorted(before.items()):
        if path in entry_files or _is_bib(path):
            continue
        if path not in after:
            losses.add("files", f"{path}: removed")
        elif after[path] != data:
            losses.add("files", f"{path}: changed")
    if kind == "al-folio":
        _bib_preambles(before, after, losses)
    return losses


def _compare_entry(old: Entry, new: Entry, losses: Losses) -> None:
    where = f"{old.path}" + (f" [{old.key}]" if old.collection == "bibtex" else "")
    missing_keys = [key for key in old.keys if key not in new.keys]
    losses.add("keys", f"{where}: {', '.join(missing_keys)}", len(missing_keys))
    new_names = set(name_words(new.authors))  # in the author fields: a name left only in the body is lost there
    lost_names = sorted({word for word in name_words(old.authors) if word not in new_names})
    losses.add("coauthors", f"{where}: {', '.join(lost_names)}", len(lost_names))
    lost_links = sorted(link for link in links(old) if link not in new.text and unquote(link) not in new.text)
    losses.add("links", f"{where}: {', '.join(lost_links)}", len(lost_links))
    if old.abstract.strip() and fold(old.abstract) != fold(new.abstract):
        losses.add("abstracts", f"{where}: {'dropped' if not new.abstract.strip() else 'changed'}")
    if old.body.strip() and old.body.strip() != new.body.strip():
        losses.add("bodies", f"{where}: {'dropped' if not new.body.strip() else 'rewritten'}")


def _match(old: list[Entry], new: list[Entry]) -> dict[str, Entry]:
    """Each original entry's twin in the copy: the same file (or BibTeX key), else an entry of the same title
    that is no other entry's twin (two pages of one title need two pages in the copy)."""
    by_key = {e.key: e for e in new}
    twins: dict[str, Entry] = {}
    for entry in old:
        twin = by_key.get(entry.key)
        if twin is not None and (not entry.title or not twin.title or fold(twin.title) == fold(entry.title)):
            twins[entry.key] = twin
    used = {id(twin) for twin in twins.values()}
    by_title: dict[tuple[str, str], list[Entry]] = {}
    for entry in new:
        if id(entry) not in used:
            by_title.setdefault((_kind(entry), fold(entry.title)), []).append(entry)
    for entry in old:
        free = by_title.get((_kind(entry), fold(entry.title))) if entry.key not in twins and fold(entry.title) else None
        if free:
            twins[entry.key] = free.pop(0)
    return twins


def _kind(entry: Entry) -> str:
    return "talks" if entry.collection == "talks" else "works"


def _duplicates(old: list[Entry], new: list[Entry], losses: Losses) -> None:
    def extra(entries: list[Entry]) -> dict[tuple[str, str], list[str]]:
        seen: dict[tuple[str, str], list[str]] = {}
        for entry in entries:
            if fold(entry.title):
                seen.setdefault((_kind(entry), fold(entry.title)), []).append(entry.key)
        return seen

    before, after = extra(old), extra(new)
    for title, keys in sorted(after.items()):
        more = len(keys) - max(1, len(before.get(title, [])))
        losses.add("duplicates", f"{' + '.join(keys)}", more)


# ---------------------------------------------------------------- Jekyll (academicpages)


def jekyll_entries(files: Files) -> list[Entry]:
    config = _yaml(files.get("_config.yml", b"").decode("utf-8", "replace")) or {}
    collections = config.get("collections") if isinstance(config.get("collections"), dict) else {}
    entries = []
    for path, data in sorted(files.items()):
        folder = path.split("/", 1)[0]
        if folder not in ("_publications", "_talks") or not path.endswith(_PAGE_SUFFIXES):
            continue
        text = _text(data)
        split = split_front_matter(text)
        if split is None:  # no front matter: Jekyll copies it as a static file (a companion BibTeX page)
            continue
        front, body = split
        values = _yaml(front) or {}
        collection = folder[1:]
        declared = str(values.get("collection") or "")
        if declared == "talks":  # a talk kept in _publications is still a talk
            collection = "talks"
        settings = collections.get(folder[1:]) if isinstance(collections, dict) else None
        settings = settings if isinstance(settings, dict) else {}
        pattern = str(settings.get("permalink") or config.get("permalink") or "/:collection/:path:output_ext")
        # A collection Jekyll does not output (undeclared, or `output: false`) serves no page at all.
        urls = jekyll_urls(path, values, pattern) if str(settings.get("output")).lower() == "true" else ()
        entries.append(Entry(path, collection, path, _plain(values.get("title")), _top_keys(front), values,
                             " ".join(_plain(values.get(k)) for k in ("authors", "author", "citation")),
                             _plain(values.get("excerpt")), body, text, urls))
    return entries


def jekyll_urls(path: str, values: Mapping[str, Any], pattern: str) -> tuple[str, ...]:
    """The URLs a page is served at: its permalink (or the collection's), and every redirect_from."""
    folder, relative = path.split("/", 1)
    stem = relative.rsplit(".", 1)[0]
    if values.get("permalink"):
        own = str(values["permalink"])
    else:
        name = stem.rsplit("/", 1)[-1]
        own = (pattern.replace(":collection", folder[1:]).replace(":path", stem).replace(":name", name)
               .replace(":title", str(values.get("slug") or name)).replace(":output_ext", ""))
    redirects = values.get("redirect_from") or []
    redirects = [redirects] if isinstance(redirects, str) else redirects
    return tuple(normalize_url(url) for url in [own, *redirects] if isinstance(url, str) and url.strip())


def normalize_url(url: str) -> str:
    """'/publication/x.html', '/publication/x/', 'publication/x' → '/publication/x' (one page, however linked)."""
    url = unquote(url.strip()).split("#")[0]
    url = "/" + url.strip("/")
    for suffix in ("/index.html", ".html"):
        if url.endswith(suffix):
            url = url[: -len(suffix)]
    return url.rstrip("/") or "/"


# ---------------------------------------------------------------- BibTeX (al-folio)


def bibtex_entries(files: Files) -> list[Entry]:
    entries = []
    for path, data in sorted(files.items()):
        if path.startswith("_bibliography/") and path.endswith(".bib"):
            entries += bib_file_entries(path, _text(data))
    return entries


def bib_file_entries(path: str, text: str) -> list[Entry]:
    import bibtexparser

    library = bibtexparser.parse_string(text)
    entries = []
    for block in library.entries:
        fields = {f.key.lower(): str(f.value) for f in block.fields}
        raw = block.raw or ""
        entries.append(Entry(path, "bibtex", block.key, _latex_plain(fields.get("title", "")),
                             ("@" + block.entry_type.lower(), *fields), fields, _latex_plain(fields.get("author", "")),
                             _latex_plain(fields.get("abstract", "")), "", raw, ()))
    return entries


def _bib_preambles(before: Files, after: Files, losses: Losses) -> None:
    """A .bib file's own lines beyond its entries: Jekyll front matter, @string macros, @comment, @preamble."""
    import bibtexparser

    for path, data in sorted(before.items()):
        if not (path.startswith("_bibliography/") and path.endswith(".bib")):
            continue
        old_text, new_text = _text(data), _text(after.get(path, b""))
        head = old_text.split("@", 1)[0].strip()
        if head and not new_text.lstrip().startswith(head):
            losses.add("bodies", f"{path}: the lines before the first entry (front matter) are gone")
        old, new = bibtexparser.parse_string(old_text), bibtexparser.parse_string(new_text)
        names = {s.key.lower() for s in new.strings}
        for macro in old.strings:
            if macro.key.lower() not in names:
                losses.add("bodies", f"{path}: @string{{{macro.key}}} is gone")
        comments = {fold(c.comment) for c in new.comments}
        for comment in old.comments:
            if fold(comment.comment) and fold(comment.comment) not in comments:
                losses.add("bodies", f"{path}: a @comment block is gone")


# ---------------------------------------------------------------- Hugo (Hugo Blox / Academic)


_HUGO_SECTIONS = {"publication": "publications", "publications": "publications", "talk": "talks",
                  "talks": "talks", "event": "talks", "events": "talks"}


def hugo_entries(files: Files) -> list[Entry]:
    entries = []
    for path, data in sorted(files.items()):
        parts = path.split("/")
        if len(parts) < 3 or parts[0] != "content" or parts[1] not in _HUGO_SECTIONS:
            continue
        name = parts[-1]
        if not name.endswith((".md", ".markdown")) or name.startswith("_index"):
            continue
        if len(parts) > 3 and name not in ("index.md", "index.markdown"):
            continue  # a page bundle's other pages are its resources
        slug = parts[-2] if len(parts) > 3 else name.rsplit(".", 1)[0]
        text = _text(data)
        split = split_front_matter(text)
        if split is None:
            continue
        front, body = split
        values = (_toml(front) if text.lstrip().startswith("+++") else _yaml(front)) or {}
        own = values.get("url") or f"/{parts[1]}/{values.get('slug') or slug}/"
        aliases = values.get("aliases") or []
        aliases = [aliases] if isinstance(aliases, str) else aliases
        urls = tuple(normalize_url(u) for u in [own, *aliases] if isinstance(u, str) and u.strip())
        authors = values.get("authors") or []
        entries.append(Entry(path, _HUGO_SECTIONS[parts[1]], path, _plain(values.get("title")), _top_keys(front),
                             values, " ".join(_plain(a) for a in authors) if isinstance(authors, list) else
                             _plain(authors), _plain(values.get("abstract")), body, text, urls))
    return entries


# ---------------------------------------------------------------- text helpers


def split_front_matter(text: str) -> tuple[str, str] | None:
    """(front matter, body) of a page that opens with `---` (YAML) or `+++` (TOML); None without one."""
    text = text.lstrip("\ufeff")
    first = text.split("\n", 1)[0].strip()
    if first not in ("---", "+++"):
        return None
    rest = text.split("\n", 1)[1] if "\n" in text else ""
    match = re.search(rf"^{re.escape(first)}[ \t]*$", rest, re.M)
    if not match:
        return None
    return rest[: match.start()], rest[match.end():].lstrip("\n")


def links(entry: Entry) -> set[str]:
    """Every http(s) URL and every site-local file link (/files/…, /assets/…) of an entry, plus its BibTeX
    link fields (al-folio's `pdf={x.pdf}` means /assets/pdf/x.pdf)."""
    found = {url.rstrip(".") for url in _URL.findall(entry.text)}
    found |= set(_LOCAL_LINK.findall(entry.text))
    if entry.collection == "bibtex":
        found |= {str(entry.values[key]).strip() for key in _BIB_LINK_FIELDS
                  if key in entry.values and str(entry.values[key]).strip()}
    return {link.replace("\ufeff", "") for link in found if link}


def name_words(text: str) -> list[str]:
    """The folded words of the names in an author text ('<b>Owner T.</b>, Author A.' → owner, author)."""
    words = re.split(r"[\s,;&*†‡§¶\d]+", _plain(text).replace(" and ", " "))
    return [w for w in (fold(word) for word in words) if len(w) > 1 and w not in _NOT_NAMES]


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", html.unescape(_TAG.sub("", str(text or ""))))
    return re.sub(r"[^a-z0-9]", "", "".join(c for c in text if not unicodedata.combining(c)).lower())


def _plain(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return " ".join(_plain(v) for v in value)
    if isinstance(value, dict):
        return " ".join(_plain(v) for v in value.values())
    return html.unescape(_TAG.sub(" ", str(value))).replace("\ufeff", "")


def _latex_plain(value: str) -> str:
    return re.sub(r"[{}]", "", _LATEX.sub("", value))


def _top_keys(front: str) -> tuple[str, ...]:
    """The top-level keys as written (line-based, so a front matter YAML cannot read still counts)."""
    return tuple(dict.fromkeys(key.lower() for key in _KEY_LINE.findall(front)))


def _yaml(text: str) -> dict[str, Any] | None:
    try:
        value = yaml.load(text, Loader=_LOADER)  # every scalar as written: dates stay text
    except yaml.YAMLError:
        return None
    return value if isinstance(value, dict) else None


def _toml(text: str) -> dict[str, Any] | None:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return None


def _text(data: bytes) -> str:
    return data.decode("utf-8", "replace").replace("\r\n", "\n")


def _is_bib(path: str) -> bool:
    return path.startswith("_bibliography/") and path.endswith(".bib")
