"""The lab's pages on an academicpages site. The theme is built for one person and has no layout for a group,
so the lab gets plain pages in the site's own conventions:

- `_pages/people.md` (`/people/`): current members by role, then the alumni with their years, each linking to
- `_pages/people/<id>.md` (`/people/<id>/`): the member's role, headline, bio and profile links, and their
  works from their time in the lab, each linking to its publication page;
- the publication list is the site's own `_publications/` collection (the theme's publications page lists it),
  one page per lab work, written by the personal adapter (render/site/academicpages.py) from the lab's list as
  one profile, with each member's name in the citation linking to their page.

Pages use the theme's `single` layout; their bodies are HTML blocks kramdown leaves alone, every value escaped
and Liquid's braces made entities, as the personal adapter writes bodies. The people and member pages are the
lab's whole: a rebuild writes them anew, but only where profilebot wrote them (the manifest); a `_pages/people.md`
the site already had is its own and stays. The sidebar's author profile (`author_profile`) is the site
owner's, so these pages turn it off.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection, Mapping

from profilebot.lab.model import Lab, Member
from profilebot.lab.works import LabWork, as_profile, by_member, on_pages, origin_of
from profilebot.model.matching import Work
from profilebot.model.profile import Origin, Person, Profile
from profilebot.render.artifact import Artifact
from profilebot.render.site import academicpages, front_matter, front_matter_edit, jekyll_urls, papers
from profilebot.render.site.front_matter import for_body
from profilebot.render.site.safety import file_id

NAME = "academicpages"
PEOPLE = "_pages/people.md"
MEMBERS = "_pages/people/"
MARKDOWN = "text/markdown"
_BIBTEX_URL = re.compile(r'^bibtexurl: "?[^"\n]*/files/bibtex/([^"\n/]+)\.bib"?$', re.M)
OWNED_PATHS = (PEOPLE, MEMBERS, "_publications/", "files/bibtex/")


def reads(lab: Lab, profile: Profile, present: Collection[str]) -> set[str]:
    """`_config.yml` (the base URL and collection addresses), the site's publication pages (a lab work the site
    already has a page for is edited there) and the BibTeX files pages take their authors from."""
    return {p for p in present if p == academicpages.CONFIG or p.startswith("_publications/")
            or (p.startswith("files/") and p.endswith(".bib"))}


def render(lab: Lab, profiles: Mapping[str, Profile], works: tuple[LabWork, ...],
           existing: Mapping[str, bytes] = {}) -> list[Artifact]:
    config_text = existing.get(academicpages.CONFIG, b"").decode("utf-8", "replace")
    base, config = jekyll_base(config_text), jekyll_urls.SiteConfig.parse(config_text, academicpages.CONFIG)
    texts = {path: data.decode("utf-8") for path, data in existing.items() if _utf8(data)}
    listed = on_pages(as_profile(lab, works, {m: p.person for m, p in profiles.items()}),
                      _site_works(texts, config, lab.name))
    links = {p.id: [f"{base}/people/{m}/" if m else None for m in w.authors]
             for p, w in zip(listed.publications, works, strict=True)}
    made = academicpages.render(listed, {"baseurl": base, "author_links": links}, existing)
    artifacts = [a for a in made if a.path != academicpages.CONFIG]
    # Each work's page and its address, for the members' pages: a page of the site's own by its path, a new one
    # by the BibTeX file it links (the adapter names both after the work's id).
    by_path = {str(p.origin.path): w for p, w in zip(listed.publications, works, strict=True) if p.origin}
    by_file = {file_id(p.id): w for p, w in zip(listed.publications, works, strict=True)}
    addresses: dict[int, str] = {}
    for artifact in artifacts:
        if not artifact.path.startswith("_publications/"):
            continue
        if artifact.path in by_path:
            data = front_matter_edit.parse(artifact.data.decode("utf-8"), artifact.path).data
            date = data.get("date")
            addresses[id(by_path[artifact.path])] = base + (str(data.get("permalink") or "").strip() or config.url(
                artifact.path, data, str(date) if date else None))
        else:  # a page the adapter made: `bibtexurl` names the work, `permalink` is /publication/<file name>
            bibtex = _BIBTEX_URL.search(artifact.data.decode("utf-8"))
            assert bibtex is not None, artifact.path
            stem = artifact.path.removeprefix("_publications/").removesuffix(".md")
            addresses[id(by_file[bibtex.group(1)])] = f"{base}/publication/{stem}"
    names = {m.id: profiles[m.id].person.name for m in lab.members if m.id in profiles}
    artifacts.append(Artifact.text(PEOPLE, _people(lab, names, base), MARKDOWN))
    mine = by_member(works)
    artifacts += [Artifact.text(f"{MEMBERS}{m.id}.md", _member(m, profiles[m.id], mine.get(m.id, ()), addresses),
                                MARKDOWN) for m in lab.members if m.id in profiles]
    return sorted(artifacts, key=lambda a: a.path)


def _site_works(texts: Mapping[str, str], config: jekyll_urls.SiteConfig, owner: str) -> list[tuple[Work, Origin]]:
    """The site's publication pages as `import academicpages` reads them (a page that does not read is skipped)."""
    from profilebot.errors import ProfilebotError
    from profilebot.importers import academicpages as reader

    found = []
    for path, text in sorted(texts.items()):
        if not path.startswith("_publications/") or not path.endswith(".md"):
            continue
        try:
            candidate = reader.read(path, text, owner, texts, config, strict=False)
        except (ProfilebotError, reader.UnreadablePage, ValueError):
            continue
        origin = origin_of(candidate.entry) if candidate is not None else None
        if candidate is not None and candidate.work is not None and origin is not None:
            found.append((candidate.work, origin))
    return found


def _utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def jekyll_base(config: str) -> str:
    """`_config.yml`'s baseurl as the theme prefixes it ('' at a site's root, '/lab' in a project site)."""
    from profilebot.load import yaml_document

    document = yaml_document.parse(config, academicpages.CONFIG) if config.strip() else None
    data = document.data if document is not None and isinstance(document.data, dict) else {}
    return ("/" + str(data.get("baseurl") or "").strip("/")).rstrip("/")


def _people(lab: Lab, names: Mapping[str, str], base: str) -> str:
    current = [m for m in lab.members if m.current and m.id in names]
    body = []
    for role, members in itertools.groupby(sorted(current, key=lambda m: _role_order(lab, m.role)),
                                           key=lambda m: m.role):
        body.append(f"<h2>{for_body(role)}</h2>\n<ul>\n" + "".join(
            f'<li><a href="{base}/people/{m.id}/">{for_body(names[m.id])}</a></li>\n' for m in members) + "</ul>\n")
    alumni = [m for m in lab.members if not m.current and m.id in names]
    if alumni:
        body.append("<h2>Alumni</h2>\n<ul>\n" + "".join(
            f'<li><a href="{base}/people/{m.id}/">{for_body(names[m.id])}</a>, '
            f"{for_body(m.alumni_role or m.role)} ({for_body(m.years())})</li>\n" for m in alumni) + "</ul>\n")
    fields = {"layout": "single", "title": "People", "permalink": "/people/", "author_profile": False}
    return front_matter.document(fields, "".join(body))


def _role_order(lab: Lab, role: str) -> int:
    return next(i for i, m in enumerate(lab.members) if m.role == role)


def about(person: Person) -> list[str]:
    """A member's headline, bio and profile links as HTML paragraphs, for a page Jekyll runs Liquid over (every
    value escaped, braces as entities): academicpages' member pages and al-folio's profile blocks."""
    found = [f"<p>{for_body(text)}</p>" for text in (person.headline, person.bio) if text]
    links = papers.profile_links(person)
    if links:
        found.append("<p>" + " · ".join(f'<a href="{for_body(link.url)}">{for_body(link.label)}</a>'
                                       for link in links) + "</p>")
    return found


def _member(member: Member, profile: Profile, works: tuple[LabWork, ...], addresses: Mapping[int, str]) -> str:
    person = profile.person
    status = member.role if member.current else f"Alumni, {member.alumni_role or member.role}"
    body = [f"<p>{for_body(status)} ({for_body(member.years())})</p>\n"]
    body += [paragraph + "\n" for paragraph in about(person)]
    body.append("<h2>Publications in the lab</h2>\n")
    if works:
        body.append("<ul>\n" + "".join(
            f'<li><a href="{addresses[id(w)]}">{for_body(w.publication.title)}</a>'
            f"{for_body(f' ({w.year})') if w.year else ''}</li>\n" for w in works) + "</ul>\n")
    else:
        body.append("<p>None yet.</p>\n")
    fields = {"layout": "single", "title": front_matter.for_markdownify(person.name),
              "permalink": f"/people/{member.id}/", "author_profile": False}
    return front_matter.document(fields, "".join(body))
