"""The lab's static site: home, people (current members by role, alumni apart with their years), a page per
member (their bio and their works from their time in the lab) and one publication list with filters by
year and member, plus that list as BibTeX and CSL-JSON.

Only what a member's profile publishes reaches a page: name, headline, bio, public contacts and profile
links, and works; private contact values and `todo` notes have no place in any template or export.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from functools import lru_cache
from importlib import resources
from typing import Any

import jinja2

from profilebot.lab.model import Lab, Member
from profilebot.lab.works import LabWork, as_profile, by_member, lab_works
from profilebot.model.profile import Profile
from profilebot.render import bibtex, csl_json, cv_view, outputs
from profilebot.render.artifact import Artifact
from profilebot.render.site import papers
from profilebot.render.site.safety import safe_url

HTML = "text/html"
RECENT_ON_HOME = 10
OWNED_PATHS = ("index.html", "people.html", "publications.html", "publications.bib", "publications.csl.json",
               "assets/profilebot.css", "assets/lab.js", "members/")


def render(lab: Lab, profiles: Mapping[str, Profile]) -> list[Artifact]:
    """Every file of the lab's site; `profiles`: each member's checked profile by member id."""
    printed = {member_id: outputs.with_printed_names(profile) for member_id, profile in profiles.items()}
    works = lab_works(lab, printed)
    pages = _Pages(lab, printed, works)
    listed = as_profile(lab, works)
    artifacts = [
        Artifact.text("assets/profilebot.css", _read("render/site/assets/profilebot.css"), "text/css"),
        Artifact.text("assets/lab.js", _read("lab/templates/lab.js"), "text/javascript"),
        Artifact.text("index.html", pages.home(), HTML),
        Artifact.text("people.html", pages.people(), HTML),
        Artifact.text("publications.html", pages.publications(), HTML),
        Artifact.text("publications.bib", bibtex.render(listed), "application/x-bibtex"),
        Artifact.text("publications.csl.json", csl_json.render(listed), "application/vnd.citationstyles.csl+json"),
    ]
    artifacts += [Artifact.text(f"members/{m.id}.html", pages.member(m), HTML) for m in lab.members if m.id in printed]
    return sorted(artifacts, key=lambda a: a.path)


class _Pages:
    def __init__(self, lab: Lab, profiles: Mapping[str, Profile], works: tuple[LabWork, ...]) -> None:
        self.lab, self.profiles, self.works = lab, profiles, works
        self.by_member = by_member(works)
        self.names = {m.id: profiles[m.id].person.name if m.id in profiles else m.id for m in lab.members}
        self.common: dict[str, Any] = {"lab": lab, "names": self.names, "link": work_link, "logo": safe_url(lab.logo)}
        macros: Any = _environment().get_template("macros.html.j2").make_module(self.common)
        entries: dict[tuple[int, str], Any] = {}

        def entry(work: LabWork, root: str) -> Any:
            """A work's list entry, rendered once per folder depth: the list and every author's page show it."""
            key = (id(work), root)
            if key not in entries:
                entries[key] = macros.work_entry(work, root)
            return entries[key]

        self.common["entry"] = entry

    def _page(self, template: str, root: str, current: str, title: str, **values: Any) -> str:
        canonical = self.lab.url.rstrip("/") + "/" + current if self.lab.url else None
        logo = self.common["logo"]
        return _environment().get_template(template).render(
            **self.common, root=root, current=current, title=title, canonical=canonical,
            **({"logo": root + logo} if logo and "://" not in logo else {}), **values)

    def home(self) -> str:
        current = [m for m in self.lab.members if m.current]
        return self._page("index.html.j2", "", "index.html", self.lab.name, works=self.works,
                          recent=self.works[:RECENT_ON_HOME], current_count=len(current),
                          alumni_count=len(self.lab.members) - len(current))

    def people(self) -> str:
        current = [m for m in self.lab.members if m.current]
        roles = list(dict.fromkeys(m.role for m in current))
        headlines = {m.id: self.profiles[m.id].person.headline if m.id in self.profiles else None
                     for m in self.lab.members}
        return self._page("people.html.j2", "", "people.html", "People", headlines=headlines,
                          roles=[(role, [m for m in current if m.role == role]) for role in roles],
                          alumni=[m for m in self.lab.members if not m.current])

    def publications(self) -> str:
        groups = [(year, list(group)) for year, group in itertools.groupby(self.works, key=lambda w: w.year)]
        years = sorted({w.year for w in self.works if w.year is not None}, reverse=True)
        return self._page("publications.html.j2", "", "publications.html", "Publications", groups=groups,
                          years=years, members=[m for m in self.lab.members if m.id in self.by_member])

    def member(self, member: Member) -> str:
        person = self.profiles[member.id].person
        return self._page("member.html.j2", "../", f"members/{member.id}.html", person.name, member=member,
                          person=person, links=papers.profile_links(person),
                          member_works=self.by_member.get(member.id, ()))


def work_link(work: LabWork) -> str | None:
    """Where a work's title links: its DOI, else its page, else its first material link."""
    links = papers.paper_links(work.publication)
    doi = next((link.url for link in links if link.label == "DOI"), None)
    return doi or next((link.url for link in links), None)


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("profilebot.lab", "templates"), autoescape=True, trim_blocks=True,
        lstrip_blocks=True, keep_trailing_newline=True, undefined=jinja2.StrictUndefined, auto_reload=False)
    environment.filters["dashes"] = cv_view.dashes
    return environment


def _read(path: str) -> str:
    return resources.files("profilebot").joinpath(path).read_text("utf-8")

