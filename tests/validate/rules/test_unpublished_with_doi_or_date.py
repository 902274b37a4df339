import pytest

from profilebot.validate.rules.unpublished_with_doi_or_date import CODE

HEAD = "person: {name: Ada}\npublications:\n  - id: p\n    type: journal-article\n    title: T\n    authors: [Ada]\n"

TABLE = [
    (HEAD + "    status: under-review\n", []),
    (HEAD + "    status: published\n    date: 2024\n    doi: 10.1145/1\n", []),
    (HEAD + "    status: preprint\n    date: 2024\n    doi: 10.48550/arXiv.2401.01234\n", []),
    (HEAD + "    status: accepted\n    date: 2025\n", []),
    (HEAD + "    status: under-review\n    date: 2024\n", [(CODE, 8, 11)]),
    (HEAD + "    status: in-preparation\n    doi: 10.1145/1\n", [(CODE, 8, 10)]),
    (HEAD + "    status: under-review\n    doi: 10.1145/1\n    date: 2024-05\n", [(CODE, 8, 10), (CODE, 9, 11)]),
]


@pytest.mark.parametrize(("snippet", "expected"), TABLE)
def test_table(lint, snippet, expected):
    assert lint(snippet, CODE) == expected
