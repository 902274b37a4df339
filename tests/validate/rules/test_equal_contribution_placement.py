import pytest

from profilebot.validate.rules.equal_contribution_placement import CODE

HEAD = ("person: {name: Ada}\npublications:\n  - id: p\n    type: journal-article\n    status: published\n"
        "    title: T\n    date: 1843\n    authors:\n")
MARK = "equal_contribution: true"

TABLE = [
    (HEAD + f"      - {{name: Ada, {MARK}}}\n      - {{name: Bob, {MARK}}}\n      - Cy\n", []),
    (HEAD + f"      - {{name: Ada, {MARK}}}\n      - {{name: Bob, {MARK}}}\n      - {{name: Cy, {MARK}}}\n", []),
    (HEAD + "      - Ada\n      - Bob\n", []),
    # A gap: the third is marked, the second is not.
    (HEAD + f"      - {{name: Ada, {MARK}}}\n      - Bob\n      - {{name: Cy, {MARK}}}\n", [(CODE, 11, 40)]),
    # Not leading: the second and third are marked, the first is not.
    (HEAD + f"      - Ada\n      - {{name: Bob, {MARK}}}\n      - {{name: Cy, {MARK}}}\n", [(CODE, 10, 41)]),
    # A single mark.
    (HEAD + f"      - {{name: Ada, {MARK}}}\n      - Bob\n", [(CODE, 9, 41)]),
]


@pytest.mark.parametrize(("snippet", "expected"), TABLE)
def test_table(lint, snippet, expected):
    assert lint(snippet, CODE) == expected
