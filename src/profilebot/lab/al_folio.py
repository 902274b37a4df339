"""The lab's pages on an al-folio site. al-folio is made for one person; its group page is the `profiles`
layout (`_pages/profiles.md` in the template: a list of profiles, each an image, `more_info` HTML and a
Markdown file `include_relative`d from `_pages/`), which is what the lab gets:

- `_pages/people.md` (`/people/`, layout `profiles`): one profile per member, current members by role in
  lab.yaml's order, then the alumni; `more_info` holds the role and years, the content file
  `_pages/people/<id>.md` the member's name (an anchor, `#member-<id>`), headline, bio, profile links and
  their works from their time in the lab. The layout reads the list as `profiles:` in older versions of the
  template and `about:` in newer ones, so both keys hold it.
- The publication list is the site's `_bibliography/papers.bib`, written (and edited in place) by the personal
  adapter (render/site/al_folio.py) from the lab's list as one profile, which the template's publications page
  shows with jekyll-scholar.
- Members are marked the way al-folio marks co-authors: `_data/coauthors.yml` maps a family name and the given
  names as the bibliography writes them to an address, here the member's anchor on the people page. A
  coauthors.yml the site has of its own keeps every byte; the members it lacks are appended to it.

Where al-folio cannot: its profile blocks have no per-member page, so a member's "page" is their block on the
people page (their works listed as plain Markdown: a jekyll-scholar query per member would need a field of
our own in papers.bib); the owner highlighting (`scholar: last_name` in `_config.yml`) is the site's and stays.
"""

from __future__ import annotations

import itertools
from collections.abc import Collection, Mapping
from typing import Any

import yaml

from profilebot.lab.academicpages import about, jekyll_base
from profilebot.lab.model import Lab, Member
from profilebot.lab.site import work_link
from profilebot.lab.works import LabWork, as_profile, by_member
from profilebot.model.profile import Profile
from profilebot.render.artifact import Artifact
from profilebot.render.site import al_folio, front_matter
from profilebot.render.site.front_matter import for_body

NAME = "al-folio"
PEOPLE = "_pages/people.md"
MEMBERS = "_pages/people/"
MARKDOWN = "text/markdown"
OWNED_PATHS = (PEOPLE, MEMBERS, al_folio.BIBLIOGRAPHY, al_folio.COAUTHORS)


def reads(lab: Lab, profile: Profile, present: Collection[str]) -> set[str]:
    """papers.bib (edited in place), coauthors.yml (members appended) and _config.yml (the base URL)."""
    return {al_folio.BIBLIOGRAPHY, al_folio.COAUTHORS, "_config.yml"} & set(present)


def render(lab: Lab, profiles: Mapping[str, Profile], works: tuple[LabWork, ...],
           existing: Mapping[str, bytes] = {}) -> list[Artifact]:
    base = jekyll_base(existing.get("_config.yml", b"").decode("utf-8", "replace"))
    listed = as_profile(lab, works, {m: p.person for m, p in profiles.items()})
    made = {a.path: a for a in al_folio.render(listed, {}, existing)}
    artifacts = [made[al_folio.BIBLIOGRAPHY]]
    old = existing.get(al_folio.COAUTHORS)
    coauthors = _coauthors(lab, listed, works, base)
    artifacts.append(Artifact.text(al_folio.COAUTHORS, _appended(old.decode("utf-8"), coauthors) if old is not None
                                   else _yaml(coauthors), "application/yaml"))
    members = [m for m in _order(lab) if m.id in profiles]
    artifacts.append(Artifact.text(PEOPLE, _people(lab, members), MARKDOWN))
    mine = by_member(works)
    artifacts += [Artifact.text(f"{MEMBERS}{m.id}.md", _member(m, profiles[m.id], mine.get(m.id, ())), MARKDOWN)
                  for m in members]
    return sorted(artifacts, key=lambda a: a.path)


def _order(lab: Lab) -> list[Member]:
    """Current members by role (roles in lab.yaml's order, members in it within a role), then the alumni."""
    roles = list(dict.fromkeys(m.role for m in lab.members if m.current))
    current = [m for role in roles for m in lab.members if m.current and m.role == role]
    return current + [m for m in lab.members if not m.current]


def _coauthors(lab: Lab, listed: Profile, works: tuple[LabWork, ...], base: str) -> dict[str, list[dict[str, Any]]]:
    """family name key → [{firstname: [given names as written], url: the member's anchor}] for every member
    among a work's authors (the names as the bibliography writes them)."""
    forms: dict[tuple[str, str], set[str]] = {}
    for paper, work in zip(listed.publications, works, strict=True):
        for author, member in zip(paper.authors, work.authors, strict=True):
            if member is not None:
                forms.setdefault((al_folio.coauthor_key(author), member), set()).update(al_folio.first_names(author))
    order = {m.id: i for i, m in enumerate(lab.members)}
    result: dict[str, list[dict[str, Any]]] = {}
    for (key, member), names in sorted(forms.items(), key=lambda item: (item[0][0], order[item[0][1]])):
        result.setdefault(key, []).append({"firstname": sorted(names), "url": f"{base}/people/#member-{member}"})
    return result


def _appended(text: str, coauthors: Mapping[str, list[dict[str, Any]]]) -> str:
    """The site's own coauthors.yml with the members whose family name it does not list added at its end."""
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError:
        return text  # a file that does not read is left as it is
    if not isinstance(data, dict):
        return text
    missing = {key: value for key, value in coauthors.items() if key not in data}
    if not missing:
        return text
    return text + ("" if text.endswith("\n") or not text else "\n") + "\n" + _yaml(missing)


def _people(lab: Lab, members: list[Member]) -> str:
    profiles = [{"align": "right" if i % 2 == 0 else "left", "content": f"people/{m.id}.md",
                 "more_info": f"<p>{for_body(_status(m))}</p>"} for i, m in enumerate(members)]
    fields = {"layout": "profiles", "permalink": "/people/", "title": "people",
              "description": front_matter.for_markdownify(lab.name), "nav": True, "profiles": profiles,
              "about": [dict(profile) for profile in profiles]}  # a copy: YAML would write an alias
    return front_matter.document(fields)


def _status(member: Member) -> str:
    if member.current:
        return f"{member.role}, since {member.start[0]}"
    return f"Alumni, {member.alumni_role or member.role} ({member.years()})"


def _member(member: Member, profile: Profile, works: tuple[LabWork, ...]) -> str:
    """The content file of the member's profile block: Markdown the layout runs through markdownify, so every
    value is written as HTML text (escaped, Liquid's braces as entities)."""
    person = profile.person
    lines = [f'<h2 id="member-{member.id}">{for_body(person.name)}</h2>', ""]
    lines += about(person)
    lines.append("<h3>Publications in the lab</h3>")
    if works:
        lines.append("<ul>")
        for year, group in itertools.groupby(works, key=lambda w: w.year):
            for work in group:
                link, title = work_link(work), for_body(work.publication.title)
                shown = f'<a href="{for_body(link)}">{title}</a>' if link else title
                lines.append(f"<li>{shown}{f' ({year})' if year else ''}</li>")
        lines.append("</ul>")
    else:
        lines.append("<p>None yet.</p>")
    return "\n".join(lines) + "\n"


def _yaml(data: Any) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=10_000)
