"""A work must be listed once: no two publications with the same DOI, or with the same title.

A paper pasted twice (once from Scholar, once by hand) appears twice on the website and in every
export, and ORCID would hold two copies. DOIs are compared after normalisation (case, resolver
prefix); titles after folding case, accents, punctuation and spacing. A preprint that names its
published version in `preprint_of` may share its title. Two entries with one title that something tells apart
(model.matching.told_apart: two DOIs, years, venues, first authors, or a preprint whose authors differ from
the paper's) are two works, as import and the drift reports see them: a conference abstract and the journal
paper of the same title, say.

PASS:
    person:
      name: Ada Lovelace
    publications:
      - id: notes
        type: journal-article
        status: published
        title: Notes on the Analytical Engine
        authors: [Ada Lovelace]
        date: 1843
      - id: notes-preprint
        type: preprint
        status: preprint
        title: Notes on the Analytical Engine
        authors: [Ada Lovelace]
        preprint_of: notes

FAIL:
    person:
      name: Ada Lovelace
    publications:
      - id: notes
        type: journal-article
        status: published
        title: Notes on the Analytical Engine
        authors: [Ada Lovelace]
        date: 1843
      - id: notes-again
        type: journal-article
        status: published
        title: "Notes on the analytical engine."
        authors: [Ada Lovelace]
        date: 1843
"""

from __future__ import annotations

from typing import Any, Iterator

from profilebot.model.identifiers import normalize_doi
from profilebot.model.matching import Work, from_publication, told_apart
from profilebot.model.names import fold
from profilebot.model.profile import Profile
from profilebot.findings import Path

CODE = "PB201"
NAME = "duplicate-publication"
SEVERITY = "error"
FIXABLE = False  # `check --fix` has no mechanical fix for this
MESSAGE = "publication '{id}' repeats '{first}': {what}."
HINT = ("Keep one entry and delete the other; if one is the preprint of the other, set preprint_of: <id> on the "
        "preprint.")


def check(profile: Profile) -> Iterator[tuple[Path, dict[str, Any]]]:
    by_doi: dict[str, str] = {}
    by_title: dict[str, list[Work]] = {}
    preprint_of = {paper.id: paper.preprint_of for paper in profile.publications}
    for index, paper in enumerate(profile.publications):
        doi = normalize_doi(paper.doi) if paper.doi else None
        if doi and doi in by_doi:
            yield ("publications", index, "doi"), {"id": paper.id, "first": by_doi[doi], "what": f"the same DOI {doi}"}
            continue
        work = from_publication(paper)
        earlier = by_title.setdefault(fold(paper.title), [])
        first = next((other.key for other in earlier if not told_apart(other, work, by_venue=True)
                      and not _preprint_pair(preprint_of, paper.id, other.key)), None)
        if first is not None:
            yield ("publications", index, "title"), {"id": paper.id, "first": first, "what": "the same title"}
        if doi:
            by_doi.setdefault(doi, paper.id)
        earlier.append(work)


def _preprint_pair(preprint_of: dict[str, str | None], one: str, other: str) -> bool:
    return preprint_of.get(one) == other or preprint_of.get(other) == one
