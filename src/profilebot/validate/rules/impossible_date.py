"""A date must exist in the calendar: no 2024-02-30, no 2023-02-29, no 2024-04-31.

The schema accepts any day from 01 to 31, as a pattern must; this rule knows month lengths and leap
years. An impossible date is a typo that exports would pass on (BibTeX, CSL, ORCID reject it or
shift it to another day).

PASS:
    person:
      name: Ada Lovelace
    awards:
      - id: medal
        title: Royal Medal
        date: 1844-02-29

FAIL:
    person:
      name: Ada Lovelace
    awards:
      - id: medal
        title: Royal Medal
        date: 1843-02-29
"""

from __future__ import annotations

from typing import Any, Iterator

from profilebot.model.dates import DateValue, PartialDate
from profilebot.model.profile import Profile
from profilebot.findings import Path
from profilebot.validate.rules._fields import dates

CODE = "PB304"
NAME = "impossible-date"
SEVERITY = "error"
FIXABLE = False  # `check --fix` has no mechanical fix for this
MESSAGE = "{date} is not a date in the calendar."
HINT = "Check the day and the month (30 days hath September, April, June and November; February 29 only in leap years)."


def check(profile: Profile) -> Iterator[tuple[Path, dict[str, Any]]]:
    for path, value in dates(profile):
        date = value.date if isinstance(value, DateValue) else value
        if isinstance(date, PartialDate) and not date.is_real():
            yield path, {"date": date.iso()}
