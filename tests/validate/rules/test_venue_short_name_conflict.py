import pytest

from profilebot.validate.rules.venue_short_name_conflict import CODE

HEAD = "person: {name: Ada}\npublications:\n"


def paper(pid: str, venue: str) -> str:
    return (f"  - id: {pid}\n    type: conference-paper\n    status: published\n    title: Title {pid}\n"
            f"    authors: [Ada]\n    date: 2024\n    venue: {venue}\n")


TABLE = [
    (HEAD + paper("a", "{name: International Conference on Supercomputing, short: ICS}")
     + paper("b", "{name: International Conference on Supercomputing, short: ICS}"), []),
    (HEAD + paper("a", "{name: International Conference on Supercomputing, short: ICS}")
     + paper("b", "{name: International Conference on Software, short: ICS}"), [(CODE, 16, 64)]),
    # Short names compare folded: "ics" is "ICS".
    (HEAD + paper("a", "{name: International Conference on Supercomputing, short: ICS}")
     + paper("b", "{name: Intl. Conf. Supercomputing, short: ics}"), [(CODE, 16, 54)]),
    # Plain-string venues and venues without short names are not compared.
    (HEAD + paper("a", "ICS") + paper("b", "{name: International Conference on Software}"), []),
]


@pytest.mark.parametrize(("snippet", "expected"), TABLE)
def test_table(lint, snippet, expected):
    assert lint(snippet, CODE) == expected
