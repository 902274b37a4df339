import pytest

from profilebot.validate.rules.duplicate_publication import CODE

HEAD = "person: {name: Ada}\npublications:\n"


def paper(pid: str, title: str, extra: str = "") -> str:
    return (f"  - id: {pid}\n    type: journal-article\n    status: published\n    title: {title}\n"
            f"    authors: [Ada]\n    date: 1843\n{extra}")


TABLE = [
    (HEAD + paper("a", "Notes") + paper("b", "Sketch"), []),
    # Same title after folding case, punctuation and accents: reported at the second title.
    (HEAD + paper("a", "Notes on the Engine") + paper("b", "'Notes on the engine.'"), [(CODE, 12, 12)]),
    (HEAD + paper("a", "Élan vital") + paper("b", "Elan Vital"), [(CODE, 12, 12)]),
    # Same DOI, written once bare and once as a resolver URL (other rules report the URL form).
    (HEAD + paper("a", "One", "    doi: 10.1000/XYZ\n") + paper("b", "Two", "    doi: https://doi.org/10.1000/xyz\n"),
     [(CODE, 16, 10)]),
    # A preprint of the published paper may share its title.
    (HEAD + paper("a", "Notes") + paper("b", "Notes", "    preprint_of: a\n"), []),
    # Three copies: the second and the third are reported.
    (HEAD + paper("a", "Notes") + paper("b", "Notes") + paper("c", "Notes"), [(CODE, 12, 12), (CODE, 18, 12)]),
]


@pytest.mark.parametrize(("snippet", "expected"), TABLE)
def test_table(lint, snippet, expected):
    assert lint(snippet, CODE) == expected
