"""Artifact(path, data, media_type) and the Exporter protocol every output-format module follows."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any, Protocol

from profilebot.model.profile import Profile


@dataclass(frozen=True)
class Artifact:
    """One output file: a relative POSIX path and its exact bytes (UTF-8, `\\n` line endings for text)."""

    path: str
    data: bytes
    media_type: str = "text/plain"

    @classmethod
    def text(cls, path: str, text: str, media_type: str = "text/plain") -> Artifact:
        return cls(path, text.encode("utf-8"), media_type)

    def git_blob_sha(self) -> str:
        """The SHA-1 git gives this content as a blob, to compare with a repository without downloading."""
        return hashlib.sha1(b"blob %d\0" % len(self.data) + self.data).hexdigest()


class Exporter(Protocol):
    """A module in render/: NAME ("bibtex"), DEFAULT_PATH ("publications.bib"), MEDIA_TYPE, render().

    A CV output (cv_markdown) also sets CV_VIEW = True: its render takes the publications' grouping too
    (profilebot.yaml's `cv: publications:`, a cv_view.Grouping), so it groups them as the PDF does."""

    NAME: str
    DEFAULT_PATH: str
    MEDIA_TYPE: str

    def render(self, profile: Profile) -> str: ...


def export(exporter: Exporter, profile: Profile, path: str | None = None, grouping: Any = None) -> Artifact:
    """The exporter's file; `grouping` reaches only a CV output (CV_VIEW), which groups the publications by it."""
    if grouping is not None and getattr(exporter, "CV_VIEW", False):
        text = exporter.render(profile, grouping)  # type: ignore[call-arg]
    else:
        text = exporter.render(profile)
    return Artifact.text(path or exporter.DEFAULT_PATH, text, exporter.MEDIA_TYPE)
