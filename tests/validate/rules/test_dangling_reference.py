import pytest

from profilebot.validate.rules.dangling_reference import CODE

PERSON = "person: {name: Ada}\n"
PAPER = ("publications:\n  - id: notes\n    type: journal-article\n    status: published\n    title: T\n"
         "    authors: [Ada]\n    date: 1843\n")
PATENT = "patents:\n  - id: engine-patent\n    title: E\n    inventors: [Ada]\n    number: GB1234A\n"
JOB = "positions:\n  - id: job\n    kind: industry\n    title: T\n    organization: O\n    periods: [{start: 2020}]\n"

TABLE = [
    (PERSON + "projects:\n  - id: p\n    name: N\n    position: job\n    publication: notes\n"
     "    related_publications: [engine-patent]\n" + PAPER + PATENT + JOB, []),
    (PERSON + "projects:\n  - id: p\n    name: N\n    position: jobs\n" + JOB, [(CODE, 5, 15)]),
    (PERSON + "projects:\n  - id: p\n    name: N\n    publication: note\n" + PAPER, [(CODE, 5, 18)]),
    (PERSON + "projects:\n  - id: p\n    name: N\n    related_publications: [notes, missing]\n" + PAPER,
     [(CODE, 5, 35)]),
    (PERSON + "awards:\n  - id: a\n    title: Best Paper\n    publication: note\n" + PAPER, [(CODE, 5, 18)]),
    (PERSON + "positions:\n  - id: job\n    kind: industry\n    title: T\n    organization: O\n"
     "    periods: [{start: 2020}]\n    projects: [engine]\n", [(CODE, 8, 16)]),
    # preprint_of must name a publication, not a patent.
    (PERSON + PAPER + "    preprint_of: engine-patent\n" + PATENT, [(CODE, 9, 18)]),
]


@pytest.mark.parametrize(("snippet", "expected"), TABLE)
def test_table(lint, snippet, expected):
    assert lint(snippet, CODE) == expected


def test_the_message_suggests_the_nearest_id():
    from profilebot.validate.pipeline import check

    checked = check(PERSON + "projects:\n  - id: p\n    name: N\n    publication: note\n" + PAPER)
    assert "did you mean 'notes'" in next(f.message for f in checked.findings if f.code == CODE)
