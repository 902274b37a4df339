import pytest

from profilebot.validate.rules.future_date import CODE

# Today is pinned to 2025-06-15 by the `lint` fixture.
PERSON = "person: {name: Ada}\n"
PAPER = PERSON + "publications:\n  - id: p\n    type: journal-article\n    title: T\n    authors: [Ada]\n"

TABLE = [
    (PAPER + "    status: published\n    date: 2025\n", []),
    (PAPER + "    status: published\n    date: 2025-06-15\n", []),
    (PAPER + "    status: published\n    date: 2025-06-16\n", [(CODE, 8, 11)]),
    (PAPER + "    status: published\n    date: 2026\n", [(CODE, 8, 11)]),
    # Accepted papers may carry the date they will appear.
    (PAPER + "    status: accepted\n    date: 2026\n", []),
    (PERSON + "awards:\n  - id: a\n    title: Medal\n    date: 2025-07\n", [(CODE, 5, 11)]),
    (PERSON + "patents:\n  - id: a\n    title: T\n    inventors: [Ada]\n    number: US1B2\n    status: granted\n"
     "    date: 2030\n", [(CODE, 8, 11)]),
    (PERSON + "patents:\n  - id: a\n    title: T\n    inventors: [Ada]\n    number: US1A1\n    status: filed\n"
     "    date: 2030\n", []),
    (PERSON + "education:\n  - id: phd\n    degree: Ph.D.\n    institution: UCL\n    end: 2026-06\n", [(CODE, 6, 10)]),
    (PERSON + "education:\n  - id: phd\n    degree: Ph.D.\n    institution: UCL\n    end: expected 2026-06\n", []),
    (PERSON + "positions:\n  - id: j\n    kind: industry\n    title: T\n    organization: O\n    periods:\n"
     "      - {start: 2025-01, end: 2025-09}\n", [(CODE, 8, 31)]),
    (PERSON + "talks:\n  - id: t\n    title: T\n    event: E\n    date: 2030\n", []),
]


@pytest.mark.parametrize(("snippet", "expected"), TABLE)
def test_table(lint, snippet, expected):
    assert lint(snippet, CODE) == expected
