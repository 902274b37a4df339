import pytest

from profilebot.validate.rules.arxiv_id import CODE, problem

HEAD = ("person: {name: Ada}\npublications:\n  - id: a\n    type: journal-article\n    status: preprint\n"
        "    title: Notes\n    authors: [Ada]\n")

TABLE = [
    (HEAD + "    arxiv: '2401.01234'\n", []),
    (HEAD + "    arxiv: 2401.01234v3\n", []),
    (HEAD + "    arxiv: '0706.0001'\n", []),
    (HEAD + "    arxiv: hep-th/9901001\n", []),
    (HEAD + "    arxiv: math.GT/0309136\n", []),
    (HEAD + "    arxiv: '2413.01234'\n", [(CODE, 8, 12)]),
    (HEAD + "    arxiv: 'arXiv:2401.01234'\n", [(CODE, 8, 12)]),
    (HEAD + "    arxiv: https://arxiv.org/abs/2401.01234\n", [(CODE, 8, 12)]),
    (HEAD + "    arxiv: '1501.1234'\n", [(CODE, 8, 12)]),
    (HEAD + "    arxiv: '0612.0001'\n", [(CODE, 8, 12)]),
    (HEAD + "    arxiv: hep-th/9913001\n", [(CODE, 8, 12)]),
]


@pytest.mark.parametrize(("snippet", "expected"), TABLE)
def test_table(lint, snippet, expected):
    assert lint(snippet, CODE) == expected


def test_messages():
    assert "store it bare as '2401.01234'" in problem("arXiv:2401.01234")
    assert "5 digits" in problem("1501.1234")
    assert "April 2007" in problem("0612.0001")
