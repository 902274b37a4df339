"""The profile against the works OpenAlex attributes to its owner: what is missing, what disagrees, what to fill.

One pure function, `compare`, decides everything `diff --target openalex`, `import openalex` and the
profile target's OpenAlex source report or write:

* missing works (one per work: a preprint and its paper are one), only when the printed author list
  names the owner; works attributed by OpenAlex without the owner's name are set apart (`misattributed`)
  and never proposed;
* field disagreements of matched works (title, year, venue, DOI, authors);
* fills: the DOI (from the published version) and the arXiv id (from any version) a matched paper lacks;
* promotions: a paper the profile lists as under review or in preparation that OpenAlex knows as
  published, with its venue, date and DOI.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from profilebot.diff import works as drift_of
from profilebot.importers.openalex import names_owner, profile_date
from profilebot.load.edit import FieldEdit
from profilebot.model import matching
from profilebot.model.matching import SAME, Pair, Work
from profilebot.model.names import fold, split_name
from profilebot.model.profile import Profile, Publication

COMPARED = ("title", "year", "venue", "doi")
PROMOTABLE = ("under-review", "in-preparation")


@dataclass(frozen=True)
class Fill:
    """Profile work `work` lacks `field` (doi | arxiv); OpenAlex work `source` has `value`."""

    work: str
    field: str
    value: str
    source: str


@dataclass(frozen=True)
class Promotion:
    """Profile work `work` is under review (or in preparation) but OpenAlex work `source` is the published paper."""

    work: str
    status: str
    venue: str | None
    date: int | str | None
    doi: str | None
    source: str


@dataclass(frozen=True)
class Drift(drift_of.Drift):
    """The works drift every record target reports (nothing is "missing on OpenAlex": profilebot cannot write
    there; `missing_local` holds only works whose author list names the owner), plus what OpenAlex adds."""

    misattributed: tuple[Work, ...] = ()  # attributed by OpenAlex, owner not in the printed author list
    fills: tuple[Fill, ...] = ()
    promotions: tuple[Promotion, ...] = ()

    @property
    def missing(self) -> tuple[Work, ...]:
        """One version per missing work: the one to import (the published paper over its preprint)."""
        return tuple(matching.representative(versions) for versions in self.missing_local)

    @property
    def is_empty(self) -> bool:
        """Misattributed works are OpenAlex's problem, not drift: reported, but they never fail --exit-code."""
        return super().is_empty and not (self.fills or self.promotions)


def compare(profile: Profile, found: Sequence[Work]) -> Drift:
    publications = {p.id: p for p in profile.publications}
    found_match = matching.match(matching.profile_works(profile), found)
    missing: list[tuple[Work, ...]] = []
    misattributed: list[Work] = []
    for versions in found_match.only_theirs:
        if any(names_owner(w, profile.person) for w in versions):
            missing.append(versions)
        else:
            misattributed.append(matching.representative(versions))
    promotions = _promotions(found_match.pairs, publications)
    promoted = {p.work for p in promotions}
    differences = []
    for pair in found_match.pairs:
        if pair.kind != SAME or pair.ours.key in promoted:
            continue
        for difference in drift_of.compare([pair.ours], [pair.theirs], COMPARED).differences:
            if not (difference.field == "doi" and difference.ours == "(none)"):  # a missing DOI is a fill
                differences.append(difference)
        publication = publications.get(pair.ours.key)
        if publication is not None:
            differences += _author_difference(publication, pair.theirs)
    return Drift((), tuple(missing), tuple(differences), found_match.pairs, tuple(misattributed),
                 _fills(found_match.pairs, publications, promoted), tuple(promotions))


def _promotions(pairs: Sequence[Pair], publications: dict[str, Publication]) -> list[Promotion]:
    found: dict[str, Promotion] = {}
    for pair in pairs:
        publication = publications.get(pair.ours.key)
        if publication is None or publication.status not in PROMOTABLE or pair.theirs.preprint:
            continue
        if pair.ours.key not in found:
            work = pair.theirs
            found[pair.ours.key] = Promotion(pair.ours.key, publication.status, work.venue, profile_date(work),
                                             work.doi, work.key)
    return list(found.values())


def _fills(pairs: Sequence[Pair], publications: dict[str, Publication], promoted: set[str]) -> tuple[Fill, ...]:
    """A DOI only from a published version (a preprint's DOI is not the paper's); an arXiv id from any."""
    fills: dict[tuple[str, str], Fill] = {}
    for pair in pairs:
        publication = publications.get(pair.ours.key)
        if publication is None:
            continue
        theirs = pair.theirs
        if not publication.doi and theirs.doi and not theirs.preprint and pair.ours.key not in promoted:
            fills.setdefault((pair.ours.key, "doi"), Fill(pair.ours.key, "doi", theirs.doi, theirs.key))
        if not publication.arxiv and theirs.arxiv:
            fills.setdefault((pair.ours.key, "arxiv"), Fill(pair.ours.key, "arxiv", theirs.arxiv, theirs.key))
    return tuple(fills.values())


def _author_difference(publication: Publication, theirs: Work) -> list[drift_of.FieldDifference]:
    """Family names in order: 'H. Huang' and 'Hanxian Huang' agree; a missing or extra author does not."""
    printed = list(theirs.extra.get("authors") or [])
    if not printed:
        return []
    ours = [fold(a.family) for a in publication.authors]
    other = [fold(split_name(name)[1]) for name in printed]
    if ours == other:
        return []
    return [drift_of.FieldDifference(publication.id, "authors", ", ".join(a.name for a in publication.authors),
                                     ", ".join(printed), "OpenAlex")]


def edits(drift: Drift) -> list[FieldEdit]:
    """The changes to existing entries: fills add a line; a promotion changes the `status` line and adds the
    venue, date and DOI lines the entry lacks (an existing venue or date is never overwritten)."""
    found = [FieldEdit("publications", fill.work, fill.field, fill.value) for fill in drift.fills]
    for promotion in drift.promotions:
        found.append(FieldEdit("publications", promotion.work, "status", "published", replace=True))
        if promotion.venue:
            found.append(FieldEdit("publications", promotion.work, "venue", {"name": promotion.venue}))
        if promotion.date is not None:
            found.append(FieldEdit("publications", promotion.work, "date", promotion.date))
        if promotion.doi:
            found.append(FieldEdit("publications", promotion.work, "doi", promotion.doi))
    return found


def edit_sources(drift: Drift) -> dict[tuple[str, str], str]:
    """(entry id, key) → the OpenAlex work each edit of `edits` comes from, for the PR table."""
    found = {(fill.work, fill.field): f"OpenAlex {fill.source}" for fill in drift.fills}
    for promotion in drift.promotions:
        for key in ("status", "venue", "date", "doi"):
            found[(promotion.work, key)] = f"OpenAlex {promotion.source}"
    return found


def citation_counts(drift: Drift) -> dict[str, tuple[int, str]]:
    """Profile work id → (cited_by_count, OpenAlex work id) for every matched work: the count of the version
    the profile describes (its SAME pair), else the most cited of its other versions (a preprint's count
    alone when OpenAlex has no published version). Versions are never added up: one citing paper may cite
    both."""
    best: dict[str, tuple[bool, int, str]] = {}
    for pair in drift.linked:
        count = pair.theirs.extra.get("cited_by")
        if not isinstance(count, int):
            continue
        candidate = (pair.kind == SAME, count, pair.theirs.key)
        if pair.ours.key not in best or candidate[:2] > best[pair.ours.key][:2]:
            best[pair.ours.key] = candidate
    return {work: (count, record) for work, (_, count, record) in sorted(best.items())}
