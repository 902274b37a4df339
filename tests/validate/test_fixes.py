"""validate/fixes.py: which fixes a profile gets, and the owner's spelling that PB207's fix adds."""

from __future__ import annotations

import pytest

from profilebot.load.patch import Append, Replace
from profilebot.model.profile import Author, Person, Profile
from profilebot.validate import fixes
from profilebot.validate.pipeline import check
from profilebot.validate.rules.owner_not_author import detected_spelling


@pytest.mark.parametrize(("owner", "authors", "spelling"), [
    (Person(name="André Calero Valdez"), ["Calero Valdez, A.", "M. Ziefle"], "Calero Valdez, A."),
    (Person(name="André Calero Valdez"), ["A. Calero-Valdez", "M. Ziefle"], "A. Calero-Valdez"),
    (Person(name="Hanxian Huang"), ["Huang Hanxian", "X. Chen"], "Huang Hanxian"),
    # Somebody else, or two people who could be the owner: no guess.
    (Person(name="Hanxian Huang"), ["X. Chen", "Y. Gao"], None),
    (Person(name="André Calero Valdez"), ["Calero Valdez, A.", "Valdez, A."], None),
    # A different initial is a different person.
    (Person(name="André Calero Valdez"), ["Calero Valdez, B."], None),
])
def test_the_detected_spelling(owner, authors, spelling):
    profile = Profile(person=owner)
    assert detected_spelling(profile, tuple(Author(name=a) for a in authors)) == spelling


def test_one_variant_is_added_once_for_many_papers():
    # (A compound family name such as "Calero Valdez, A." is the owner without any variant: names.same_person.)
    paper = ("  - id: p{n}\n    type: journal-article\n    status: published\n    title: T{n}\n"
             "    authors: [Huang Hanxian, X. Chen]\n    date: 2020\n")
    text = "person:\n  name: Hanxian Huang\npublications:\n" + "".join(paper.format(n=n) for n in range(3))
    planned = fixes.plan(check(text).profile)
    assert [fix.change for fix in planned] == [Append(("person", "name_variants"), "Huang Hanxian")]


def test_a_rule_switched_off_plans_no_fix():
    text = "person:\n  name: Ada\n  website: http://ada.example.org\n"
    assert [f.change for f in fixes.plan(check(text).profile)] == [Replace(("person", "website"),
                                                                           "https://ada.example.org")]
    assert fixes.plan(check(text).profile, {"PB402": "off"}) == []
