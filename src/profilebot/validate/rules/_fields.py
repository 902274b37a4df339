"""Shared walks over a Profile for the lint rules: its dates, start–end spans, strings and entry ids.

Not a rule (it has no CODE). Several rules look at every date or every string of a profile; these
walks name the fields explicitly instead of reflecting over dataclasses, which keeps a 2,000-paper
profile's lint pass in tens of milliseconds, and each yields the value's JSON path for the finding.
"""

from __future__ import annotations

import dataclasses
from typing import Any, Iterator, NamedTuple

from profilebot.model.dates import DateValue, PartialDate
from profilebot.model.profile import Profile
from profilebot.findings import Path
from profilebot.render.citations import memo_by_profile

# Sections whose entries carry an `id` that other entries may refer to, in the file's order.
ID_SECTIONS = ("education", "positions", "projects", "awards", "publications", "patents", "talks", "service")
# The date fields of each section's entries (positions keep theirs in periods).
_DATE_FIELDS = {"education": ("start", "end"), "projects": ("date",), "awards": ("date",),
                "publications": ("date",), "patents": ("date",), "talks": ("date",),
                "service": ("date", "start", "end")}


def dates(profile: Profile) -> Iterator[tuple[Path, PartialDate | DateValue]]:
    """(path, value) for every date of the profile, in file order within each section."""
    for section, names in _DATE_FIELDS.items():
        for index, entry in enumerate(getattr(profile, section)):
            for name in names:
                value = getattr(entry, name)
                if value is not None:
                    yield (section, index, name), value
    for index, position in enumerate(profile.positions):
        for number, period in enumerate(position.periods):
            for name in ("start", "end"):
                value = getattr(period, name)
                if value is not None:
                    yield ("positions", index, "periods", number, name), value


class Span(NamedTuple):
    """A start–end pair: a degree, one period of a position, or a service role."""

    path: Path  # of the entry (or the period), without the field name
    section: str
    name: str  # the entry's id; a service role without one goes by its role
    number: int | None  # the period's index within its position
    start: DateValue | None
    end: DateValue | None


def spans(profile: Profile) -> Iterator[Span]:
    """Every start–end pair of the profile, in file order within each section."""
    for index, degree in enumerate(profile.education):
        yield Span(("education", index), "education", degree.id, None, degree.start, degree.end)
    for index, position in enumerate(profile.positions):
        for number, period in enumerate(position.periods):
            yield Span(("positions", index, "periods", number), "positions", position.id, number, period.start,
                       period.end)
    for index, service in enumerate(profile.service):
        yield Span(("service", index), "service", service.id or service.role, None, service.start, service.end)


@memo_by_profile
def profile_strings(profile: Profile) -> tuple[tuple[Path, str], ...]:
    """strings(profile), walked once per profile: several rules read every string (2,000 papers: 57,000)."""
    return tuple(strings(profile))


def strings(value: Any, path: Path = ()) -> Iterator[tuple[Path, str]]:
    """(path, text) for every string below `value` (a Profile or any part of it), fields named as in the schema."""
    stack: list[tuple[Path, Any]] = [(path, value)]
    while stack:
        where, item = stack.pop()
        kind = type(item)
        if kind is str:
            yield where, item
        elif kind is tuple:
            stack.extend((where + (i,), v) for i, v in reversed(list(enumerate(item))))
        elif kind is dict:
            stack.extend((where + (k,), v) for k, v in reversed(list(item.items())))
        elif kind not in _SCALARS and dataclasses.is_dataclass(item):
            # A `todo` is private and never printed: no rule quotes it (a finding reaches CI annotations).
            stack.extend((where + (name,), getattr(item, name)) for name in reversed(_field_names(kind))
                         if name != "todo")


_SCALARS = (type(None), bool, int, float, PartialDate, DateValue)
_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    names = _NAMES.get(cls)
    if names is None:
        names = _NAMES[cls] = tuple(f.name for f in dataclasses.fields(cls))
    return names


def entries_with_ids(profile: Profile) -> Iterator[tuple[str, int, str]]:
    """(section, index, id) for every entry that has an id."""
    for section in ID_SECTIONS:
        for index, entry in enumerate(getattr(profile, section)):
            if getattr(entry, "id", None):
                yield section, index, entry.id
