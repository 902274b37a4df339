import pytest

from profilebot.validate.rules.unsafe_url import CODE

PERSON = "person: {name: Ada}\n"
PAPER = (PERSON + "publications:\n  - id: p\n    type: journal-article\n    status: published\n    title: T\n"
         "    authors: [Ada]\n    date: 1843\n")

TABLE = [
    ("person: {name: Ada, website: 'https://ada.example.org'}\n", []),
    ("person: {name: Ada, website: 'http://ada.example.org'}\n", []),  # insecure, not unsafe: PB402
    ("person: {name: Ada, website: ada.example.org}\n", [(CODE, 1, 30)]),
    ("person: {name: Ada, photo: images/ada.jpg}\n", []),
    ("person: {name: Ada, photo: 'data:image/png;base64,iVBORw0KGgo='}\n", [(CODE, 1, 28)]),
    (PAPER + "    url: 'javascript:alert(1)'\n", [(CODE, 9, 10)]),
    # Browsers ignore case, leading spaces and tabs inside the scheme; so does the rule.
    (PAPER + "    url: ' JaVaScRiPt:alert(1)'\n", [(CODE, 9, 10)]),
    (PAPER + '    url: "java\\tscript:alert(1)"\n', [(CODE, 9, 10)]),
    (PAPER + "    links: {pdf: files/p.pdf, code: 'https://github.com/a/b', slides: 'file:///home/ada/s.pdf'}\n",
     [(CODE, 9, 71)]),
    (PAPER + "    venue: {name: V, url: 'vbscript:msgbox'}\n", [(CODE, 9, 27)]),
    (PERSON + "projects:\n  - id: p\n    name: N\n    url: example.org\n    links: {code: 'ftp://example.org/x'}\n",
     [(CODE, 5, 10), (CODE, 6, 19)]),
    (PERSON + "talks:\n  - id: t\n    title: T\n    event: E\n    slides: 'javascript:void(0)'\n", [(CODE, 6, 13)]),
    ("person: {name: Ada, profiles: {github: ada, website: 'javascript:x'}}\n", [(CODE, 1, 54)]),
]


@pytest.mark.parametrize(("snippet", "expected"), TABLE)
def test_table(lint, snippet, expected):
    assert lint(snippet, CODE) == expected
