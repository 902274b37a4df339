"""cv.md: the whole CV as Markdown, public fields only, the owner in bold in every author list.

Sections in CV order: name and headline, contact (public fields only: a private e-mail or phone never
appears), research interests, education, experience (each position with its periods and modes,
location, supervisors, and its projects with their highlights), publications (published and accepted
first, then under review, in preparation and preprints), patents, awards (with the paper an award was
given to), talks, service. Co-first authors carry `*` and a footnote under the section. Every piece of
profile text goes through escaping.markdown_text, so it renders literally.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from profilebot.model import networks
from profilebot.model.dates import DateValue
from profilebot.model.profile import Author, Person, Profile
from profilebot.render import citations
from profilebot.render.citations import Work
from profilebot.render.escaping import markdown_text as md

NAME = "cv_markdown"
DEFAULT_PATH = "cv.md"
MEDIA_TYPE = "text/markdown"
WORKS = "all"  # which works the file carries: every publication and patent

EQUAL_CONTRIBUTION_NOTE = "\\* Equal contribution."
_PENDING_GROUPS = (("accepted", "Accepted"), ("under-review", "Under Review"),
                   ("in-preparation", "In Preparation"), ("preprint", "Preprints"))


def render(profile: Profile) -> str:
    sections = [header(profile), interests(profile), education(profile), experience(profile),
                publications(profile), patents(profile), awards(profile), talks(profile), service(profile)]
    return "\n\n".join(s for s in sections if s) + "\n"


def _span(start: DateValue | None, end: DateValue | None) -> str:
    left = start.human() if start is not None else ""
    right = end.human() if end is not None else ""
    return f"{left} – {right}" if left and right else left or right


def _join(parts: Iterable[str | None], sep: str = ", ") -> str:
    return sep.join(p for p in parts if p)


def header(profile: Profile) -> str:
    person = profile.person
    lines = [f"# {md(person.name)}"]
    if person.headline:
        lines += ["", md(person.headline)]
    contact = [f"- {label.capitalize()}: {md(value)}" for label, value in sorted(person.public_contacts().items())]
    if person.website:
        contact.append(f"- Website: {md(person.website)}")
    for key, handle in sorted(person.profiles.items()):
        url = networks.url(key, handle)
        contact.append(f"- {md(networks.label(key))}: " + (f"[{md(handle)}]({url})" if url else md(handle)))
    if person.location:
        contact.append(f"- Location: {md(person.location)}")
    if contact:
        lines += ["", *contact]
    if person.bio:
        lines += ["", md(person.bio)]
    return "\n".join(lines)


def interests(profile: Profile) -> str:
    if not profile.interests:
        return ""
    return "## Research Interests\n\n" + "\n".join(f"- {md(i)}" for i in profile.interests)


def education(profile: Profile) -> str:
    if not profile.education:
        return ""
    lines = ["## Education", ""]
    for e in profile.education:
        degree = _join([md(e.degree), md(e.field) if e.field else None], " in ")
        lines.append(f"- **{degree}**, {_join([md(e.institution), md(e.department) if e.department else None])}"
                     + (f", {md(e.location)}" if e.location else "") + f". {md(_span(e.start, e.end))}")
        details = [f"GPA: {md(e.gpa)}" if e.gpa else None, f"Thesis: {md(e.thesis)}" if e.thesis else None,
                   "Advisors: " + ", ".join(md(a) for a in e.advisors) if e.advisors else None,
                   md(e.note) if e.note else None]
        lines += [f"  - {d}" for d in details if d]
    return "\n".join(lines)


def experience(profile: Profile) -> str:
    if not profile.positions:
        return ""
    lines = ["## Experience"]
    for position in profile.positions:
        lines += ["", f"### {md(position.title)}, {md(position.organization)}", ""]
        place = position.known_location
        where = _join([md(position.unit) if position.unit else None, md(place) if place else None,
                       "remote" if position.remote else None])
        if where:
            lines.append(f"- {where}")
        for period in position.periods:
            lines.append(f"- {md(_span(period.start, period.end or DateValue(present=True)))}"
                         + (f" ({md(period.mode)})" if period.mode else ""))
        if position.supervisors:
            lines.append("- Supervisors: " + ", ".join(md(s) for s in position.supervisors))
        if position.note:
            lines.append(f"- {md(position.note)}")
        for project in profile.projects_of(position):
            lines.append(f"- **{md(project.name)}**" + (f" ({md(project.role)})" if project.role else ""))
            lines += [f"  - {md(h)}" for h in project.highlights]
    return "\n".join(lines)


@functools.lru_cache(maxsize=4096)
def _names_owner(person: tuple[str, str | None, str | None, tuple[str, ...]], printed: str) -> bool:
    # Cached: a CV prints the same few co-author names thousands of times.
    name, given, family, variants = person
    return Person(name=name, given_names=given, family_name=family, name_variants=variants).is_named(printed)


def author_list(authors: Iterable[Author], profile: Profile) -> str:
    """Names as printed, the owner's in bold, co-first authors with `*`."""
    p = profile.person
    key = (p.name, p.given_names, p.family_name, tuple(p.name_variants))
    names = []
    for author in authors:
        name = md(author.name)
        if author.self or _names_owner(key, author.name):
            name = f"**{name}**"
        names.append(name + ("\\*" if author.equal_contribution else ""))
    return ", ".join(names)


def citation(work: Work, profile: Profile) -> str:
    venue = work.publication.venue if work.publication else None
    where = _join([md(venue.name) if venue else None, f"({md(venue.short)})" if venue and venue.short else None],
                  " ")
    parts = [author_list(work.authors, profile), f"“{md(work.title)}”", where or None,
             str(work.date.year) if work.date else None]
    extras = [md(n) for n in citations.notes(work, profile)]
    if work.doi:
        extras.append(f"DOI: {md(work.doi)}")
    if work.arxiv:
        extras.append(f"arXiv: {md(work.arxiv)}")
    if work.url:
        extras.append(md(work.url))
    return _join(parts) + "." + "".join(f" {e}." for e in extras)


def _numbered(items: list[Work], profile: Profile) -> list[str]:
    return [f"{i}. {citation(w, profile)}" for i, w in enumerate(items, 1)]


def publications(profile: Profile) -> str:
    papers = [w for w in citations.works(profile) if w.publication is not None]
    if not papers:
        return ""
    lines = ["## Publications"]
    groups = [("Published", [w for w in papers if w.publication.status == "published"])]  # type: ignore[union-attr]
    groups += [(title, [w for w in papers if w.publication.status == status])  # type: ignore[union-attr]
               for status, title in _PENDING_GROUPS]
    for title, items in groups:
        if items:
            lines += ["", f"### {title}", "", *_numbered(items, profile)]
    if any(a.equal_contribution for w in papers for a in w.authors):
        lines += ["", EQUAL_CONTRIBUTION_NOTE]
    return "\n".join(lines)


def patents(profile: Profile) -> str:
    items = [w for w in citations.works(profile) if w.patent is not None]
    if not items:
        return ""
    lines = ["## Patents", "", *_numbered(items, profile)]
    if any(a.equal_contribution for w in items for a in w.authors):
        lines += ["", EQUAL_CONTRIBUTION_NOTE]
    return "\n".join(lines)


def awards(profile: Profile) -> str:
    if not profile.awards:
        return ""
    lines = ["## Awards", ""]
    for award in profile.awards:
        paper = profile.publication(award.publication) if award.publication else None
        parts = [f"**{md(award.title)}**", md(award.awarder) if award.awarder else None,
                 award.date.human() if award.date else None]
        line = f"- {_join(parts)}"
        if paper is not None:
            line += f", for “{md(paper.title)}”"
        if award.note:
            line += f" ({md(award.note)})"
        lines.append(line)
    return "\n".join(lines)


def talks(profile: Profile) -> str:
    if not profile.talks:
        return ""
    lines = ["## Talks", ""]
    for talk in profile.talks:
        parts = [f"“{md(talk.title)}”", md(talk.event), md(talk.location) if talk.location else None,
                 talk.date.human() if talk.date else None]
        lines.append(f"- {_join(parts)}")
    return "\n".join(lines)


def service(profile: Profile) -> str:
    if not profile.service:
        return ""
    lines = ["## Service", ""]
    for entry in profile.service:
        when = entry.date.human() if entry.date else _span(entry.start, entry.end)
        lines.append(f"- {_join([md(entry.role), md(entry.organization), md(when) if when else None])}"
                     + (f" ({md(entry.note)})" if entry.note else ""))
    return "\n".join(lines)
