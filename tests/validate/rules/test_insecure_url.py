import pytest

from profilebot.validate.rules.insecure_url import CODE

PERSON = "person: {name: Ada}\n"

TABLE = [
    ("person: {name: Ada, website: 'https://ada.example.org'}\n", []),
    ("person: {name: Ada, website: 'http://ada.example.org'}\n", [(CODE, 1, 30)]),
    ("person: {name: Ada, website: 'HTTP://ada.example.org'}\n", [(CODE, 1, 30)]),
    (PERSON + "awards:\n  - id: a\n    title: Medal\n    url: http://example.org/medal\n", [(CODE, 5, 10)]),
    (PERSON + "projects:\n  - id: p\n    name: N\n    links: {pdf: 'http://example.org/p.pdf', code: files/c.zip}\n",
     [(CODE, 5, 18)]),
    # Only link fields count: a note mentioning an http address is text.
    (PERSON + "awards:\n  - id: a\n    title: Medal\n    note: see http://example.org\n", []),
]


@pytest.mark.parametrize(("snippet", "expected"), TABLE)
def test_table(lint, snippet, expected):
    assert lint(snippet, CODE) == expected
