import pytest

from profilebot.validate.rules.email_syntax import CODE, problem

TABLE = [
    ("person: {name: Ada, email: ada@example.org}\n", []),
    ("person: {name: Ada, email: ada.lovelace+cv@cs.ucl.ac.uk}\n", []),
    ("person: {name: Ada, email: 'ada@example,org'}\n", [(CODE, 1, 28)]),
    ("person: {name: Ada, email: 'mailto:ada@example.org'}\n", [(CODE, 1, 28)]),
    ("""
     person:
       name: Ada
       email:
         value: ada at example.org
         visibility: private
     """, [(CODE, 4, 12)]),
    ("person: {name: Ada, email: ada@@example.org}\n", [(CODE, 1, 28)]),
    ("person: {name: Ada, email: ada@localhost}\n", [(CODE, 1, 28)]),
]


@pytest.mark.parametrize(("snippet", "expected"), TABLE)
def test_table(lint, snippet, expected):
    assert lint(snippet, CODE) == expected


@pytest.mark.parametrize(("address", "reason"), [
    ("mailto:a@b.org", "mailto"), ("a b@c.org", "space"), ("a@b@c.org", "exactly one"),
    (".a@b.org", "dot"), ("a..b@c.org", "dot"), ("a@-b.org", "domain")])
def test_the_message_says_what_is_wrong(address, reason):
    assert reason in problem(address)
