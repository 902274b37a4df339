import pytest

from profilebot.validate.rules.impossible_date import CODE

PERSON = "person: {name: Ada}\n"
AWARD = PERSON + "awards:\n  - id: a\n    title: Medal\n"

TABLE = [
    (AWARD + "    date: 2024-02-29\n", []),
    (AWARD + "    date: 2000-02-29\n", []),
    (AWARD + "    date: 2024-04-30\n", []),
    (AWARD + "    date: 2024-02-31\n", [(CODE, 5, 11)]),
    (AWARD + "    date: 2023-02-29\n", [(CODE, 5, 11)]),
    (AWARD + "    date: 1900-02-29\n", [(CODE, 5, 11)]),
    (AWARD + "    date: 2024-06-31\n", [(CODE, 5, 11)]),
    (PERSON + "education:\n  - id: e\n    degree: B.S.\n    institution: UCL\n    start: 2019-09-31\n"
     "    end: expected 2025-11-31\n", [(CODE, 6, 12), (CODE, 7, 10)]),
    (PERSON + "positions:\n  - id: j\n    kind: industry\n    title: T\n    organization: O\n    periods:\n"
     "      - {start: 2021-04-31, end: 2021-09}\n", [(CODE, 8, 17)]),
]


@pytest.mark.parametrize(("snippet", "expected"), TABLE)
def test_table(lint, snippet, expected):
    assert lint(snippet, CODE) == expected
