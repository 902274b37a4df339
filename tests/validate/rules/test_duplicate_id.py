import pytest

from profilebot.validate.rules.duplicate_id import CODE

PERSON = "person: {name: Ada}\n"

TABLE = [
    (PERSON + "projects:\n  - {id: a, name: N}\n  - {id: b, name: M}\n", []),
    (PERSON + "projects:\n  - {id: a, name: N}\n  - {id: a, name: M}\n", [(CODE, 4, 10)]),
    # Across sections: an award and a project.
    (PERSON + "projects:\n  - {id: engine, name: N}\nawards:\n  - {id: engine, title: T}\n", [(CODE, 5, 10)]),
    # Service entries may have no id at all.
    (PERSON + "service:\n  - {role: Reviewer, organization: ICML}\n  - {role: Chair, organization: ICML}\n", []),
    (PERSON + "talks:\n  - {id: t, title: T, event: E}\nservice:\n  - {id: t, role: R, organization: O}\n"
     "  - {id: t, role: S, organization: O}\n", [(CODE, 5, 10), (CODE, 6, 10)]),
]


@pytest.mark.parametrize(("snippet", "expected"), TABLE)
def test_table(lint, snippet, expected):
    assert lint(snippet, CODE) == expected
