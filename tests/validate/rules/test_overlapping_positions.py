import pytest

from profilebot.validate.rules.overlapping_positions import CODE

PERSON = "person: {name: Ada}\npositions:\n"


def period(start: str, end: str) -> str:
    return f"      - {{start: {start}, end: {end}}}\n"


def job(pid: str, periods: str, kind: str = "industry") -> str:
    return f"  - id: {pid}\n    kind: {kind}\n    title: T\n    organization: O\n    periods:\n{periods}"


TABLE = [
    (PERSON + job("a", period("2020-06", "2020-09")) + job("b", period("2020-09", "2021-03")),
     []),
    (PERSON + job("a", period("2020-06", "2020-12")) + job("b", period("2020-09", "2021-03")),
     [(CODE, 14, 17)]),
    # Listed newest first, as CVs do: still found, at the later-starting period.
    (PERSON + job("b", period("2020-09", "2021-03")) + job("a", period("2020-06", "2020-12")),
     [(CODE, 8, 17)]),
    (PERSON + job("a", "      - {start: 2020-06, end: 2020-12, mode: part-time}\n")
     + job("b", period("2020-09", "2021-03")), []),
    (PERSON + job("a", period("2019-09", "present"), kind="research")
     + job("b", period("2020-06", "2020-09")), []),
    # An ongoing job overlaps anything that starts before today.
    (PERSON + job("a", period("2019-09", "present"))
     + job("b", period("2024-06", "2024-09")), [(CODE, 14, 17)]),
    # Three at once: both later ones are reported.
    (PERSON + job("a", period("2020-01", "2020-12")) + job("b", period("2020-03", "2020-05"))
     + job("c", period("2020-04", "2020-08")), [(CODE, 14, 17), (CODE, 20, 17)]),
    (PERSON + job("a", period("unknown", "2020-12")) + job("b", period("2020-09", "2021-03")),
     []),
]


@pytest.mark.parametrize(("snippet", "expected"), TABLE)
def test_table(lint, snippet, expected):
    assert lint(snippet, CODE) == expected
