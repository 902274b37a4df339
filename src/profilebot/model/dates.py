"""PartialDate (year | year-month | full) and the markers a CV uses: present, unknown, expected."""

from __future__ import annotations

import re
from dataclasses import dataclass

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
MONTH_ABBREVIATIONS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December")


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the year, the month or the day. Orders by what is known (2024 < 2024-01)."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value: int | str) -> PartialDate | None:
        if isinstance(value, int) and not isinstance(value, bool):
            return cls(value)
        match = _DATE.match(str(value).strip())
        if not match:
            return None
        year, month, day = (int(g) if g else None for g in match.groups())
        return cls(year, month, day)  # type: ignore[arg-type]

    def iso(self) -> str:
        parts = [f"{self.year:04d}"] + [f"{p:02d}" for p in (self.month, self.day) if p is not None]
        return "-".join(parts)

    def __str__(self) -> str:
        return self.iso()

    def human(self) -> str:
        """'2024', 'Jun 2024' or '9 Oct 2020' — for CVs and web pages."""
        if self.month is None:
            return str(self.year)
        month = MONTH_NAMES[self.month - 1][:3]
        return f"{month} {self.year}" if self.day is None else f"{self.day} {month} {self.year}"

    def is_real(self) -> bool:
        import calendar
        if self.month is not None and not 1 <= self.month <= 12:
            return False
        if self.day is not None:
            return self.month is not None and 1 <= self.day <= calendar.monthrange(self.year, self.month)[1]
        return True

    def last_day(self) -> tuple[int, int, int]:
        """The latest calendar day this date can mean, for 'is it in the future' questions."""
        import calendar
        month = self.month or 12
        return (self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    def first_day(self) -> tuple[int, int, int]:
        return (self.year, self.month or 1, self.day or 1)


@dataclass(frozen=True)
class DateValue:
    """A start or end as written in a CV: a date, `present`, `unknown`, or `expected <date>`."""

    date: PartialDate | None = None
    present: bool = False
    expected: bool = False

    @classmethod
    def parse(cls, value: int | str | None) -> DateValue | None:
        if value is None:
            return None
        text = str(value).strip()
        if text == "present":
            return cls(present=True)
        if text == "unknown":
            return cls()
        if text.startswith("expected "):
            return cls(PartialDate.parse(text[len("expected "):]), expected=True)
        return cls(PartialDate.parse(value))

    @property
    def unknown(self) -> bool:
        return self.date is None and not self.present

    def human(self) -> str:
        if self.present:
            return "Present"
        if self.date is None:
            return "unknown"
        return f"{self.date.human()} (expected)" if self.expected else self.date.human()

    def __str__(self) -> str:
        if self.present:
            return "present"
        if self.date is None:
            return "unknown"
        return f"expected {self.date.iso()}" if self.expected else self.date.iso()


def span(start: DateValue | None, end: DateValue | None) -> str:
    """A period as every CV output prints it: "Sep 2015 – Jul 2019", "Sep 2019 – Present".

    A lost (`unknown`) end leaves an open dash ("2019 –", so it still reads as a span); a lost start
    prints only the end ("Dec 2024 (expected)"). The word "unknown" is never printed.
    """
    first = start.human() if start is not None and not start.unknown else ""
    last = end.human() if end is not None and not end.unknown else ""
    if first and last:
        return f"{first} – {last}"
    if first and end is not None:
        return f"{first} –"
    return first or last
