"""plan(desired, snapshot) → Plan: the files to add, change or remove within a target's owned paths, and why."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Callable, Iterable, Mapping, Sequence

from profilebot.diff import publications
from profilebot.diff.entries import EntryAddition
from profilebot.diff.losses import Loss
from profilebot.diff.publications import ItemChange
from profilebot.diff.snapshot import Snapshot
from profilebot.render.artifact import Artifact

if TYPE_CHECKING:  # review.py reads the importers' candidates: not loaded for a plan of files alone
    from profilebot.diff.review import Review

ADDED, CHANGED, REMOVED = "added", "changed", "removed"


@dataclass(frozen=True)
class Ownership:
    """The paths a target may write: exact files and folders (ending in "/"), from the repository root.

    Everything else in the repository belongs to people, even a file that looks like one of ours.
    """

    patterns: tuple[str, ...]

    @classmethod
    def under(cls, folder: str, patterns: Iterable[str]) -> Ownership:
        """The same patterns for a target that lives in a sub-folder of the repository (site.path: docs)."""
        return cls(tuple(publications.join(folder, pattern) for pattern in patterns))

    def owns(self, path: str) -> bool:
        return any(path == pattern or (pattern.endswith("/") and path.startswith(pattern))
                   for pattern in self.patterns)


@dataclass(frozen=True)
class FileChange:
    path: str
    kind: str
    data: bytes | None = None  # None for a removal
    label: str | None = None  # what the file is to a reader ("BibTeX"), when the target knows
    items: tuple[ItemChange, ...] | None = None  # the paper changes this file carries; None: not known per file


@dataclass(frozen=True)
class Plan:
    """Everything one sync would change in one target; empty means no commit and no pull request."""

    target: str
    files: tuple[FileChange, ...] = ()
    items: tuple[ItemChange, ...] = ()
    additions: tuple[EntryAddition, ...] = ()  # the profile target: entries its one file change adds
    kept: tuple[str, ...] = ()  # files the target would write that are the person's: left alone (no drift)
    # What files would lose (diff/losses.py), by path: those written with site.allow_removals, and those `held`
    # back without it (not written, so no drift either; the run says why).
    losses: Mapping[str, tuple[Loss, ...]] = field(default_factory=dict)
    held: tuple[str, ...] = ()
    # The template's extras (the CV PDF) not added to a site the person brought: path → the setting that adds them.
    left_out: Mapping[str, str] = field(default_factory=dict)
    # The profile target's works held back and declined, and the memory it keeps (the dashboard shows them).
    review: Review | None = None

    @property
    def is_empty(self) -> bool:
        return not self.files

    def count(self, kind: str) -> int:
        return sum(change.kind == kind for change in self.files)

    def paths(self) -> list[str]:
        return [change.path for change in self.files]

    def fingerprint(self) -> str:
        """Equal for two plans that make the same change, so an open PR that already holds it is left alone."""
        digest = hashlib.sha1()
        for change in self.files:
            data = b"" if change.data is None else change.data
            digest.update(b"%s\0%s\0%d\0" % (change.path.encode(), change.kind.encode(), len(data)) + data)
        return digest.hexdigest()


@dataclass(frozen=True)
class Desired:
    """What a target should hold: its rendered files and the paths it owns (the files' paths are owned too)."""

    artifacts: tuple[Artifact, ...]
    ownership: Ownership
    labels: Mapping[str, str] = field(default_factory=dict)
    additions: tuple[EntryAddition, ...] = ()  # why the profile target's file differs, entry by entry
    works: Mapping[str, str] = field(default_factory=dict)  # path → what that file carries (publications.carried)
    kept: tuple[str, ...] = ()  # rendered files left out because they would replace a file the bot did not write
    losses: Mapping[str, tuple[Loss, ...]] = field(default_factory=dict)  # see Plan.losses
    held: tuple[str, ...] = ()
    left_out: Mapping[str, str] = field(default_factory=dict)  # see Plan.left_out
    # The papers' changes against the site itself, for a site that holds no manifest of ours (site_files.on_site).
    site_items: tuple[ItemChange, ...] | None = None
    review: Review | None = None  # see Plan.review

    def manifest(self) -> Artifact | None:
        return next((a for a in self.artifacts if a.path.endswith(publications.MANIFEST_NAME)), None)


def needs_previous_manifest(desired: Desired, snapshot: Snapshot) -> str | None:
    """The manifest's blob SHA in the snapshot when it differs from ours: the one blob worth downloading."""
    ours = desired.manifest()
    if ours is None:
        return None
    theirs = snapshot.sha(ours.path)
    return theirs if theirs is not None and theirs != ours.git_blob_sha() else None


def plan(target: str, desired: Desired, snapshot: Snapshot, previous_manifest: bytes | None = None) -> Plan:
    """Compare by blob SHA only; `previous_manifest` (the snapshot's manifest bytes) explains paper changes."""
    wanted = {artifact.path: artifact for artifact in desired.artifacts}
    files = [_change(artifact, snapshot.sha(path), desired.labels.get(path)) for path, artifact in sorted(wanted.items())]
    removable = _removable(desired, snapshot, previous_manifest)
    # A file left alone (the person's, or held back because writing it would lose content) is never removed.
    alone = {*desired.kept, *desired.held}
    files += [FileChange(path, REMOVED, None, desired.labels.get(path)) for path in sorted(snapshot.files)
              if path not in wanted and path not in alone and desired.ownership.owns(path) and removable(path)]
    changes = tuple(change for change in files if change is not None)
    if _bookkeeping_only(changes, desired, previous_manifest):
        changes = ()
    if not changes:
        return Plan(target, kept=desired.kept, losses=desired.losses, held=desired.held, left_out=desired.left_out,
                    review=desired.review)
    return Plan(target, _per_file_items(changes, desired, snapshot, previous_manifest),
                _item_changes(desired, snapshot, previous_manifest), desired.additions, desired.kept,
                desired.losses, desired.held, desired.left_out, desired.review)


def _bookkeeping_only(changes: tuple[FileChange, ...], desired: Desired, previous: bytes | None) -> bool:
    """The manifest is the only change: added to a repository where nothing else changes (right after
    `import`, the site already holds everything: nothing of ours to record yet), or differing only in its
    recorded SHAs (publications.differs_only_in_blobs). A pull request for that alone would show people nothing."""
    ours = desired.manifest()
    if ours is None or len(changes) != 1 or changes[0].path != ours.path:
        return False
    return changes[0].kind == ADDED or (changes[0].kind == CHANGED
                                        and publications.differs_only_in_blobs(previous, ours.data))


def _removable(desired: Desired, snapshot: Snapshot, previous: bytes | None) -> Callable[[str], bool]:
    """Adopt, don't clobber: where our manifest lists the files we write, remove only files an earlier run of
    ours wrote. A repository with no manifest of ours has no file of ours yet, so nothing there is removed."""
    ours = desired.manifest()
    if ours is None or publications.written(ours.data) is None:
        return lambda path: True  # a target that owns its paths outright
    theirs = snapshot.sha(ours.path)
    if theirs is None:
        return lambda path: False
    ours_written = theirs == ours.git_blob_sha()
    earlier = publications.written(ours.data if ours_written else previous)
    if earlier is None:  # a manifest of ours from before it listed files: its paths were all ours
        return lambda path: True
    return earlier.__contains__


def _per_file_items(files: tuple[FileChange, ...], desired: Desired, snapshot: Snapshot,
                    previous: bytes | None) -> tuple[FileChange, ...]:
    """Each added or changed file of a target that says which works it carries gets its own paper changes."""
    ours = desired.manifest()
    if not desired.works or ours is None or snapshot.sha(ours.path) == ours.git_blob_sha():
        return files
    old, new = publications.parse(previous), publications.parse(ours.data)
    return tuple(replace(change, items=publications.changes(old, new, desired.works[change.path]))
                 if change.path in desired.works and change.kind != REMOVED else change for change in files)


def _change(artifact: Artifact, current_sha: str | None, label: str | None) -> FileChange | None:
    if current_sha == artifact.git_blob_sha():
        return None
    return FileChange(artifact.path, ADDED if current_sha is None else CHANGED, artifact.data, label)


def _item_changes(desired: Desired, snapshot: Snapshot, previous: bytes | None) -> tuple[ItemChange, ...]:
    """Against the manifest the repository holds; without one, against the files themselves when the target
    knows them (a site's pages), so a paper already on the site is never called new."""
    ours = desired.manifest()
    if ours is None or snapshot.sha(ours.path) == ours.git_blob_sha():
        return ()
    if snapshot.sha(ours.path) is None and desired.site_items is not None:
        return desired.site_items
    return publications.changes(publications.parse(previous), publications.parse(ours.data))


def apply_to(files: Mapping[str, bytes], plan: Plan) -> dict[str, bytes]:
    """The files after the plan is carried out: what the bot's commit tree holds (used by tests)."""
    result = dict(files)
    for change in plan.files:
        if change.kind == REMOVED:
            result.pop(change.path, None)
        else:
            result[change.path] = change.data or b""
    return result


def describe(changes: Sequence[FileChange]) -> str:
    """"2 added, 1 changed" — the words every report uses for a set of file changes."""
    counts = [(kind, sum(c.kind == kind for c in changes)) for kind in (ADDED, CHANGED, REMOVED)]
    return ", ".join(f"{n} {kind}" for kind, n in counts if n) or "no changes"
