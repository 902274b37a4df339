"""Which member of the lab an author of a lab work is, so the publication list marks every member who wrote it,
also those whose own profile does not list it.

The rule, chosen to mark no one wrongly rather than everyone possible:
- An ORCID decides when both sides have one: the author's iD names the member with that iD, and no member whose
  profile holds another iD.
- Otherwise the name decides, by `names.same_person(strict=True)` against the member's name and `name_variants`:
  family names as every source writes them, and given names that agree word by word ("Alice Smith" is not
  "Adam Smith"; "A. Smith" may be either).
- One fitting member is that member; two or more (the lab has an Alice and an Adam Smith, and the list says
  "A. Smith") is nobody, unless exactly one of them lists the work themself. A member whose profile lists the
  work is found first in the record chosen from their own profile, by the author marked `self`.
- A member not listing the work counts for it only when its date is inside their time in the lab (as a work
  they list would), and only on evidence that is theirs: an ORCID, the given name written out on both sides,
  or an initials form ("Lamiraux, F") that their own profile writes (their name or a `name_variants` entry
  such as "F. Lamiraux"). An initial alone could be anyone outside the lab who shares it and the family name,
  and nobody can take a wrong mark back, so "Lamiraux, F" marks Florent Lamiraux only once he lists the form.
- Each member is one author of a work: when two authors fit one member, the stronger match keeps them (ORCID,
  then the name as written out, then a declared initials form, then initials), the first on a tie.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass

from profilebot.lab.model import Lab
from profilebot.model import identifiers, names
from profilebot.model.profile import Author, Profile, Publication

# How strongly an author fits a member: ORCID, the given name written out on both sides, an initials form the
# member's profile writes itself, an initial against a written-out name.
ORCID, SPELLED, DECLARED, INITIALS = 4, 3, 2, 1


@dataclass(frozen=True)
class _Known:
    id: str
    orcid: str | None
    forms: tuple[tuple[str, str], ...]  # (given, family) of the name and of each variant


class Roster:
    """The members' names and iDs, indexed by every word of their family names (a department has hundreds)."""

    def __init__(self, lab: Lab, profiles: Mapping[str, Profile]) -> None:
        self.lab = lab
        self.members = {member.id: member for member in lab.members}
        self.by_word: dict[str, list[_Known]] = {}
        self.by_orcid: dict[str, str] = {}
        for member in lab.members:
            profile = profiles.get(member.id)
            if profile is None:
                continue
            person = profile.person
            orcid = identifiers.orcid_path(person.profiles.get("orcid") or "")
            forms = (person.name_parts(), *(names.split_name(v) for v in person.name_variants))
            known = _Known(member.id, orcid, tuple(dict.fromkeys(forms)))
            for word in dict.fromkeys(w for _, family in known.forms for w in names.words(family)):
                self.by_word.setdefault(word, []).append(known)
            if orcid:
                self.by_orcid.setdefault(orcid, member.id)
        self.fits = functools.lru_cache(maxsize=1 << 16)(self._fits)

    def _fits(self, name: str, orcid: str | None) -> tuple[tuple[str, int], ...]:
        """(member id, strength) of every member this author may be."""
        if orcid and orcid in self.by_orcid:
            return ((self.by_orcid[orcid], ORCID),)
        parts = names.split_name(name)
        found: dict[str, int] = {}
        for word in names.words(parts[0]) + names.words(parts[1]):
            for known in self.by_word.get(word, ()):
                if known.id in found or (orcid and known.orcid):  # two different iDs: two people
                    continue
                strengths = [_strength(parts[0], form[0]) for form in known.forms
                             if names.same_person(parts, form, strict=True)]
                if strengths:
                    found[known.id] = max(strengths)
        return tuple(found.items())


def marked(roster: Roster, publication: Publication, listing: tuple[str, ...],
           chooser: str | None) -> tuple[tuple[str, ...], tuple[str | None, ...]]:
    """(the work's members in lab.yaml's order, the member each author is or None).

    `listing`: the members whose profiles list the work; `chooser`: the member whose record `publication` is.
    """
    chosen: dict[int, tuple[str, int]] = {}
    for index, author in enumerate(publication.authors):
        member = _who(roster, author, publication, listing, chooser)
        if member is not None:
            chosen[index] = member
    best: dict[str, int] = {}
    for index, (member_id, strength) in chosen.items():
        if member_id not in best or strength > chosen[best[member_id]][1]:
            best[member_id] = index
    authors = tuple(chosen[i][0] if i in chosen and best[chosen[i][0]] == i else None
                    for i in range(len(publication.authors)))
    members = set(listing) | {m for m in authors if m is not None}
    return tuple(m.id for m in roster.lab.members if m.id in members), authors


def _who(roster: Roster, author: Author, publication: Publication, listing: tuple[str, ...],
         chooser: str | None) -> tuple[str, int] | None:
    if author.self and chooser is not None:
        return chooser, ORCID
    fits = roster.fits(author.name, identifiers.orcid_path(author.orcid or ""))
    among = [fit for fit in fits if fit[0] in listing]
    if len(among) == 1:
        return among[0]
    if len(fits) != 1 or among:
        return None
    member = roster.members.get(fits[0][0])
    found = member is not None and member.covers(publication.date) and fits[0][1] >= DECLARED
    return fits[0] if found else None


def _strength(author_given: str, member_given: str) -> int:
    spelled = _spelled(author_given), _spelled(member_given)
    return SPELLED if all(spelled) else INITIALS if any(spelled) else DECLARED


def _spelled(given: str) -> bool:
    """Is the first given name written out ('Alice', 'Sean MR'), not an initial ('A.', Scholar's 'TS')?"""
    first = names.words(names.initials_apart(given))[:1]
    return bool(first) and len(first[0]) > 1
