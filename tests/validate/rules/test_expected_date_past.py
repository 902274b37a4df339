import pytest

from profilebot.validate.rules.expected_date_past import CODE

# Today is pinned to 2025-06-15 by the `lint` fixture.
EDU = "person: {name: Ada}\neducation:\n  - id: phd\n    degree: Ph.D.\n    institution: UCL\n    start: 2020\n"
POS = ("person: {name: Ada}\npositions:\n  - id: job\n    kind: academic\n    title: Postdoc\n    organization: UCL\n"
       "    periods:\n")

TABLE = [
    (EDU + "    end: expected 2025-12\n", []),
    # The whole of June 2025 and the whole of 2025 are not over yet.
    (EDU + "    end: expected 2025-06\n", []),
    (EDU + "    end: expected 2025\n", []),
    (EDU + "    end: 2024-12\n", []),
    (EDU + "    end: expected 2025-05\n", [(CODE, 7, 10)]),
    (EDU + "    end: expected 2024-12\n", [(CODE, 7, 10)]),
    (EDU + "    end: expected 2025-06-14\n", [(CODE, 7, 10)]),
    (POS + "      - {start: 2023-01, end: expected 2024}\n", [(CODE, 8, 31)]),
    ("person: {name: Ada}\nprojects:\n  - id: p\n    name: Engine\n    date: expected 2020\n", [(CODE, 5, 11)]),
]


@pytest.mark.parametrize(("snippet", "expected"), TABLE)
def test_table(lint, snippet, expected):
    assert lint(snippet, CODE) == expected
