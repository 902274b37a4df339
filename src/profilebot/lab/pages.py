"""The lab's site in the template it is kept in: the static site of lab/site.py, or the lab's pages in the
conventions of academicpages, al-folio or Hugo Blox (lab/academicpages.py, lab/al_folio.py, lab/hugo_blox.py),
written into a site that may already exist.

Pure: the caller (commands/lab.py) passes the site's files as path → blob SHA (`present`), a `read` of the
ones a template edits in place, and the site's manifest. The rule is a person's site's (ARCHITECTURE.md, "Site
adapters"): a page that exists is edited in place (what the lab does not give stays byte for byte); a file
profilebot did not write (by the manifest, `.profilebot/publications.json`, listing the lab's works and every
file written with the blob SHA it had), or wrote and someone has changed since, is never replaced or removed
unless the template edits it in place; a file an earlier build wrote, that this one does not write and that
nobody has changed since, is stale and removed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from types import ModuleType

from profilebot.diff import adoption, publications
from profilebot.lab.model import Lab
from profilebot.lab.works import as_profile, lab_works
from profilebot.model.profile import Person, Profile
from profilebot.render import outputs
from profilebot.render.artifact import Artifact

STATIC = "static"
TEMPLATES = (STATIC, "academicpages", "al-folio", "hugo-blox")


@dataclass(frozen=True)
class Pages:
    """`artifacts`: what to write (the manifest last); `kept`: files of the site's own that a page would have
    replaced, left alone; `stale`: files an earlier build wrote that this one does not."""

    artifacts: tuple[Artifact, ...]
    kept: tuple[str, ...] = ()
    stale: tuple[str, ...] = ()


def module(template: str) -> ModuleType:
    """The module that writes the lab's pages in `template` (one of TEMPLATES)."""
    import importlib

    name = "site" if template == STATIC else template.replace("-", "_")
    return importlib.import_module(f"profilebot.lab.{name}")


def owned_paths(template: str) -> tuple[str, ...]:
    return tuple(module(template).OWNED_PATHS)


def build(lab: Lab, profiles: Mapping[str, Profile], template: str, present: Mapping[str, str],
          read: Callable[[Sequence[str]], Mapping[str, bytes]], manifest: bytes | None) -> Pages:
    """The lab's files for `template`, given the site's files (`present`: path → git blob SHA)."""
    adapter = module(template)
    if template == STATIC:
        return Pages(tuple(adapter.render(lab, profiles)))
    printed = {member_id: outputs.with_printed_names(profile) for member_id, profile in profiles.items()}
    works = lab_works(lab, printed)
    owner = Profile(person=Person(name=lab.name))
    earlier = publications.written(manifest) if manifest is not None else frozenset()
    recorded = publications.recorded(manifest)
    # A file an earlier build wrote that nobody has changed since is made anew, not read: only the site's own
    # pages, and the lab's that someone edited, are edited in place.
    unchanged = {p for p in earlier or () if p in present and present[p] == recorded.get(p)}
    existing = dict(read(sorted(set(adapter.reads(lab, owner, present)) - unchanged)))
    made = adapter.render(lab, printed, works, existing)
    # A file that would be replaced and is not edited in place is left alone unless it still holds what an
    # earlier build wrote: the site's own, and a lab file someone has changed since, are theirs.
    kept = [p for p in adoption.collisions(made, present, existing) if p not in unchanged]
    files = [a for a in made if a.path not in kept]
    paths = {a.path for a in files}
    # Stale: written by an earlier build, not by this one, and still holding the bytes that build wrote (a page
    # someone has changed since is theirs now).
    stale = sorted(p for p in unchanged if p not in paths)
    # The files this build made or an earlier one did: a page of the site's own that a lab work was found on
    # (edited in place) stays the site's, so no later build removes it.
    ours = [a for a in files if a.path not in present or a.path in (earlier or ())]
    record = publications.manifest(as_profile(lab, works), written=sorted(a.path for a in ours),
                                   blobs={a.path: a.git_blob_sha() for a in ours})
    return Pages((*files, Artifact(publications.MANIFEST_NAME, record.data, record.media_type)), tuple(kept),
                 tuple(stale))
