"""An id that names another entry must exist: a project's position and papers, an award's paper, and so on.

Entries refer to each other by id (a project to its position and its paper, an award to the paper it
honours, a preprint to its published version). A misspelt or deleted id would silently drop the link
from the website and the exports. Papers may be publications or patents, except `preprint_of`, which
must name a publication.

PASS:
    person:
      name: Ada Lovelace
    projects:
      - id: engine
        name: The Analytical Engine
        publication: notes
    publications:
      - id: notes
        type: journal-article
        status: published
        title: Notes on the Analytical Engine
        authors: [Ada Lovelace]
        date: 1843

FAIL:
    person:
      name: Ada Lovelace
    projects:
      - id: engine
        name: The Analytical Engine
        publication: notes-1843
    publications:
      - id: notes
        type: journal-article
        status: published
        title: Notes on the Analytical Engine
        authors: [Ada Lovelace]
        date: 1843
"""

from __future__ import annotations

import difflib
from typing import Any, Iterable, Iterator

from profilebot.model.profile import Profile
from profilebot.findings import Path

CODE = "PB403"
NAME = "dangling-reference"
SEVERITY = "error"
FIXABLE = False  # `check --fix` has no mechanical fix for this
MESSAGE = "{field} refers to '{ref}', but there is no {kind} with that id{guess}."
HINT = "Use the id exactly as written on the entry it refers to (ids are case-sensitive)."


def _references(profile: Profile) -> Iterator[tuple[Path, str, str, str]]:
    """(path, field name, referenced id, kind) for every reference in the profile."""
    for index, project in enumerate(profile.projects):
        if project.position:
            yield ("projects", index, "position"), "position", project.position, "position"
        if project.publication:
            yield ("projects", index, "publication"), "publication", project.publication, "work"
        for number, ref in enumerate(project.related_publications):
            yield ("projects", index, "related_publications", number), "related_publications", ref, "work"
    for index, award in enumerate(profile.awards):
        if award.publication:
            yield ("awards", index, "publication"), "publication", award.publication, "work"
    for index, position in enumerate(profile.positions):
        for number, ref in enumerate(position.projects):
            yield ("positions", index, "projects", number), "projects", ref, "project"
    for index, paper in enumerate(profile.publications):
        if paper.preprint_of:
            yield ("publications", index, "preprint_of"), "preprint_of", paper.preprint_of, "publication"


def _ids(entries: Iterable[object]) -> set[str]:
    return {entry.id for entry in entries if getattr(entry, "id", None)}  # type: ignore[attr-defined]


def check(profile: Profile) -> Iterator[tuple[Path, dict[str, Any]]]:
    publications = _ids(profile.publications)
    known = {"position": _ids(profile.positions), "project": _ids(profile.projects), "publication": publications,
             "work": publications | _ids(profile.patents)}
    names = {"position": "position", "project": "project", "publication": "publication",
             "work": "publication or patent"}
    for path, field, ref, kind in _references(profile):
        if ref not in known[kind]:
            close = difflib.get_close_matches(ref, known[kind], n=1, cutoff=0.7)
            yield path, {"field": f"{path[0]}[{path[1]}].{field}", "ref": ref, "kind": names[kind],
                         "guess": f" (did you mean '{close[0]}'?)" if close else ""}
