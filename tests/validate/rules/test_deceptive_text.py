import pytest

from profilebot.validate.rules.deceptive_text import CODE

PAPER = ("person: {name: Ada}\npublications:\n  - id: p\n    type: journal-article\n    status: published\n"
         "    authors: [Ada]\n    date: 1843\n")

TABLE = [
    (PAPER + "    title: 'Plain English title'\n", []),
    (PAPER + "    title: 'β-lactam rings, Ελληνικά and Кириллица, Müller, Dvořák'\n", []),
    (PAPER + "    title: \"Safe \\u202Etxt.exe\"\n", [(CODE, 8, 12)]),
    (PAPER + "    title: \"Isolate \\u2066hidden\\u2069\"\n", [(CODE, 8, 12)]),
    ("person: {name: \"\\u0410da Lovelace\"}\n", [(CODE, 1, 16)]),  # Cyrillic А in a Latin name
    (PAPER + "    title: 'Paypal vs Pаypal'\n", [(CODE, 8, 12)]),  # Cyrillic а inside a Latin word
    (PAPER + "    title: 'Greek ο in Micrοsoft'\n", [(CODE, 8, 12)]),
    # Science's notation in real abstracts (Hugo sites, ../shared/realworld): letters that pass for no Latin one.
    (PAPER + "    title: 'Pores of 5 μm, a Δz offset and σx over ensuremathσ'\n", []),
    (PAPER + "    title: 'Кириллицa with a Latin a'\n", [(CODE, 8, 12)]),  # Latin a inside a Cyrillic word
    # Invisible characters inside a name (issue 21: a zero-width space was not flagged); a title may hold them.
    ("person: {name: \"Ada\\u200bLovelace\"}\n", [(CODE, 1, 16)]),
    ("person: {name: \"Ada Love\\u00adlace\", name_variants: [\"A.\\u2060Lovelace\"]}\n", [(CODE, 1, 16), (CODE, 1, 54)]),
    (PAPER.replace("[Ada]", "[Ada, \"Luigi\\ufeffMenabrea\"]") + "    title: T\n", [(CODE, 6, 20)]),
    ("person: {name: \"Ada\\u200dLovelace\"}\n", [(CODE, 1, 16)]),  # a joiner between Latin letters
    ("person: {name: \"\u0645\u06cc\\u200c\u0631\u0636\u0627\"}\n", []),  # ZWNJ inside a Persian name: how it is spelled
    (PAPER + "    title: \"Zero\\u200bwidth in a title\"\n", []),
]


@pytest.mark.parametrize(("snippet", "expected"), TABLE)
def test_table(lint, snippet, expected):
    assert lint(snippet, CODE) == expected
