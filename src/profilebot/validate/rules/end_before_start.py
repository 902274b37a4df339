"""An end date must not come before its start date (degrees, each period of a position, service).

"2019-07 – 2015-09" is a swapped pair or a typo in a year; the CV and website would print it as
written, and ORCID rejects an affiliation whose end precedes its start. Dates are compared by what
they say: a year-only end (2019) does not precede a start in the same year (2019-09).

PASS:
    person:
      name: Ada Lovelace
    education:
      - id: bs
        degree: B.S.
        institution: University of London
        start: 2015-09
        end: 2019

FAIL:
    person:
      name: Ada Lovelace
    education:
      - id: bs
        degree: B.S.
        institution: University of London
        start: 2019-09
        end: 2015-07
"""

from __future__ import annotations

from typing import Iterator

from profilebot.model.dates import DateValue
from profilebot.model.profile import Profile
from profilebot.validate.findings import Path

CODE = "PB301"
NAME = "end-before-start"
SEVERITY = "error"
MESSAGE = "{what} ends ({end}) before it starts ({start})."
HINT = "Swap the two dates if they are reversed, or correct the year."


def _reversed(start: DateValue | None, end: DateValue | None) -> bool:
    if start is None or end is None or start.date is None or end.date is None:
        return False
    return end.date.last_day() < start.date.first_day()


def _spans(profile: Profile) -> Iterator[tuple[Path, str, DateValue | None, DateValue | None]]:
    for index, degree in enumerate(profile.education):
        yield ("education", index), f"education '{degree.id}'", degree.start, degree.end
    for index, position in enumerate(profile.positions):
        for number, period in enumerate(position.periods):
            yield (("positions", index, "periods", number), f"period {number + 1} of position '{position.id}'",
                   period.start, period.end)
    for index, service in enumerate(profile.service):
        yield ("service", index), f"service '{service.id or service.role}'", service.start, service.end


def check(profile: Profile) -> Iterator[tuple[Path, dict]]:
    for path, what, start, end in _spans(profile):
        if _reversed(start, end):
            yield path + ("end",), {"what": what, "start": str(start), "end": str(end)}
