"""A date marked "expected" must still lie ahead; once it has passed, record what happened.

"expected 2024-12" on a degree is a plan. A year later the CV should say when it actually ended (or
give a new expected date); a past "expected" date shows readers a profile that has not been updated.
The whole period the date names must be over: "expected 2024" passes until the end of 2024.

PASS:
    person:
      name: Ada Lovelace
    education:
      - id: phd
        degree: Ph.D.
        institution: University of London
        start: 2021-09
        end: expected 2999-06

FAIL:
    person:
      name: Ada Lovelace
    education:
      - id: phd
        degree: Ph.D.
        institution: University of London
        start: 1997-09
        end: expected 2001-06
"""

from __future__ import annotations

import datetime

from typing import Any, Iterator

from profilebot.model.dates import DateValue
from profilebot.model.profile import Profile
from profilebot.findings import Path
from profilebot.validate.rules._fields import dates

CODE = "PB302"
NAME = "expected-date-past"
SEVERITY = "warning"
FIXABLE = False  # `check --fix` has no mechanical fix for this
MESSAGE = "{date} has passed ({today} today)."
HINT = "Replace it with the actual date (end: 2024-12), or with a new expected date if it moved."


def check_on(profile: Profile, today: datetime.date) -> Iterator[tuple[Path, dict[str, Any]]]:
    now = (today.year, today.month, today.day)
    for path, value in dates(profile):
        if not isinstance(value, DateValue) or not value.expected or value.date is None:
            continue
        if value.date.is_real() and value.date.last_day() < now:
            yield path, {"date": str(value), "today": today.isoformat()}
