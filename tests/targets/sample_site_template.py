"""A complete site template that edits pages in place (the adapter contract of ARCHITECTURE.md, "Site
adapters"), for tests of the plumbing: each paper is a page with YAML front matter at its `origin.path` (a
page imported from the person's site) or at `papers/<id>.md`. The profile gives the `title` key, edited in
place with render/site/front_matter_edit; every other key and the body stay as the site holds them — except
that a paper whose origin carries a `body` gets that body, as an adapter that rewrites a body from the
profile would (so a body edited on the site since the import would be lost: what `site.allow_removals` is for).
A paper imported from a page must be read (True); the bot's own pages may stay unread (False).

Registered by a test: `monkeypatch.setitem(plugins.SITE_TEMPLATES, NAME, __name__)` and NAME added to the
settings schema's site.template enum.
"""

from __future__ import annotations

from typing import Any, Collection, Mapping

from profilebot.model.profile import Profile, Publication
from profilebot.render.artifact import Artifact
from profilebot.render.site import front_matter, front_matter_edit

NAME = "sample-in-place"
SUMMARY = "a sample template of the tests"
CV_PDF = "files/cv.pdf"
OWNED_PATHS = ("papers/", CV_PDF)


def page(paper: Publication) -> str:
    return paper.origin.path if paper.origin and paper.origin.path else f"papers/{paper.id}.md"


def reads(profile: Profile, options: Mapping[str, Any], present: Collection[str]) -> dict[str, bool]:
    return {page(paper): bool(paper.origin) for paper in profile.publications if page(paper) in present}


def render(profile: Profile, options: Mapping[str, Any], existing: Mapping[str, bytes] = {}) -> list[Artifact]:
    artifacts = []
    for paper in profile.publications:
        path = page(paper)
        if path in existing:
            text = front_matter_edit.edit(existing[path].decode("utf-8"), {"title": paper.title}, path)
            if paper.origin and paper.origin.body is not None:
                parsed = front_matter_edit.parse(text, path)
                text = text[:parsed.body_start] + paper.origin.body
        else:
            text = front_matter.document({"title": paper.title}, "made by profilebot\n")
        artifacts.append(Artifact.text(path, text, "text/markdown"))
    return artifacts
