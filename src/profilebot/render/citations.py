"""Publications and patents as one list of citable works: kind, key (the profile id) and status label for each."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Concatenate, ParamSpec, TypeVar

from profilebot.model.dates import PartialDate
from profilebot.model.identifiers import bare_doi, normalize_arxiv, parse_patent_number
from profilebot.model.keys import letter_suffix
from profilebot.model.names import fold, fold_keep_spaces
from profilebot.model.profile import Author, Patent, Profile, Publication

T = TypeVar("T")
P = ParamSpec("P")

# The kinds every citation format maps from; a format module maps each kind to its nearest type.
ARTICLE, CONFERENCE, PREPRINT, BOOK, CHAPTER, THESIS, REPORT, PATENT, UNPUBLISHED, OTHER = (
    "article", "conference", "preprint", "book", "chapter", "thesis", "report", "patent", "unpublished", "other")

_KIND_OF_TYPE = {
    **dict.fromkeys(("journal-article", "magazine-article", "newspaper-article", "newsletter-article", "review",
                     "book-review", "journal-issue"), ARTICLE),
    **dict.fromkeys(("conference-paper", "conference-proceedings", "conference-abstract", "conference-poster",
                     "conference-presentation", "conference-output"), CONFERENCE),
    **dict.fromkeys(("preprint", "working-paper"), PREPRINT),
    **dict.fromkeys(("book", "edited-book"), BOOK),
    **dict.fromkeys(("book-chapter", "encyclopedia-entry", "dictionary-entry"), CHAPTER),
    **dict.fromkeys(("dissertation-thesis", "supervised-student-publication"), THESIS),
    "report": REPORT,
    "patent": PATENT,
}

STATUS_LABELS = {
    "published": "Published",
    "accepted": "Accepted",
    "under-review": "Under review",
    "in-preparation": "In preparation",
    "preprint": "Preprint",
}

# A page range's separator as people type it: hyphens, en and em dashes, spaced or not.
PAGE_DASH = re.compile(r"\s*[-\u2013\u2014]+\s*")

# Leading words Scholar skips when it picks the key's title word ("The elements…" → hastie2009elements).
_STOP_WORDS = {"a", "an", "the", "on", "of", "in", "for", "to", "and", "at", "by", "with", "from", "is", "are"}


# How every CV, site and citation output ends a truncated author list (Publication.more_authors): "A, B, et al."
# (the HTML and Typst templates print the same words).
ET_AL = "et al."


@dataclass(frozen=True)
class Work:
    """A publication or a patent, with what every citation format asks of it."""

    key: str
    kind: str
    item: Publication | Patent

    @property
    def title(self) -> str:
        return self.item.title

    @property
    def authors(self) -> tuple[Author, ...]:
        return self.item.inventors if isinstance(self.item, Patent) else self.item.authors

    @property
    def date(self) -> PartialDate | None:
        return self.item.date

    @property
    def more_authors(self) -> bool:
        """The author list is truncated (the source said `and others` / "et al."): formats that can say so do."""
        return isinstance(self.item, Publication) and self.item.more_authors

    @property
    def publication(self) -> Publication | None:
        return self.item if isinstance(self.item, Publication) else None

    @property
    def patent(self) -> Patent | None:
        return self.item if isinstance(self.item, Patent) else None

    @property
    def venue(self) -> str | None:
        pub = self.publication
        return pub.venue.name if pub is not None and pub.venue is not None else None

    @property
    def publisher(self) -> str | None:
        pub = self.publication
        if pub is None:
            return self.item.assignee  # type: ignore[union-attr]
        return pub.publisher or (pub.venue.publisher if pub.venue else None)

    @property
    def status_label(self) -> str | None:
        """'Under review' etc. for work that is not out yet; None once published or accepted as such."""
        pub = self.publication
        if pub is None or pub.status == "published":
            return None
        return STATUS_LABELS[pub.status]

    @property
    def doi(self) -> str | None:
        pub = self.publication
        return bare_doi(pub.doi) if pub is not None and pub.doi else None

    @property
    def arxiv(self) -> str | None:
        pub = self.publication
        return normalize_arxiv(pub.arxiv) if pub is not None and pub.arxiv else None

    @property
    def url(self) -> str | None:
        return self.item.url

    @property
    def note(self) -> str | None:
        return self.item.note


def kind_of(publication: Publication) -> str:
    """Status wins over type: a conference paper under review is cited as unpublished, not as a paper."""
    if publication.status in ("under-review", "in-preparation"):
        return UNPUBLISHED
    if publication.status == "preprint":
        return PREPRINT
    return _KIND_OF_TYPE.get(publication.type, OTHER)


def memo_by_profile(function: Callable[Concatenate[Profile, P], T]) -> Callable[Concatenate[Profile, P], T]:
    """Remember the results for the last profile passed (by identity), one per set of the other arguments
    (which must be hashable).

    Why: every exporter, the CV and the site ask for the same values of the same profile object during one
    build; the profile is frozen, so an answer cannot change while that object lives. Only the last profile
    is held, so a run over many profiles (a lab) keeps one profile's results at a time.
    """
    last: list[Any] = [None, {}]

    def remembered(profile: Profile, /, *args: P.args, **kwargs: P.kwargs) -> T:
        if last[0] is not profile:
            last[0], last[1] = profile, {}
        key = (args, tuple(sorted(kwargs.items()))) if kwargs else args
        results: dict[Any, T] = last[1]
        if key not in results:
            results[key] = function(profile, *args, **kwargs)
        return results[key]

    return remembered


@memo_by_profile
def works(profile: Profile) -> list[Work]:
    """Every publication, then every patent, in profile order. One key per work: the profile `id` is the
    BibTeX key, the CSL id and the site path everywhere (a publication and a patent sharing an id, which
    check reports, are still told apart with a, b…)."""
    items: list[tuple[str, Publication | Patent]] = [(kind_of(p), p) for p in profile.publications]
    items += [(PATENT, p) for p in profile.patents]
    keys = unique_keys([item.id for _, item in items])
    return [Work(key, kind, item) for key, (kind, item) in zip(keys, items, strict=True)]


@memo_by_profile
def orcid_works(profile: Profile) -> list[Work]:
    """The works that go to ORCID: publications that belong there, and every patent."""
    return [w for w in works(profile) if w.patent is not None or w.item.belongs_on_orcid]  # type: ignore[union-attr]


def unique_keys(keys: list[str]) -> list[str]:
    """Colliding keys all get a, b, c… in order (huang2024fasora, huang2024fasorb), never reusing a key."""
    counts: dict[str, int] = {}
    for key in keys:
        counts[key] = counts.get(key, 0) + 1
    taken = set(keys)
    result = []
    for key in keys:
        if counts[key] == 1:
            result.append(key)
            continue
        suffix = 0
        while (candidate := key + letter_suffix(suffix)) in taken:
            suffix += 1
        taken.add(candidate)
        result.append(candidate)
    return result


def cited_venue(work: Work) -> str:
    """Where a work appeared as Scholar cites it: "arXiv preprint arXiv:<id>" for an arXiv preprint, else the venue."""
    if work.kind == PREPRINT and work.arxiv:
        return f"arXiv preprint arXiv:{work.arxiv}"
    return work.venue or ""


def patent_label(patent: Patent) -> str:
    """'US Patent 11,928,446' as Scholar's note; applications are 'US Patent App. …'."""
    parsed = parse_patent_number(patent.number)
    if parsed is None:
        return f"Patent {patent.number}"
    office, serial, _kind = parsed
    granted = patent.status in (None, "granted")
    return f"{office} Patent {int(serial):,}" if granted else f"{office} Patent App. {serial}"


def notes(work: Work, profile: Profile) -> list[str]:
    """What a note field carries: patent number, status, workshop mark, the profile's note, awards for it."""
    parts: list[str] = []
    if work.patent is not None:
        parts.append(patent_label(work.patent))
    if work.status_label:
        parts.append(work.status_label)
    pub = work.publication
    if pub is not None and pub.workshop and "workshop" not in (work.venue or "").lower():
        parts.append("Workshop paper")
    if work.note:
        parts.append(work.note)
    if pub is not None:
        parts += [award.title for award in profile.awards_for(pub.id)]
    return parts

