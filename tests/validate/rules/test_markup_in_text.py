import pytest

from profilebot.validate.rules.markup_in_text import CODE

PERSON = "person: {name: Ada}\n"
PAPER = (PERSON + "publications:\n  - id: p\n    type: journal-article\n    status: published\n"
         "    authors: [Ada]\n    date: 1843\n")

TABLE = [
    (PAPER + "    title: 'Notes (x < y, a & b, [1] and {braces})'\n", []),
    (PAPER + "    title: 'See [the slides](javascript:alert(1))'\n", [(CODE, 8, 12)]),
    (PAPER + "    title: T\n    note: '![beacon](https://tracker.example/b.png)'\n", [(CODE, 9, 11)]),
    (PAPER + "    title: T\n    note: 'Ref [x][evil]'\n", [(CODE, 9, 11)]),
    (PAPER + "    title: 'Raw <img src=x onerror=alert(1)> here'\n", [(CODE, 8, 12)]),
    (PAPER + "    title: 'Autolink <javascript:alert(1)>'\n", [(CODE, 8, 12)]),
    (PAPER + "    title: '*x*{: onmouseover=\"alert(1)\"}'\n", [(CODE, 8, 12)]),
    (PAPER + "    title: T\n    venue: {name: '<script>alert(1)</script>'}\n", [(CODE, 9, 19)]),
    (PAPER + "    title: T\n    abstract: \"Intro.\\n\\n[evil]: javascript:alert(1)\"\n", [(CODE, 9, 15)]),
    # Links live in link fields, which the URL rules check; a title may still mention a URL as text.
    (PAPER + "    title: 'A study of https://example.org pages'\n    links: {code: 'https://github.com/a/b'}\n", []),
    (PERSON.replace("Ada}", "Ada, headline: 'PhD <b>student</b>'}"), [(CODE, 1, 31)]),
]


@pytest.mark.parametrize(("snippet", "expected"), TABLE)
def test_table(lint, snippet, expected):
    assert lint(snippet, CODE) == expected
