"""A complete site template that edits pages in place (the adapter contract of ARCHITECTURE.md), for tests of
the plumbing: each paper is `papers/<id>.md`, whose first line is the paper's title and whose every other
line is the page's own (kept as the site holds it). A paper imported from a page (`origin.path`) must be read
(True); the bot's own pages may stay unread while they hold exactly what it wrote (False).

Registered by a test with one line: `monkeypatch.setitem(plugins.SITE_TEMPLATES, NAME, __name__)`.
"""

from __future__ import annotations

from typing import Any, Collection, Mapping

from profilebot.model.profile import Profile
from profilebot.render.artifact import Artifact

NAME = "sample-in-place"
CV_PDF = "files/cv.pdf"
OWNED_PATHS = ("papers/", CV_PDF)


def page(paper_id: str, profile: Profile) -> str:
    paper = next(p for p in profile.publications if p.id == paper_id)
    return paper.origin.path if paper.origin and paper.origin.path else f"papers/{paper.id}.md"


def reads(profile: Profile, options: Mapping[str, Any], present: Collection[str]) -> dict[str, bool]:
    wanted = {}
    for paper in profile.publications:
        path = page(paper.id, profile)
        if path in present:
            wanted[path] = bool(paper.origin and paper.origin.path)
    return wanted


def render(profile: Profile, options: Mapping[str, Any], existing: Mapping[str, bytes] = {}) -> list[Artifact]:
    artifacts = []
    for paper in profile.publications:
        path = page(paper.id, profile)
        own = existing[path].split(b"\n", 1)[1] if path in existing else b"made by profilebot\n"
        artifacts.append(Artifact(path, f"{paper.title}\n".encode() + own, "text/markdown"))
    return artifacts
