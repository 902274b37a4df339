"""The site target: the site adapter's files (under site.path) in the GitHub Pages repository.

The branch is read first (one tree request), since what the bot writes depends on it: a template that edits
pages in place (its `reads`) gets their bytes, one blob request per file it must read (a file the bot wrote
and nobody changed since is not downloaded), and a rendered file that would replace a file the bot did not
write (the person's own files/cv.pdf) is left out and named in the run's output (diff/adoption.py).
"""

from __future__ import annotations

from typing import Any, Callable, Mapping, Sequence

from profilebot import plugins
from profilebot.config import Settings
from profilebot.diff import adoption, losses, publications, site_files
from profilebot.diff.plan import Desired, Ownership
from profilebot.diff.snapshot import Snapshot
from profilebot.model.profile import Profile
from profilebot.render import outputs
from profilebot.render.artifact import Artifact
from profilebot.targets import repository as repositories
from profilebot.targets import base
from profilebot.targets.base import BOT_BRANCH_PREFIX, Location, Outcome, RunContext, branch, folder, repository

NAME = "site"
# profilebot.yaml's `site:` section (base.settings: written into schema/profilebot.schema.json by the generator).
SETTINGS = base.settings(
    "The website: how `build` renders site/ and, with `repo`, the GitHub Pages repository `sync --target site` keeps "
    "in line.",
    {
        "repo": {
            "type": "string",
            "description": "The site's repository as owner/name; setting it makes the site a sync target.",
            "examples": ["ada/ada.github.io"],
        },
        "branch": {
            "type": "string",
            "description": "The branch the site is served from (default: the repository's default branch).",
            "examples": ["main"],
        },
        # enum and description: one per plugins.SITE_TEMPLATES, from its SUMMARY (schemas/generate.py)
        "template": {"type": "string", "default": "static"},
        "path": {
            "type": "string",
            "default": "",
            "description": "Folder of the site inside the repository (empty for the root).",
            "examples": ["docs"],
        },
        "url": {
            "type": "string",
            "description": "The site's public address, for canonical links and schema.org data (static template).",
            "examples": ["https://ada.github.io"],
        },
        "baseurl": {
            "type": "string",
            "default": "",
            "description": "Path of the site below url, for a project site (as Jekyll's baseurl).",
            "examples": ["/profile"],
        },
        "photo": {
            "type": "string",
            "description": "The photo on the home page, overriding person.photo: a path relative to the site or an "
                           "https:// URL.",
            "examples": ["images/profile.jpg"],
        },
        "title": {
            "type": "string",
            "description": "The site's title (default: the person's name).",
            "examples": ["Ada Lovelace"],
        },
        "lang": {
            "type": "string",
            "default": "en",
            "pattern": "^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$",
            "description": "The pages' and the PDF CV's language as a BCP 47 tag: a two- or three-letter language "
                           "code, then optionally script and region (the html lang attribute)",
            "examples": ["de", "en-US", "zh-Hans-CN"],
        },
        "allow_removals": {
            "type": "boolean",
            "default": False,
            "description": "Let a sync remove content of your site that the profile does not hold: a page body, a "
                           "front-matter key, a link in a body, a BibTeX entry or field, a value of a data file. "
                           "Without it such a file is left as it is and the run names what it would lose.",
            "examples": [True],
        },
        "cv_pdf": {
            "type": "boolean",
            "default": False,
            "description": "Add the generated PDF CV (files/cv.pdf for academicpages, assets/pdf/cv.pdf for "
                           "al-folio) to a site you brought (imported, not set up by profilebot) that has none. A "
                           "site profilebot set up gets it anyway; a CV of your own at that path is never replaced.",
            "examples": [True],
        },
        "cv_data": {
            "type": "boolean",
            "default": False,
            "description": "al-folio: add the generated _data/cv.yml (the CV page's data) to a site you brought that "
                           "has none. A site profilebot set up gets it anyway; a cv.yml of your own is never "
                           "replaced.",
            "examples": [True],
        },
        "coauthors_data": {
            "type": "boolean",
            "default": False,
            "description": "al-folio: add the generated _data/coauthors.yml (co-authors' links) to a site you "
                           "brought that has none. A site profilebot set up gets it anyway; a coauthors.yml of your "
                           "own is never replaced.",
            "examples": [True],
        },
    },
)


def configured(settings: Settings, environ: Mapping[str, str]) -> bool:
    return bool(settings.section(NAME))


def label(settings: Settings, environ: Mapping[str, str]) -> str:
    return location(settings, environ).repo


def run(context: RunContext) -> Outcome:
    from profilebot.targets import github_repo

    where = location(context.settings, context.environ)  # first: its configuration errors come first
    root = folder(dict(context.settings.section(NAME)), NAME)
    with repositories.gateway(context, where) as api:
        snapshot = github_repo.read_branch(api, where)
        site = BranchFiles(snapshot, root, api.blob)
        wanted = desired(context.profile, context.settings, snapshot, site.read, site.manifest)
        for path in wanted.kept:
            context.say(adoption.kept_note(path))
        for path in wanted.held:
            context.say(losses.held_note(path, wanted.losses[path]))
        for path, setting in sorted(wanted.left_out.items()):
            context.say(adoption.not_added_note(path, setting))
        return repositories.apply(context, api, where, NAME, wanted, snapshot, previous_manifest=site.manifest_read)


def location(settings: Settings, environ: Mapping[str, str]) -> Location:
    section = settings.section(NAME)
    return Location(repository(section, NAME), branch(section, NAME), BOT_BRANCH_PREFIX + NAME)


class BranchFiles:
    """The branch's files under site.path, read through `blob(sha, what)` on demand (each read is a request)."""

    def __init__(self, snapshot: Snapshot, root: str, blob: Callable[[str, str], bytes]) -> None:
        self.snapshot, self.root, self.blob = snapshot, root, blob
        self.manifest_read: bytes | None = None  # the site's manifest, once downloaded (fetch then reuses it)
        self._manifest_done = False

    def read(self, paths: Sequence[str]) -> dict[str, bytes]:
        """Each file's bytes, by its path from the site's root."""
        found = {}
        for path in paths:
            full = publications.join(self.root, path)
            sha = self.snapshot.sha(full)
            if sha is not None:
                found[path] = self.blob(sha, f"read {full}")
        return found

    def manifest(self) -> bytes | None:
        """The manifest the site holds (downloaded at most once), or None when it has none."""
        if not self._manifest_done:
            sha = self.snapshot.sha(publications.join(self.root, publications.MANIFEST_NAME))
            self.manifest_read = self.blob(sha, "read the publications manifest") if sha else None
            self._manifest_done = True
        return self.manifest_read


def present_under(snapshot: Snapshot, root: str) -> dict[str, str]:
    """The snapshot's files under `root`, by their path from it: path → blob SHA."""
    return site_files.under(snapshot.files, root)


def desired(profile: Profile, settings: Settings, snapshot: Snapshot | None = None,
            read: adoption.Read = site_files.read_nothing,
            manifest: Callable[[], bytes | None] = lambda: None) -> Desired:
    """Exactly what `profilebot build --site-only` writes, moved under site.path: the pages the template edits
    in place edited from the branch's copies (`read`), the manifest, no file that would replace one the
    bot did not write (`Desired.kept`), and no extra (the CV PDF) on a site the person brought unless
    they ask for it (`Desired.left_out`). No snapshot: an empty repository."""
    from profilebot import data_files

    section = dict(settings.section(NAME))
    root = folder(section, NAME)
    adapter = plugins.load(plugins.SITE_TEMPLATES, outputs.template_name(settings), "site template")
    # The public CV, never private values: the same bytes `build` writes without --include-private.
    site = site_files.render(profile, section, root, present_under(snapshot or Snapshot(), root), read, manifest,
                             citations=data_files.citations(settings.root), style=outputs.name_style(settings),
                             cv=outputs.cv_options(settings))
    artifacts = [Artifact(publications.join(root, a.path), a.data, a.media_type) for a in site.artifacts]
    # Every file rendered is owned (al-folio's _data/citations.yml only exists when there are counts).
    owned = Ownership.under(root, (*adapter.OWNED_PATHS, *(a.path for a in site.artifacts)))
    def repo(paths):
        return tuple(publications.join(root, path) for path in paths)

    return Desired(tuple(sorted(artifacts, key=lambda a: a.path)), owned, kept=repo(site.kept),
                   losses={publications.join(root, path): lost for path, lost in site.losses.items()},
                   held=repo(site.held), site_items=site.items,
                   left_out={publications.join(root, path): setting for path, setting in site.left_out.items()})
