import pytest

from profilebot.validate.rules.project_title_mismatch import CODE

HEAD = "person: {name: Ada}\nprojects:\n  - id: engine\n    publication: notes\n"


def paper(title: str) -> str:
    return (f"publications:\n  - id: notes\n    type: journal-article\n    status: published\n"
            f"    title: {title}\n    authors: [Ada]\n    date: 1843\n")


TABLE = [
    # The seed's own case: same words but "Multi-modal" against "Muti-representation".
    (HEAD + '    name: "WASMREV: Multi-modal Learning for WebAssembly Reverse Engineering"\n'
     + paper("Muti-representation Learning for WebAssembly Reverse Engineering"), [(CODE, 5, 11)]),
    (HEAD + "    name: Notes on the Analytical Engine\n" + paper("Notes on the Analytical Engine"), []),
    # A shared "ACRONYM:" prefix means the same system described in other words.
    (HEAD + '    name: "SIBYL: Forecasting Query Workloads"\n'
     + paper('"SIBYL: Forecasting Time-Evolving Query Workloads"'), []),
    # A project named by a shorter phrase contained in the title agrees.
    (HEAD + "    name: Analytical Engine\n" + paper("Notes on the Analytical Engine"), []),
    # Entirely different wording is a description, not a second version of the title.
    (HEAD + "    name: Bayesian optimisation of weights\n" + paper("Notes on the Analytical Engine"), []),
]


@pytest.mark.parametrize(("snippet", "expected"), TABLE)
def test_table(lint, snippet, expected):
    assert lint(snippet, CODE) == expected
