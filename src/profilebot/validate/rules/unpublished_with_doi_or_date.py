"""A paper under review or in preparation has no DOI and no publication date yet.

A DOI is assigned when a work is published; a date (a venue year) on a submission reads as a claim
that it appeared, and the exports would cite it as published that year. Either the status is out of
date (it was accepted or published: change `status` and keep the DOI and date) or the DOI and date
were copied from another work.

PASS:
    person:
      name: Ada Lovelace
    publications:
      - id: notes
        type: journal-article
        status: under-review
        title: Notes on the Analytical Engine
        authors: [Ada Lovelace]

FAIL:
    person:
      name: Ada Lovelace
    publications:
      - id: notes
        type: journal-article
        status: under-review
        title: Notes on the Analytical Engine
        authors: [Ada Lovelace]
        date: 1843
"""

from __future__ import annotations

from typing import Any, Iterator

from profilebot.model.profile import Profile
from profilebot.findings import Path

CODE = "PB209"
NAME = "unpublished-with-doi-or-date"
SEVERITY = "warning"
FIXABLE = False  # `check --fix` has no mechanical fix for this
MESSAGE = "'{id}' is {status} but has a {field} ({value})."
HINT = "If the paper has appeared, set status: published (or accepted); otherwise remove the DOI and the date."
UNPUBLISHED = ("under-review", "in-preparation")


def check(profile: Profile) -> Iterator[tuple[Path, dict[str, Any]]]:
    for index, paper in enumerate(profile.publications):
        if paper.status not in UNPUBLISHED:
            continue
        status = paper.status.replace("-", " ")
        if paper.doi:
            yield ("publications", index, "doi"), {"id": paper.id, "status": status, "field": "DOI",
                                                   "value": paper.doi}
        if paper.date:
            yield ("publications", index, "date"), {"id": paper.id, "status": status, "field": "date",
                                                    "value": paper.date.iso()}
