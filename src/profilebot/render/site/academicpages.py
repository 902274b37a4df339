"""academicpages adapter: one Markdown document per paper and per talk, with the front matter the theme reads.

Owned paths: `_publications/` and `_talks/` (the pages the bot writes there), `files/bibtex/` (one .bib per
paper it makes anew, linked as `bibtexurl`), and `files/cv.pdf` (the PDF CV: link it from `_pages/cv.md` as
`/files/cv.pdf`). `_config.yml`, `_pages/`, the rest of `files/` and all else stay the owner's. A
`files/cv.pdf` (or any file at these paths) profilebot did not write is the owner's too: it is left alone,
the generated one is not written, and the run says so (diff/adoption.py).

A page the person already has (an entry whose `origin` names it, written by `profilebot import
academicpages SITE`) is EDITED IN PLACE (render/site/front_matter_edit.py): its file name, permalink (or,
without one, the address `_config.yml` gives it), body, comments and every key the profile does not model
stay byte for byte; only a value that comes from the profile and now says something else than the page is
rewritten, escaped for the theme. "Says something else" is decided by reading the page as import reads it
and comparing with the profile, so right after an import nothing changes at all. Keys the profile does not
model (`origin.fields`) and the body are written only when the page has to be made anew (it is missing):
then from `origin`, at the same path. A page that does not read (broken front matter, not UTF-8) is left
as it is. An entry with no page gets a new one, as below.

Choices the theme leaves open (new pages):
- category: the theme's publications page lists a paper under its `category` only when `_config.yml`'s
  `publication_category` declares it, so a new page takes the category the site declares for the paper's
  kind (cv_view's kinds: `theses`/`thesis` for a thesis, `reports` for a report, `preprints`/`arXiv` for
  work not yet published, as real sites declare them); else `books` for books and chapters, `conferences`
  for conference papers, `manuscripts` for journal articles and for all work not yet published (under
  review, in preparation, preprints) — the upstream `_config.yml` has only these three, no "under review"
  category, and "manuscript" is the literal word for it.
- date: the paper's date, its first day when only the year or month is known; undated work gets the first
  day of the newest dated paper (see dates.undated_stand_in), so it lists with the newest papers and never
  with a future date that Jekyll would skip.
- venue is left out for work without one, so the theme does not print "Published in".
"""

from __future__ import annotations

import dataclasses
import datetime
import re
from collections.abc import Collection, Sequence
from typing import Any, Mapping

from profilebot.errors import UsageError
from profilebot.model.identifiers import bare_doi, doi_url
from profilebot.model.profile import Origin, Profile, Publication, Talk
from profilebot.render import citations, cv_view
from profilebot.render.artifact import Artifact
from profilebot.render.site import dates, front_matter, front_matter_edit, jekyll_urls
from profilebot.render.site.safety import file_id, is_relative, known, safe_url

# The adapter reads a page as import reads it, so "what the page says" is decided in one place.
from profilebot.importers import academicpages as reader  # noqa: E402  (after the render imports it needs)

NAME = "academicpages"
SUMMARY = "the publication and talk pages of the academicpages Jekyll theme"  # site.template's choice (schemas/generate.py)
CV_PDF = "files/cv.pdf"  # where academicpages users keep their CV; outputs.render_site writes it
OWNED_PATHS = ("_publications/", "_talks/", "files/bibtex/", CV_PDF)
# Outputs the profile's entries do not need (path → the site setting that adds them anyway): a site the person
# brought gets them only with that setting (diff/site_files.py; ARCHITECTURE.md, "Site adapters").
EXTRAS = {CV_PDF: "cv_pdf"}
CONFIG = "_config.yml"
MARKDOWN = "text/markdown"
BOOK_TYPES = {"book", "edited-book", "book-chapter"}
CONFERENCE_TYPES = {"conference-paper", "conference-abstract", "conference-poster"}
PENDING = {"under-review": "Under review", "in-preparation": "In preparation", "preprint": "Preprint"}
# The categories real sites add to `publication_category` for a kind (cv_view's kinds), the import's names
# for them (importers/academicpages.CATEGORY_TYPES) read back the same kind.
_DECLARED_CATEGORIES = {"thesis": ("theses", "thesis"), "report": ("reports", "report"),
                        "preprint": ("preprints", "preprint", "arxiv")}


def reads(profile: Profile, options: Mapping[str, Any], present: Collection[str]) -> dict[str, bool]:
    """The person's pages this adapter edits in place (always read: they are the person's), the local files
    import read them with (a page's `bibtexurl` .bib, its `-Bibtex.html` companion) and `_config.yml`."""
    wanted: dict[str, bool] = {}
    for path, origin in _pages(profile):
        if path not in present:
            continue
        wanted[path] = True
        bib = str(origin.fields.get("bibtexurl") or "").lstrip("/").split("?")[0]
        companion = path.rsplit(".", 1)[0] + reader.BIBTEX_COMPANION
        wanted.update({path: True for path in (bib, companion) if path and path in present})
    if CONFIG in present:
        wanted[CONFIG] = True
    return wanted


def render(profile: Profile, options: Mapping[str, Any], existing: Mapping[str, bytes] | None = None
           ) -> list[Artifact]:
    """`options`: the site settings; the lab's pages (lab/academicpages.py) add `author_links` (paper id → per
    author, the page their name links to in a citation the adapter writes)."""
    base = "/" + str(options.get("baseurl") or "").strip("/")
    base = base.rstrip("/")
    stand_in = dates.undated_stand_in(profile)
    texts = _texts(existing or {})
    site = _Site(profile, base, texts, jekyll_urls.SiteConfig.parse(texts.get(CONFIG, ""), CONFIG),
                 options.get("author_links") or {})
    taken = {path for path, _origin in _pages(profile)}
    artifacts: list[Artifact] = []
    for paper in profile.publications:
        origin = _origin(paper.origin)
        if origin is not None:
            artifacts.append(_page(origin, existing or {}, texts, lambda text: site.edited_paper(paper, origin, text),
                                   lambda: site.paper_anew(paper, origin, stand_in)))
            continue
        stem = _free(f"{_date(paper, stand_in).isoformat()}-{file_id(paper.id)}", "_publications", taken)
        page = publication(profile, paper, stem, base, stand_in, site.config.publication_categories,
                           site.links.get(paper.id, ()))
        artifacts.append(Artifact.text(f"_publications/{stem}.md", page, MARKDOWN))
        artifacts.append(Artifact.text(f"files/bibtex/{file_id(paper.id)}.bib", _bibtex(profile, paper),
                                       "application/x-bibtex"))
    for talk in profile.talks:
        origin = _origin(talk.origin)
        day = dates.full_date(talk.date) if talk.date else stand_in
        if origin is not None:
            artifacts.append(_page(origin, existing or {}, texts, lambda text: site.edited_talk(talk, origin, text),
                                   lambda: site.talk_anew(talk, origin, day)))
            continue
        stem = _free(f"{day.isoformat()}-{file_id(talk.id)}", "_talks", taken)
        artifacts.append(Artifact.text(f"_talks/{stem}.md", talk_document(talk, stem, day, base), MARKDOWN))
    return sorted(artifacts, key=lambda a: a.path)


def _pages(profile: Profile) -> list[tuple[str, Origin]]:
    """(path, origin) of every entry whose page import recorded."""
    origins = [p.origin for p in profile.publications] + [t.origin for t in profile.talks]
    pages = []
    for origin in origins:
        page = _origin(origin)
        if page is not None:
            pages.append((str(page.path), page))
    return pages


def _origin(origin: Origin | None) -> Origin | None:
    """The entry's page on an academicpages site, when import recorded one."""
    return origin if origin is not None and origin.of(NAME) and origin.path else None


def _texts(existing: Mapping[str, bytes]) -> dict[str, str]:
    """The files read as UTF-8 text (a byte-order mark stays a character, so it is written back); a file that
    is not UTF-8 is left out, and its page is then left as it is."""
    texts = {}
    for path, data in existing.items():
        try:
            texts[path] = data.decode("utf-8")
        except UnicodeDecodeError:
            continue
    return texts


def _page(origin: Origin, existing: Mapping[str, bytes], texts: Mapping[str, str], edit: Any, anew: Any) -> Artifact:
    """The entry's page at its own path: edited in place when it exists, made anew from `origin` when not."""
    path = str(origin.path)
    if path in existing:
        text = texts.get(path)
        if text is None:
            return Artifact(path, existing[path], MARKDOWN)
        try:
            return Artifact.text(path, edit(text), MARKDOWN)
        except (UsageError, RuntimeError):
            # Front matter that does not read, or an edit that would not read back as asked
            # (front_matter_edit refuses it): the person's page stays as they wrote it.
            return Artifact(path, existing[path], MARKDOWN)
    return Artifact.text(path, anew(), MARKDOWN)


def _free(stem: str, folder: str, taken: set[str]) -> str:
    """`stem`, or `stem-2`, `stem-3`… when another entry's page already has that file name."""
    candidate, number = stem, 1
    while f"{folder}/{candidate}.md" in taken:
        number += 1
        candidate = f"{stem}-{number}"
    taken.add(f"{folder}/{candidate}.md")
    return candidate


class _Site:
    """What editing a person's pages needs: the profile's owner, the base URL, the site's local files
    (BibTeX a page's authors come from) and its collection permalinks."""

    def __init__(self, profile: Profile, base: str, texts: Mapping[str, str], config: jekyll_urls.SiteConfig,
                 links: Mapping[str, Sequence[str | None]] = {}) -> None:
        self.owner, self.base, self.texts, self.config = profile.person.name, base, texts, config
        self.links = links  # paper id → per author, the page their name links to in a citation written anew

    def _before(self, path: str, text: str) -> tuple[front_matter_edit.FrontMatter, dict[str, Any]]:
        """The page and the entry import reads from it (authors that do not read count as none)."""
        from profilebot.importers import links

        matter = front_matter_edit.parse(text, path)
        candidate = reader.read(path, text, self.owner, self.texts, self.config, strict=False)
        # As import took it: a link or DOI it left out is not one the profile dropped.
        return matter, links.checked_entry(dict(candidate.entry))[0] if candidate is not None else {}

    def own_address(self, path: str, fields: Mapping[str, Any], date: Any) -> str:
        permalink = str(fields.get("permalink") or "").strip()
        return permalink or self.config.url(path, fields, str(date) if date else None)

    def redirects(self, entry_redirects: tuple[str, ...], own: str) -> list[str]:
        return [r for r in entry_redirects if r.startswith("/") and not r.startswith("//")
                and not jekyll_urls.same_address(r, own)]

    def edited_paper(self, paper: Publication, origin: Origin, text: str) -> str:
        from profilebot.load.build import publication as built

        path = str(origin.path)
        matter, entry = self._before(path, text)
        before = built({**entry, "id": paper.id}) if entry else None
        changes: dict[str, Any] = {}
        keys = matter.data
        esc = front_matter.for_markdownify
        if before is None or before.title != paper.title:
            changes["title"] = esc(paper.title)
        if before is None or _venue(before) != _venue(paper):
            changes["venue"] = esc(paper.venue.name) if paper.venue else None
        if before is None or before.date != paper.date:
            changes["date"] = dates.full_date(paper.date) if paper.date else None
        authors_changed = before is None or _names(before) != _names(paper)
        author_key = next((k for k in ("authors", "author", "Author", "Authors") if k in keys), None)
        if authors_changed and author_key:
            changes[author_key] = esc(printed_authors(paper))
        if before is None or _cited(before) != _cited(paper):
            if "citation" in keys or (authors_changed and author_key is None):
                changes["citation"] = citation(paper, self.links.get(paper.id, ()))
        if before is None or self.paper_url(before) != self.paper_url(paper):
            changes["paperurl"] = self.paper_url(paper)
        for key, link in reader.LINK_KEYS.items():
            if link != "pdf" and (before is None or before.links.get(link) != paper.links.get(link)):
                if key in keys or paper.links.get(link):
                    changes[key] = _url(paper.links.get(link), self.base)
        declared = self.config.publication_categories
        if "category" in keys and (before is None or category(before, declared) != category(paper, declared)):
            changes["category"] = category(paper, declared)
        changes.update(self._redirect_change(path, keys, entry, paper.redirect_from, paper.date))
        return front_matter_edit.edit(text, _only_changed(changes, keys), path)

    def edited_talk(self, talk: Talk, origin: Origin, text: str) -> str:
        from profilebot.load.build import talk as built

        path = str(origin.path)
        matter, entry = self._before(path, text)
        before = built({**entry, "id": talk.id}) if entry else None
        keys = matter.data
        esc = front_matter.for_markdownify
        changes: dict[str, Any] = {}
        if before is None or before.title != talk.title:
            changes["title"] = esc(talk.title)
        if before is None or before.event != talk.event:
            changes["venue"] = esc(talk.event)
        if before is None or before.date != talk.date:
            changes["date"] = dates.full_date(talk.date) if talk.date else None
        if before is None or before.location != talk.location:
            changes["location"] = esc(location) if (location := known(talk.location)) else None
        if before is None or before.slides != talk.slides:
            changes["slidesurl"] = _url(talk.slides, self.base)
        if before is None or before.url != talk.url:
            changes["talkurl"] = _url(talk.url, self.base)
        if before is None or before.type != talk.type:
            changes["type"] = reader.written_talk_type(talk.type)
        changes.update(self._redirect_change(path, keys, entry, talk.redirect_from, talk.date))
        return front_matter_edit.edit(text, _only_changed(changes, keys), path)

    def _redirect_change(self, path: str, keys: Mapping[str, Any], entry: Mapping[str, Any],
                         wanted: tuple[str, ...], date: Any) -> dict[str, Any]:
        own = self.own_address(path, keys, entry.get("date") or (date.iso() if date else None))
        before = self.redirects(tuple(entry.get("redirect_from") or ()), own)
        after = self.redirects(wanted, own)
        return {} if before == after else {"redirect_from": after or None}

    def paper_url(self, paper: Publication) -> str | None:
        # A DOI-only paper still gets the theme's "Download Paper" link: its DOI resolver address.
        return _url(paper.links.get("pdf") or paper.url, self.base) or _doi_url(paper)

    def paper_anew(self, paper: Publication, origin: Origin, stand_in: datetime.date) -> str:
        """The page made again at its own path: the profile's values, the page's own keys and its body."""
        path = str(origin.path)
        date = _date(paper, stand_in)
        own = self.own_address(path, origin.fields, date.isoformat())
        esc = front_matter.for_markdownify
        fields: dict[str, Any] = {"title": esc(paper.title), **origin.fields}
        fields.setdefault("collection", "publications")
        fields.update({
            "category": origin.fields.get("category", category(paper, self.config.publication_categories)),
            "date": date,
            "venue": esc(paper.venue.name) if paper.venue else None,
            "slidesurl": _url(paper.links.get("slides"), self.base),
            "paperurl": self.paper_url(paper),
            "citation": citation(paper, self.links.get(paper.id, ())),
            "redirect_from": self.redirects(paper.redirect_from, own) or None,
        })
        return front_matter.document(fields, origin.body or "")

    def talk_anew(self, talk: Talk, origin: Origin, day: datetime.date) -> str:
        path = str(origin.path)
        own = self.own_address(path, origin.fields, day.isoformat())
        esc = front_matter.for_markdownify
        fields: dict[str, Any] = {"title": esc(talk.title), **origin.fields}
        fields.setdefault("collection", "talks")
        fields.setdefault("type", reader.written_talk_type(talk.type))
        fields.update({
            "venue": esc(talk.event),
            "date": day,
            "location": esc(location) if (location := known(talk.location)) else None,
            "slidesurl": _url(talk.slides, self.base),
            "talkurl": _url(talk.url, self.base),
            "redirect_from": self.redirects(talk.redirect_from, own) or None,
        })
        return front_matter.document(fields, origin.body or "")


def _only_changed(changes: dict[str, Any], keys: Mapping[str, Any]) -> dict[str, Any]:
    """Removing a key the page does not have is no change."""
    return {key: value for key, value in changes.items() if value is not None or key in keys}


def _venue(paper: Publication) -> str | None:
    return paper.venue.name if paper.venue else None


def _names(paper: Publication) -> tuple[list[tuple[str, str]], bool]:
    return [(a.given, a.family) for a in paper.authors], paper.more_authors


def printed_authors(paper: Publication) -> str:
    """The names as printed (outputs.with_printed_names), never "Family, Given"; "…, et al." when truncated."""
    return ", ".join([a.name for a in paper.authors] + ([citations.ET_AL] if paper.more_authors else []))


def _cited(paper: Publication) -> tuple[Any, ...]:
    """What the citation line says: authors, year, title, venue and status."""
    return _names(paper), paper.year, paper.title, _venue(paper), paper.status


def publication(profile: Profile, paper: Publication, stem: str, base: str, stand_in: datetime.date,
                declared: tuple[str, ...] = (), links: Sequence[str | None] = ()) -> str:
    """A new page; `declared`: the site's `publication_category` keys (its category comes from them); `links`:
    per author, the page their name links to in the citation (a lab member's), or None."""
    fields = {
        "title": front_matter.for_markdownify(paper.title),
        "collection": "publications",
        "category": category(paper, declared),
        "permalink": f"/publication/{stem}",
        "excerpt": front_matter.for_markdownify(excerpt) if (excerpt := _excerpt(paper)) else None,
        "date": _date(paper, stand_in),
        "venue": front_matter.for_markdownify(paper.venue.name) if paper.venue else None,
        "slidesurl": _url(paper.links.get("slides"), base),
        # A DOI-only paper still gets the theme's "Download Paper" link: its DOI resolver address.
        "paperurl": _url(paper.links.get("pdf") or paper.url, base) or _doi_url(paper),
        "bibtexurl": f"{base}/files/bibtex/{file_id(paper.id)}.bib",
        "citation": citation(paper, links),
        "redirect_from": _redirects(paper.redirect_from, f"/publication/{stem}"),
    }
    return front_matter.document(fields, front_matter.inert_body([paper.abstract or ""]))


def talk_document(talk: Talk, stem: str, day: datetime.date, base: str) -> str:
    fields = {
        "title": front_matter.for_markdownify(talk.title),
        "collection": "talks",
        "type": reader.written_talk_type(talk.type),
        "permalink": f"/talks/{stem}",
        "venue": front_matter.for_markdownify(talk.event),
        "date": day,
        "location": front_matter.for_markdownify(location) if (location := known(talk.location)) else None,
        "slidesurl": _url(talk.slides, base),
        "redirect_from": _redirects(talk.redirect_from, f"/talks/{stem}"),
    }
    return front_matter.document(fields, front_matter.inert_body([talk.note or ""]))


def _redirects(earlier: tuple[str, ...], permalink: str) -> list[str] | None:
    """Every earlier address of the page (an imported site's permalinks) other than its own, for the
    jekyll-redirect-from plugin academicpages ships: old links keep working."""
    kept = [path for path in earlier if path.startswith("/") and not path.startswith("//") and path != permalink]
    return kept or None


def _doi_url(paper: Publication) -> str | None:
    doi = bare_doi(paper.doi) if paper.doi else None  # its case kept: a DOI is printed as the person wrote it
    return doi_url(doi) if doi else None


def category(paper: Publication, declared: tuple[str, ...] = ()) -> str:
    """The paper's category: the one the site declares for its kind (case as declared), else the theme's own."""
    kind = cv_view.group_key(citations.Work(paper.id, citations.kind_of(paper), paper), "kind")
    wanted = {name.lower() for name in _DECLARED_CATEGORIES.get(kind, ())}
    chosen = next((name for name in declared if name.lower() in wanted), None)
    if chosen is not None:
        return chosen
    if paper.status in PENDING:
        return "manuscripts"
    if paper.type in BOOK_TYPES:
        return "books"
    return "conferences" if paper.type in CONFERENCE_TYPES else "manuscripts"


def citation(paper: Publication, links: Sequence[str | None] = ()) -> str:
    """'H. Huang, J. Zhao (2024). &quot;Title.&quot; <i>Venue</i>.' — HTML, as the theme prints it unescaped.
    `links`: per author, the address their name links to (a lab member's page), or None."""
    esc = front_matter.for_markdownify
    authors = esc(printed_authors(paper))
    if any(links):
        named = [f'<a href="{url}">{esc(a.name)}</a>' if url else esc(a.name) for a, url in zip(paper.authors, links)]
        authors = ", ".join(named + ([citations.ET_AL] if paper.more_authors else []))
    lead = f"{authors} ({paper.year})." if paper.year else f"{authors.rstrip('.')}."
    text = f"{lead} &quot;{esc(paper.title.rstrip('.'))}.&quot;"
    if paper.venue:
        text += f" <i>{esc(paper.venue.name)}</i>."
    if paper.status in PENDING:
        text += f" {PENDING[paper.status]}."
    return text


def _excerpt(paper: Publication) -> str | None:
    parts = [PENDING[paper.status] + "." if paper.status in PENDING else None, paper.note]
    text = " ".join(p for p in parts if p)
    return text or None


def _date(paper: Publication, stand_in: datetime.date) -> datetime.date:
    return dates.full_date(paper.date) if paper.date else stand_in


def _url(value: str | None, base: str) -> str | None:
    """Profile paths are site-relative; the theme prints these as href on /publication/… pages, so root them."""
    url = safe_url(value)
    if url and is_relative(url):
        return f"{base}/{url}"
    return url


def _bibtex(profile: Profile, paper: Publication) -> str:
    from profilebot.render import bibtex

    return bibtex.render(dataclasses.replace(profile, publications=(paper,), patents=()))
