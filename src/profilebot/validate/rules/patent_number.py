"""A patent number names the office, the serial number and the kind code: US11928446B2, CN108765282B.

Patent databases (Espacenet, Google Patents, the ORCID "patent-number" id) look documents up by that
triple; a bare serial could be any office's, and a granted patent written without its kind code is
easily confused with the application of the same number. Spaces and thousands separators as printed
on the front page are accepted (US 11,928,446 B2).

PASS:
    person:
      name: Ada Lovelace
    patents:
      - id: engine
        title: Calculating engine
        inventors: [Ada Lovelace]
        number: US11928446B2
        status: granted

FAIL:
    person:
      name: Ada Lovelace
    patents:
      - id: engine
        title: Calculating engine
        inventors: [Ada Lovelace]
        number: "11928446"
        status: granted
"""

from __future__ import annotations

import re
from typing import Any, Iterator

from profilebot.model.identifiers import parse_patent_number
from profilebot.model.profile import Profile
from profilebot.findings import Path

CODE = "PB205"
NAME = "patent-number"
SEVERITY = "error"
FIXABLE = False  # `check --fix` has no mechanical fix for this
MESSAGE = "the patent number {number!r} {problem}."
HINT = ("Write office code, serial number and kind code as on the patent's front page or in Google Patents, "
        "e.g. US11928446B2, CN108765282B or EP1234567A1.")


def problem(number: str, status: str | None) -> str | None:
    """What is missing from `number`, or None when it is office + serial (+ kind; required once granted)."""
    parsed = parse_patent_number(number)
    if parsed is None:
        if re.fullmatch(r"[\d,\s]+[A-Z]?\d?", number.strip().upper()):
            return "has no office code (US, EP, CN, WO, …) in front of the serial number"
        return "is not an office code followed by a serial number and a kind code"
    if status == "granted" and not parsed[2]:
        return "has no kind code (such as B1 or B2), which a granted patent always carries"
    return None


def check(profile: Profile) -> Iterator[tuple[Path, dict[str, Any]]]:
    for index, patent in enumerate(profile.patents):
        found = problem(patent.number, patent.status)
        if found:
            yield ("patents", index, "number"), {"number": patent.number, "problem": found}
