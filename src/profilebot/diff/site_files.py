"""The files a site gets from one run — the same for the site target (a branch read through GitHub) and for
`build --site-only` (a clone on disk): the template's pages edited in place from the site's own copies, no
file that would replace one the bot did not write, and the manifest of what was written.

Pure: the caller passes the site's files as path → blob SHA (`present`, paths from the site's root) and the
two reads that may cost something (`read` files, the site's `manifest`), which diff/adoption.py calls only
when it needs them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Collection, Mapping, Sequence

from profilebot.diff import adoption, publications
from profilebot.diff import losses as losses_
from profilebot.model import names
from profilebot.model.citations import NONE, Citations
from profilebot.model.profile import Profile
from profilebot.render import cv_typst, outputs
from profilebot.render.artifact import Artifact


ALLOW_REMOVALS = "allow_removals"  # the site section's key that lets a sync remove content the profile lacks


@dataclass(frozen=True)
class SiteFiles:
    """`artifacts`: what to write, paths from the site's root, the manifest last; `kept`: the person's files a
    rendered file would have replaced, left alone; `read`: the files read to edit them in place; `losses`: what
    each file written or held back would lose; `held`: files not written because they would lose content and
    `site.allow_removals` is not set; `left_out`: the template's extras not added to a site the person
    brought (path → the setting that adds them, adoption.extras_left_out); `items`: the papers' changes
    against the site itself (for a site that holds no manifest of ours: a paper already there is never
    "new")."""

    artifacts: tuple[Artifact, ...]
    kept: tuple[str, ...] = ()
    read: tuple[str, ...] = ()
    losses: Mapping[str, tuple[losses_.Loss, ...]] = field(default_factory=dict)
    held: tuple[str, ...] = ()
    items: tuple[publications.ItemChange, ...] = ()
    left_out: Mapping[str, str] = field(default_factory=dict)


def read_nothing(paths: Sequence[str]) -> dict[str, bytes]:
    return {}


def render(profile: Profile, section: Mapping[str, Any], root: str, present: Mapping[str, str], read: adoption.Read,
           manifest: Callable[[], bytes | None], *, template: str | None = None, citations: Citations = NONE,
           style: str = names.FULL, cv: cv_typst.CvOptions | None = None) -> SiteFiles:
    """The site's files for `profile` (public CV only), given what the site holds now.

    `root`: the site's folder in its repository (site.path; "" for a clone's root), which the manifest's paths
    start with; `manifest()`: the bytes of the site's `.profilebot/publications.json`, or None.
    """
    wanted = outputs.site_reads(profile, section, present, template, citations, style)
    pdf: list[bytes] = []  # the public PDF CV, compiled once however often the site is rendered

    def listed() -> Collection[str] | None:
        found = publications.written(manifest())
        return None if found is None else frozenset(under(dict.fromkeys(found, ""), root))

    # The extras a site the person brought lacks, as if its manifest (if any) listed none of them: checked
    # against the manifest below, downloading it only when it is not the one this run writes.
    left_out = adoption.extras_left_out(outputs.site_extras(section, template), section, present,
                                        brought(profile, present))
    without: list[Mapping[str, str]] = [left_out]

    def site(existing: Mapping[str, bytes]) -> list[Artifact]:
        made = outputs.render_site(profile, section, template, citations, style, cv, pdf[0] if pdf else None,
                                   existing, without=without[0])
        pdf[:] = [a.data for a in made if a.media_type == "application/pdf"][:1]
        return made

    def manifest_of(made: Sequence[Artifact]) -> Artifact:
        """The manifest listing every file written, with the SHA of each the template edits in place."""
        edited = set(wanted) | set(outputs.site_reads(profile, section, {a.path for a in made}, template,
                                                      citations, style))
        written = [publications.join(root, a.path) for a in made]
        blobs = {publications.join(root, a.path): a.git_blob_sha() for a in made if a.path in edited}
        manifest = publications.manifest(profile, root, written=written, blobs=blobs)
        return Artifact(publications.MANIFEST_NAME, manifest.data, manifest.media_type)

    def recorded() -> Mapping[str, str]:
        return under(publications.recorded(manifest()), root)

    def written(made: Sequence[Artifact]) -> Collection[str] | None:
        theirs = present.get(publications.MANIFEST_NAME)
        if theirs is None:
            return frozenset()  # no manifest of ours: the bot has written nothing here yet
        if theirs == manifest_of(made).git_blob_sha():  # the same as ours would be: no need to download it
            return frozenset(a.path for a in made)
        # The same as ours when the person's files are left out again (a run after one that kept their CV).
        mine = [a for a in made if a.path not in adoption.collisions(made, present, wanted)]
        if theirs == manifest_of(mine).git_blob_sha():
            return frozenset(a.path for a in mine)
        return listed()

    def site_files() -> SiteFiles:
        adopted = adoption.adopt(site, wanted, present, read, recorded, written)
        files = [a for a in adopted.artifacts if a.path != publications.MANIFEST_NAME]
        lost = {a.path: found for a in files if a.path in adopted.existing
                and (found := losses_.lost(a.path, adopted.existing[a.path], a.data))}
        held = () if section.get(ALLOW_REMOVALS) is True else tuple(sorted(lost))
        files = [a for a in files if a.path not in held]
        items = on_site(profile, present, adopted.existing, files)
        return SiteFiles((*files, manifest_of(files)), adopted.kept, adopted.read, lost, held, items, without[0])

    made = site_files()
    theirs = present.get(publications.MANIFEST_NAME)
    if not left_out or theirs is None or theirs == made.artifacts[-1].git_blob_sha():
        return made  # no manifest, or the same as ours, which lists none of the extras left out
    ours = listed()  # a manifest of ours that may list an extra: the bot set that one up, so it stays
    without[0] = adoption.not_listed(left_out, ours)
    return made if without[0] == left_out else site_files()


def brought(profile: Profile, present: Collection[str]) -> bool:
    """Whether the site already holds the template's content the profile came from: a page or papers.bib
    that one of its entries was imported from (its origin), so the person made the site, not profilebot."""
    origins = [p.origin for p in profile.publications] + [t.origin for t in profile.talks]
    return any(origin is not None and origin.path in present for origin in origins)


def on_site(profile: Profile, present: Mapping[str, str], existing: Mapping[str, bytes],
            written: Sequence[Artifact]) -> tuple[publications.ItemChange, ...]:
    """Each paper's change against the site itself: a paper imported from a file of the site (its origin) is
    "updated" with the keys of its entry that change, or unchanged when its file keeps its bytes; every other
    paper is "new". Removed first, then updated, then new, as publications.changes orders them."""
    made = {a.path: a.data for a in written}
    updated, new = [], []
    for paper in profile.publications:
        path = paper.origin.path if paper.origin is not None else None
        if path is None or path not in present:
            new.append(publications.ItemChange(publications.NEW, paper.id, paper.title))
            continue
        old, now = existing.get(path), made.get(path)
        if old is None or now is None or old == now:
            continue  # unread (it holds what the bot would write) or left as it is
        fields = entry_changes(path, old, now, paper.id)
        if fields:
            updated.append(publications.ItemChange(publications.UPDATED, paper.id, paper.title, fields))
    return tuple(sorted(updated, key=lambda i: i.key) + sorted(new, key=lambda i: i.key))


def entry_changes(path: str, old: bytes, new: bytes, key: str) -> tuple[publications.FieldChange, ...]:
    """The keys of one entry that differ between two versions of its file: a page's front-matter keys (and its
    body), or the fields of the BibTeX entry `key` in a .bib file. A file whose entry cannot be told apart
    (another format) says "file" changed."""
    before, after = losses_.entry_fields(path, old, key), losses_.entry_fields(path, new, key)
    if before is None or after is None:
        return (publications.FieldChange("file", None, None),)
    names = list(before) + [name for name in after if name not in before]
    return tuple(publications.FieldChange(name, before.get(name), after.get(name)) for name in names
                 if before.get(name) != after.get(name))


def under(by_repo_path: Mapping[str, str], root: str) -> dict[str, str]:
    """Repository paths (as a manifest lists them) → paths from the site's root, for those under it."""
    prefix = root.strip("/") + "/" if root.strip("/") else ""
    return {path[len(prefix):]: value for path, value in by_repo_path.items() if path.startswith(prefix)}
