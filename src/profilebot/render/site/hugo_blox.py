"""Hugo Blox adapter (Wowchemy, Hugo Academic): a page bundle per paper and per talk, and the owner's author file.

Owned paths: the bundles under `content/publications/` (`index.md` + `cite.bib`) and `content/events/`, and
`data/authors/me.yaml` (schema hugoblox/author/v1) — or, on a site in the older layout, `content/publication/`
(singular), `content/event/` or `content/talk/`: a site is written in the layout it has, never migrated and never
doubled into both folders. Everything else (config, other content, other author files, images in a bundle) is
the owner's.

Edit in place (the site adapter contract, issue 19): a bundle that exists (the entry's `origin.path`, kept by
`profilebot import hugo SITE`, or the bundle of the entry's name) keeps its folder, body, comments, key order
and every key the profile does not model. It is read back exactly as `import hugo` reads it
(importers/hugo.publication_entry: front matter + cite.bib), and only the keys of the fields where that reading
differs from the profile are rewritten (render/site/front_matter_edit, YAML or TOML as the page is written), in
the page's own layout: top-level `doi` and `url_pdf`/`url_code`/… on a page that has them, `hugoblox.ids.doi`
and `links: [{type, url}]` otherwise. So right after an import nothing changes. An existing `cite.bib` is kept
byte for byte unless a field it carries contradicts the profile; an existing author file is the owner's and never
rewritten. A new work gets a new bundle named as the site names its bundles (`family-year-word`, or the id).
"""

from __future__ import annotations

import dataclasses
import datetime
import re
from typing import Any, Collection, Mapping

from profilebot.model import names
from profilebot.model.profile import Person, Profile, Publication, Talk
from profilebot.render.artifact import Artifact
from profilebot.render.site import dates, front_matter_edit
from profilebot.render.site.safety import slugify

NAME = "hugo-blox"
SUMMARY = "the page bundles of Hugo Blox (Wowchemy, Hugo Academic)"  # site.template's choice
CURRENT = ("content/publications/", "content/events/")
LEGACY_PUBLICATIONS = "content/publication/"
LEGACY_TALKS = ("content/event/", "content/talk/")
AUTHOR_FILE = "data/authors/me.yaml"
OWNED_PATHS = ("content/publications/", "content/events/", LEGACY_PUBLICATIONS, *LEGACY_TALKS, AUTHOR_FILE)
OWNER_SLUG = "me"
# The first line of the author file profilebot writes: a later build recognises its own file by it (and keeps
# it up to date), while an author file the person wrote is never rewritten.
AUTHOR_MARK = "# Written by profilebot from profile.yaml: change the profile, not this file.\n"
MARKDOWN = "text/markdown"
# Profile link name → the kit's link type and the legacy key.
LINK_TYPES = {"pdf": "pdf", "code": "code", "data": "dataset", "slides": "slides", "video": "video",
              "poster": "poster", "project": "project"}
EQUAL = "Equal contribution"


@dataclasses.dataclass(frozen=True)
class Layout:
    """Where this site keeps things, read from the files it has."""

    publications: str
    talks: str
    legacy: bool
    owner_slug: str | None
    authors: Mapping[str, Any]  # slug → importers.hugo.SiteAuthor
    naming: str  # "family-year-word" or "id"


def reads(profile: Profile, options: Mapping[str, Any], present: Collection[str]) -> dict[str, bool]:
    """Every page, cite.bib and author file under the Hugo folders: pages are edited in place, cite.bib is
    compared with the profile, author files name the slugs a page's `authors:` list uses."""
    from profilebot.importers import hugo

    wanted: dict[str, bool] = {}
    for path in present:
        if hugo.is_page(path, hugo.PUBLICATION_FOLDERS + hugo.TALK_FOLDERS) or path.endswith("/cite.bib") \
                or path.startswith("data/authors/") or re.fullmatch(r"content/authors/[^/]+/_index\.md", path):
            wanted[path] = True
    return wanted


def render(profile: Profile, options: Mapping[str, Any], existing: Mapping[str, bytes] = {}) -> list[Artifact]:
    texts = {path: data.decode("utf-8") for path, data in existing.items()}
    layout = _layout(texts)
    artifacts: list[Artifact] = []
    taken: set[str] = set()
    stand_in = dates.undated_stand_in(profile)
    for paper in profile.publications:
        index = _page_path(paper.origin, paper.id, layout.publications, texts, taken, _bundle_name(paper, layout))
        taken.add(index)
        bib = index.rsplit("/", 1)[0] + "/cite.bib"
        found = _read_back(profile, paper, index, texts, layout) if index in texts else None
        if index in texts:
            artifacts.append(Artifact.text(index, _edited_publication(profile, paper, found, index, texts, layout),
                                           MARKDOWN))
        else:
            artifacts.append(Artifact.text(index, _new_publication(profile, paper, layout, stand_in), MARKDOWN))
        if index not in texts or bib in texts:  # a bundle the site made without a cite.bib stays without one
            artifacts.append(Artifact.text(bib, _cite_bib(profile, paper, found, texts.get(bib)),
                                           "application/x-bibtex"))
    for talk in profile.talks:
        index = _page_path(talk.origin, talk.id, layout.talks, texts, taken, slugify(talk.id) or "talk")
        taken.add(index)
        text = texts.get(index)
        artifacts.append(Artifact.text(index, _edited_talk(talk, index, text) if text is not None
                                       else _new_talk(talk, stand_in), MARKDOWN))
    own = texts.get(AUTHOR_FILE, "").startswith(AUTHOR_MARK)  # the author file an earlier build wrote
    if own or (not layout.authors and not layout.legacy):
        artifacts.append(Artifact.text(AUTHOR_FILE, author_file(profile), "application/yaml"))
    return sorted(artifacts, key=lambda a: a.path)


def _layout(texts: Mapping[str, str]) -> Layout:
    from profilebot.importers import hugo

    authors = hugo.site_authors((p, t) for p, t in texts.items()
                                if p.startswith("data/authors/") or p.startswith("content/authors/"))
    owner = hugo.owner_of(authors)
    pages = [p for p in texts if hugo.is_page(p, hugo.PUBLICATION_FOLDERS + hugo.TALK_FOLDERS)]
    legacy_pubs = any(p.startswith(LEGACY_PUBLICATIONS) for p in pages) and \
        not any(p.startswith(CURRENT[0]) for p in pages)
    talks = next((f for f in (CURRENT[1], *LEGACY_TALKS) if any(p.startswith(f) for p in pages)),
                 LEGACY_TALKS[1] if legacy_pubs else CURRENT[1])
    names_ = [p.split("/")[2] for p in pages if p.startswith(LEGACY_PUBLICATIONS if legacy_pubs else CURRENT[0])
              and p.endswith("/index.md")]
    shaped = sum(1 for n in names_ if re.fullmatch(r"[a-z-]+-\d{4}-[a-z0-9-]+", n))
    return Layout(LEGACY_PUBLICATIONS if legacy_pubs else CURRENT[0], talks,
                  legacy_pubs or any(p.startswith("content/authors/") for p in texts) and owner is not None
                  and owner.path.startswith("content/"),
                  owner.slug if owner else None, authors,
                  "family-year-word" if names_ and shaped * 2 > len(names_) else "id")


def _page_path(origin: Any, entry_id: str, folder: str, texts: Mapping[str, str], taken: set[str],
               name: str) -> str:
    """The entry's own page when the site has it, else a new bundle `<folder><name>/index.md` (a free name)."""
    if origin is not None and origin.of(NAME) and origin.path and origin.path not in taken:
        return str(origin.path)
    for candidate_folder in (folder,):
        own = f"{candidate_folder}{slugify(entry_id) or entry_id}/index.md"
        if own in texts and own not in taken:
            return own
    base, suffix = name, 1
    while f"{folder}{name}/index.md" in taken or f"{folder}{name}/index.md" in texts:
        suffix += 1
        name = f"{base}-{suffix}"
    return f"{folder}{name}/index.md"


def _bundle_name(paper: Publication, layout: Layout) -> str:
    if layout.naming == "family-year-word" and paper.authors:
        family = slugify(paper.authors[0].family or paper.authors[0].name).split("-")[-1] or "work"
        word = next((w for w in re.findall(r"[a-z0-9]+", names.fold_keep_spaces(paper.title))
                     if w not in ("a", "an", "the", "on", "of", "in", "for", "to", "and", "with")), "work")
        return f"{family}-{paper.year or 'undated'}-{word}"
    return slugify(paper.id) or "paper"


# --- publications -----------------------------------------------------------------------------------------


def _read_back(profile: Profile, paper: Publication, index: str, texts: Mapping[str, str],
               layout: Layout) -> Publication | None:
    """The bundle as `import hugo` reads it, as a Publication (None when it holds no title)."""
    from profilebot.importers import hugo, links
    from profilebot.load import build

    entry = hugo.publication_entry(index, texts[index], texts.get(index.rsplit("/", 1)[0] + "/cite.bib"),
                                   layout.authors, profile.person.name)
    if entry is None:
        return None
    # The links and DOIs every import leaves out (importers/links), left out here too: a reading equal to import's.
    return build.publication({"id": paper.id, **links.checked_entry(entry)[0]})


def _edited_publication(profile: Profile, paper: Publication, found: Publication | None, index: str,
                        texts: Mapping[str, str], layout: Layout) -> str:
    text = texts[index]
    lead, page = _split_lead(text)
    syntax = front_matter_edit.syntax_of(page)
    data = front_matter_edit.parse(page, index, syntax).data
    changes: dict[str, Any] = {}
    legacy = index.startswith(LEGACY_PUBLICATIONS) or any(key in data for key in
                                                          ("doi", *(f"url_{t}" for t in LINK_TYPES.values())))
    if found is None or _text(found.title) != _text(paper.title):
        changes["title"] = paper.title
    if found is None or _people(found) != _people(paper):
        changes["authors"] = _author_items(profile.person, paper, data.get("authors"), layout)
        notes = _author_notes(paper, data.get("author_notes"))
        if notes or "author_notes" in data:
            changes["author_notes"] = notes
    # An undated work's page keeps the date it has (Hugo needs one; a new page gets the newest paper's year).
    if found is None or (paper.date is not None and found.date != paper.date):
        changes["date"] = _day(paper, data.get("date"))
    if found is None or (found.type, found.status) != (paper.type, paper.status):
        changes["publication_types"] = [_publication_type(paper, data.get("publication_types"))]
    if found is None or _venue(found) != _venue(paper):
        changes["publication"] = paper.venue.name if paper.venue else None
        if (found.venue.short if found and found.venue else None) != (paper.venue.short if paper.venue else None):
            changes["publication_short"] = paper.venue.short if paper.venue else None
    if found is None or _text(found.abstract) != _text(paper.abstract):
        changes["abstract"] = paper.abstract
    if found is None or found.keywords != paper.keywords:
        changes["tags"] = list(paper.keywords)
    if found is None or found.selected != paper.selected:
        changes["featured"] = paper.selected
    if found is None or (found.doi or "").lower() != (paper.doi or "").lower() or found.arxiv != paper.arxiv:
        changes.update(_identifiers(paper, data, legacy))
    if found is None or found.links != _page_links(paper):
        changes.update(_links(paper, data, legacy))
    if not changes:
        return text
    return lead + front_matter_edit.edit(page, changes, index, syntax)


def _new_publication(profile: Profile, paper: Publication, layout: Layout, stand_in: datetime.date) -> str:
    """A new bundle's index.md: the kit's keys in its template's order, then what the entry's origin kept."""
    origin = paper.origin if paper.origin is not None and paper.origin.of(NAME) else None
    kept = dict(origin.fields) if origin else {}
    legacy = layout.legacy or (origin is not None and str(origin.path or "").startswith(LEGACY_PUBLICATIONS))
    fields: dict[str, Any] = {"title": paper.title,
                              "authors": _author_items(profile.person, paper, kept.get("authors"), layout)}
    notes = _author_notes(paper, kept.get("author_notes"))
    if notes:
        fields["author_notes"] = notes
    fields["date"] = _day(paper, kept.get("date")) if paper.date else stand_in.isoformat()
    fields["publication_types"] = [_publication_type(paper, kept.get("publication_types"))]
    if paper.venue:
        fields["publication"] = _kept_spelling(kept.get("publication"), paper.venue.name)
        if paper.venue.short:
            fields["publication_short"] = paper.venue.short
    if paper.abstract:
        fields["abstract"] = paper.abstract
    if paper.keywords:
        fields["tags"] = list(paper.keywords)
    fields["featured"] = paper.selected
    fields.update({k: v for k, v in _identifiers(paper, kept, legacy).items() if v is not None})
    fields.update({k: v for k, v in _links(paper, kept, legacy).items() if v not in (None, [])})
    for key, value in kept.items():
        fields.setdefault(key, value)
    body = origin.body if origin and origin.body is not None else ""
    if origin and origin.entry_type == "toml":
        return front_matter_edit.edit("+++\n+++\n", fields, "new page", front_matter_edit.TOML) + body
    return _yaml_document(fields) + body


def _yaml_document(fields: Mapping[str, Any]) -> str:
    return front_matter_edit.edit("---\n---\n", {k: v for k, v in fields.items() if v is not None}, "new page")


def _kept_spelling(raw: Any, name: str) -> str:
    """The site's own spelling of the venue (`*Journal*`) when it still names the profile's venue."""
    from profilebot.importers import hugo

    return raw if isinstance(raw, str) and hugo._unemphasized(raw) == name else name


def _people(paper: Publication) -> list[tuple[str, str, bool]]:
    return [(names.fold(a.given), names.fold(a.family), a.equal_contribution) for a in paper.authors]


def _venue(paper: Publication) -> tuple[str, str]:
    return (_text(paper.venue.name), _text(paper.venue.short)) if paper.venue else ("", "")


def _author_items(person: Person, paper: Publication, old: Any, layout: Layout) -> list[str]:
    """Names as the page writes them: a slug where the page (or the site's author files) has one for that
    person (`me`, `admin`, `chiara-nardin`), else the name as printed."""
    from profilebot.importers import hugo

    slugs = {names.fold(a.name): slug for slug, a in layout.authors.items()}
    by_name = {}
    for item in old if isinstance(old, list) else []:
        resolved = hugo.resolve_author(str(item), layout.authors)
        by_name[names.fold(names.display(resolved, *_parts(resolved)))] = str(item)
    items = []
    for author in paper.authors:
        printed = names.display(author.name, author.given, author.family)
        key = names.fold(printed)
        if key in by_name:
            items.append(by_name[key])
        elif key in slugs:
            items.append(slugs[key])
        elif (author.self or person.is_named(author.name)) and (layout.owner_slug or not layout.authors):
            items.append(layout.owner_slug or OWNER_SLUG)
        else:
            items.append(printed)
    return items


def _parts(name: str) -> tuple[str, str]:
    return names.split_name(name)


def _author_notes(paper: Publication, old: Any) -> list[str]:
    """`Equal contribution` beside each co-first author; another note the page gives an author stays."""
    from profilebot.importers import hugo

    notes = [str(n) if n is not None else "" for n in old] if isinstance(old, list) else []
    result = []
    for index, author in enumerate(paper.authors):
        note = notes[index] if index < len(notes) else ""
        marked = bool(note) and bool(hugo.EQUAL_CONTRIBUTION.search(note))
        result.append((note if marked else EQUAL) if author.equal_contribution else ("" if marked else note))
    while result and not result[-1]:
        result.pop()
    return result


def _day(paper: Publication, old: Any) -> str:
    """The first day of the paper's (partial) date, in the old value's form (`2013-07-01T00:00:00Z`)."""
    day = dates.full_date(paper.date).isoformat() if paper.date else ""
    old_text = str(old or "")
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}T00:00:00Z", old_text):
        return day + "T00:00:00Z"
    return day


def _publication_type(paper: Publication, old: Any) -> str:
    """The CSL type (the site's own value, numeric or not, when it still means the profile's type)."""
    from profilebot.importers import hugo

    values = old if isinstance(old, list) else [old] if old not in (None, "") else []
    if values and hugo.PUBLICATION_TYPES.get(str(values[0]).lower()) == paper.type:
        return str(values[0])
    return "article" if paper.status == "preprint" else hugo.WRITTEN_TYPES.get(paper.type, "manuscript")


def _identifiers(paper: Publication, data: Mapping[str, Any], legacy: bool) -> dict[str, Any]:
    """DOI (and arXiv id) under `hugoblox.ids`, keeping whatever else that mapping holds; top-level `doi` on a
    page in the older layout."""
    changes: dict[str, Any] = {}
    block = data.get("hugoblox")
    hugoblox = dict(block) if isinstance(block, dict) else {}
    ids = dict(hugoblox.get("ids") or {}) if isinstance(hugoblox.get("ids"), dict) else {}
    if legacy and "hugoblox" not in data:
        changes["doi"] = paper.doi
    else:
        if "doi" in data:
            changes["doi"] = None  # the current kit reads hugoblox.ids.doi and warns about a top-level one
        ids = {k: v for k, v in ids.items() if k not in ("doi", "arxiv")}
        ids.update({k: v for k, v in (("doi", paper.doi), ("arxiv", paper.arxiv)) if v})
    if not legacy or "hugoblox" in data:
        if ids:
            hugoblox["ids"] = ids
        else:
            hugoblox.pop("ids", None)
        changes["hugoblox"] = hugoblox or None
    elif paper.arxiv:
        changes["hugoblox"] = {"ids": {"arxiv": paper.arxiv}}
    return changes


def _page_links(paper: Publication) -> dict[str, str]:
    return {name: url for name, url in paper.links.items() if name in LINK_TYPES}


def _links(paper: Publication, data: Mapping[str, Any], legacy: bool) -> dict[str, Any]:
    """The profile's links in the page's layout: `links: [{type, url}]` (items the profile does not model kept
    in place) or, on a legacy page, `url_pdf`, `url_code`, …"""
    from profilebot.importers import hugo

    wanted = _page_links(paper)
    uses_legacy = legacy and not isinstance(data.get("links"), list) or any(f"url_{t}" in data for t in LINK_TYPES.values())
    if uses_legacy:
        return {f"url_{kind}": wanted.get(name) or None for name, kind in LINK_TYPES.items()
                if wanted.get(name) or _text(data.get(f"url_{kind}"))}
    items: list[Any] = []
    done: set[str] = set()
    old = data.get("links")
    for item in old if isinstance(old, list) else []:
        kind = hugo.LINK_TYPES.get(_text(item.get("type") or item.get("name")).lower()) if isinstance(item, dict) else None
        if kind is None or kind in done or not hugo.usable_link(_text(item.get("url"))):
            items.append(item)  # a link the profile does not model (a custom one, a typo) stays as written
        elif kind in wanted:
            items.append({**item, "url": wanted[kind]})
            done.add(kind)
    items += [{"type": LINK_TYPES[name], "url": url} for name, url in wanted.items() if name not in done]
    return {"links": items or ([] if "links" in data else None)}


# What only cite.bib tells (the front matter has no key for it): the bib is rewritten when one of these differs.
BIB_ONLY = ("volume", "issue", "pages", "publisher", "isbn", "issn", "pmid")


def _cite_bib(profile: Profile, paper: Publication, found: Publication | None, old: str | None) -> str:
    """The bundle's cite.bib: kept as written while the bundle (`found`: as import reads it) says what the profile
    says, else made from the profile."""
    from profilebot.render import bibtex

    if old is not None:
        if found is not None and all(getattr(found, f) == getattr(paper, f) for f in BIB_ONLY):
            return old
    return bibtex.render(dataclasses.replace(profile, publications=(paper,), patents=()))


# --- talks ------------------------------------------------------------------------------------------------


def _edited_talk(talk: Talk, index: str, text: str) -> str:
    from profilebot.importers import hugo

    lead, page = _split_lead(text)
    syntax = front_matter_edit.syntax_of(page)
    data = front_matter_edit.parse(page, index, syntax).data
    found = hugo.talk_entry(index, text) or {}
    changes: dict[str, Any] = {}
    if _text(found.get("title")) != _text(talk.title):
        changes["title"] = talk.title
    if _text(found.get("event")) != _text(talk.event):
        changes["event_name" if "event_name" in data or "event" not in data else "event"] = talk.event
    if talk.date is not None and str(found.get("date") or "") != talk.date.iso():  # undated: the page's date stays
        key = "event_start" if "event_start" in data else "date"
        changes[key] = dates.full_date(talk.date).isoformat() if talk.date else None
    for name, key in (("location", "location"), ("url", "event_url"), ("slides", "url_slides")):
        if _text(found.get(name)) != _text(getattr(talk, name)):
            changes[key] = getattr(talk, name)
    if not changes:
        return text
    return lead + front_matter_edit.edit(page, changes, index, syntax)


def _new_talk(talk: Talk, stand_in: datetime.date) -> str:
    origin = talk.origin if talk.origin is not None and talk.origin.of(NAME) else None
    kept = dict(origin.fields) if origin else {}
    fields: dict[str, Any] = {"title": talk.title, "event_name": talk.event, "event_url": talk.url,
                              "location": talk.location,
                              "date": dates.full_date(talk.date).isoformat() if talk.date else stand_in.isoformat(),
                              "authors": [OWNER_SLUG], "url_slides": talk.slides}
    if "event" in kept or (origin and "event_name" not in kept):
        fields["event"] = fields.pop("event_name")
    for key, value in kept.items():
        fields.setdefault(key, value)
    body = origin.body if origin and origin.body is not None else (talk.note or "")
    fields = {k: v for k, v in fields.items() if v is not None}
    if origin and origin.entry_type == "toml":
        return front_matter_edit.edit("+++\n+++\n", fields, "new page", front_matter_edit.TOML) + body
    return _yaml_document(fields) + body


# --- the owner --------------------------------------------------------------------------------------------


def author_file(profile: Profile) -> str:
    """data/authors/me.yaml in the kit's schema (hugoblox/author/v1): the owner, their role and links."""
    from profilebot.render.site import papers

    person = profile.person
    given, family = person.name_parts()
    fields: dict[str, Any] = {"schema": "hugoblox/author/v1", "slug": OWNER_SLUG, "is_owner": True,
                              "name": {"display": person.name, "given": given, "family": family}}
    if person.headline:
        fields["role"] = person.headline
    if person.bio:
        fields["bio"] = person.bio
    affiliations = _affiliations(profile)
    if affiliations:
        fields["affiliations"] = [{"name": name} for name in affiliations]
    links = [{"icon": "at-symbol", "url": f"mailto:{email}", "label": "E-mail"}
             for email in [person.public_contacts().get("email")] if email]
    links += [{"icon": _ICONS.get(link.label, "hero/link"), "url": link.url, "label": link.label}
              for link in papers.profile_links(person)]
    if links:
        fields["links"] = links
    if profile.interests:
        fields["interests"] = list(profile.interests)
    document = front_matter_edit.edit("---\n---\n", fields, AUTHOR_FILE)
    return AUTHOR_MARK + document.removeprefix("---\n").removesuffix("---\n")


_ICONS = {"GitHub": "brands/github", "GitLab": "brands/gitlab", "LinkedIn": "brands/linkedin", "X": "brands/x",
          "Google Scholar": "academicons/google-scholar", "ORCID": "academicons/orcid", "dblp": "academicons/dblp",
          "ResearchGate": "academicons/researchgate", "Semantic Scholar": "academicons/semantic-scholar",
          "Bluesky": "brands/bluesky"}


def _affiliations(profile: Profile) -> list[str]:
    """The organizations of the positions going on now (no end date), in the profile's order."""
    current = [p.organization for p in profile.positions if p.end is None]
    return list(dict.fromkeys(current))


# --- helpers ----------------------------------------------------------------------------------------------


def _split_lead(text: str) -> tuple[str, str]:
    """Blank lines Hugo skips before the front matter (kept as they are), and the page from its fence on."""
    stripped = text.lstrip(" \t\r\n")
    return text[:len(text) - len(stripped)], stripped


def _text(value: Any) -> str:
    return " ".join(str(value).split()) if value else ""
