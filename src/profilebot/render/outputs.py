"""Every artifact `build` writes: each exporter at its default path, then the site under site/."""

from __future__ import annotations

from typing import Any

from profilebot import plugins
from profilebot.model.profile import Profile
from profilebot.render.artifact import Artifact, export

DEFAULT_TEMPLATE = "static"
SITE_FOLDER = "site"


def render_exports(profile: Profile) -> list[Artifact]:
    return [export(exporter, profile) for exporter in plugins.exporters()]


def render_site(profile: Profile, site_options: dict[str, Any], template: str | None = None) -> list[Artifact]:
    """The site's files with paths relative to the site's root (not prefixed with site/)."""
    name = template or site_options.get("template") or DEFAULT_TEMPLATE
    if not plugins.SITE_TEMPLATES:
        return []
    adapter = plugins.load(plugins.SITE_TEMPLATES, name, "site template")
    return list(adapter.render(profile, dict(site_options)))


def owned_paths(settings: Any, template: str | None = None) -> tuple[str, ...]:
    """What `build` owns in its output folder: each export file, and the site template's paths under site/."""
    name = template or settings.section("site").get("template") or DEFAULT_TEMPLATE
    site = plugins.load(plugins.SITE_TEMPLATES, name, "site template").OWNED_PATHS if plugins.SITE_TEMPLATES else ()
    exports = tuple(exporter.DEFAULT_PATH for exporter in plugins.exporters())
    return exports + tuple(f"{SITE_FOLDER}/{path}" for path in site)


def render_all(profile: Profile, settings: Any, template: str | None = None) -> list[Artifact]:
    site = render_site(profile, dict(settings.section("site")), template)
    prefixed = [Artifact(f"{SITE_FOLDER}/{a.path}", a.data, a.media_type) for a in site]
    return sorted(render_exports(profile) + prefixed, key=lambda a: a.path)
