"""Finished things cannot lie in the future: a published paper, an award, a granted patent, a past end.

A publication marked published, an award, a granted patent or the end of a period or degree dated after
today is a typo in the year (2204 for 2024), or a plan that should be written as "expected 2025-06".
A date counts as future only when all of it is: a paper dated 2026 is fine at any time in 2026.
Upcoming talks and accepted papers may of course be dated ahead.

PASS:
    person:
      name: Ada Lovelace
    awards:
      - id: medal
        title: Royal Medal
        date: 1843

FAIL:
    person:
      name: Ada Lovelace
    awards:
      - id: medal
        title: Royal Medal
        date: 2999
"""

from __future__ import annotations

import datetime
from typing import Any, Iterator

from profilebot.model.dates import DateValue, PartialDate
from profilebot.model.profile import Profile
from profilebot.findings import Path
from profilebot.validate.rules._fields import spans

CODE = "PB303"
NAME = "future-date"
SEVERITY = "warning"
FIXABLE = False  # `check --fix` has no mechanical fix for this
MESSAGE = "{what} is dated {date}, after today ({today})."
HINT = "Correct the year, or, for something still ahead, write the end as 'expected YYYY-MM'."


def _dated(profile: Profile) -> Iterator[tuple[Path, str, PartialDate | None]]:
    for index, paper in enumerate(profile.publications):
        if paper.status == "published":
            yield ("publications", index, "date"), f"published paper '{paper.id}'", paper.date
    for index, award in enumerate(profile.awards):
        yield ("awards", index, "date"), f"award '{award.id}'", award.date
    for index, patent in enumerate(profile.patents):
        if patent.status == "granted":
            yield ("patents", index, "date"), f"granted patent '{patent.id}'", patent.date
    for span in spans(profile):
        yield span.path + ("end",), f"the end of {_KIND[span.section]}'{span.name}'", _written(span.end)


_KIND = {"education": "", "positions": "position ", "service": "service "}


def _written(value: DateValue | None) -> PartialDate | None:
    """The date of a start/end as a fact: expected dates are plans and are allowed to lie ahead."""
    return value.date if value is not None and not value.expected else None


def check_on(profile: Profile, today: datetime.date) -> Iterator[tuple[Path, dict[str, Any]]]:
    now = (today.year, today.month, today.day)
    for path, what, date in _dated(profile):
        if date is not None and date.is_real() and date.first_day() > now:
            yield path, {"what": what, "date": date.iso(), "today": today.isoformat()}
