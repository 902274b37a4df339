import pytest

from profilebot.validate.rules.orcid_checksum import CODE

TABLE = [
    ("""
     person:
       name: Ada
       profiles: {orcid: 0000-0002-1825-0097}
     """, []),
    ("""
     person:
       name: Ada
       profiles: {orcid: 0000-0002-1694-233X}
     """, []),
    ("""
     person:
       name: Ada
       profiles: {orcid: 0000-0002-1825-0098}
     """, [(CODE, 3, 21)]),
    ("""
     person: {name: Ada}
     publications:
       - id: p
         type: journal-article
         status: under-review
         title: T
         authors:
           - Ada
           - {name: Bob, orcid: 0000-0001-5109-3701}
     """, [(CODE, 9, 28)]),
    ("""
     person: {name: Ada}
     patents:
       - id: p
         title: T
         number: US11928446B2
         inventors: [{name: Ada, orcid: 0000-0003-4925-7249}]
     """, [(CODE, 6, 36)]),
]


@pytest.mark.parametrize(("snippet", "expected"), TABLE)
def test_table(lint, snippet, expected):
    assert lint(snippet, CODE) == expected
