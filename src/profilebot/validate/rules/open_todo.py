"""An entry still carries a private `todo:` note: something about it is incomplete.

Importers never write their own words into a public field. When a source leaves an entry incomplete
(Scholar lists only the first authors, JSON Resume has no author list, ORCID names no contributors),
the import says so in `todo:`, which no output and no target ever reads. This rule keeps the gap
visible until you fill it in and delete the note (a warning; `check --strict` fails on it).

PASS:
    person:
      name: Ada Lovelace
    publications:
      - id: notes
        type: journal-article
        status: published
        title: Notes on the Analytical Engine
        authors: [Ada Lovelace, Luigi Menabrea]
        date: 1843

FAIL:
    person:
      name: Ada Lovelace
    publications:
      - id: notes
        type: journal-article
        status: published
        title: Notes on the Analytical Engine
        authors: [Ada Lovelace]
        date: 1843
        todo: "The source names only you as author: complete the author list."
"""

from __future__ import annotations

from typing import Any, Iterator

from profilebot.model.profile import Profile
from profilebot.findings import Path

CODE = "PB213"
NAME = "open-todo"
SEVERITY = "warning"
FIXABLE = False  # only the person can complete the entry
# The note itself is never printed, here either: findings reach CI annotations, JSON and pull-request comments.
MESSAGE = "'{id}' has an open to-do (its `todo:` line)"
HINT = "Complete the entry, then delete its `todo:` line (the note itself is never published)."

SECTIONS = ("publications", "patents", "talks", "positions", "education")


def check(profile: Profile) -> Iterator[tuple[Path, dict[str, Any]]]:
    for section in SECTIONS:
        for index, entry in enumerate(getattr(profile, section)):
            if entry.todo:
                yield (section, index, "todo"), {"id": entry.id}
