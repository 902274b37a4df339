"""A title is one line of text in Unicode's composed form (NFC), without stray spaces.

Titles pasted from a PDF or a web page often carry a line break, a double space, a trailing space or
letters in decomposed form (an "e" followed by a combining accent instead of "é"). They look the
same on screen, but the exports compare and sort titles as text: ORCID and Scholar then see a
different title than the one they hold, and the drift reports differences nobody can see. `check
--fix` joins the whitespace and composes the letters.

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
        title: "Notes on the  Analytical Engine "
        authors: [Ada Lovelace]
        date: 1843
"""

from __future__ import annotations

import unicodedata
from typing import Any, Iterator

from profilebot.load.patch import Replace
from profilebot.model.profile import Profile
from profilebot.findings import Path

CODE = "PB212"
NAME = "title-spacing"
SEVERITY = "warning"
FIXABLE = True
MESSAGE = "the title of '{id}' {problem}."
HINT = "Write the title on one line with single spaces; `profilebot check --fix` does it for you."

_SECTIONS = ("publications", "patents", "talks")


def normalized(title: str) -> str:
    """One line, single spaces, composed characters (NFC)."""
    return " ".join(unicodedata.normalize("NFC", title).split())


def _problem(title: str) -> str:
    if unicodedata.normalize("NFC", title) != title:
        return "has letters in decomposed Unicode form (NFD)"
    if title != title.strip():
        return "starts or ends with a space"
    if "\n" in title or "\r" in title or "\t" in title:
        return "contains a line break or tab"
    return "contains a run of spaces"


def check(profile: Profile) -> Iterator[tuple[Path, dict[str, Any]]]:
    for section in _SECTIONS:
        for index, work in enumerate(getattr(profile, section)):
            if work.title and normalized(work.title) != work.title:
                yield (section, index, "title"), {"id": work.id, "problem": _problem(work.title),
                                                  "fixed": normalized(work.title)}


def fix(_profile: Profile, path: Path, arguments: dict[str, Any]) -> Replace:
    return Replace(path, arguments["fixed"])
