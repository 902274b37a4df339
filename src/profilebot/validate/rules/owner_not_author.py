"""The profile's owner must be among the authors of each of their papers and the inventors of each patent.

A work on your profile that does not list you is either somebody else's (pasted by mistake) or lists
you under a spelling profilebot cannot match, which also breaks the bold-your-name rendering on the
website and the "self" mark in exports. Names are matched on family name and first initial, through
`person.name` and each of `person.name_variants` ("H. Huang", "Huang, Hanxian"); an author marked
`self: true` always counts.

PASS:
    person:
      name: Augusta Ada King
      name_variants: [A. Lovelace]
    publications:
      - id: notes
        type: journal-article
        status: published
        title: Notes on the Analytical Engine
        authors: [L. F. Menabrea, A. Lovelace]
        date: 1843

FAIL:
    person:
      name: Augusta Ada King
    publications:
      - id: notes
        type: journal-article
        status: published
        title: Notes on the Analytical Engine
        authors: [L. F. Menabrea, A. Lovelace]
        date: 1843
"""

from __future__ import annotations

from typing import Any, Iterator

import dataclasses
import re

from profilebot.load.patch import Append
from profilebot.model.names import INITIALS, display, family_word, fold_keep_spaces, initials, same_person, split_name
from profilebot.model.profile import Author, Profile
from profilebot.findings import Path

CODE = "PB207"
NAME = "owner-not-author"
SEVERITY = "warning"
FIXABLE = True  # the owner's spelling on the work, when exactly one author has it, joins name_variants
MESSAGE = "{name} is not among the {role} of '{id}' ({people})."
_ADVICE = ("Add the spelling used on this work to person.name_variants (e.g. \"{example}\"), mark your entry with "
           "self: true, or remove the work if it is not yours.")
HINT = _ADVICE.format(example="A. Lovelace\" for Ada Lovelace, \"Lovelace, Ada")  # a finding names your own


def hint(profile: Profile) -> str:
    """The hint with the owner's own name as the example spelling ("A. Lovelace" for Ada Lovelace)."""
    given, family = profile.person.name_parts()
    example = display(profile.person.name, given, family, INITIALS) if given and family else profile.person.name
    return _ADVICE.format(example=example)


def _owner_names(profile: Profile) -> dict[str, list[tuple[str, str]]]:
    """The owner's name and variants split once, by the last word of the family name (names.family_word)."""
    person = profile.person
    found: dict[str, list[tuple[str, str]]] = {}
    for parts in [person.name_parts()] + [split_name(variant) for variant in person.name_variants]:
        found.setdefault(family_word(f"{parts[1]}, {parts[0]}" if parts[0] else parts[1]), []).append(parts)
    return found


def _is_owner(author: Author, owner: dict[str, list[tuple[str, str]]]) -> bool:
    # The same test as Person.is_named (names.same_person), with the owner's names split once and looked
    # up by the family's last word first, so checking 2,000 papers stays linear.
    if author.self:
        return True
    parts = (author.given, author.family) if author.family else split_name(author.name)
    key = family_word(f"{parts[1]}, {parts[0]}" if parts[0] else parts[1])
    return any(same_person(parts, name) for name in owner.get(key, ()))


def check(profile: Profile) -> Iterator[tuple[Path, dict[str, Any]]]:
    owner = _owner_names(profile)
    advice = hint(profile)
    for section, role, key in (("publications", "authors", "authors"), ("patents", "inventors", "inventors")):
        for index, work in enumerate(getattr(profile, section)):
            people = getattr(work, key)
            if not any(_is_owner(author, owner) for author in people):
                listed = ", ".join(display(a.name, a.given, a.family) for a in people[:6]) + (", …" if len(people) > 6 else "")
                yield (section, index, key), {"name": profile.person.name, "role": role, "id": work.id,
                                              "people": listed, "hint": advice}


def fix(profile: Profile, path: Path, _arguments: dict[str, Any]) -> Append | None:
    """Add the owner's spelling on this work to person.name_variants, when it can be told apart."""
    section, index, key = path
    spelling = detected_spelling(profile, getattr(getattr(profile, str(section))[int(index)], str(key)))
    return Append(("person", "name_variants"), spelling) if spelling else None


def detected_spelling(profile: Profile, people: tuple[Author, ...]) -> str | None:
    """The one author whose every name word is one of the owner's and whose initials follow the owner's order.

    "Calero Valdez, A." for André Calero Valdez (a compound family name read as "Valdez"), "Huang Hanxian"
    for Hanxian Huang (family name first). Two candidates, or none, mean no guess: a person decides.
    """
    person = profile.person
    words = [w for name in (person.name, person.given_names or "", person.family_name or "")
             for w in re.split(r"[\s\-]+", fold_keep_spaces(name)) if w]
    owner_words, owner_initials = set(words), "".join(w[0] for w in fold_keep_spaces(person.name).split())
    found = [author.name for author in people
             if _spelled_like(author.name, owner_words, owner_initials)]
    if len(found) != 1:
        return None
    # Only a spelling that really makes the work the owner's (and the rule quiet) is worth adding.
    widened = dataclasses.replace(person, name_variants=person.name_variants + (found[0],))
    owner = _owner_names(dataclasses.replace(profile, person=widened))
    return found[0] if any(_is_owner(a, owner) for a in people if a.name == found[0]) else None


def _spelled_like(name: str, owner_words: set[str], owner_initials: str) -> bool:
    given, family = split_name(name)
    family_words = [w for w in re.split(r"[\s\-]+", fold_keep_spaces(family)) if w]
    if not family_words or not all(w in owner_words for w in family_words):
        return False
    wanted = iter(owner_initials)
    return all(letter in wanted for letter in initials(given))  # a subsequence, in the owner's order
