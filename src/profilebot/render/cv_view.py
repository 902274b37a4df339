"""The CV as one pure view: a header and sections of entries (title, where, when, details, links).

Every CV-shaped output is a serializer of this view — cv.md, the static site's CV page, al-folio's
`_data/cv.yml`, JSON Resume's work/education/awards and the Typst PDF — so what a CV says (which
projects belong to a position, how a period prints, what a detail is called) is decided here once.
Text is kept as written (each serializer escapes for its own syntax); links are already safe to print
(http(s), mailto or site-relative); BibTeX-style dashes typed in imported text ("--") are typographic.
"""

from __future__ import annotations

import re

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any


from profilebot.model import networks
from profilebot.model.dates import DateValue, PartialDate, span
from profilebot.model.profile import Author, Education, Position, Profile, Project
from profilebot.render import citations
from profilebot.render.citations import Work
from profilebot.render.site import papers
from profilebot.render.site.papers import Link  # one link type for pages and CVs
from profilebot.render.site.safety import known, safe_url

# Section keys in the CV's default order; `cv: sections:` in profilebot.yaml picks and orders them.
SECTIONS = ("interests", "education", "experience", "teaching", "projects", "publications", "patents", "awards",
            "talks", "service")
TITLES = {"interests": "Research Interests", "education": "Education", "experience": "Experience",
          "teaching": "Teaching", "projects": "Projects", "publications": "Publications", "patents": "Patents",
          "awards": "Awards", "talks": "Talks", "service": "Service"}
# How the publications are grouped (profilebot.yaml's `cv: publications: group_by:`), the same in every CV
# output and on the static site's publications page; each group newest first.
GROUP_BY = ("kind", "status", "year", "none")
# The kinds in their default order, with their default titles. A work's kind is its citation kind
# (citations.kind_of: the status first, so a journal article under review is work under review).
KIND_TITLES = {"journal": "Journal Articles", "conference": "Conference Papers", "workshop": "Workshop Papers",
               "book": "Books", "chapter": "Book Chapters", "preprint": "Preprints and Work under Review",
               "thesis": "Theses", "report": "Reports", "patent": "Patents", "other": "Other Publications"}
STATUS_TITLES = {"published": "Published", "accepted": "Accepted", "under-review": "Under Review",
                 "in-preparation": "In Preparation", "preprint": "Preprints"}
_KIND_GROUP = {citations.ARTICLE: "journal", citations.CONFERENCE: "conference", citations.BOOK: "book",
               citations.CHAPTER: "chapter", citations.PREPRINT: "preprint", citations.UNPUBLISHED: "preprint",
               citations.THESIS: "thesis", citations.REPORT: "report", citations.PATENT: "patent",
               citations.OTHER: "other"}
# group_by: year puts work without a publication date yet above the years, and undated work last.
PENDING_STATUSES = ("under-review", "in-preparation")
UNDATED = "Year Unknown"


@dataclass(frozen=True)
class Grouping:
    """`cv: publications:` — how publications are grouped, in which order, under which titles.

    `order` names kinds (group_by: kind) or statuses (group_by: status); groups it leaves out follow in the
    default order, so no work is ever dropped (`cv: include:` is what leaves works out). `titles` renames
    groups by kind or status key. Hashable: the CV view remembers its sections per grouping."""

    by: str = "kind"
    order: tuple[str, ...] = ()
    titles: tuple[tuple[str, str], ...] = ()

    @classmethod
    def from_mapping(cls, publications: Mapping[str, Any] | None) -> Grouping:
        """profilebot.yaml's `cv: publications:`, already checked against its schema (config.py): an order of
        statuses with group_by: status, of kinds otherwise, is an error there with its line and column."""
        section = publications or {}
        by = str(section.get("group_by") or "kind")
        order = tuple(str(key) for key in section.get("order") or ())
        titles = tuple(sorted((str(k), str(v)) for k, v in (section.get("titles") or {}).items()))
        return cls(by, order, titles)

    def keys(self) -> tuple[str, ...]:
        """The group keys in print order: `order` first, then the rest in the default order."""
        defaults = tuple(STATUS_TITLES if self.by == "status" else KIND_TITLES)
        return self.order + tuple(key for key in defaults if key not in self.order)

    def title(self, key: str) -> str:
        defaults = KIND_TITLES if self.by == "kind" else STATUS_TITLES  # year: the pending statuses' groups
        return dict(self.titles).get(key) or defaults.get(key) or key


@dataclass(frozen=True)
class Name:
    """An author as printed; `owner` marks the CV's owner (bold), `equal` a co-first author (`*`)."""

    text: str
    owner: bool = False
    equal: bool = False


@dataclass(frozen=True)
class Detail:
    """One labelled line under an entry ("GPA: 4.00/4.00", "Advisors: A, B"); a note has no label."""

    label: str | None
    values: tuple[str, ...]

    @property
    def text(self) -> str:
        return ", ".join(self.values)

    def __str__(self) -> str:
        return f"{self.label}: {self.text}" if self.label else self.text


@dataclass(frozen=True)
class Span:
    """One dated stretch as printed ("Jun 2022 – Sep 2022") and its mode ("full-time"), if any."""

    text: str
    mode: str | None = None

    def __str__(self) -> str:
        return f"{self.text} ({self.mode})" if self.mode else self.text


@dataclass(frozen=True)
class Entry:
    """One CV line item. Works fill `authors`/`venue`; positions fill `children` with their projects."""

    title: str
    id: str | None = None
    where: tuple[str, ...] = ()        # organization first, then its unit or department
    place: str | None = None           # a known location
    remote: bool = False
    when: tuple[Span, ...] = ()
    role: str | None = None
    details: tuple[Detail, ...] = ()
    highlights: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()
    authors: tuple[Name, ...] = ()
    more_authors: bool = False         # the list is truncated: printed as ", et al." (citations.ET_AL)
    venue: str | None = None
    venue_short: str | None = None
    year: int | None = None
    paper: str | None = None           # the title of the paper this award or project is about
    paper_id: str | None = None
    children: tuple[Entry, ...] = ()
    start: PartialDate | None = None   # machine dates, for formats that want ISO dates
    end: PartialDate | None = None
    ongoing: bool = False
    tags: frozenset[str] = frozenset()

    @property
    def when_text(self) -> str:
        return "; ".join(str(s) for s in self.when)


@dataclass(frozen=True)
class Group:
    title: str | None
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    groups: tuple[Group, ...]
    equal_contribution: bool = False   # some entry marks co-first authors: print the footnote

    @property
    def entries(self) -> tuple[Entry, ...]:
        return tuple(e for g in self.groups for e in g.entries)


@dataclass(frozen=True)
class Contact:
    kind: str                          # email, phone, website or a network key (github, orcid, …)
    label: str
    text: str
    url: str | None = None


@dataclass(frozen=True)
class Header:
    name: str
    headline: str | None = None
    contacts: tuple[Contact, ...] = ()
    location: str | None = None
    bio: str | None = None


@dataclass(frozen=True)
class CV:
    header: Header
    sections: tuple[Section, ...] = field(default=())

    def section(self, key: str) -> Section | None:
        return next((s for s in self.sections if s.key == key), None)


def build(profile: Profile, sections: Iterable[str] = SECTIONS, include: Iterable[str] = (),
          include_private: bool = False, grouping: Grouping = Grouping()) -> CV:
    """The CV of `profile`: the sections named (in that order) that have entries.

    `include` selects entries by tag: with tags given, works, positions and talks appear only when they
    carry one of them ("selected" for `selected: true` papers, a keyword, a position's kind such as
    "industry", a talk's type, "patent"); education, awards, interests and service are never filtered.
    `include_private` adds private contact values: only for a CV the owner keeps to themselves.
    `grouping`: how the publications are grouped (`cv: publications:`).
    """
    tags = frozenset(include)
    built = (_built_section(profile, key, tags, grouping if key == "publications" else None) for key in sections)
    return CV(header(profile, include_private), tuple(s for s in built if s is not None and s.groups))


@citations.memo_by_profile
def _built_section(profile: Profile, key: str, tags: frozenset[str], grouping: Grouping | None) -> Section | None:
    """One section, made once per profile and tags: cv.md, the PDF, the site's CV page and JSON Resume share it."""
    if grouping is not None:
        return publications(profile, tags, grouping)
    return _SECTION_BUILDERS[key](profile, tags)


def dashes(text: str) -> str:
    """BibTeX's typed dashes as the characters they stand for: "---" → em dash, "--" → en dash."""
    return text.replace("---", "\u2014").replace("--", "\u2013") if "--" in text else text


def author_name(author: Author) -> str:
    """An author's name as a CV prints it (the one place to change the printed form)."""
    return author.name


def header(profile: Profile, include_private: bool = False) -> Header:
    person = profile.person
    values = person.public_contacts() if not include_private else \
        {kind: c.value for kind, c in (("email", person.email), ("phone", person.phone)) if c is not None}
    contacts = [Contact(kind, kind.capitalize(), value, f"mailto:{value}" if kind == "email" else None)
                for kind, value in sorted(values.items())]
    if person.website:
        contacts.append(Contact("website", "Website", person.website, safe_url(person.website)))
    for key, handle in sorted(person.profiles.items()):
        contacts.append(Contact(key, networks.label(key), handle, safe_url(networks.url(key, handle))))
    return Header(person.name, person.headline, tuple(contacts), known(person.location), person.bio)


def _section(key: str, entries: Iterable[Entry], title: str | None = None) -> Section:
    items = tuple(entries)
    return Section(key, TITLES[key], (Group(title, items),) if items else ())


def interests(profile: Profile, tags: frozenset[str]) -> Section:
    return _section("interests", (Entry(i) for i in profile.interests))


def education_entry(e: Education) -> Entry:
    details = [Detail("GPA", (e.gpa,)) if e.gpa else None, Detail("Thesis", (dashes(e.thesis),)) if e.thesis else None,
               Detail("Advisors", e.advisors) if e.advisors else None, Detail(None, (e.note,)) if e.note else None]
    title = f"{e.degree} in {e.field}" if e.field else e.degree
    return Entry(title, e.id, tuple(x for x in (e.institution, e.department) if x), known(e.location),
                 when=_spans([(e.start, e.end, None)]), details=tuple(d for d in details if d),
                 start=_date(e.start), end=_date(e.end), ongoing=bool(e.end and e.end.present))


def education(profile: Profile, tags: frozenset[str]) -> Section:
    return _section("education", (education_entry(e) for e in profile.education))


def _spans(periods: Iterable[tuple[DateValue | None, DateValue | None, str | None]]) -> tuple[Span, ...]:
    return tuple(Span(text, mode) for start, end, mode in periods if (text := span(start, end)))


def _date(value: DateValue | None) -> PartialDate | None:
    return value.date if value is not None else None


def project_entry(project: Project, profile: Profile) -> Entry:
    paper = profile.publication(project.publication) if project.publication else None
    url = safe_url(project.url)
    return Entry(dashes(project.name), project.id, role=project.role,
                 when=_spans([(project.date, None, None)]) if project.date else (),
                 highlights=project.highlights, links=(Link("Project", url),) if url else (),
                 paper=dashes(paper.title) if paper else None, paper_id=paper.id if paper else None,
                 details=(Detail(None, (project.note,)),) if project.note else (), start=_date(project.date))


def position_entry(position: Position, profile: Profile) -> Entry:
    details = [Detail("Supervisors", position.supervisors) if position.supervisors else None,
               Detail(None, (position.note,)) if position.note else None]
    return Entry(position.title, position.id, tuple(x for x in (position.organization, position.unit) if x),
                 position.known_location, position.remote,
                 when=_spans((p.start, p.until, p.mode) for p in position.periods),
                 details=tuple(d for d in details if d), highlights=position.highlights,
                 children=tuple(project_entry(p, profile) for p in profile.projects_of(position)),
                 start=_date(position.start), end=_date(position.end),
                 ongoing=position.end is None or position.end.present, tags=frozenset({position.kind}))


def _positions(profile: Profile, tags: frozenset[str], teaching: bool) -> list[Entry]:
    chosen = [p for p in profile.positions if (p.kind == "teaching") == teaching]
    return _selected([position_entry(p, profile) for p in chosen], tags)


def experience(profile: Profile, tags: frozenset[str]) -> Section:
    return _section("experience", _positions(profile, tags, teaching=False))


def teaching(profile: Profile, tags: frozenset[str]) -> Section:
    return _section("teaching", _positions(profile, tags, teaching=True))


def projects(profile: Profile, tags: frozenset[str]) -> Section:
    """Projects done outside any position (the others are listed under their position)."""
    placed = {pr.id for position in profile.positions for pr in profile.projects_of(position)}
    return _section("projects", (project_entry(p, profile) for p in profile.projects if p.id not in placed))


def _selected(entries: list[Entry], tags: frozenset[str]) -> list[Entry]:
    return [e for e in entries if not tags or e.tags & tags]


def short_venue(name: str, short: str | None) -> str | None:
    """The short venue to print in parentheses after the name, unless the name already ends a parenthesis with
    it: "… (LREC-COLING 2024)" with short "LREC-COLING" would print "(LREC-COLING 2024) (LREC-COLING)". A name
    that merely holds the word ("ACM SIGMOD International Conference…") still gets "(SIGMOD)"."""
    if not short or re.search(rf"\(\s*{re.escape(short.strip())}(?!\w)[^)]*\)", name, re.IGNORECASE):
        return None
    return short


def work_entry(work: Work, profile: Profile) -> Entry:
    person = profile.person
    names = tuple(Name(author_name(a), papers.is_owner(person, a), a.equal_contribution) for a in work.authors)
    pub = work.publication
    venue = pub.venue if pub is not None else None
    details = [Detail(None, (dashes(n),)) for n in citations.notes(work, profile)]
    details += [Detail(label, (value,)) for label, value in (("DOI", work.doi), ("arXiv", work.arxiv)) if value]
    if work.url:
        details.append(Detail(None, (work.url,)))
    links = papers.paper_links(pub, person.website) if pub is not None else \
        [Link("Patent", url)] if (url := safe_url(work.url)) else []
    return Entry(dashes(work.title), work.item.id, authors=names, more_authors=work.more_authors,
                 venue=dashes(venue.name) if venue else None,
                 venue_short=short_venue(venue.name, venue.short) if venue else None, year=work.date.year if work.date else None,
                 when=(Span(work.date.human()),) if work.date else (), details=tuple(details),
                 links=tuple(links), start=work.date, tags=work_tags(work))


def work_tags(work: Work) -> frozenset[str]:
    """What `cv: include:` selects a work by: its status, type and keywords, "selected", or "patent"."""
    pub = work.publication
    if pub is None:
        return frozenset({"patent"})
    return frozenset({pub.status, pub.type, *pub.keywords} | ({"selected"} if pub.selected else set()))


def _newest_first(works: list[Work]) -> list[Work]:
    # Stable: works with the same (partial) date keep the profile's order, which the author chose.
    return sorted(works, key=lambda w: w.date.first_day() if w.date else (0, 0, 0), reverse=True)


def group_key(work: Work, by: str) -> str:
    """The group a publication goes to: its kind (a workshop paper apart from the main conference's), its
    status, its year (work not yet published and undated work apart), or one group for all."""
    pub = work.publication
    assert pub is not None
    if by == "kind":
        kind = _KIND_GROUP.get(work.kind, "other")
        return "workshop" if kind == "conference" and pub.workshop else kind
    if by == "status":
        return pub.status
    if by == "year":
        if pub.status in PENDING_STATUSES:
            return pub.status
        return str(pub.year) if pub.year is not None else UNDATED
    return ""


@citations.memo_by_profile
def publication_groups(profile: Profile, grouping: Grouping = Grouping()) -> tuple[tuple[str | None, tuple[Work, ...]], ...]:
    """The publications in their groups, each newest first: (title, works); one pass over the works.

    THE grouping: every CV output and the static site's publications page take these groups. With
    group_by: none there is one group without a title."""
    buckets: dict[str, list[Work]] = {}
    for work in _newest_first(citations.works(profile)):
        if work.publication is not None:
            buckets.setdefault(group_key(work, grouping.by), []).append(work)
    if grouping.by == "none":
        return ((None, tuple(buckets.get("", ()))),) if buckets else ()
    if grouping.by == "year":
        years = sorted((k for k in buckets if k.isdigit()), key=int, reverse=True)
        keys = [*PENDING_STATUSES, *years, UNDATED]
        return tuple((grouping.title(k) if k in STATUS_TITLES else k, tuple(buckets[k])) for k in keys if k in buckets)
    return tuple((grouping.title(key), tuple(buckets[key])) for key in grouping.keys() if key in buckets)


def publications(profile: Profile, tags: frozenset[str], grouping: Grouping = Grouping()) -> Section:
    groups = []
    for title, works in publication_groups(profile, grouping):
        entries = tuple(work_entry(w, profile) for w in works if not tags or work_tags(w) & tags)
        if entries:
            groups.append(Group(title, entries))
    return Section("publications", TITLES["publications"], tuple(groups),
                   any(n.equal for g in groups for e in g.entries for n in e.authors))


def patents(profile: Profile, tags: frozenset[str]) -> Section:
    works = [w for w in _newest_first(citations.works(profile)) if w.patent is not None]
    section = _section("patents", _selected([work_entry(w, profile) for w in works], tags))
    return Section(section.key, section.title, section.groups, any(n.equal for e in section.entries for n in e.authors))


def awards(profile: Profile, tags: frozenset[str]) -> Section:
    entries = []
    for award in profile.awards:
        paper = profile.publication(award.publication) if award.publication else None
        url = safe_url(award.url)
        entries.append(Entry(award.title, award.id, (award.awarder,) if award.awarder else (),
                             when=(Span(award.date.human()),) if award.date else (),
                             details=(Detail(None, (award.note,)),) if award.note else (),
                             links=(Link("Award", url),) if url else (),
                             paper=dashes(paper.title) if paper else None, paper_id=paper.id if paper else None,
                             start=award.date))
    return _section("awards", entries)


def talks(profile: Profile, tags: frozenset[str]) -> Section:
    entries = []
    for talk in profile.talks:
        links = [Link(label, url) for label, value in (("Talk", talk.url), ("Slides", talk.slides))
                 if (url := safe_url(value))]
        entries.append(Entry(dashes(talk.title), talk.id, (talk.event,), known(talk.location),
                             when=(Span(talk.date.human()),) if talk.date else (), links=tuple(links),
                             details=(Detail(None, (talk.note,)),) if talk.note else (), start=talk.date,
                             tags=frozenset({talk.type} if talk.type else ())))
    return _section("talks", _selected(entries, tags))


def service(profile: Profile, tags: frozenset[str]) -> Section:
    entries = [Entry(s.role, s.id, (s.organization,),
                     when=_spans([(s.date, None, None)] if s.date else [(s.start, s.end, None)]),
                     details=(Detail(None, (s.note,)),) if s.note else (),
                     start=_date(s.date or s.start), end=_date(s.end))
               for s in profile.service]
    return _section("service", entries)


_SECTION_BUILDERS = {"interests": interests, "education": education, "experience": experience,
                     "teaching": teaching, "projects": projects, "publications": publications,
                     "patents": patents, "awards": awards, "talks": talks, "service": service}
