import pytest

from profilebot.validate.rules.output_file_name import CODE

PERSON = "person: {name: Ada}\n"


def papers(*ids: str) -> str:
    return PERSON + "publications:\n" + "".join(
        f"  - {{id: '{i}', type: journal-article, status: published, title: T, authors: [Ada], date: 1843}}\n"
        for i in ids)


LONG = "a" * 60
TABLE = [
    (papers("paper-one", "paper-two"), []),
    # academicpages files `paper.one` as paper-one.md; `paper_one` keeps its name (render.site.academicpages.file_id)
    (papers("paper.one", "paper-one", "paper_one"), [(CODE, 4, 10)]),
    (papers("Paper.One", "paper-one"), [(CODE, 4, 10)]),  # one file on a case-insensitive file system
    (papers(LONG + "-first", LONG + "-second"), []),  # valid ids are file names as they are, however long
    (papers("con"), [(CODE, 3, 10)]),
    (papers("aux.2024"), [(CODE, 3, 10)]),
    (papers("nul", "com1", "lpt9", "console"), [(CODE, 3, 10), (CODE, 4, 10), (CODE, 5, 10)]),
    (papers("x" * 245), [(CODE, 3, 10)]),
    (PERSON + "talks:\n  - {id: prn, title: T, event: E}\n", [(CODE, 3, 10)]),
]


@pytest.mark.parametrize(("snippet", "expected"), TABLE)
def test_table(lint, snippet, expected):
    assert lint(snippet, CODE) == expected
