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

from typing import Iterator

from profilebot.model.names import fold, initials, split_name
from profilebot.model.profile import Author, Profile
from profilebot.validate.findings import Path

CODE = "PB207"
NAME = "owner-not-author"
SEVERITY = "warning"
MESSAGE = "{name} is not among the {role} of '{id}' ({people})."
HINT = ("Add the spelling used on this work to person.name_variants (e.g. \"H. Huang\"), mark your entry with "
        "self: true, or remove the work if it is not yours.")


def _owner_keys(profile: Profile) -> set[tuple[str, str]]:
    """(folded family name, first initial or '') for the name and every variant, computed once."""
    person = profile.person
    names = [person.name_parts()] + [split_name(v) for v in person.name_variants]
    return {(fold(family), initials(given)[:1]) for given, family in names if fold(family)}


def _is_owner(author: Author, keys: set[tuple[str, str]], families: set[str]) -> bool:
    # The same test as Person.is_named (family equal, first initials agree when both are known), with
    # the owner's names split once, so checking 2,000 papers stays linear.
    if author.self:
        return True
    given, family = split_name(author.name)
    folded = fold(family)
    if folded not in families:
        return False
    first = initials(given)[:1]
    return not first or (folded, first) in keys or (folded, "") in keys


def check(profile: Profile) -> Iterator[tuple[Path, dict]]:
    keys = _owner_keys(profile)
    families = {family for family, _ in keys}
    for section, role, key in (("publications", "authors", "authors"), ("patents", "inventors", "inventors")):
        for index, work in enumerate(getattr(profile, section)):
            people = getattr(work, key)
            if not any(_is_owner(author, keys, families) for author in people):
                listed = ", ".join(a.name for a in people[:6]) + (", …" if len(people) > 6 else "")
                yield (section, index, key), {"name": profile.person.name, "role": role, "id": work.id,
                                              "people": listed}
