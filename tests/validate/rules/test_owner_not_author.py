import pytest

from profilebot.model.profile import Author, Person, Profile
from profilebot.validate.rules.owner_not_author import CODE, _is_owner, _owner_names

HEAD = "person:\n  name: Hanxian Huang\n  name_variants: [H. Huang]\npublications:\n"


def paper(authors: str) -> str:
    return (f"  - id: p\n    type: journal-article\n    status: published\n    title: T\n"
            f"    authors: {authors}\n    date: 2024\n")


TABLE = [
    (HEAD + paper("[X. Chen, H. Huang]"), []),
    (HEAD + paper("[X. Chen, Hanxian Huang]"), []),
    (HEAD + paper('["Huang, H.", X. Chen]'), []),
    (HEAD + paper("[X. Chen, Y. Gao]"), [(CODE, 9, 14)]),
    # Another Huang with a different initial is somebody else.
    (HEAD + paper("[X. Chen, Y. Huang]"), [(CODE, 9, 14)]),
    # An author marked self counts whatever the spelling.
    (HEAD + paper("[X. Chen, {name: 黄晗先, self: true}]"), []),
    ("person: {name: Hanxian Huang}\npatents:\n  - id: pt\n    title: T\n    number: US11928446B2\n"
     "    inventors: [G. Luo, Z. He]\n", [(CODE, 6, 16)]),
]


@pytest.mark.parametrize(("snippet", "expected"), TABLE)
def test_table(lint, snippet, expected):
    assert lint(snippet, CODE) == expected


@pytest.mark.parametrize("printed", ["H. Huang", "Huang, H.", "Hanxian Huang", "HUANG, Hanxian", "Y. Huang",
                                     "Huang", "H. Wang", "Hanxian Huang-Li", "X. Chen", "Huang Hanxian",
                                     "Hanxian Huang Jr.", "Huang, Jr., Hanxian", "van Huang, H."])
def test_the_fast_match_agrees_with_person_is_named(printed):
    person = Person(name="Hanxian Huang", name_variants=("H. Huang", "Huang, H."))
    assert _is_owner(Author(name=printed), _owner_names(Profile(person=person))) == person.is_named(printed)


def test_the_hint_suggests_the_owners_own_name_not_the_default_owners() -> None:
    """Issue 21: every PB207 hint said (e.g. "H. Huang"), the default profile's owner, to every user."""
    from profilebot.validate.pipeline import check

    text = ("person:\n  name: Ada Lovelace\npublications:\n  - id: notes\n    type: journal-article\n"
            "    status: published\n    title: Notes\n    authors: [Charles Babbage]\n    date: 1843\n")
    (finding,) = [f for f in check(text).findings if f.code == "PB207"]
    assert '(e.g. "A. Lovelace")' in finding.hint and "Huang" not in finding.hint
