"""Validated plain data → model.Profile. Runs only on data that passed the schema, so it trusts shapes."""

from __future__ import annotations

import dataclasses
import functools
from typing import Any, Callable, TypeVar

from profilebot.model.dates import DateValue, PartialDate
from profilebot.model.names import split_name
from profilebot.model.profile import (
    PRIVATE,
    Author,
    Award,
    ContactField,
    Origin,
    Education,
    Patent,
    Period,
    Person,
    Position,
    Profile,
    Project,
    Publication,
    Service,
    Talk,
    Venue,
)


@functools.cache
def _field_names(cls: type[Any]) -> frozenset[str]:
    # dataclasses.fields() rebuilds its tuple on every call; asked ~7 times per paper, it was half the build.
    return frozenset(f.name for f in dataclasses.fields(cls))


T = TypeVar("T")


def _make(cls: type[T], data: dict[str, Any], **convert: Callable[[Any], Any]) -> T:
    """Build `cls` from a mapping: converters for named fields, lists become tuples, the rest as written."""
    names = _field_names(cls)  # type: ignore[arg-type]  # typeshed: functools.cache's Hashable misses type[T]
    values = {}
    for key, value in data.items():
        if key not in names:
            continue
        if key in convert:
            value = convert[key](value)
        elif key == "note" and isinstance(value, dict):  # $defs/note: a private note never reaches the model
            value = value["value"] if value.get("visibility") != PRIVATE else None
        elif isinstance(value, list):
            value = tuple(value)
        values[key] = value
    return cls(**values)


def _text(value: Any) -> str:
    return str(value)


def _contact(value: Any) -> ContactField:
    return ContactField(value) if isinstance(value, str) else _make(ContactField, value)


def _author(value: Any) -> Author:
    if isinstance(value, str):  # most authors are written as plain names: skip the generic mapping walk
        return Author(value, *split_name(value))
    data = dict(value)
    given, family = split_name(data["name"])
    data.setdefault("given", given)
    data.setdefault("family", family)
    return _make(Author, data)


def _authors(values: list[Any]) -> tuple[Author, ...]:
    return tuple(_author(v) for v in values)


def _venue(value: Any) -> Venue:
    return Venue(value) if isinstance(value, str) else _make(Venue, value)


def _date(value: Any) -> PartialDate | None:
    return PartialDate.parse(value)


def _period(value: dict[str, Any]) -> Period:
    return _make(Period, value, start=DateValue.parse, end=DateValue.parse)


def person(data: dict[str, Any]) -> Person:
    return _make(Person, data, email=_contact, phone=_contact, profiles=dict)


def _origin(value: dict[str, Any]) -> Origin:
    return _make(Origin, value, fields=dict)


def publication(data: dict[str, Any]) -> Publication:
    return _make(Publication, data, authors=_authors, venue=_venue, date=_date, links=dict,
                 volume=_text, issue=_text, pages=_text, origin=_origin)


def talk(data: dict[str, Any]) -> Talk:
    return _make(Talk, data, date=_date, origin=_origin)


def patent(data: dict[str, Any]) -> Patent:
    return _make(Patent, data, inventors=_authors, date=_date)


_SECTIONS: dict[str, Callable[[dict[str, Any]], Any]] = {
    "education": lambda d: _make(Education, d, start=DateValue.parse, end=DateValue.parse),
    "positions": lambda d: _make(Position, d, periods=lambda ps: tuple(_period(p) for p in ps)),
    "projects": lambda d: _make(Project, d, date=DateValue.parse, links=dict),
    "awards": lambda d: _make(Award, d, date=_date),
    "publications": publication,
    "patents": patent,
    "talks": talk,
    "service": lambda d: _make(Service, d, date=DateValue.parse, start=DateValue.parse, end=DateValue.parse),
}


def profile_from(data: dict[str, Any]) -> Profile:
    """The typed profile of a document that passed the schema."""
    sections = {name: tuple(build(item) for item in data.get(name) or ()) for name, build in _SECTIONS.items()}
    return Profile(person=person(data["person"]), interests=tuple(data.get("interests") or ()), **sections)
