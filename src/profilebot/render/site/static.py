"""The default site: plain HTML pages and one stylesheet that GitHub Pages serves as they are (no build step).

Owned paths (the sync engine adds, changes and deletes only these in the site repository):
`.nojekyll`, `index.html`, `publications.html`, `cv.html`, `publications.bib`, `publications.ris`,
`assets/profilebot.css`, and everything under `publications/` (one page and one .bib per paper).
Anything else in the repository — a photo, PDFs, a CNAME — is the owner's and is never touched.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Collection, Mapping

import jinja2

from profilebot.errors import ConfigError
from profilebot.model.citations import NONE, Citations
from profilebot.model.profile import Profile, Publication
from profilebot.render import cv_view
from profilebot.render.artifact import Artifact
from profilebot.render.site import papers, schema_org
from profilebot.render.site.safety import is_relative, json_for_html, known, local_path, safe_url

NAME = "static"
SUMMARY = "plain HTML, no build step"  # site.template's choice (schemas/generate.py)
CV_PDF = "cv.pdf"  # the PDF CV, written by outputs.render_site and linked from the navigation and cv.html
OWNED_PATHS = (".nojekyll", "index.html", "publications.html", "cv.html", CV_PDF, "publications.bib", "publications.ris",
               "assets/profilebot.css", "publications/")
STYLESHEET = "assets/profilebot.css"
HTML = "text/html"
# When nothing is marked `selected`, the home page shows this many of the newest papers instead.
RECENT_ON_HOME = 5


@dataclass(frozen=True)
class SiteOptions:
    """The `site:` keys this template reads; repo/branch/path belong to the sync target and are ignored here."""

    url: str | None = None
    photo: str | None = None
    title: str | None = None
    lang: str = "en"
    # How the publications page groups the papers: the CV's grouping (`cv: publications:`), which
    # outputs.render_site passes in as the `publication_groups` option.
    groups: cv_view.Grouping = cv_view.Grouping()

    @classmethod
    def from_mapping(cls, options: Mapping[str, Any], profile: Profile) -> SiteOptions:
        url = _option_url(options, "url", absolute=True)
        base = str(options.get("baseurl") or "").strip("/")
        if url and base:
            url = f"{url.rstrip('/')}/{base}"
        photo = _option_url(options, "photo") if options.get("photo") else profile.person.photo
        if photo and not safe_url(photo):
            raise ConfigError(f"person.photo: '{photo}' is not a usable image address.",
                              "Give a path relative to the site (images/me.jpg) or an https:// URL.")
        return cls(url=url.rstrip("/") + "/" if url else None, photo=photo,
                   title=str(options["title"]) if options.get("title") else None,
                   lang=str(options.get("lang") or "en"),
                   groups=options.get("publication_groups") or cv_view.Grouping())


def local_files(profile: Profile, options: Mapping[str, Any]) -> tuple[str, ...]:
    """Files beside the profile that the pages show, which build copies into the site: person.photo as a path.

    A `site.photo` is a path inside the site (or a URL) and is the site's own, so then nothing is copied.
    """
    photo = None if options.get("photo") else local_path(profile.person.photo)
    return (photo,) if photo and photo != ".." and not photo.startswith("../") else ()


def _option_url(options: Mapping[str, Any], key: str, absolute: bool = False) -> str | None:
    value = options.get(key)
    if value is None or value == "":
        return None
    url = safe_url(str(value))
    if not url or (absolute and is_relative(url)) or (absolute and url.startswith("mailto:")):
        expected = "an http(s) URL such as https://you.github.io" if absolute else "a relative path or http(s) URL"
        raise ConfigError(f"profilebot.yaml: site.{key} is '{value}'; expected {expected}.")
    return url


def reads(profile: Profile, options: Mapping[str, Any], present: Collection[str]) -> dict[str, bool]:
    """Nothing: every file of the static site is made whole from the profile (the site's pages are all ours)."""
    return {}


def render(profile: Profile, options: Mapping[str, Any], existing: Mapping[str, bytes] = {}) -> list[Artifact]:
    """`existing` (the files `reads` named) is always empty here: no page is edited in place."""
    site = SiteOptions.from_mapping(options, profile)
    pages = _Pages(profile, site, options.get("citations") or NONE)
    artifacts = [
        Artifact.text(".nojekyll", ""),
        Artifact.text(STYLESHEET, _asset("profilebot.css"), "text/css"),
        Artifact.text("index.html", pages.home(), HTML),
        Artifact.text("publications.html", pages.publications(), HTML),
        Artifact.text("cv.html", pages.cv(), HTML),
        *_downloads(profile),
    ]
    for paper in profile.publications:
        artifacts.append(Artifact.text(f"publications/{paper.id}.html", pages.paper(paper), HTML))
    return sorted(artifacts, key=lambda a: a.path)


def _downloads(profile: Profile) -> list[Artifact]:
    """All papers as BibTeX and RIS, and one .bib per paper, from the exporters (one writer per format)."""
    from profilebot.render import bibtex, ris

    files = [Artifact.text("publications.bib", bibtex.render(profile), "application/x-bibtex"),
             Artifact.text("publications.ris", ris.render(profile), "application/x-research-info-systems")]
    for paper in profile.publications:
        files.append(Artifact.text(f"publications/{paper.id}.bib", paper_bibtex(profile, paper),
                                   "application/x-bibtex"))
    return files


def paper_bibtex(profile: Profile, paper: Publication) -> str:
    """The paper's entry exactly as publications.bib has it (same key, even when keys needed a/b suffixes)."""
    from profilebot.render import bibtex

    return bibtex.entries(profile)[paper.id]


class _Pages:
    """The page renderers, sharing one Jinja2 environment and the values every page needs."""

    def __init__(self, profile: Profile, site: SiteOptions, citations: Citations = NONE) -> None:
        self.profile = profile
        self.site = site
        self.env = _environment()
        self._links: dict[int, list[papers.Link]] = {}
        self._fragments: dict[tuple[str, int], Any] = {}
        person = profile.person
        self.common: dict[str, Any] = {
            "profile": profile, "person": person, "site": site, "known": known,
            "site_title": site.title or person.name,
            "is_owner": papers.owner_test(person),
            "awards_for": profile.awards_for, "paper_links": self.paper_links,
            "paper_authors": self.paper_authors, "paper_badges": self.paper_badges,
            "profile_links": papers.profile_links(person), "contacts": person.public_contacts(),
            "initials": "".join(word[0] for word in person.name_parts() if word)[:3].upper(),
            # counts from citations.yaml, each shown with its source and date (never a bare number)
            "citations": citations,
        }

    def paper_links(self, paper: Publication) -> list[papers.Link]:
        """papers.paper_links, made once per paper: the publication list, the home page and the paper's own
        page show the same links."""
        found = self._links.get(id(paper))  # by identity: the profile holds its papers while the site renders
        if found is None:
            found = self._links[id(paper)] = papers.paper_links(paper, self.profile.person.website)
        return found

    def paper_authors(self, paper: Publication) -> Any:
        """The author list (macros.html.j2's author_list), rendered once per paper: the publication list and
        the paper's own page print the same."""
        return self._fragment("author_list", paper, self.common["is_owner"])

    def paper_badges(self, paper: Publication) -> Any:
        """The venue, status and award badges (macros.html.j2's badges), rendered once per paper."""
        return self._fragment("badges", paper, self.common["awards_for"])

    def _fragment(self, macro: str, paper: Publication, helper: Any) -> Any:
        key = (macro, id(paper))  # by identity, as paper_links
        found = self._fragments.get(key)
        if found is None:
            found = self._fragments[key] = getattr(self.env.get_template("macros.html.j2").module, macro)(paper, helper)
        return found

    def _page(self, template: str, root: str, current: str, title: str, **values: Any) -> str:
        canonical = self.site.url + current if self.site.url else None
        return self.env.get_template(template).render(
            **self.common, root=root, current=current, title=title, canonical=canonical,
            href=lambda url: _href(url, root), **values)

    def home(self) -> str:
        chosen = [p for p in self.profile.publications if p.selected]
        heading = "Selected publications"
        if not chosen:
            heading = "Recent publications"
            chosen = papers.newest_first([p for p in self.profile.publications if p.is_published])[:RECENT_ON_HOME]
        return self._page("home.html.j2", "", "index.html", self.common["site_title"],
                          featured=chosen, featured_heading=heading,
                          json_ld=json_for_html(schema_org.person(self.profile, self.site.url)))

    def publications(self) -> str:
        groups = [papers.Group(title, tuple(p for w in works if (p := w.publication) is not None))
                  for title, works in cv_view.publication_groups(self.profile, self.site.groups)]
        return self._page("publications.html.j2", "", "publications.html", "Publications", groups=groups,
                          equal_note=any(papers.has_equal_contribution(p) for p in self.profile.publications))

    def cv(self) -> str:
        return self._page("cv.html.j2", "", "cv.html", "Curriculum vitae",
                          cv=cv_view.build(self.profile, grouping=self.site.groups),
                          paper_ids={p.id for p in self.profile.publications})

    def paper(self, paper: Publication) -> str:
        root = "../"
        return self._page("paper.html.j2", root, f"publications/{paper.id}.html", paper.title, paper=paper,
                          meta=citation_meta(paper, self.site.url, root, self.profile.person.website),
                          bibtex=paper_bibtex(self.profile, paper),
                          json_ld=json_for_html(schema_org.article(self.profile, paper, self.site.url)))


def citation_meta(paper: Publication, site_url: str | None, root: str = "../",
                  website: str | None = None) -> list[tuple[str, str]]:
    """Google Scholar's Highwire tags for one paper page, in the order its inclusion guidelines list them;
    `website`: where a root path such as al-folio's `/assets/pdf/…` lives (papers.on_the_web)."""
    meta = [("citation_title", paper.title)]
    meta += [("citation_author", author.family_given()) for author in paper.authors]
    if paper.date:
        meta.append(("citation_publication_date", paper.date.iso().replace("-", "/")))
    if paper.venue:
        kind = "citation_journal_title" if paper.type in ("journal-article", "magazine-article") else \
            "citation_conference_title"
        meta.append((kind, paper.venue.name))
    for key, value in (("citation_volume", paper.volume), ("citation_issue", paper.issue)):
        if value:
            meta.append((key, value))
    if paper.pages:
        first, _, last = paper.pages.replace("--", "-").partition("-")
        meta.append(("citation_firstpage", first.strip()))
        if last.strip():
            meta.append(("citation_lastpage", last.strip()))
    for key, value in (("citation_publisher", paper.publisher or (paper.venue.publisher if paper.venue else None)),
                       ("citation_isbn", paper.isbn), ("citation_issn", paper.issn), ("citation_doi", paper.doi)):
        if value:
            meta.append((key, value))
    pdf = safe_url(papers.on_the_web(paper.links.get("pdf") or "", website))
    if pdf:
        # Scholar wants an absolute address; without site.url the page-relative one still resolves in a browser.
        meta.append(("citation_pdf_url", site_url + pdf if site_url and is_relative(pdf) else _from_page(pdf, root)))
    return meta


def _href(url: str | None, root: str) -> str | None:
    """A safe link as seen from a page `root` levels below the site root (profile paths are site-relative)."""
    safe = safe_url(url)
    if safe is None:
        return None
    return _from_page(safe, root)


def _from_page(safe: str, root: str) -> str:
    """A link already known to be safe, as seen from a page `root` levels below the site root."""
    return root + safe if is_relative(safe) and not safe.startswith("#") else safe


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("profilebot.render.site", "templates"),
        autoescape=True, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        # The templates are package data that cannot change while a build runs: without this, every page
        # would stat each template it uses (2,000 paper pages, three templates each) to see if it changed.
        auto_reload=False)
    # BibTeX's typed "--" in an imported title prints as the en dash it stands for, as in every CV output.
    environment.filters["dashes"] = cv_view.dashes
    return environment


def _asset(name: str) -> str:
    return resources.files("profilebot.render.site").joinpath("assets", name).read_text("utf-8")
