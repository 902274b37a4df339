"""Snapshot: what a repository branch holds now, as git blob SHAs by path (never the file contents)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Iterable, Mapping

from profilebot.render.artifact import Artifact


def blob_sha(data: bytes) -> str:
    """The SHA-1 git gives `data` as a blob: equal SHAs mean equal bytes, so nothing needs downloading."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


@dataclass(frozen=True)
class Snapshot:
    """The files of one tree (path → blob SHA) and the tree's own SHA, as read in one request."""

    files: Mapping[str, str] = field(default_factory=dict)
    tree_sha: str | None = None

    def sha(self, path: str) -> str | None:
        return self.files.get(path)


def snapshot_of(artifacts: Iterable[Artifact], tree_sha: str | None = None) -> Snapshot:
    """The snapshot a repository holding exactly `artifacts` would give (for tests and dry reasoning)."""
    return Snapshot({a.path: a.git_blob_sha() for a in artifacts}, tree_sha)


def snapshot_of_files(files: Mapping[str, bytes]) -> Snapshot:
    return Snapshot({path: blob_sha(data) for path, data in files.items()})
