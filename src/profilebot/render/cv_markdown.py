"""cv.md: the CV view (render/cv_view.py) as Markdown, the owner in bold in every author list.

Sections in the view's order: name and headline, contact (public fields only: a private e-mail or phone
never appears), research interests, education, experience (each position with its periods and modes,
location, supervisors, and its projects with their highlights), publications in the view's groups (by
kind unless `cv: publications:` says otherwise), each newest first, patents, awards (with the paper an
award was given to), talks, service. Co-first authors carry `*` and a footnote under the section. Every
piece of profile text goes through escaping.markdown_text, so it renders literally.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from profilebot.model.profile import Profile
from profilebot.render import citations, cv_view
from profilebot.render.cv_view import CV, Detail, Entry, Header, Section
from profilebot.render.escaping import markdown_text as md

NAME = "cv_markdown"
DEFAULT_PATH = "cv.md"
MEDIA_TYPE = "text/markdown"
WORKS = "all"  # which works the file carries: every publication and patent
CV_VIEW = True  # a serializer of the CV view: render takes the publications' grouping (artifact.Exporter)

EQUAL_CONTRIBUTION_NOTE = "\\* Equal contribution."


def render(profile: Profile, grouping: cv_view.Grouping = cv_view.Grouping()) -> str:
    """cv.md; `grouping`: profilebot.yaml's `cv: publications:` (outputs.render_exports passes it)."""
    return serialize(cv_view.build(profile, grouping=grouping))


def serialize(cv: CV) -> str:
    blocks = [header(cv.header)] + [_WRITERS[s.key](s) for s in cv.sections]
    return "\n\n".join(b for b in blocks if b) + "\n"


def _join(parts: Iterable[str | None], sep: str = ", ") -> str:
    return sep.join(p for p in parts if p)


def _detail(detail: Detail) -> str:
    text = ", ".join(md(v) for v in detail.values)
    return f"{md(detail.label)}: {text}" if detail.label else text


def header(head: Header) -> str:
    lines = [f"# {md(head.name)}"]
    if head.headline:
        lines += ["", md(head.headline)]
    contact = []
    for c in head.contacts:
        linked = c.kind not in ("email", "phone", "website") and c.url
        contact.append(f"- {md(c.label)}: " + (f"[{md(c.text)}]({c.url})" if linked else md(c.text)))
    if head.location:
        contact.append(f"- Location: {md(head.location)}")
    if contact:
        lines += ["", *contact]
    if head.bio:
        lines += ["", md(head.bio)]
    return "\n".join(lines)


def interests(section: Section) -> str:
    return f"## {section.title}\n\n" + "\n".join(f"- {md(e.title)}" for e in section.entries)


def education(section: Section) -> str:
    lines = [f"## {section.title}", ""]
    for e in section.entries:
        lines.append(f"- **{md(e.title)}**, {_join(md(w) for w in e.where)}"
                     + (f", {md(e.place)}" if e.place else "") + f". {md(e.when_text)}")
        lines += [f"  - {_detail(d)}" for d in e.details]
    return "\n".join(lines)


def positions(section: Section) -> str:
    lines = [f"## {section.title}"]
    for position in section.entries:
        lines += ["", f"### {md(position.title)}, {md(position.where[0])}", ""]
        where = _join([*(md(w) for w in position.where[1:]), md(position.place) if position.place else None,
                       "remote" if position.remote else None])
        if where:
            lines.append(f"- {where}")
        lines += [f"- {md(s.text)}" + (f" ({md(s.mode)})" if s.mode else "") for s in position.when]
        lines += [f"- {_detail(d)}" for d in position.details]
        lines += [f"- {md(h)}" for h in position.highlights]
        for project in position.children:
            lines.append(f"- **{md(project.title)}**" + (f" ({md(project.role)})" if project.role else ""))
            lines += [f"  - {md(h)}" for h in project.highlights]
    return "\n".join(lines)


def projects(section: Section) -> str:
    lines = [f"## {section.title}", ""]
    for project in section.entries:
        lines.append(f"- **{md(project.title)}**" + (f" ({md(project.role)})" if project.role else "")
                     + (f", {md(project.when_text)}" if project.when else ""))
        lines += [f"  - {md(h)}" for h in project.highlights]
    return "\n".join(lines)


def author_list(entry: Entry) -> str:
    """Names as printed, the owner's in bold, co-first authors with `*`."""
    return ", ".join([(f"**{md(n.text)}**" if n.owner else md(n.text)) + ("\\*" if n.equal else "")
                      for n in entry.authors] + ([citations.ET_AL] if entry.more_authors else []))


def citation(entry: Entry) -> str:
    where = _join([md(entry.venue) if entry.venue else None,
                   f"({md(entry.venue_short)})" if entry.venue_short else None], " ")
    parts = [author_list(entry), f"“{md(entry.title)}”", where or None, str(entry.year) if entry.year else None]
    return _join(parts) + "." + "".join(f" {_detail(d)}." for d in entry.details)


def works(section: Section) -> str:
    lines = [f"## {section.title}"]
    for group in section.groups:
        if group.title:
            lines += ["", f"### {md(group.title)}"]
        lines += ["", *(f"{i}. {citation(e)}" for i, e in enumerate(group.entries, 1))]
    if section.equal_contribution:
        lines += ["", EQUAL_CONTRIBUTION_NOTE]
    return "\n".join(lines)


def awards(section: Section) -> str:
    lines = [f"## {section.title}", ""]
    for award in section.entries:
        line = f"- {_join([f'**{md(award.title)}**', *(md(w) for w in award.where), md(award.when_text)])}"
        if award.paper:
            line += f", for “{md(award.paper)}”"
        line += "".join(f" ({_detail(d)})" for d in award.details)
        lines.append(line)
    return "\n".join(lines)


def talks(section: Section) -> str:
    lines = [f"## {section.title}", ""]
    for talk in section.entries:
        parts = [f"“{md(talk.title)}”", *(md(w) for w in talk.where), md(talk.place) if talk.place else None,
                 md(talk.when_text)]
        lines.append(f"- {_join(parts)}")
    return "\n".join(lines)


def service(section: Section) -> str:
    lines = [f"## {section.title}", ""]
    for entry in section.entries:
        lines.append(f"- {_join([md(entry.title), *(md(w) for w in entry.where), md(entry.when_text)])}"
                     + "".join(f" ({_detail(d)})" for d in entry.details))
    return "\n".join(lines)


_WRITERS: dict[str, Callable[[Section], str]] = {
    "interests": interests, "education": education, "experience": positions, "teaching": positions,
    "projects": projects, "publications": works, "patents": works, "awards": awards, "talks": talks,
    "service": service}
