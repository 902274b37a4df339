"""Profile and its parts as frozen dataclasses; field names are the schema's property names.

The JSON Schema (schema/profile.schema.json) is the source of truth for the file's shape; these types are
what the rest of the code reads. tests/model/test_schema_agreement.py proves every schema property has a
field here and every field a property.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from profilebot.model.dates import DateValue, PartialDate
from profilebot.model.names import same_person, split_name

PUBLIC = "public"
PRIVATE = "private"


@dataclass(frozen=True)
class ContactField:
    value: str
    visibility: str = PUBLIC

    @property
    def public(self) -> bool:
        return self.visibility != PRIVATE


@dataclass(frozen=True)
class Person:
    name: str
    given_names: str | None = None
    family_name: str | None = None
    name_variants: tuple[str, ...] = ()
    headline: str | None = None
    location: str | None = None
    bio: str | None = None
    photo: str | None = None
    email: ContactField | None = None
    phone: ContactField | None = None
    website: str | None = None
    profiles: dict[str, str] = field(default_factory=dict)

    def name_parts(self) -> tuple[str, str]:
        given, family = split_name(self.name)
        return (self.given_names or given, self.family_name or family)

    def is_named(self, printed: str) -> bool:
        """Is `printed` (an author string) this person, by full name or one of the variants?"""
        candidate = split_name(printed)
        if same_person(candidate, self.name_parts()):
            return True
        return any(same_person(candidate, split_name(variant)) for variant in self.name_variants)

    def public_contacts(self) -> dict[str, str]:
        return {name: contact.value for name, contact in (("email", self.email), ("phone", self.phone))
                if contact is not None and contact.public}


@dataclass(frozen=True)
class Author:
    name: str
    given: str = ""
    family: str = ""
    equal_contribution: bool = False
    self: bool = False
    orcid: str | None = None

    def family_given(self) -> str:
        """'Huang, H.' — the form BibTeX, RIS and EndNote carry."""
        return f"{self.family}, {self.given}" if self.given else self.family


@dataclass(frozen=True)
class Venue:
    name: str
    short: str | None = None
    publisher: str | None = None
    location: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Period:
    start: DateValue
    end: DateValue | None = None
    mode: str | None = None

    @property
    def until(self) -> DateValue:
        """The end, where a position's period without one is still going on (printed "Present")."""
        return self.end if self.end is not None else DateValue(present=True)


@dataclass(frozen=True)
class Education:
    id: str
    degree: str
    institution: str
    field: str | None = None
    department: str | None = None
    location: str | None = None
    start: DateValue | None = None
    end: DateValue | None = None
    gpa: str | None = None
    thesis: str | None = None
    advisors: tuple[str, ...] = ()
    note: str | None = None
    todo: str | None = None  # private: never printed (schema: todo)


@dataclass(frozen=True)
class Position:
    id: str
    kind: str
    title: str
    organization: str
    periods: tuple[Period, ...]
    unit: str | None = None
    location: str | None = None
    remote: bool = False
    supervisors: tuple[str, ...] = ()
    projects: tuple[str, ...] = ()
    highlights: tuple[str, ...] = ()
    note: str | None = None
    todo: str | None = None  # private: never printed (schema: todo)

    @property
    def start(self) -> DateValue:
        return self.periods[0].start

    @property
    def end(self) -> DateValue | None:
        return self.periods[-1].end

    @property
    def known_location(self) -> str | None:
        """The location, or None where the CV writes `unknown` (kept in the file so the gap is deliberate)."""
        return self.location if self.location and self.location != "unknown" else None


@dataclass(frozen=True)
class Project:
    id: str
    name: str
    position: str | None = None
    publication: str | None = None
    related_publications: tuple[str, ...] = ()
    role: str | None = None
    date: DateValue | None = None
    url: str | None = None
    links: dict[str, str] = field(default_factory=dict)
    highlights: tuple[str, ...] = ()
    note: str | None = None


@dataclass(frozen=True)
class Award:
    id: str
    title: str
    date: PartialDate | None = None
    awarder: str | None = None
    publication: str | None = None
    url: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Origin:
    """Where an entry lives on the person's own site (schema: origin), written by import.

    The site adapter named by `template` edits the entry there in place: `path` is its file, `key` its own
    key where that is not a valid id, `entry_type` the source's own type (BibTeX `@articlebold`), `fields` the
    source's keys the profile has no field for (written back in their order) and `body` the page body, used
    only when the page has to be made anew.
    No other output reads it.
    """

    template: str
    path: str | None = None
    key: str | None = None  # the source's own key (BibTeX) where it is not a valid id
    entry_type: str | None = None
    fields: dict[str, Any] = field(default_factory=dict)
    body: str | None = None

    def of(self, template: str) -> bool:
        return self.template == template


@dataclass(frozen=True)
class Publication:
    id: str
    type: str
    status: str
    title: str
    authors: tuple[Author, ...]
    venue: Venue | None = None
    date: PartialDate | None = None
    workshop: bool = False
    more_authors: bool = False  # the list is truncated: more authors than listed ('and others')
    doi: str | None = None
    arxiv: str | None = None
    isbn: str | None = None
    issn: str | None = None
    pmid: str | None = None
    url: str | None = None
    pages: str | None = None
    volume: str | None = None
    issue: str | None = None
    publisher: str | None = None
    note: str | None = None
    todo: str | None = None  # private: never printed (schema: todo)
    abstract: str | None = None
    keywords: tuple[str, ...] = ()
    links: dict[str, str] = field(default_factory=dict)
    selected: bool = False
    on_orcid: bool | None = None
    preprint_of: str | None = None
    # How the site shows the work (al-folio's bibtex_show, preview, badges) and its earlier page addresses.
    bibtex_show: bool | None = None
    preview: str | None = None
    altmetric: bool | str | None = None
    dimensions: bool | str | None = None
    google_scholar_id: str | None = None
    redirect_from: tuple[str, ...] = ()
    origin: Origin | None = None  # where the person's own site keeps it (import writes it)

    @property
    def year(self) -> int | None:
        return self.date.year if self.date else None

    @property
    def is_published(self) -> bool:
        return self.status in ("published", "accepted")

    @property
    def belongs_on_orcid(self) -> bool:
        """Published and accepted works go to ORCID; others only when the profile says so."""
        return self.on_orcid if self.on_orcid is not None else self.is_published


@dataclass(frozen=True)
class Patent:
    id: str
    title: str
    inventors: tuple[Author, ...]
    number: str
    status: str | None = None
    date: PartialDate | None = None
    assignee: str | None = None
    url: str | None = None
    note: str | None = None
    todo: str | None = None  # private: never printed (schema: todo)

    @property
    def year(self) -> int | None:
        return self.date.year if self.date else None


@dataclass(frozen=True)
class Talk:
    id: str
    title: str
    event: str
    type: str | None = None
    date: PartialDate | None = None
    location: str | None = None
    url: str | None = None
    slides: str | None = None
    note: str | None = None
    todo: str | None = None  # private: never printed (schema: todo)
    redirect_from: tuple[str, ...] = ()
    origin: Origin | None = None  # where the person's own site keeps it (import writes it)


@dataclass(frozen=True)
class Service:
    role: str
    organization: str
    id: str | None = None
    date: DateValue | None = None
    start: DateValue | None = None
    end: DateValue | None = None
    note: str | None = None


@dataclass(frozen=True)
class Profile:
    person: Person
    interests: tuple[str, ...] = ()
    education: tuple[Education, ...] = ()
    positions: tuple[Position, ...] = ()
    projects: tuple[Project, ...] = ()
    awards: tuple[Award, ...] = ()
    publications: tuple[Publication, ...] = ()
    patents: tuple[Patent, ...] = ()
    talks: tuple[Talk, ...] = ()
    service: tuple[Service, ...] = ()

    def publication(self, publication_id: str) -> Publication | None:
        return next((p for p in self.publications if p.id == publication_id), None)

    def awards_for(self, publication_id: str) -> tuple[Award, ...]:
        return tuple(a for a in self.awards if a.publication == publication_id)

    def projects_of(self, position: Position) -> tuple[Project, ...]:
        """Projects done in `position`, linked from either side (its `projects` or their `position`)."""
        return tuple(p for p in self.projects if p.id in position.projects or p.position == position.id)
