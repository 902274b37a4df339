"""Two full-time industry positions cannot run at the same time.

A person holds one full-time job at a time; two overlapping full-time industry periods are almost
always a wrong year or month in one of them, and the CV and ORCID employment list would both show
it. Part-time periods (mode: part-time) may overlap anything, and research or academic appointments
(a graduate researcher doing a summer internship) are not compared. Sharing a boundary month
(one ends in September, the next starts in September) is not an overlap.

PASS:
    person:
      name: Ada Lovelace
    positions:
      - id: first
        kind: industry
        title: Engineer
        organization: Analytical Engines Ltd
        periods:
          - {start: 2020-06, end: 2020-09}
      - id: second
        kind: industry
        title: Engineer
        organization: Difference Engines Ltd
        periods:
          - {start: 2020-09, end: 2021-03, mode: full-time}
          - {start: 2020-06, end: 2020-12, mode: part-time}

FAIL:
    person:
      name: Ada Lovelace
    positions:
      - id: first
        kind: industry
        title: Engineer
        organization: Analytical Engines Ltd
        periods:
          - {start: 2020-06, end: 2020-12}
      - id: second
        kind: industry
        title: Engineer
        organization: Difference Engines Ltd
        periods:
          - {start: 2020-09, end: 2021-03}
"""

from __future__ import annotations

import datetime

from typing import Any, Iterator

from profilebot.model.profile import Period, Profile
from profilebot.findings import Path

CODE = "PB305"
NAME = "overlapping-positions"
SEVERITY = "warning"
FIXABLE = False  # `check --fix` has no mechanical fix for this
MESSAGE = "position '{id}' ({start} – {end}) overlaps full-time position '{other}' ({other_start} – {other_end})."
HINT = "Check the dates of both; if one of them was part-time, add mode: part-time to that period."

Day = tuple[int, int, int]


def _span(period: Period, today: Day) -> tuple[Day, Day] | None:
    """(first day, earliest last day) of a full-time period with known dates, else None."""
    if period.mode == "part-time" or period.start.date is None or period.end is None:
        return None
    if period.end.present:
        end = today
    elif period.end.date is not None:
        end = period.end.date.first_day()
    else:
        return None
    return period.start.date.first_day(), end


def check_on(profile: Profile, today: datetime.date) -> Iterator[tuple[Path, dict[str, Any]]]:
    day = (today.year, today.month, today.day)
    spans = []
    for index, position in enumerate(profile.positions):
        if position.kind != "industry":
            continue
        for number, period in enumerate(position.periods):
            span = _span(period, day)
            if span:
                spans.append((span, index, number, position.id, period))
    spans.sort()
    # Sweep in start order, remembering the period that reaches furthest: O(n log n) for any number.
    reach = None
    for (start, end), index, number, position_id, period in spans:
        if reach is not None and start < reach[0][1] and position_id != reach[3]:
            other = reach[4]
            yield (("positions", index, "periods", number, "start"),
                   {"id": position_id, "start": str(period.start), "end": str(period.end), "other": reach[3],
                    "other_start": str(other.start), "other_end": str(other.end)})
        if reach is None or end > reach[0][1]:
            reach = ((start, end), index, number, position_id, period)
