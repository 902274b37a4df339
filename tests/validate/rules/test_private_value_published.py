import pytest

from profilebot.validate.rules.private_value_published import CODE

PHONE = "person:\n  name: Ada\n  phone: {value: '+1 858 214 0677', visibility: private}\n"
EMAIL = "person:\n  name: Ada\n  email: {value: Ada@Home.example, visibility: private}\n"

TABLE = [
    (PHONE + "  bio: Reach me at the department.\n", []),
    (PHONE + "  bio: 'Call (+1) 858-214-0677 any time.'\n", [(CODE, 4, 8)]),
    (PHONE + "  headline: 'Phone 858.214.0677'\n", [(CODE, 4, 13)]),
    (EMAIL + "  headline: 'Write to ada@home.example'\n", [(CODE, 4, 13)]),
    (EMAIL + "awards:\n  - id: a\n    title: Medal\n    note: 'contact: ADA@HOME.EXAMPLE'\n", [(CODE, 7, 11)]),
    # A public phone may be repeated anywhere.
    ("person:\n  name: Ada\n  phone: '+1 858 214 0677'\n  bio: 'Call 858 214 0677.'\n", []),
    # Other numbers in the text are not the phone.
    (PHONE + "  bio: 'Patent US 11,928,446 and 858 pages.'\n", []),
]


@pytest.mark.parametrize(("snippet", "expected"), TABLE)
def test_table(lint, snippet, expected):
    assert lint(snippet, CODE) == expected
