"""Each paper and talk gets files of its own, named after its id, that every system can check out.

Site templates name files after ids: academicpages files an id of letters, digits, '-' and '_' under the id
itself and any other id under its slug (render.site.safety.file_id), so `paper.one` and `paper-one`
(or `Paper-One`, on a file system that ignores case) would share one file and one of them would vanish
without a word. Windows cannot create a file called `con`, `aux`, `nul`, `prn`, `com1`–`com9`
or `lpt1`–`lpt9` (whatever follows the first dot), so a site repository holding one cannot be checked out
there. And a file name has at most 255 bytes, so an id is kept to 100 characters.

PASS:
    person:
      name: Ada Lovelace
    publications:
      - id: notes-1843
        type: journal-article
        status: published
        title: Notes on the Analytical Engine
        authors: [Ada Lovelace]
        date: 1843
      - id: notes-1843-letters
        type: journal-article
        status: published
        title: Letters on the Analytical Engine
        authors: [Ada Lovelace]
        date: 1843

FAIL:
    person:
      name: Ada Lovelace
    publications:
      - id: notes.1843
        type: journal-article
        status: published
        title: Notes on the Analytical Engine
        authors: [Ada Lovelace]
        date: 1843
      - id: notes-1843
        type: journal-article
        status: published
        title: Letters on the Analytical Engine
        authors: [Ada Lovelace]
        date: 1843
"""

from __future__ import annotations

import re
from typing import Iterator

from profilebot.model.keys import MAX_ID_LENGTH, id_from_name
from profilebot.model.profile import Profile
from profilebot.render.site.safety import file_id
from profilebot.findings import Path

CODE = "PB407"
NAME = "output-file-name"
SEVERITY = "error"
FIXABLE = False  # which id should change, and to what, is the person's call (ids never change once in use)
MESSAGE = "the id '{id}' {problem}."
# Each problem has its own hint (a finding's `hint` argument): what to change, with a suggestion where one exists.
HINT = "Choose an id that differs from the others in its letters and digits, e.g. by adding a year or a word."
MAX_LENGTH = MAX_ID_LENGTH
_RESERVED = re.compile(r"(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?:\..*)?", re.IGNORECASE)
# The sections whose entries become files of their own (a page, a .bib) in some site template.
_FILE_SECTIONS = ("publications", "talks")


def check(profile: Profile) -> Iterator[tuple[Path, dict[str, str]]]:
    for section in _FILE_SECTIONS:
        seen: dict[str, str] = {}
        for index, entry in enumerate(getattr(profile, section)):
            path: Path = (section, index, "id")
            if len(entry.id) > MAX_LENGTH:
                yield path, {"id": entry.id[:40] + "…", "problem": f"has {len(entry.id)} characters; file names "
                             f"made from it would be too long (at most {MAX_LENGTH})",
                             "hint": f"Shorten the id to at most {MAX_LENGTH} characters, e.g. "
                                     f"'{id_from_name(entry.id)}'."}
                continue
            if _RESERVED.fullmatch(entry.id):
                yield path, {"id": entry.id, "problem": "is a device name on Windows, so a file named after it "
                             "cannot be checked out there",
                             "hint": f"Add a word or a year to the id, e.g. '{entry.id}-{_year(entry) or 'paper'}'."}
                continue
            name = file_id(entry.id).lower()  # the name academicpages files it under (any case: macOS, Windows)
            if name in seen and seen[name] != entry.id:
                yield path, {"id": entry.id, "problem": f"and the id '{seen[name]}' both become the file name "
                             f"'{name}' in a site template, so one would overwrite the other"}
            seen.setdefault(name, entry.id)


def _year(entry: object) -> int | None:
    date = getattr(entry, "date", None)
    return getattr(date, "year", None)
