import pytest

from profilebot.validate.rules.end_before_start import CODE

PERSON = "person: {name: Ada}\n"
EDU = PERSON + "education:\n  - id: bs\n    degree: B.S.\n    institution: UCL\n"
POS = (PERSON + "positions:\n  - id: job\n    kind: industry\n    title: Engineer\n    organization: Acme\n"
       "    periods:\n")

TABLE = [
    (EDU + "    start: 2015-09\n    end: 2019-07\n", []),
    # A year-only end in the start's year could be after it.
    (EDU + "    start: 2019-09\n    end: 2019\n", []),
    (EDU + "    start: 2019-09\n    end: present\n", []),
    (EDU + "    start: unknown\n    end: 2019\n", []),
    (EDU + "    start: 2019-09\n    end: 2015-07\n", [(CODE, 7, 10)]),
    (EDU + "    start: 2019-09-10\n    end: 2019-09-09\n", [(CODE, 7, 10)]),
    (EDU + "    start: 2019\n    end: expected 2018-06\n", [(CODE, 7, 10)]),
    (POS + "      - {start: 2022-06, end: 2022-09}\n      - {start: 2022-10, end: 2022-05}\n", [(CODE, 9, 31)]),
    (PERSON + "service:\n  - role: Reviewer\n    organization: ICML\n    start: 2023\n    end: 2021\n",
     [(CODE, 6, 10)]),
]


@pytest.mark.parametrize(("snippet", "expected"), TABLE)
def test_table(lint, snippet, expected):
    assert lint(snippet, CODE) == expected
