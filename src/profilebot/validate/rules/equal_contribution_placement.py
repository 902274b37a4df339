"""Co-first-author marks (`equal_contribution`) belong on the leading authors, as one unbroken group.

The CV asterisk means "these authors contributed equally" and, by convention, marks the first two or
more authors. A mark on the third author alone, a gap (first and third marked, second not), or a
single marked author (equal to whom?) is almost always a slip when the author list was edited, and
the website and exports would print a claim the paper does not make.

PASS:
    person:
      name: Ada Lovelace
    publications:
      - id: notes
        type: journal-article
        status: published
        title: Notes on the Analytical Engine
        authors:
          - {name: L. F. Menabrea, equal_contribution: true}
          - {name: Ada Lovelace, equal_contribution: true}
          - Charles Babbage
        date: 1843

FAIL:
    person:
      name: Ada Lovelace
    publications:
      - id: notes
        type: journal-article
        status: published
        title: Notes on the Analytical Engine
        authors:
          - {name: L. F. Menabrea, equal_contribution: true}
          - Charles Babbage
          - {name: Ada Lovelace, equal_contribution: true}
        date: 1843
"""

from __future__ import annotations

from typing import Any, Iterator

from profilebot.model.profile import Profile
from profilebot.findings import Path

CODE = "PB208"
NAME = "equal-contribution-placement"
SEVERITY = "warning"
FIXABLE = False  # `check --fix` has no mechanical fix for this
MESSAGE = "in '{id}', author {number} ({name}) is marked as co-first author but {problem}."
HINT = "Mark the leading authors who contributed equally (the first two or more, with no gap), or remove the mark."


def _problem(position: int, marked: list[int]) -> str | None:
    if len(marked) == 1:
        return "is the only author marked"
    if position != marked.index(position):  # the k-th marked author must be the k-th author
        return "the authors before them are not all marked"
    return None


def check(profile: Profile) -> Iterator[tuple[Path, dict[str, Any]]]:
    for index, paper in enumerate(profile.publications):
        marked = [n for n, author in enumerate(paper.authors) if author.equal_contribution]
        for position in marked:
            found = _problem(position, marked)
            if found:
                yield (("publications", index, "authors", position, "equal_contribution"),
                       {"id": paper.id, "number": position + 1, "name": paper.authors[position].name,
                        "problem": found})
                break  # one finding per paper: the first misplaced mark explains the rest
