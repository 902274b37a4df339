"""A project and the paper it names should not carry two versions of the same title.

A CV often describes a project in its research section and lists the paper it produced among the
publications. A project may well be described in other words than the paper's title; but when the
two read almost the same and still differ ("Multi-modal Learning for …" against "Muti-representation
Learning for …"), one of them is a typo or an old title, and readers (and Scholar) see two works
where there is one. The rule compares, ignoring case and punctuation, the project's name (and its
part after an "ACRONYM:" prefix) with the paper's title: equal, one containing the other, or the
same acronym prefix is agreement; a similarity of 80% or more without those is reported.

PASS:
    person:
      name: Ada Lovelace
    projects:
      - id: engine
        name: "ENGINE: Sketch of the Analytical Engine"
        publication: sketch
    publications:
      - id: sketch
        type: journal-article
        status: published
        title: Sketch of the Analytical Engine Invented by Charles Babbage
        authors: [Ada Lovelace]

FAIL:
    person:
      name: Ada Lovelace
    projects:
      - id: engine
        name: "ENGINE: Sketch of the Analytical Engine"
        publication: sketch
    publications:
      - id: sketch
        type: journal-article
        status: published
        title: Sketch of the Analytic Engines
        authors: [Ada Lovelace]
"""

from __future__ import annotations

import difflib
import re
from typing import Any, Iterator

from profilebot.model.profile import Profile
from profilebot.findings import Path

CODE = "PB206"
NAME = "project-title-mismatch"
SEVERITY = "warning"
FIXABLE = False  # `check --fix` has no mechanical fix for this
MESSAGE = ("project '{project}' and the paper it names ('{paper_id}') give two versions of one title: "
           "{project_title!r} vs {paper_title!r}.")
HINT = "Use the paper's exact title in the project (or correct the paper's title), so both read the same."
SIMILAR = 0.8


def _fold(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def _parts(title: str) -> tuple[str, str]:
    """(prefix before ':', rest) folded; prefix is '' when there is no colon."""
    prefix, colon, rest = title.partition(":")
    return (_fold(prefix), _fold(rest)) if colon else ("", _fold(title))


def _two_versions(project_name: str, paper_title: str) -> bool:
    (project_prefix, project_rest), (paper_prefix, paper_rest) = _parts(project_name), _parts(paper_title)
    if project_prefix and project_prefix == paper_prefix:
        return False  # the same named system, described in other words
    projects = {_fold(project_name), project_rest}
    papers = {_fold(paper_title), paper_rest}
    if any(f" {a} " in f" {b} " or f" {b} " in f" {a} " for a in projects for b in papers):
        return False
    similarity = max(difflib.SequenceMatcher(None, a, b).ratio() for a in projects for b in papers)
    return similarity >= SIMILAR


def check(profile: Profile) -> Iterator[tuple[Path, dict[str, Any]]]:
    papers = {p.id: p for p in profile.publications}
    for index, project in enumerate(profile.projects):
        paper = papers.get(project.publication or "")
        if paper and _two_versions(project.name, paper.title):
            yield ("projects", index, "name"), {"project": project.id, "paper_id": paper.id,
                                                "project_title": project.name, "paper_title": paper.title}
