"""The files a site gets from one run — the same for the site target (a branch read through GitHub) and for
`build --site-only` (a clone on disk): the template's pages edited in place from the site's own copies, no
file that would replace one the bot did not write, and the manifest of what was written.

Pure: the caller passes the site's files as path → blob SHA (`present`, paths from the site's root) and the
two reads that may cost something (`read` files, the site's `manifest`), which diff/adoption.py calls only
when it needs them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Collection, Mapping, Sequence

from profilebot.diff import adoption, publications
from profilebot.model import names
from profilebot.model.citations import NONE, Citations
from profilebot.model.profile import Profile
from profilebot.render import cv_typst, outputs
from profilebot.render.artifact import Artifact


@dataclass(frozen=True)
class SiteFiles:
    """`artifacts`: what to write, paths from the site's root, the manifest last; `kept`: the person's files a
    rendered file would have replaced, left alone; `read`: the files read to edit them in place."""

    artifacts: tuple[Artifact, ...]
    kept: tuple[str, ...] = ()
    read: tuple[str, ...] = ()


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

    def site(existing: Mapping[str, bytes]) -> list[Artifact]:
        made = outputs.render_site(profile, section, template, citations, style, cv, pdf[0] if pdf else None,
                                   existing)
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
        listed = publications.written(manifest())
        return None if listed is None else frozenset(under(dict.fromkeys(listed, ""), root))

    adopted = adoption.adopt(site, wanted, present, read, recorded, written)
    files = [a for a in adopted.artifacts if a.path != publications.MANIFEST_NAME]
    return SiteFiles((*files, manifest_of(files)), adopted.kept, adopted.read)


def under(by_repo_path: Mapping[str, str], root: str) -> dict[str, str]:
    """Repository paths (as a manifest lists them) → paths from the site's root, for those under it."""
    prefix = root.strip("/") + "/" if root.strip("/") else ""
    return {path[len(prefix):]: value for path, value in by_repo_path.items() if path.startswith(prefix)}
