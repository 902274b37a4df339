"""The lab's one publication list: every member's works from their time in the lab, a work several members
list appearing once (identity as in model/matching.py: DOI, arXiv, normalised title + year, preprint ↔
published), marked with every member who lists it."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from profilebot.lab import authors
from profilebot.lab.model import Lab, Member
from profilebot.model import matching
from profilebot.model.profile import Author, Origin, Person, Profile, Publication


@dataclass(frozen=True)
class LabWork:
    """One work of the lab: the record shown (a published version over a preprint), the members who wrote it
    (those who list it, and those named among its authors: lab/authors.py) and which author each member is."""

    publication: Publication
    members: tuple[str, ...]  # member ids, in lab.yaml's order
    authors: tuple[str | None, ...] = ()  # per author of `publication`: the member id, or None

    @property
    def year(self) -> int | None:
        return self.publication.year


def in_tenure(member: Member, profile: Profile) -> list[Publication]:
    """The member's publications dated inside their time in the lab."""
    return [p for p in profile.publications if member.covers(p.date)]


def lab_works(lab: Lab, profiles: Mapping[str, Profile]) -> tuple[LabWork, ...]:
    """Every member's works from their tenure, deduplicated, newest first (ties in lab.yaml's member order), each
    marked with every member who wrote it."""
    records: list[tuple[Member, Publication]] = []
    for member in lab.members:
        profile = profiles.get(member.id)
        if profile is not None:
            records += [(member, p) for p in in_tenure(member, profile)]
    works = [dataclasses.replace(matching.from_publication(p), key=f"{i}") for i, (_, p) in enumerate(records)]
    roster = authors.Roster(lab, profiles)
    found = []
    for group in matching.cluster(works):
        chooser, chosen = records[int(matching.representative(group).key)]
        ids = {records[int(w.key)][0].id for w in group}
        listing = tuple(m.id for m in lab.members if m.id in ids)
        members, marked = authors.marked(roster, chosen, listing, chooser.id)
        found.append(LabWork(chosen, members, marked))
    return tuple(sorted(found, key=lambda w: w.publication.date.first_day() if w.publication.date else (0, 0, 0),
                        reverse=True))


def by_member(works: tuple[LabWork, ...]) -> dict[str, tuple[LabWork, ...]]:
    """Each member's works in the list's order, in one pass (a department has hundreds of members)."""
    found: dict[str, list[LabWork]] = {}
    for work in works:
        for member_id in work.members:
            found.setdefault(member_id, []).append(work)
    return {member_id: tuple(listed) for member_id, listed in found.items()}


def as_profile(lab: Lab, works: tuple[LabWork, ...], on_site: Mapping[str, Person] | None = None,
               members_named: bool = False) -> Profile:
    """The lab's list as one profile, so the exporters write its BibTeX and CSL-JSON as they write a person's.

    Members choose their ids alone, so two may use one id for different works: the later gets the member's id
    appended (smith2021deep-ada), since every exporter keys its entries by the id.

    `on_site` (member id → Person) makes the profile a template's site adapter renders the lab's pages from:
    no work carries the origin it had on a member's own site (its path there is not a page of the lab's site),
    no author is the profile's owner (the lab has none), and, with `members_named`, each author who is a member
    is written with the member's own name, which is how a template whose pages name people by profile (Hugo
    Blox's author slugs) finds them.
    """
    taken: set[str] = set()
    publications = []
    for work in works:
        key = work.publication.id
        if key in taken:
            key = f"{key}-{work.members[0]}"
        while key in taken:
            key += "x"
        taken.add(key)
        publication = dataclasses.replace(work.publication, id=key, todo=None, selected=False)
        if on_site is not None:
            # A site's page keeps what the member marked (Hugo's `featured`, al-folio's `selected`).
            marked = work.authors or (None,) * len(publication.authors)
            publication = dataclasses.replace(publication, selected=work.publication.selected, origin=None,
                                              authors=tuple(_as_member(author, on_site[member])
                                                            if members_named and member is not None
                                                            and member in on_site
                                                            else dataclasses.replace(author, self=False)
                                                            for author, member in zip(publication.authors, marked,
                                                                                      strict=True)))
        publications.append(publication)
    return Profile(person=Person(name=lab.name), publications=tuple(publications))


def _as_member(author: Author, person: Person) -> Author:
    given, family = person.name_parts()
    return dataclasses.replace(author, name=person.name, given=given, family=family, self=False)


def on_pages(listed: Profile, found: Sequence[tuple[matching.Work, Origin]]) -> Profile:
    """`listed` (as_profile's, for a site) with each work the site already holds a page or entry for taking that
    page as its origin, so the template's adapter edits it in place instead of adding a second one.

    `found`: the site's own entries as the template's importer reads them. A page is the work's when
    model/matching says they are one work (DOI, arXiv, ISBN, normalised title and year, a preprint and its
    paper); a page is one work's only, the first the matching pairs it with.
    """
    ours = [dataclasses.replace(matching.from_publication(p), key=str(i)) for i, p in enumerate(listed.publications)]
    theirs = [dataclasses.replace(work, key=str(i)) for i, (work, _) in enumerate(found)]
    origins: dict[int, Origin] = {}
    for pair in matching.match(ours, theirs).pairs:
        origins.setdefault(int(pair.ours.key), found[int(pair.theirs.key)][1])
    return dataclasses.replace(listed, publications=tuple(
        dataclasses.replace(p, origin=origins[i]) if i in origins else p for i, p in enumerate(listed.publications)))


def origin_of(entry: Mapping[str, object]) -> Origin | None:
    """The `origin` an importer gave an entry (a mapping as profile.yaml writes it), as the model's value."""
    found = entry.get("origin")
    if not isinstance(found, Mapping) or not isinstance(found.get("template"), str):
        return None
    fields, body = found.get("fields"), found.get("body")
    return Origin(template=str(found["template"]), path=str(found["path"]) if found.get("path") else None,
                  fields=dict(fields) if isinstance(fields, Mapping) else {},
                  body=body if isinstance(body, str) else None)
