import pytest

from profilebot.validate.rules.isbn_checksum import CODE

HEAD = ("person: {name: Ada}\npublications:\n  - id: a\n    type: book\n    status: published\n"
        "    title: Notes\n    authors: [Ada]\n    date: 1843\n")

TABLE = [
    (HEAD + "    isbn: 978-0-306-40615-7\n", []),
    (HEAD + "    isbn: 0-306-40615-2\n", []),
    (HEAD + "    isbn: 080442957X\n", []),
    (HEAD + "    isbn: 978-0-306-40615-6\n", [(CODE, 9, 11)]),
    (HEAD + "    isbn: 0-306-40615-3\n", [(CODE, 9, 11)]),
    (HEAD + "    isbn: '97803064061'\n", [(CODE, 9, 11)]),
]


@pytest.mark.parametrize(("snippet", "expected"), TABLE)
def test_table(lint, snippet, expected):
    assert lint(snippet, CODE) == expected
