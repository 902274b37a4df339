"""A published paper needs a date: at least the year it appeared.

Every citation style prints the year, BibTeX's `year` and CSL's `issued` need it, ORCID sorts by it,
and the website groups papers by it. A published paper without one comes out as "n.d." or at the
bottom of every list.

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
        title: Notes on the Analytical Engine
        authors: [Ada Lovelace]
"""

from __future__ import annotations

from typing import Any, Iterator

from profilebot.model.profile import Profile
from profilebot.findings import Path

CODE = "PB211"
NAME = "published-without-date"
SEVERITY = "warning"
FIXABLE = False  # `check --fix` has no mechanical fix for this
MESSAGE = "'{id}' is published but has no date."
HINT = "Add date: with the year it appeared (2024), or year and month (2024-06)."


def check(profile: Profile) -> Iterator[tuple[Path, dict[str, Any]]]:
    for index, paper in enumerate(profile.publications):
        if paper.status == "published" and paper.date is None:
            yield ("publications", index, "status"), {"id": paper.id}
