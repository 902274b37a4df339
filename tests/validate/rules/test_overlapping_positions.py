import pytest

from profilebot.validate.rules.overlapping_positions import CODE

PERSON = "person: {name: Ada}\npositions:\n"


def job(pid: str, periods: str, kind: str = "industry") -> str:
    return f"  - id: {pid}\n    kind: {kind}\n    title: T\n    organization: O\n    periods:\n{periods}"


TABLE = [
    (PERSON + job("a", "      - {start: 2020-06, end: 2020-09}\n") + job("b", "      - {start: 2020-09, end: 2021-03}\n"),
     []),
    (PERSON + job("a", "      - {start: 2020-06, end: 2020-12}\n") + job("b", "      - {start: 2020-09, end: 2021-03}\n"),
     [(CODE, 14, 17)]),
    # Listed newest first, as CVs do: still found, at the later-starting period.
    (PERSON + job("b", "      - {start: 2020-09, end: 2021-03}\n") + job("a", "      - {start: 2020-06, end: 2020-12}\n"),
     [(CODE, 8, 17)]),
    (PERSON + job("a", "      - {start: 2020-06, end: 2020-12, mode: part-time}\n")
     + job("b", "      - {start: 2020-09, end: 2021-03}\n"), []),
    (PERSON + job("a", "      - {start: 2019-09, end: present}\n", kind="research")
     + job("b", "      - {start: 2020-06, end: 2020-09}\n"), []),
    # An ongoing job overlaps anything that starts before today.
    (PERSON + job("a", "      - {start: 2019-09, end: present}\n")
     + job("b", "      - {start: 2024-06, end: 2024-09}\n"), [(CODE, 14, 17)]),
    # Three at once: both later ones are reported.
    (PERSON + job("a", "      - {start: 2020-01, end: 2020-12}\n") + job("b", "      - {start: 2020-03, end: 2020-05}\n")
     + job("c", "      - {start: 2020-04, end: 2020-08}\n"), [(CODE, 14, 17), (CODE, 20, 17)]),
    (PERSON + job("a", "      - {start: unknown, end: 2020-12}\n") + job("b", "      - {start: 2020-09, end: 2021-03}\n"),
     []),
]


@pytest.mark.parametrize(("snippet", "expected"), TABLE)
def test_table(lint, snippet, expected):
    assert lint(snippet, CODE) == expected
