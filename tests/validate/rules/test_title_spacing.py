import pytest

from profilebot.validate.rules.title_spacing import CODE, normalized

HEAD = "person: {name: Ada}\npublications:\n  - id: a\n    type: journal-article\n    status: published\n"
TAIL = "    authors: [Ada]\n    date: 1843\n"

TABLE = [
    (HEAD + "    title: Notes on the Engine\n" + TAIL, []),
    (HEAD + "    title: 'Notes  on the Engine'\n" + TAIL, [(CODE, 6, 12)]),
    (HEAD + "    title: ' Notes'\n" + TAIL, [(CODE, 6, 12)]),
    (HEAD + '    title: "Notes\\non the Engine"\n' + TAIL, [(CODE, 6, 12)]),
    (HEAD + "    title: \"Caf\\u0065\\u0301\"\n" + TAIL, [(CODE, 6, 12)]),
    # A folded block scalar reads as one line: nothing to fix.
    (HEAD + "    title: >-\n      Notes on\n      the Engine\n" + TAIL, []),
    ("person: {name: Ada}\ntalks:\n  - id: t\n    title: 'Talk  one'\n    event: E\n    date: 2020\n",
     [(CODE, 4, 12)]),
]


@pytest.mark.parametrize(("snippet", "expected"), TABLE)
def test_table(lint, snippet, expected):
    assert lint(snippet, CODE) == expected


def test_normalized_joins_whitespace_and_composes_letters():
    assert normalized(" Caf\u0065\u0301\n au  lait\t") == "Caf\u00e9 au lait"
