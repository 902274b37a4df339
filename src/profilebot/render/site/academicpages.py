"""academicpages adapter: one Markdown document per paper and per talk, with the front matter the theme reads.

Owned paths: `_publications/` and `_talks/` (every file in them: an entry removed from the profile is
removed from the site, and hand-made entries there are replaced by the profile's on the first sync), and
`files/bibtex/` (one .bib per paper, linked as `bibtexurl`), and `files/cv.pdf` (the PDF CV: link it from
`_pages/cv.md` as `/files/cv.pdf`). `_config.yml`, `_pages/`, the rest of `files/` and all else stay the owner's.
Import a site first (`profilebot import academicpages SITE`) so the profile holds its entries: every page's
old permalink is then kept, as `redirect_from` when the new one differs.

Choices the theme leaves open:
- category: `books` for books and chapters, `conferences` for conference papers, `manuscripts` for
  journal articles and for all work not yet published (under review, in preparation, preprints) — the
  upstream `_config.yml` has no "under review" category and "manuscript" is the literal word for it.
- date: the paper's date, its first day when only the year or month is known; undated work gets the first
  day of the newest dated paper (see dates.undated_stand_in), so it lists with the newest papers and never
  with a future date that Jekyll would skip.
- venue is left out for work without one, so the theme does not print "Published in".
"""

from __future__ import annotations

import dataclasses
import datetime
import re
from typing import Any, Mapping

from profilebot.model.identifiers import doi_url, normalize_doi
from profilebot.model.profile import Profile, Publication, Talk
from profilebot.render.artifact import Artifact
from profilebot.render.site import dates, front_matter
from profilebot.render.site.safety import is_relative, known, safe_url, slugify

NAME = "academicpages"
CV_PDF = "files/cv.pdf"  # where academicpages users keep their CV; outputs.render_site writes it
OWNED_PATHS = ("_publications/", "_talks/", "files/bibtex/", CV_PDF)
MARKDOWN = "text/markdown"
BOOK_TYPES = {"book", "edited-book", "book-chapter"}
CONFERENCE_TYPES = {"conference-paper", "conference-abstract", "conference-poster"}
PENDING = {"under-review": "Under review", "in-preparation": "In preparation", "preprint": "Preprint"}
TALK_TYPES = {"talk": "Talk", "invited-talk": "Invited talk", "keynote": "Keynote", "tutorial": "Tutorial",
              "poster": "Poster", "panel": "Panel", "seminar": "Seminar"}


def render(profile: Profile, options: Mapping[str, Any]) -> list[Artifact]:
    base = "/" + str(options.get("baseurl") or "").strip("/")
    base = base.rstrip("/")
    stand_in = dates.undated_stand_in(profile)
    artifacts: list[Artifact] = []
    for paper in profile.publications:
        stem = f"{_date(paper, stand_in).isoformat()}-{file_id(paper.id)}"
        artifacts.append(Artifact.text(f"_publications/{stem}.md", publication(profile, paper, stem, base, stand_in),
                                       MARKDOWN))
        artifacts.append(Artifact.text(f"files/bibtex/{file_id(paper.id)}.bib", _bibtex(profile, paper),
                                       "application/x-bibtex"))
    for talk in profile.talks:
        day = dates.full_date(talk.date) if talk.date else stand_in
        stem = f"{day.isoformat()}-{file_id(talk.id)}"
        artifacts.append(Artifact.text(f"_talks/{stem}.md", talk_document(talk, stem, day, base), MARKDOWN))
    return sorted(artifacts, key=lambda a: a.path)


def publication(profile: Profile, paper: Publication, stem: str, base: str, stand_in: datetime.date) -> str:
    fields = {
        "title": front_matter.for_markdownify(paper.title),
        "collection": "publications",
        "category": category(paper),
        "permalink": f"/publication/{stem}",
        "excerpt": front_matter.for_markdownify(excerpt) if (excerpt := _excerpt(paper)) else None,
        "date": _date(paper, stand_in),
        "venue": front_matter.for_markdownify(paper.venue.name) if paper.venue else None,
        "slidesurl": _url(paper.links.get("slides"), base),
        # A DOI-only paper still gets the theme's "Download Paper" link: its DOI resolver address.
        "paperurl": _url(paper.links.get("pdf") or paper.url, base) or _doi_url(paper),
        "bibtexurl": f"{base}/files/bibtex/{file_id(paper.id)}.bib",
        "citation": citation(paper),
        "redirect_from": _redirects(paper.redirect_from, f"/publication/{stem}"),
    }
    return front_matter.document(fields, front_matter.inert_body([paper.abstract or ""]))


def talk_document(talk: Talk, stem: str, day: datetime.date, base: str) -> str:
    fields = {
        "title": front_matter.for_markdownify(talk.title),
        "collection": "talks",
        "type": TALK_TYPES.get(talk.type or "talk", "Talk"),
        "permalink": f"/talks/{stem}",
        "venue": front_matter.for_markdownify(talk.event),
        "date": day,
        "location": front_matter.for_markdownify(location) if (location := known(talk.location)) else None,
        "slidesurl": _url(talk.slides, base),
        "redirect_from": _redirects(talk.redirect_from, f"/talks/{stem}"),
    }
    return front_matter.document(fields, front_matter.inert_body([talk.note or ""]))


def file_id(entry_id: str) -> str:
    """The id itself when it is letters, digits, '-' and '_' (an imported page keeps its file name and permalink:
    2021-05-28-GI-number-1; ids differing only in case are refused by PB404), else its slug."""
    return entry_id if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_-]*", entry_id) else slugify(entry_id)


def _redirects(earlier: tuple[str, ...], permalink: str) -> list[str] | None:
    """Every earlier address of the page (an imported site's permalinks) other than its own, for the
    jekyll-redirect-from plugin academicpages ships: old links keep working."""
    kept = [path for path in earlier if path.startswith("/") and not path.startswith("//") and path != permalink]
    return kept or None


def _doi_url(paper: Publication) -> str | None:
    doi = normalize_doi(paper.doi) if paper.doi else None
    return doi_url(doi) if doi else None


def category(paper: Publication) -> str:
    if paper.status in PENDING:
        return "manuscripts"
    if paper.type in BOOK_TYPES:
        return "books"
    return "conferences" if paper.type in CONFERENCE_TYPES else "manuscripts"


def citation(paper: Publication) -> str:
    """'H. Huang, J. Zhao (2024). &quot;Title.&quot; <i>Venue</i>.' — HTML, as the theme prints it unescaped."""
    esc = front_matter.for_markdownify
    authors = ", ".join(a.name for a in paper.authors)  # as printed (outputs.with_printed_names), never "Family, Given"
    lead = f"{esc(authors)} ({paper.year})." if paper.year else f"{esc(authors.rstrip('.'))}."
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
