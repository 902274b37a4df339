"""Site test helpers: a hostile variant of a profile, and writing rendered artifacts to a folder."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from profilebot.model.profile import Profile, Publication
from profilebot.render.artifact import Artifact

# Titles a template must print literally: Liquid that would run, HTML that would render, a raw block breaker.
HOSTILE_TITLES = (
    "Liquid {{ site.title }} and {% raw %} tags {% endraw %} stay text",
    "HTML <b>bold</b> & <script>alert(1)</script> \"quoted\" stays text",
    "YAML: yes, --- and #comment stay text",
)


def write(artifacts: list[Artifact], folder: Path) -> Path:
    for artifact in artifacts:
        target = folder / artifact.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(artifact.data)
    return folder


def hostile(profile: Profile) -> Profile:
    """The default profile with its first papers retitled, a javascript: link and a relative PDF link added."""
    papers: list[Publication] = list(profile.publications)
    for index, title in enumerate(HOSTILE_TITLES):
        papers[index] = dataclasses.replace(papers[index], title=title)
    papers[0] = dataclasses.replace(papers[0], links={"code": "javascript:alert(1)", "pdf": "papers/first.pdf",
                                                      "video": "//cdn.example.com/v.mp4"})
    return dataclasses.replace(profile, publications=tuple(papers))
