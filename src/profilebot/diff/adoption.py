"""Adopt, don't clobber: which of a site's files its template reads to edit them in place, and which rendered
files would write over a file the person made (those are left out, and the run says so).

Pure: the caller (the site target through the GitHub gateway, `build` from a folder) supplies the site's
files as path → git blob SHA (`present`, paths from the site's root) and reads bytes only when asked here.
A template's `reads` says, per file, True (must be read: the person's own page) or False (may stay unread
while it holds exactly what the bot wrote, by the manifest's recorded SHA). Reading is lazy in two steps, so
a run with no drift downloads no more than before:

1. the True files are read and the site rendered with them;
2. a False file whose bytes already equal what was rendered needs no reading (nothing would change); for the
   rest the manifest's recorded SHA decides, and only files changed since the bot wrote them are read, after
   which the site is rendered once more with them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Collection, Iterable, Mapping, Sequence

from profilebot.render.artifact import Artifact

Render = Callable[[Mapping[str, bytes]], list[Artifact]]
Read = Callable[[Sequence[str]], Mapping[str, bytes]]


@dataclass(frozen=True)
class Adopted:
    """The files to write, the person's files left alone (their paths), and what was read to get there."""

    artifacts: tuple[Artifact, ...]
    kept: tuple[str, ...] = ()
    existing: Mapping[str, bytes] = field(default_factory=dict)  # the files read, as the site holds them

    @property
    def read(self) -> tuple[str, ...]:
        return tuple(sorted(self.existing))


def adopt(render: Render, wanted: Mapping[str, bool], present: Mapping[str, str], read: Read,
          recorded: Callable[[], Mapping[str, str]],
          written: Callable[[Sequence[Artifact]], Collection[str] | None]) -> Adopted:
    """Render the site with the files it edits in place, then leave out what would replace a person's file.

    `recorded()`: the manifest's path → SHA of what the bot wrote; `written(artifacts)`: the files the site's
    manifest says the bot wrote (None: a manifest of ours from before it listed them, so all were ours),
    given what this run would write. Both are called only when needed (each may cost a request).
    """
    first = must_read(wanted, present)
    existing = dict(read(first)) if first else {}
    artifacts = render(existing)
    unsure = unread_differ(wanted, present, artifacts)
    later = changed_since_written(unsure, present, recorded()) if unsure else []
    if later:
        existing |= read(later)
        artifacts = render(existing)
    collide = collisions(artifacts, present, wanted)
    kept = theirs(collide, written(artifacts)) if collide else []
    return Adopted(tuple(a for a in artifacts if a.path not in kept), tuple(kept), existing)


def must_read(wanted: Mapping[str, bool], present: Mapping[str, str]) -> list[str]:
    """The files the template must read (True) that the site holds."""
    return sorted(path for path, must in wanted.items() if must and path in present)


def unread_differ(wanted: Mapping[str, bool], present: Mapping[str, str], rendered: Iterable[Artifact]) -> list[str]:
    """The files that may stay unread (False) whose copy on the site is not what was rendered without them."""
    made = {artifact.path: artifact.git_blob_sha() for artifact in rendered}
    return sorted(path for path, must in wanted.items()
                  if not must and path in present and present[path] != made.get(path))


def changed_since_written(paths: Iterable[str], present: Mapping[str, str], recorded: Mapping[str, str]) -> list[str]:
    """Of `paths`, those not holding the exact bytes the bot recorded writing: someone edited them since."""
    return sorted(path for path in paths if recorded.get(path) != present.get(path))


def collisions(artifacts: Iterable[Artifact], present: Mapping[str, str], edited: Collection[str]) -> list[str]:
    """Rendered files that would replace different bytes on the site, other than files edited in place."""
    return sorted(a.path for a in artifacts
                  if a.path not in edited and a.path in present and present[a.path] != a.git_blob_sha())


def theirs(paths: Iterable[str], written: Collection[str] | None) -> list[str]:
    """Of `paths`, those the bot never wrote: the person's. `written` None: an older manifest of ours that did
    not list its files, whose paths were all the bot's."""
    return [] if written is None else sorted(path for path in paths if path not in written)


KEPT_REASON = "profilebot did not write it"


def kept_note(path: str) -> str:
    """What the run says about a file it left alone."""
    return f"{path} is yours ({KEPT_REASON}): left alone, the generated one is not written"


def extras_left_out(extras: Mapping[str, str], settings: Mapping[str, object], present: Collection[str],
                    brought: bool) -> dict[str, str]:
    """Of a template's extras (path → the site setting that adds it: outputs the profile's entries do not
    need, such as the CV PDF), those not to add: path → that setting.

    An extra goes to a site profilebot set up: one that does not hold the template's content the profile
    came from (`brought`: pages or papers.bib its entries were imported from). A site the person brought gets
    it when they opt in (`settings[setting]` true), or when the bot's manifest lists it (not_listed). An
    extra the site holds already is not decided here: it is rendered, and kept if it is the person's.
    """
    if not brought:
        return {}
    return {path: setting for path, setting in extras.items()
            if path not in present and settings.get(setting) is not True}


def not_listed(left_out: Mapping[str, str], written: Collection[str] | None) -> dict[str, str]:
    """Of the extras left out, those the site's manifest does not list (`written`: the files it says the bot
    wrote; None for an older manifest of ours that listed none, so all were ours): a listed one was the
    bot's, and a sync keeps it."""
    return {} if written is None else {path: setting for path, setting in left_out.items() if path not in written}


def not_added_note(path: str, setting: str) -> str:
    """What the run says about an extra it did not add to a site the person brought."""
    return (f"{path} not added: your site did not have one and profilebot did not set it up "
            f"(set site.{setting}: true in profilebot.yaml to add it)")
