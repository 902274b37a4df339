"""Work identity for every target: when two descriptions of a work (profile, ORCID, Scholar, BibTeX) are one work.

THE rule, used alike by import (importers/propose.py), the ORCID/Scholar/OpenAlex drift (diff/works.py) and
check (PB201), so that what import says it has is what diff finds:

* A DOI or a patent number both sides carry proves one work.
* Otherwise the normalised titles must agree, and nothing may tell the two apart (`told_apart`): two DOIs,
  two arXiv ids, first authors, years (a preprint may be any number of years older than its paper —
  working papers precede journals by years — or one year younger), and for a preprint and a published
  paper the author lists (a bioRxiv preprint with other authors is another work). A shared arXiv id or
  ISBN alone never proves one work: two papers on one site carry one mistyped arXiv id, and the chapters
  of a book share its ISBN.
* A preprint and its published paper are a *version* pair: linked, never reported as two works.

Two entries of ONE source (two pages of a site, two entries of a .bib) are merged (`one_work`) only when one
DOI proves it, when they are a preprint and its paper, or when they are the same entry twice (one title,
and not even the venue tells them apart); a merge always says why (`Merge`), and import lists it.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Iterable, Sequence

from profilebot.model.identifiers import normalize_arxiv, normalize_doi, normalize_isbn, parse_patent_number
from profilebot.model.names import family_word, words
from profilebot.model.profile import Patent, Profile, Publication

SAME = "same"
VERSION = "version"

# LaTeX commands that stand for letters; accent commands (\" \' \^ …) are simply dropped, since the
# accent is folded away afterwards anyway.
_LATEX_LETTERS = {"ss": "ss", "o": "o", "O": "o", "ae": "ae", "AE": "ae", "oe": "oe", "OE": "oe", "aa": "a",
                  "AA": "a", "l": "l", "L": "l", "i": "i", "j": "j", "&": "and"}
_LATEX_COMMAND = re.compile(r"\\([a-zA-Z]+|.)\s*")
_UNICODE_LETTERS = str.maketrans({"ß": "ss", "ø": "o", "Ø": "o", "æ": "ae", "Æ": "ae", "œ": "oe", "ł": "l",
                                  "Ł": "l", "đ": "d", "ı": "i", "&": " and "})
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Work:
    """One work as one side describes it: what identity needs, plus the fields drift reports compare."""

    key: str
    title: str
    year: int | None = None
    first_author: str = ""
    type: str | None = None
    doi: str | None = None
    arxiv: str | None = None
    isbn: str | None = None
    patent: str | None = None
    venue: str | None = None
    preprint: bool = False
    source: str = ""
    group: str = ""
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    # Every author as written, when the source lists them: a preprint and a paper with other authors are two works.
    authors: tuple[str, ...] = field(default=(), compare=False, hash=False)

    @cached_property
    def identifiers(self) -> frozenset[tuple[str, str]]:
        found = set()
        for kind, raw, normalize in (("doi", self.doi, normalize_doi), ("arxiv", self.arxiv, normalize_arxiv),
                                     ("isbn", self.isbn, _isbn), ("patent", self.patent, _patent)):
            value = normalize(raw) if raw else None
            if value:
                found.add((kind, value))
        return frozenset(found)

    @cached_property
    def title_key(self) -> str:
        return normalize_title(self.title)


@dataclass(frozen=True)
class Pair:
    ours: Work
    theirs: Work
    kind: str  # SAME or VERSION
    by: str  # "doi", "arxiv", "isbn", "patent" or "title"


@dataclass(frozen=True)
class Matching:
    """`ours` against `theirs`: who pairs with whom, and what each side lacks (theirs grouped into works)."""

    pairs: tuple[Pair, ...]
    only_ours: tuple[Work, ...]
    only_theirs: tuple[tuple[Work, ...], ...]


def normalize_title(text: str) -> str:
    """'The {GeoCarb} Mission: K{\\"o}hler &amp; <i>Co</i>' → 'thegeocarbmissionkohlerandco'."""
    text = _TAG.sub("", html.unescape(text or ""))
    text = _LATEX_COMMAND.sub(lambda m: _LATEX_LETTERS.get(m.group(1), ""), text)
    return fold(text)


def fold(text: str) -> str:
    """Lower-case ASCII letters and digits only: accents, punctuation, braces and spaces are dropped."""
    decomposed = unicodedata.normalize("NFKD", (text or "").translate(_UNICODE_LETTERS))
    return re.sub(r"[^a-z0-9]", "", "".join(c for c in decomposed if not unicodedata.combining(c)).lower())


def family_key(name: str) -> str:
    """The last word of an author's family name as printed ('He, Kaiming', 'K. He', 'He'), folded; 'others' is
    no name. Only the last word: sources split compound names differently ('Calero Valdez, André' on one
    line of a Scholar export, 'Valdez, André Calero' on the next), but all end the family with 'Valdez'."""
    folded = family_word(name)
    return "" if folded == "others" else folded


def first_authors_agree(ours: str, theirs: str) -> bool:
    """Unknown on either side, or one's family word is among the words of the other's name.

    Why not equality: Scholar garbles some author lists ("Shi Zheng, Shi Zheng" for "Shi, Zheng") and lists
    the paper twice; import and diff must both see one work there, or every import leaves drift behind.
    """
    first_ours, first_theirs = family_key(ours), family_key(theirs)
    if not first_ours or not first_theirs or first_ours == first_theirs:
        return True
    return first_ours in words(theirs) or first_theirs in words(ours)


def authors_agree(ours: Work, theirs: Work) -> bool:
    """The same people, as far as both sides say: unknown on either side, or equal sets of family names (a list
    one side cut short with 'others' / 'et al.' may hold fewer)."""
    if not ours.authors or not theirs.authors:
        return True
    mine, other = _families(ours.authors), _families(theirs.authors)
    if mine == other:
        return True
    cut_mine, cut_other = _cut_short(ours.authors), _cut_short(theirs.authors)
    return (cut_mine and mine <= other) or (cut_other and other <= mine)


def _families(authors: Sequence[str]) -> frozenset[str]:
    return frozenset(key for key in (family_key(name) for name in authors) if key)


def _cut_short(authors: Sequence[str]) -> bool:
    return any(family_word(name) in ("others", "al") for name in authors)


def told_apart(ours: Work, theirs: Work, *, by_venue: bool = False) -> str | None:
    """Why two works with one title are still two works, or None when nothing tells them apart.

    `by_venue`: venues written differently also tell them apart. Only within one hand (one source, or the
    profile itself): across sources the same venue is written many ways ('CVPR', 'Proceedings of the IEEE/CVF
    Conference on …'), so a venue never separates a profile paper from its Scholar copy.
    """
    for kind, label in (("doi", "different DOIs"), ("arxiv", "different arXiv ids")):
        mine = {v for k, v in ours.identifiers if k == kind}
        other = {v for k, v in theirs.identifiers if k == kind}
        # A preprint has its own DOI (bioRxiv, SSRN) and its paper another: only one version's two ids differ.
        if mine and other and not mine & other and ours.preprint == theirs.preprint:
            return label
    if not first_authors_agree(ours.first_author, theirs.first_author):
        return "different first authors"
    version = ours.preprint != theirs.preprint
    if ours.year is not None and theirs.year is not None and not _years_fit(VERSION if version else SAME, ours,
                                                                            theirs):
        return "different years"
    if version and not authors_agree(ours, theirs):
        return "different author lists"
    if by_venue and not version and ours.venue and theirs.venue and fold(ours.venue) != fold(theirs.venue):
        return "different venues"
    return None


def relation(ours: Work, theirs: Work) -> tuple[str, str] | None:
    """(kind, by) when the two describe one work, else None; `by` is the evidence: "doi", "patent", or a title
    that nothing tells apart ("title", or "arxiv"/"isbn" when they share that too)."""
    kind = VERSION if ours.preprint != theirs.preprint else SAME
    shared = sorted(k for k, _ in ours.identifiers & theirs.identifiers)
    proof = [k for k in shared if k in ("doi", "patent")]
    if proof:
        return kind, proof[0]
    if not ours.title_key or ours.title_key != theirs.title_key or told_apart(ours, theirs):
        return None
    return kind, shared[0] if shared else "title"


def _years_fit(kind: str, ours: Work, theirs: Work) -> bool:
    """Equal years for one version; a preprint may come out years before its paper (SSRN 2017, journal
    2021 in a real ORCID record), but not more than a year after it."""
    if kind == SAME:
        return ours.year == theirs.year
    preprint, published = (ours, theirs) if ours.preprint else (theirs, ours)
    return preprint.year <= published.year + 1  # type: ignore[operator]


@dataclass(frozen=True)
class Merge:
    """`work` of a source is one work with `into` of the same source: `why` says how that is known."""

    work: Work
    into: Work
    why: str


def one_work(chosen: Work, other: Work) -> str | None:
    """Why two entries of ONE source are one work (a merge), or None: they stay two works."""
    if chosen.group and chosen.group == other.group:
        return "one group of versions in the source"
    found = relation(chosen, other)
    if found is None:
        return None
    kind, by = found
    if by in ("doi", "patent"):
        return f"the same {'DOI' if by == 'doi' else 'patent number'}"
    if kind == VERSION:
        return "a preprint and its published version (same title and authors)"
    if told_apart(chosen, other, by_venue=True):
        return None  # one title twice on a site, at two venues: two works (a talk and its paper, say)
    return "the same entry twice (same title; no year, venue or identifier tells them apart)"


def match(ours: Sequence[Work], theirs: Sequence[Work]) -> Matching:
    """Pair every work of `theirs` with the work of `ours` it describes (identifier first, then title)."""
    by_identifier: dict[tuple[str, str], list[Work]] = {}
    by_title: dict[str, list[Work]] = {}
    for work in ours:
        for identifier in work.identifiers:
            by_identifier.setdefault(identifier, []).append(work)
        by_title.setdefault(work.title_key, []).append(work)
    pairs: list[Pair] = []
    unmatched: list[Work] = []
    for work in theirs:
        pair = _best_pair(work, by_identifier, by_title)
        if pair:
            pairs.append(pair)
        else:
            unmatched.append(work)
    paired = {id(p.ours) for p in pairs}
    return Matching(tuple(pairs), tuple(w for w in ours if id(w) not in paired), tuple(cluster(unmatched)))


def _best_pair(work: Work, by_identifier: dict[tuple[str, str], list[Work]],
               by_title: dict[str, list[Work]]) -> Pair | None:
    candidates: list[Work] = []
    for identifier in sorted(work.identifiers):
        candidates += by_identifier.get(identifier, [])
    candidates += by_title.get(work.title_key, []) if work.title_key else []
    found = []
    for candidate in candidates:
        found_relation = relation(candidate, work)
        if found_relation:
            found.append(Pair(candidate, work, *found_relation))
    # An exact (same) pairing beats a version link; identifier evidence beats a title; of two profile papers
    # with one title, the one at the same venue.
    found.sort(key=lambda p: (p.kind != SAME, p.by in ("title", "arxiv", "isbn"),
                              told_apart(p.ours, work, by_venue=True) is not None))
    return found[0] if found else None


def cluster(works: Iterable[Work]) -> list[tuple[Work, ...]]:
    """Group the works of one source that are one work (`one_work`), in first-seen order; each group's first
    member in `representative` order is the one every other member was found one work with, so once that
    one is in the profile, every member matches it."""
    items = list(works)
    order = sorted(range(len(items)), key=lambda i: (_rank(items[i]), i))
    heads: list[int] = []
    members: dict[int, list[int]] = {}
    seen: dict[object, list[int]] = {}  # identifier, title or group → the heads holding it
    for i in order:
        work = items[i]
        keys: list[object] = [("group", work.group)] if work.group else []
        keys += list(work.identifiers) + ([("title", work.title_key)] if work.title_key else [])
        head = next((h for key in keys for h in seen.get(key, []) if one_work(items[h], work)), None)
        if head is None:
            head = i
            heads.append(i)
            members[i] = []
            for key in keys:
                seen.setdefault(key, []).append(i)
        members[head].append(i)
    groups = sorted((sorted(members[h]) for h in heads), key=lambda group: group[0])
    return [tuple(items[j] for j in group) for group in groups]


def merges(group: Sequence[Work]) -> list[Merge]:
    """The merges that made `group` (from `cluster`) one work: every member into its representative."""
    chosen = representative(group)
    return [Merge(work, chosen, one_work(chosen, work) or "one work") for work in group if work is not chosen]


def _rank(work: Work) -> tuple[bool, int]:
    return work.preprint, -len(work.identifiers)


def representative(works: Sequence[Work]) -> Work:
    """The version to show or import: a published one over a preprint, then the one with most identifiers."""
    return sorted(works, key=_rank)[0]


def from_publication(publication: Publication) -> Work:
    venue = publication.venue.name if publication.venue else None
    return Work(key=publication.id, title=publication.title, year=publication.year,
                first_author=publication.authors[0].family_given() if publication.authors else "",
                type=publication.type, doi=publication.doi, arxiv=publication.arxiv, isbn=publication.isbn,
                venue=venue, preprint=publication.status == "preprint" or publication.type == "preprint",
                source="profile", authors=tuple(a.family_given() for a in publication.authors)
                + (("others",) if publication.more_authors else ()))  # cut short, as a BibTeX import says it


def from_patent(patent: Patent) -> Work:
    return Work(key=patent.id, title=patent.title, year=patent.year,
                first_author=patent.inventors[0].family_given() if patent.inventors else "", type="patent",
                patent=patent.number, source="profile")


def profile_works(profile: Profile, *, orcid_only: bool = False) -> list[Work]:
    """The profile's publications and patents as Works; `orcid_only` keeps those that belong on ORCID."""
    publications = [p for p in profile.publications if p.belongs_on_orcid or not orcid_only]
    return [from_publication(p) for p in publications] + [from_patent(p) for p in profile.patents]


def _isbn(value: str) -> str | None:
    digits = normalize_isbn(value)
    return digits if len(digits) in (10, 13) else None


def _patent(value: str) -> str | None:
    """'US Patent 11,899,114', 'US11899114B2' → 'US11899114' (kind codes differ between A1 and B2)."""
    text = re.sub(r"(?i)\bpatent\b|\s", "", value or "")
    parsed = parse_patent_number(text)
    return f"{parsed[0]}{parsed[1]}" if parsed else None
