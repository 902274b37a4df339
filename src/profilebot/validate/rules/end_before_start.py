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

from typing import Any, Iterator

from profilebot.model.dates import DateValue
from profilebot.model.profile import Profile
from profilebot.findings import Path
from profilebot.validate.rules._fields import Span, spans

CODE = "PB301"
NAME = "end-before-start"
SEVERITY = "error"
FIXABLE = False  # `check --fix` has no mechanical fix for this
MESSAGE = "{what} ends ({end}) before it starts ({start})."
HINT = "Swap the two dates if they are reversed, or correct the year."


def _reversed(start: DateValue | None, end: DateValue | None) -> bool:
    if start is None or end is None or start.date is None or end.date is None:
        return False
    return end.date.last_day() < start.date.first_day()


def _what(span: Span) -> str:
    if span.number is not None:
        return f"period {span.number + 1} of position '{span.name}'"
    return f"{span.section} '{span.name}'"


def check(profile: Profile) -> Iterator[tuple[Path, dict[str, Any]]]:
    for span in spans(profile):
        if _reversed(span.start, span.end):
            yield span.path + ("end",), {"what": _what(span), "start": str(span.start), "end": str(span.end)}
