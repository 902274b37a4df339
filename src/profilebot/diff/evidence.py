"""Why the bot believes a work is the owner's: the evidence shown for every proposed work, and the hold-back rule.

A name alone is weak evidence: Scholar and OpenAlex attach papers of namesakes to a profile, and a bot that
proposes them gets switched off. So each work carries what supports it (the owner's ORCID iD on the record,
the owner's own list, co-authors the profile already has, the owner's affiliation) next to the name match
(which spelling, at which author position), and a work with nothing beyond the name is held back on the
dashboard until the person ticks it, unless `profile.propose_on` says a name is enough.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from profilebot.model.matching import fold
from profilebot.model.names import family_word, split_name
from profilebot.model.profile import Profile

# profile.propose_on: the weakest evidence that is proposed without asking (schema enum, in this order).
ORCID, CORROBORATED, NAME = "orcid", "corroborated", "name"
LEVELS = (ORCID, CORROBORATED, NAME)
DEFAULT = CORROBORATED


@dataclass(frozen=True)
class Record:
    """What a source says about one work beyond its fields: whose record it came from (`own`: "your ORCID
    record", "your JSON Resume"), the ORCID iDs printed with its authors, the affiliations on it."""

    own: str = ""
    orcids: tuple[str, ...] = ()
    affiliations: tuple[str, ...] = ()


@dataclass(frozen=True)
class Evidence:
    own: str = ""  # the work is on the owner's own record or list
    orcid: bool = False  # the owner's ORCID iD is on the record
    position: int | None = None  # 1-based author position of the owner's name or a variant
    spelling: str = ""
    coauthors: int = 0  # authors the profile's other works share
    affiliation: str = ""  # the owner's organisation, as the record names it

    @property
    def level(self) -> str:
        """orcid (their own record or iD), corroborated (co-authors or affiliation), name, or none."""
        if self.own or self.orcid:
            return ORCID
        if self.coauthors or self.affiliation:
            return CORROBORATED
        return NAME if self.position is not None else "none"

    def held(self, propose_on: str) -> bool:
        """Whether the work waits on the dashboard for a tick instead of going into the pull request."""
        ranks = {level: i for i, level in enumerate(LEVELS)} | {"none": len(LEVELS)}
        return ranks[self.level] > ranks[propose_on]

    def words(self) -> str:
        parts = [self.own] if self.own else []
        if self.orcid:
            parts.append("your ORCID iD on the record")
        if self.position is not None:
            parts.append(f"“{self.spelling}” at author position {self.position}")
        if self.coauthors:
            parts.append(f"{self.coauthors} co-author{'s' * (self.coauthors != 1)} shared with your profile")
        if self.affiliation:
            parts.append(f"affiliation {self.affiliation}")
        return "; ".join(parts) or "no author matches your name"


def of(profile: Profile, authors: Sequence[str], record: Record = Record()) -> Evidence:
    """The evidence for one work with these printed `authors`, judged against `profile`."""
    person = profile.person
    position = next((i for i, name in enumerate(authors, 1) if person.is_named(name)), None)
    known = coauthors(profile)
    shared = {_person_key(name) for name in authors if not person.is_named(name)} & known
    owner_orcid = _orcid(person.profiles.get("orcid", ""))
    organisations = affiliations(profile)
    affiliation = next((a for a in record.affiliations if fold(a) in organisations), "")
    return Evidence(own=record.own, orcid=bool(owner_orcid) and owner_orcid in {_orcid(o) for o in record.orcids},
                    position=position, spelling=authors[position - 1] if position else "", coauthors=len(shared),
                    affiliation=affiliation)


def coauthors(profile: Profile) -> set[tuple[str, str]]:
    """The people the owner has published with, as (family word, first initial)."""
    found = set()
    for work in profile.publications:
        for author in work.authors:
            if not author.self and not profile.person.is_named(author.name):
                found.add(_person_key(author.name))
    found.discard(("", ""))
    return found


def affiliations(profile: Profile) -> set[str]:
    """The owner's organisations (positions and education), folded for comparison."""
    names = {p.organization for p in profile.positions} | {e.institution for e in profile.education}
    return {fold(name) for name in names if fold(name)}


def _person_key(name: str) -> tuple[str, str]:
    given, _ = split_name(name)
    return family_word(name), fold(given)[:1]


def _orcid(value: str) -> str:
    return value.strip().rstrip("/").rsplit("/", 1)[-1].upper()
