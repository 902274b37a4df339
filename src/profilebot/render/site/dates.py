"""File-name dates for templates that need a full date on every entry, even work that has none yet."""

from __future__ import annotations

import datetime

from profilebot.model.dates import PartialDate
from profilebot.model.profile import Profile

# With nothing dated in the profile, undated work still needs a date for its file name; this one sorts last.
EPOCH = datetime.date(1970, 1, 1)


def full_date(date: PartialDate) -> datetime.date:
    """A partial date's first day: 2024 → 2024-01-01, 2024-06 → 2024-06-01."""
    return datetime.date(*date.first_day())


def undated_stand_in(profile: Profile) -> datetime.date:
    """The date given to under-review and other undated papers: the first day of the newest dated paper.

    Never in the future (Jekyll skips future-dated documents unless `future: true`), never today
    (output must not change from one day to the next), and it sorts undated work with the newest papers.
    """
    dated = [p.date for p in profile.publications if p.date]
    return full_date(max(dated, key=lambda d: d.first_day())) if dated else EPOCH
