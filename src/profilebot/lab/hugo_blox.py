"""The lab's pages on a Hugo Blox site, the way the kit's research-group template keeps a team.

- A member is an author profile, `content/authors/<id>/_index.md` (title, first_name, last_name, role, bio,
  interests, social, `user_groups`): the kit's `people` block lists the profiles of each group it names, and
  Hugo's author page for `<id>` shows the profile and every publication whose `authors:` names that id.
  `user_groups` is the member's role, or `Alumni` (their role then says what they were and their years).
- `content/people/index.md`: a landing page with one `people` block naming the groups in lab.yaml's order
  of roles, then `Alumni`.
- The publication list is the site's own publication bundles, written by the personal adapter
  (render/site/hugo_blox.py) from the lab's list as one profile: every author who is a member is written as
  the member's id, so each member's page lists their works, and a work several members wrote is one bundle.

Edit in place: an author profile that exists keeps its body, comments and every key the lab does not give
(avatar, education, email, highlight_name…); only the keys above change, and only when their value does.
The people page is made whole, and written only where none is or where it still holds what profilebot wrote
(lab/pages.py): a people page the lab made by hand, or changed since, stays. Publication bundles are edited in place as the personal adapter
does. Where the kit cannot: it has no place for the tenure of a member other than their role's text, and
its author pages list every work on the site that names the member, so a work from before a member joined
that another member lists still shows on their page when the list writes their name exactly as their
profile does.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from profilebot.lab.model import Lab, Member
from profilebot.lab.works import LabWork, as_profile, on_pages, origin_of
from profilebot.model.matching import Work
from profilebot.model.profile import Origin
from profilebot.model.profile import Profile
from profilebot.render.artifact import Artifact
from profilebot.render.site import front_matter_edit, hugo_blox, papers

NAME = "hugo-blox"
PEOPLE = "content/people/index.md"
AUTHORS = "content/authors/"
ALUMNI = "Alumni"
MARK = "# Written by profilebot from lab.yaml and the members' profiles: change those, not this file.\n"
MARKDOWN = "text/markdown"
OWNED_PATHS = (PEOPLE, AUTHORS, *hugo_blox.OWNED_PATHS[:-1])  # not data/authors/me.yaml: a lab has no owner
_ICONS = {"GitHub": ("github", "fab"), "GitLab": ("gitlab", "fab"), "LinkedIn": ("linkedin", "fab"),
          "X": ("x-twitter", "fab"), "Google Scholar": ("google-scholar", "ai"), "ORCID": ("orcid", "ai"),
          "dblp": ("dblp", "ai"), "ResearchGate": ("researchgate", "ai"), "Bluesky": ("bluesky", "fab")}


def reads(lab: Lab, profile: Profile, present: Collection[str]) -> set[str]:
    """The site's files the lab's pages are edited from: each member's author profile, the people page, and
    what the personal adapter reads (publication bundles, every author file)."""
    wanted = {author_page(m) for m in lab.members}
    return {p for p in present if p in wanted} | set(hugo_blox.reads(profile, {}, present))


def render(lab: Lab, profiles: Mapping[str, Profile], works: tuple[LabWork, ...],
           existing: Mapping[str, bytes] = {}) -> list[Artifact]:
    """`profiles`: each member's profile (names printed); `works`: the lab's list; `existing`: reads()'s files."""
    texts = {path: data.decode("utf-8") for path, data in existing.items()}
    artifacts = [Artifact.text(author_page(m), _author_page(m, profiles[m.id], texts.get(author_page(m))),
                               MARKDOWN) for m in lab.members if m.id in profiles]
    artifacts.append(Artifact.text(PEOPLE, _people_page(lab), MARKDOWN))
    # The personal adapter finds each member's id from the author profiles the site will hold, these included.
    site = {**texts, **{a.path: a.data.decode("utf-8") for a in artifacts if a.path.startswith(AUTHORS)}}
    listed = on_pages(as_profile(lab, works, {m: p.person for m, p in profiles.items()}, members_named=True), _site_works(site, lab.name))
    bundles = hugo_blox.render(listed, {}, {p: t.encode("utf-8") for p, t in site.items()})
    artifacts += [a for a in bundles if a.path != hugo_blox.AUTHOR_FILE]
    return sorted(artifacts, key=lambda a: a.path)


def _site_works(texts: Mapping[str, str], owner: str) -> list[tuple[Work, Origin]]:
    """The site's publication bundles as `import hugo` reads them (a bundle that does not read is skipped)."""
    from profilebot.errors import ProfilebotError
    from profilebot.importers import hugo

    authors = hugo.site_authors((p, t) for p, t in texts.items() if p.startswith(("data/authors/", AUTHORS)))
    found = []
    for path, text in sorted(texts.items()):
        if not hugo.is_page(path, hugo.PUBLICATION_FOLDERS):
            continue
        try:
            candidate = hugo.publication_candidate(path, text, texts.get(path.rsplit("/", 1)[0] + "/cite.bib"),
                                                   authors, owner)
        except (ProfilebotError, ValueError):
            continue
        origin = origin_of(candidate.entry) if candidate is not None else None
        if candidate is not None and candidate.work is not None and origin is not None:
            found.append((candidate.work, origin))
    return found


def author_page(member: Member) -> str:
    return f"{AUTHORS}{member.id}/_index.md"


def group(member: Member) -> str:
    return member.role if member.current else ALUMNI


def _author_page(member: Member, profile: Profile, old: str | None) -> str:
    person = profile.person
    given, family = person.name_parts()
    role = member.role if member.current else f"{member.alumni_role or member.role} ({member.years()})"
    fields: dict[str, Any] = {"title": person.name, "first_name": given, "last_name": family, "role": role,
                              "bio": person.headline or "", "interests": list(profile.interests),
                              "social": _social(profile), "user_groups": [group(member)]}
    if old is None:
        page = front_matter_edit.edit("---\n---\n", {"superuser": False, **fields, "highlight_name": False},
                                      author_page(member))
        return page.replace("---\n", "---\n" + MARK, 1) + (f"\n{person.bio}\n" if person.bio else "")
    data = front_matter_edit.parse(old, author_page(member)).data
    return front_matter_edit.edit(old, {k: v for k, v in fields.items() if data.get(k) != v}, author_page(member))


def _social(profile: Profile) -> list[dict[str, str]]:
    """The kit's `social` links: public e-mail and profile links, with the kit's icon names."""
    links = [{"icon": "envelope", "icon_pack": "fas", "link": f"mailto:{email}"}
             for email in [profile.person.public_contacts().get("email")] if email]
    for link in papers.profile_links(profile.person):
        icon, pack = _ICONS.get(link.label, ("link", "fas"))
        links.append({"icon": icon, "icon_pack": pack, "link": link.url})
    return links


def _people_page(lab: Lab) -> str:
    groups = list(dict.fromkeys(group(m) for m in lab.members if m.current))
    if any(not m.current for m in lab.members):
        groups.append(ALUMNI)
    fields = {"title": "People", "type": "landing", "sections": [{
        "block": "people",
        "content": {"title": lab.name, "user_groups": groups, "sort_by": "Params.last_name", "sort_ascending": True},
        "design": {"show_interests": False, "show_role": True, "show_social": True}}]}
    return front_matter_edit.edit("---\n---\n", fields, PEOPLE).replace("---\n", "---\n" + MARK, 1)
