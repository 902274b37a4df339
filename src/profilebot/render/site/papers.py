"""What every site template shows about papers and people: owner marks, links, profile URLs."""

from __future__ import annotations

import re

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import quote

from profilebot.model.identifiers import doi_url
from profilebot.model import networks
from profilebot.model.profile import Author, Person, Profile, Publication
from profilebot.render.site.safety import safe_url

# The links a paper may carry, in the order a reader looks for them.
LINK_LABELS = (("pdf", "PDF"), ("code", "Code"), ("slides", "Slides"), ("video", "Video"), ("poster", "Poster"),
               ("project", "Project"), ("html", "HTML"), ("supplement", "Supplement"), ("data", "Data"))


@dataclass(frozen=True)
class Link:
    label: str
    url: str


@dataclass(frozen=True)
class Group:
    """A group of the publications page (cv_view.publication_groups: by kind, status or year); no label when
    the papers are one list."""

    label: str | None
    papers: tuple[Publication, ...]


def newest_first(papers: list[Publication]) -> list[Publication]:
    # Stable sort: papers with the same (partial) date keep the profile's order, which the author chose.
    return sorted(papers, key=lambda p: p.date.first_day() if p.date else (0, 0, 0), reverse=True)


def is_owner(person: Person, author: Author) -> bool:
    return author.self or person.is_named(author.name)


def owner_test(person: Person) -> Callable[[Author], bool]:
    """is_owner for the many authors of one site: each distinct name is matched against the person once
    (a co-author appears on the publication list and on every page of a paper they wrote)."""
    named = lru_cache(maxsize=None)(person.is_named)
    return lambda author: author.self or named(author.name)


def has_equal_contribution(paper: Publication) -> bool:
    return any(a.equal_contribution for a in paper.authors)


def paper_links(paper: Publication, website: str | None = None) -> list[Link]:
    """The paper's material links, then DOI and arXiv; anything that is not http(s)/mailto/relative is dropped.

    A root path (al-folio's `pdf={paper.pdf}` imports as `/assets/pdf/paper.pdf`) is read away from that site
    (a CV, another template): it becomes the address on `website` (person.website, which `import al-folio`
    takes from the site's _config.yml), or is left out when there is none — never a dead relative link."""
    wanted = [(label, on_the_web(paper.links[key], website)) for key, label in LINK_LABELS if key in paper.links]
    if paper.url and "html" not in paper.links:
        wanted.append(("Web", paper.url))
    if paper.doi:
        wanted.append(("DOI", doi_url(paper.doi)))
    if paper.arxiv:
        wanted.append(("arXiv", "https://arxiv.org/abs/" + quote(paper.arxiv, safe="/._-")))
    return [Link(label, safe) for label, url in wanted if (safe := safe_url(url))]


def on_the_web(url: str, website: str | None) -> str:
    if not url.startswith("/") or url.startswith("//"):  # an address, or a path relative to this very page
        return url
    base = website if website and re.match(r"(?i)^https?://", website) else None
    return base.rstrip("/") + "/" + url.lstrip("/") if base else ""  # "" is no link (safe_url drops it)


def profile_links(person: Person) -> list[Link]:
    ordered = [key for key in networks.NETWORKS if person.profiles.get(key)]
    ordered += [key for key in ("mastodon",) if person.profiles.get(key)]
    links = [Link(networks.label(key), networks.url(key, person.profiles[key]) or "") for key in ordered]
    for extra in (person.website, person.profiles.get("website")):
        if extra:
            links.append(Link("Website", extra))
    return [Link(link.label, url) for link in links if (url := safe_url(link.url))]


def venue_text(paper: Publication) -> str | None:
    return paper.venue.name if paper.venue else None
