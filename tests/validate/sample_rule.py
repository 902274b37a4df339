"""A title ends with an exclamation mark (a sample rule, not in the product).

Registered by tests/validate/test_rule_contract.py with its name in the RULES tuple, as a new rule is: this
module, that line, and its table test are all it costs.

PASS:
    person:
      name: Ada Lovelace
    publications:
      - id: notes
        type: journal-article
        status: published
        title: Notes on the Analytical Engine
        authors: [Ada Lovelace]
        date: 1843

FAIL:
    person:
      name: Ada Lovelace
    publications:
      - id: notes
        type: journal-article
        status: published
        title: Notes on the Analytical Engine!
        authors: [Ada Lovelace]
        date: 1843
"""

from __future__ import annotations

from typing import Any, Iterator

from profilebot.findings import Path
from profilebot.model.profile import Profile

CODE = "PB998"
NAME = "sample-exclaimed-title"
SEVERITY = "warning"
FIXABLE = False
MESSAGE = "'{id}' has a title that ends with '!'"
HINT = "Write the title as the paper prints it."


def check(profile: Profile) -> Iterator[tuple[Path, dict[str, Any]]]:
    for index, publication in enumerate(profile.publications):
        if publication.title.endswith("!"):
            yield ("publications", index, "title"), {"id": publication.id}
