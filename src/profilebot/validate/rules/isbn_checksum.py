"""An ISBN's last digit must match its check digit (ISBN-10 MOD 11 or ISBN-13 MOD 10).

Books and proceedings are found by ISBN in library catalogues, ORCID and CSL exports; a transposed or
mistyped digit would silently point readers at another book. Hyphens and spaces are allowed, as
printed on the copyright page.

PASS:
    person:
      name: Ada Lovelace
    publications:
      - id: sketch
        type: book
        status: published
        title: Sketch of the Analytical Engine
        authors: [Ada Lovelace]
        date: 1843
        isbn: 978-0-306-40615-7

FAIL:
    person:
      name: Ada Lovelace
    publications:
      - id: sketch
        type: book
        status: published
        title: Sketch of the Analytical Engine
        authors: [Ada Lovelace]
        date: 1843
        isbn: 978-0-306-40615-6
"""

from __future__ import annotations

from typing import Any, Iterator

from profilebot.model.identifiers import isbn_ok
from profilebot.model.profile import Profile
from profilebot.findings import Path

CODE = "PB204"
NAME = "isbn-checksum"
SEVERITY = "error"
FIXABLE = False  # `check --fix` has no mechanical fix for this
MESSAGE = "the ISBN {isbn!r} is not a valid ISBN-10 or ISBN-13 (wrong length or check digit)."
HINT = "Copy the ISBN from the book's copyright page or the publisher's page; the last digit checks the others."


def check(profile: Profile) -> Iterator[tuple[Path, dict[str, Any]]]:
    for index, paper in enumerate(profile.publications):
        if paper.isbn is not None and not isbn_ok(paper.isbn):
            yield ("publications", index, "isbn"), {"isbn": paper.isbn}
