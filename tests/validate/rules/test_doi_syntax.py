import pytest

from profilebot.validate.rules.doi_syntax import CODE, problem

HEAD = ("person: {name: Ada}\npublications:\n  - id: a\n    type: journal-article\n    status: published\n"
        "    title: Notes\n    authors: [Ada]\n    date: 1843\n")

TABLE = [
    (HEAD + "    doi: 10.1145/3589334\n", []),
    (HEAD + "    doi: 10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-0\n", []),
    (HEAD + "    doi: https://doi.org/10.1145/3589334\n", [(CODE, 9, 10)]),
    (HEAD + "    doi: 'doi:10.1145/3589334'\n", [(CODE, 9, 10)]),
    (HEAD + "    doi: 1145/3589334\n", [(CODE, 9, 10)]),
    (HEAD + "    doi: 10.1145 3589334\n", [(CODE, 9, 10)]),
    # A quote ends the href="https://doi.org/…" al-folio prints the DOI into: markup, not a DOI.
    (HEAD + "    doi: '10.1234/x\"><script>alert(1)</script>'\n", [(CODE, 9, 10)]),
    (HEAD + "    doi: \"10.1234/x' onmouseover='alert(1)\"\n", [(CODE, 9, 10)]),
    (HEAD + "    doi: '10.1234/{x}'\n", [(CODE, 9, 10)]),
    # Issue 21: `<` and `>` belong to SICI DOIs only (`<693::AID-ASI4>`); elsewhere they are an element.
    (HEAD + "    doi: '10.1234/x<svg/onload=alert(1)>'\n", [(CODE, 9, 10)]),
    (HEAD + "    doi: '10.1234/x<img src=x onerror=alert(1)>'\n", [(CODE, 9, 10)]),
]


@pytest.mark.parametrize(("snippet", "expected"), TABLE)
def test_table(lint, snippet, expected):
    assert lint(snippet, CODE) == expected


def test_the_message_gives_the_bare_doi_to_paste():
    assert "'10.1145/3589334'" in problem("https://doi.org/10.1145/3589334")
    assert "'10.1145/3589334'" in problem("doi: 10.1145/3589334")


def test_a_doi_with_markup_is_named_for_what_it_holds():
    assert problem('10.1234/x"><script>') == "contains '\"', '<', '>', which no DOI holds"
    assert problem("10.1234/x<svg/onload=alert(1)>") == "contains '<', '>', which no DOI holds"
