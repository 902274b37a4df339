"""The lab as values: its name and members, each with a role and a tenure window of whole months."""

from __future__ import annotations

from dataclasses import dataclass

from profilebot.model.dates import PartialDate

# A month as (year, month): the precision lab.yaml's `from` and `until` have.
Month = tuple[int, int]


def parse_month(text: str) -> Month:
    """'2021-09' → (2021, 9); the schema has already checked the form."""
    year, month = text.split("-")
    return int(year), int(month)


def month_text(month: Month) -> str:
    return f"{month[0]:04d}-{month[1]:02d}"


@dataclass(frozen=True)
class Member:
    """One person of the lab. `profile` is a path relative to lab.yaml, or the path inside `repo`."""

    id: str
    role: str
    start: Month
    end: Month | None = None  # None: still in the lab
    profile: str | None = None
    repo: str | None = None
    path: str = "profile.yaml"
    alumni_role: str | None = None

    @property
    def current(self) -> bool:
        return self.end is None

    @property
    def source(self) -> str:
        """Where the member's profile is, as a person reads it: a path, or owner/name:path."""
        return f"{self.repo}:{self.path}" if self.repo else str(self.profile)

    def years(self) -> str:
        """'2019–2023' (an alumnus), '2021–' (current), '2022' (joined and left in one year)."""
        first = str(self.start[0])
        if self.end is None:
            return f"{first}\u2013"
        return first if self.end[0] == self.start[0] else f"{first}\u2013{self.end[0]}"

    def covers(self, date: PartialDate | None) -> bool:
        """Was a work with this date done while the member was in the lab?

        A date known to the month counts when that month is inside the window (both ends included); one known
        only to the year counts when the year overlaps the window (a 2021 paper of someone who joined in
        2021-09 may be from the autumn). An undated work is not placed in anyone's tenure.
        """
        if date is None:
            return False
        if date.month is None:
            return self.start[0] <= date.year and (self.end is None or date.year <= self.end[0])
        month = (date.year, date.month)
        return self.start <= month and (self.end is None or month <= self.end)


@dataclass(frozen=True)
class Lab:
    name: str
    members: tuple[Member, ...]
    url: str | None = None
    description: str | None = None
    logo: str | None = None
    site_repo: str | None = None    # `lab: site: repo:` — where `lab sync` keeps the lab's pages
    site_branch: str | None = None
    site_template: str = "static"  # `lab: site: template:` — the template the lab's pages are written in

    def member(self, member_id: str) -> Member | None:
        return next((m for m in self.members if m.id == member_id), None)
