import pytest

from profilebot.validate.rules.patent_number import CODE

HEAD = "person: {name: Ada}\npatents:\n  - id: a\n    title: Engine\n    inventors: [Ada]\n"

TABLE = [
    (HEAD + "    number: US11928446B2\n    status: granted\n", []),
    (HEAD + "    number: CN108765282B\n    status: granted\n", []),
    (HEAD + "    number: US 11,928,446 B2\n    status: granted\n", []),
    (HEAD + "    number: US20240012345A1\n    status: pending\n", []),
    (HEAD + "    number: US17123456\n    status: filed\n", []),
    (HEAD + "    number: '11928446'\n    status: granted\n", [(CODE, 6, 13)]),
    (HEAD + "    number: US11928446\n    status: granted\n", [(CODE, 6, 13)]),
    (HEAD + "    number: Patent pending\n", [(CODE, 6, 13)]),
]


@pytest.mark.parametrize(("snippet", "expected"), TABLE)
def test_table(lint, snippet, expected):
    assert lint(snippet, CODE) == expected
