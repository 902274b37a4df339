import pytest

from profilebot.validate.rules.published_without_date import CODE

HEAD = "person: {name: Ada}\npublications:\n  - id: p\n    type: journal-article\n    title: T\n    authors: [Ada]\n"

TABLE = [
    (HEAD + "    status: published\n    date: 2024\n", []),
    (HEAD + "    status: under-review\n", []),
    (HEAD + "    status: accepted\n", []),
    (HEAD + "    status: published\n", [(CODE, 7, 13)]),
]


@pytest.mark.parametrize(("snippet", "expected"), TABLE)
def test_table(lint, snippet, expected):
    assert lint(snippet, CODE) == expected
