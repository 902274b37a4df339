"""Every id must be unique across the whole profile, not only within its section.

Ids are how entries refer to each other and how outputs name their files and anchors (the website's
/publications/<id>/, BibTeX keys, ORCID put-code bookkeeping). Two entries with one id, even a paper
and a project, make every reference to it ambiguous and one of the two pages overwrite the other.

PASS:
    person:
      name: Ada Lovelace
    projects:
      - id: engine
        name: The Analytical Engine
    awards:
      - id: medal
        title: Royal Medal

FAIL:
    person:
      name: Ada Lovelace
    projects:
      - id: engine
        name: The Analytical Engine
    awards:
      - id: engine
        title: Royal Medal
"""

from __future__ import annotations

from typing import Any, Iterator

from profilebot.model.profile import Profile
from profilebot.findings import Path
from profilebot.validate.rules._fields import entries_with_ids

CODE = "PB404"
NAME = "duplicate-id"
SEVERITY = "error"
FIXABLE = False  # `check --fix` has no mechanical fix for this
MESSAGE = "the id '{id}' is already used by {first}."
HINT = "Give this entry its own id, e.g. by adding a year or a short word; ids never change once in use."


def check(profile: Profile) -> Iterator[tuple[Path, dict[str, Any]]]:
    first: dict[str, str] = {}
    for section, index, entry_id in entries_with_ids(profile):
        # Case-insensitively: ids become file names, and TMC2020 and tmc2020 are one file on macOS and Windows.
        folded = entry_id.lower()
        if folded in first:
            yield (section, index, "id"), {"id": entry_id, "first": first[folded]}
        else:
            first[folded] = f"{section}[{index}]"
