"""Shared walks over a Profile for the lint rules: every leaf value with its JSON path, and the id index.

Not a rule (it has no CODE): rules that look at every string, date or URL of a profile use these so
that each walks the profile once, in O(size of the profile).
"""

from __future__ import annotations

import dataclasses
from typing import Any, Iterator

from profilebot.model.profile import Profile
from profilebot.validate.findings import Path

# Sections whose entries carry an `id` that other entries may refer to, in the file's order.
ID_SECTIONS = ("education", "positions", "projects", "awards", "publications", "patents", "talks", "service")


def leaves(value: Any, path: Path = ()) -> Iterator[tuple[Path, Any]]:
    """(path, value) for every non-container value below `value`, dataclass fields named as in the schema.

    Dates (PartialDate, DateValue) are leaves too. Iterative, so a large profile costs no recursion.
    """
    stack: list[tuple[Path, Any]] = [(path, value)]
    while stack:
        where, item = stack.pop()
        if isinstance(item, tuple):
            stack.extend((where + (i,), v) for i, v in reversed(list(enumerate(item))))
        elif isinstance(item, dict):
            stack.extend((where + (k,), v) for k, v in reversed(list(item.items())))
        elif dataclasses.is_dataclass(item) and not _is_date(item):
            stack.extend((where + (f.name,), getattr(item, f.name)) for f in reversed(_fields(type(item))))
        elif item is not None:
            yield where, item


def strings(profile: Profile) -> Iterator[tuple[Path, str]]:
    for path, value in leaves(profile):
        if isinstance(value, str):
            yield path, value


def _is_date(item: Any) -> bool:
    return type(item).__name__ in ("PartialDate", "DateValue")


_FIELDS_CACHE: dict[type, tuple[dataclasses.Field, ...]] = {}


def _fields(cls: type) -> tuple[dataclasses.Field, ...]:
    found = _FIELDS_CACHE.get(cls)
    if found is None:
        found = _FIELDS_CACHE[cls] = dataclasses.fields(cls)
    return found


def entries_with_ids(profile: Profile) -> Iterator[tuple[str, int, str]]:
    """(section, index, id) for every entry that has an id."""
    for section in ID_SECTIONS:
        for index, entry in enumerate(getattr(profile, section)):
            if getattr(entry, "id", None):
                yield section, index, entry.id
