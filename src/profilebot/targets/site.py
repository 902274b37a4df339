"""The site target: the site adapter's files (under site.path) in the GitHub Pages repository."""

from __future__ import annotations

from typing import Mapping

from profilebot import plugins
from profilebot.config import Settings
from profilebot.diff import publications
from profilebot.diff.plan import Desired, Ownership
from profilebot.model.profile import Profile
from profilebot.render import outputs
from profilebot.render.artifact import Artifact
from profilebot.targets import repository as repositories
from profilebot.targets.base import BOT_BRANCH_PREFIX, Location, Outcome, RunContext, branch, folder, repository

NAME = "site"


def configured(settings: Settings, environ: Mapping[str, str]) -> bool:
    return bool(settings.section(NAME))


def label(settings: Settings, environ: Mapping[str, str]) -> str:
    return location(settings, environ).repo


def run(context: RunContext) -> Outcome:
    where = location(context.settings, context.environ)  # first: its configuration errors come first
    return repositories.run(context, NAME, where, desired(context.profile, context.settings))


def location(settings: Settings, environ: Mapping[str, str]) -> Location:
    section = settings.section(NAME)
    return Location(repository(section, NAME), branch(section, NAME), BOT_BRANCH_PREFIX + NAME)


def desired(profile: Profile, settings: Settings) -> Desired:
    """Exactly what `profilebot build` writes under site/, moved under site.path, plus the manifest."""
    section = dict(settings.section(NAME))
    root = folder(section, NAME)
    template = section.get("template") or outputs.DEFAULT_TEMPLATE
    adapter = plugins.load(plugins.SITE_TEMPLATES, template, "site template")
    from profilebot import data_files

    # The public CV, never private values: the same bytes `build` writes without --include-private.
    site = outputs.render_site(profile, section, citations=data_files.citations(settings.root),
                               style=outputs.name_style(settings), cv=outputs.cv_options(settings))
    artifacts = [Artifact(publications.join(root, a.path), a.data, a.media_type) for a in site]
    # The manifest lists every file written, so a later run removes only those (a hand-made page stays).
    artifacts.append(publications.manifest(profile, root, written=(a.path for a in artifacts)))
    # Every file rendered is owned (al-folio's _data/citations.yml only exists when there are counts).
    owned = Ownership.under(root, (*adapter.OWNED_PATHS, *(a.path for a in site), publications.MANIFEST_NAME))
    return Desired(tuple(sorted(artifacts, key=lambda a: a.path)), owned)
