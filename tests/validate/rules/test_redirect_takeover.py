"""PB410: an entry's redirect_from never takes over the home page, another page, a file or another entry's
earlier address (issue 21: `redirect_from: "/"` was accepted)."""

import pytest

from profilebot.validate.rules.redirect_takeover import CODE

HEAD = ("person: {name: Ada}\npublications:\n  - id: a\n    type: journal-article\n    status: published\n"
        "    title: Notes\n    authors: [Ada]\n    date: 1843\n")
OTHER = ("  - id: b\n    type: journal-article\n    status: published\n    title: Sketch\n    authors: [Ada]\n"
         "    date: 1842\n    redirect_from: [/publication/1843-notes]\n")

TABLE = [
    (HEAD + "    redirect_from: [/publication/1843-notes, /publications/notes.html]\n", []),
    (HEAD + "    redirect_from: ['/']\n", [(CODE, 9, 21)]),
    (HEAD + "    redirect_from: [/index.html]\n", [(CODE, 9, 21)]),
    (HEAD + "    redirect_from: [/about/]\n", [(CODE, 9, 21)]),
    (HEAD + "    redirect_from: [/files/cv.pdf]\n", [(CODE, 9, 21)]),
    (HEAD + "    redirect_from: [/publication/1843-notes]\n" + OTHER, [(CODE, 16, 21)]),  # the second to list it
    ("person: {name: Ada}\ntalks:\n  - {id: t, title: T, event: E, redirect_from: ['/']}\n", [(CODE, 3, 49)]),
]


@pytest.mark.parametrize(("snippet", "expected"), TABLE)
def test_table(lint, snippet, expected):
    assert lint(snippet, CODE) == expected
