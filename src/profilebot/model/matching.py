"""Work identity for every target: when two descriptions of a work (profile, ORCID, Scholar, BibTeX) are one work.

Two works are the same when a normalised identifier agrees (DOI lower-cased without resolver, arXiv id
without version, ISBN digits, patent office + serial), else when the normalised title and the first
author's family name agree and the years are equal; when one side is a preprint of the other, the
preprint may be any number of years older (working papers precede journals by years) or one year
younger. A preprint and its published paper are a *version* pair: linked, never reported as two works.
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


def relation(ours: Work, theirs: Work) -> tuple[str, str] | None:
    """(kind, by) when the two describe one work, else None."""
    kind = VERSION if ours.preprint != theirs.preprint else SAME
    shared = ours.identifiers & theirs.identifiers
    if shared:
        return kind, sorted(shared)[0][0]
    if not ours.title_key or ours.title_key != theirs.title_key:
        return None
    if not first_authors_agree(ours.first_author, theirs.first_author):
        return None
    if ours.year is not None and theirs.year is not None and not _years_fit(kind, ours, theirs):
        return None
    return kind, "title"


def _years_fit(kind: str, ours: Work, theirs: Work) -> bool:
    """Equal years for one version; a preprint may come out years before its paper (SSRN 2017, journal
    2021 in a real ORCID record), but not more than a year after it."""
    if kind == SAME:
        return ours.year == theirs.year
    preprint, published = (ours, theirs) if ours.preprint else (theirs, ours)
    return preprint.year <= published.year + 1  # type: ignore[operator]


def conflicting_identifiers(ours: Work, theirs: Work) -> bool:
    """Both carry a DOI (or both an arXiv id) and they differ: a title match is then two different works."""
    for kind in ("doi", "arxiv"):
        mine = {v for k, v in ours.identifiers if k == kind}
        other = {v for k, v in theirs.identifiers if k == kind}
        if mine and other and not mine & other and ours.preprint == theirs.preprint:
            return True
    return False


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
        if found_relation and not (found_relation[1] == "title" and conflicting_identifiers(candidate, work)):
            found.append(Pair(candidate, work, *found_relation))
    # An exact (same) pairing beats a version link; identifier evidence beats a title.
    found.sort(key=lambda p: (p.kind != SAME, p.by == "title"))
    return found[0] if found else None


def cluster(works: Iterable[Work]) -> list[tuple[Work, ...]]:
    """Group works that are one work (same group, or related), keeping first-seen order."""
    items = list(works)
    parent = list(range(len(items)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    seen: dict[object, list[int]] = {}
    for i, work in enumerate(items):
        # Only works sharing a group, an identifier or a title can be one work: compare just those.
        keys = [("group", work.group)] if work.group else []
        keys += list(work.identifiers) + ([("title", work.title_key)] if work.title_key else [])
        for key in keys:
            for j in seen.get(key, []):
                if root(i) != root(j) and (key[0] == "group" or _related(items[j], work)):
                    parent[root(i)] = root(j)
            seen.setdefault(key, []).append(i)
    clusters: dict[int, list[Work]] = {}
    for i, work in enumerate(items):
        clusters.setdefault(root(i), []).append(work)
    return [tuple(members) for members in clusters.values()]


def _related(a: Work, b: Work) -> bool:
    return relation(a, b) is not None and not conflicting_identifiers(a, b)


def representative(works: Sequence[Work]) -> Work:
    """The version to show or import: a published one over a preprint, then the one with most identifiers."""
    return sorted(works, key=lambda w: (w.preprint, -len(w.identifiers)))[0]


def from_publication(publication: Publication) -> Work:
    venue = publication.venue.name if publication.venue else None
    return Work(key=publication.id, title=publication.title, year=publication.year,
                first_author=publication.authors[0].family_given() if publication.authors else "",
                type=publication.type, doi=publication.doi, arxiv=publication.arxiv, isbn=publication.isbn,
                venue=venue, preprint=publication.status == "preprint" or publication.type == "preprint",
                source="profile")


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
