"""THE list of extension points: output formats (EXPORTERS), site templates, importers and targets, keyed by name.

Modules are imported lazily by name so that `profilebot check` never pays for them.
"""

from __future__ import annotations

import importlib
from types import ModuleType

# name → module in profilebot.render (each: NAME, DEFAULT_PATH, MEDIA_TYPE, WORKS "all" | "orcid", render()).
EXPORTERS: dict[str, str] = {
    "bibtex": "profilebot.render.bibtex",
    "ris": "profilebot.render.ris",
    "endnote": "profilebot.render.endnote",
    "refworks": "profilebot.render.refworks",
    "csl_json": "profilebot.render.csl_json",
    "json_resume": "profilebot.render.json_resume",
    "orcid_works": "profilebot.render.orcid_works",
    "orcid_xml": "profilebot.render.orcid_xml",
    "orcid_import": "profilebot.render.orcid_import",
    "cv_markdown": "profilebot.render.cv_markdown",
}

# name → module in profilebot.render.site (each: NAME, OWNED_PATHS, render(profile, options) -> list[Artifact]).
SITE_TEMPLATES: dict[str, str] = {
    "static": "profilebot.render.site.static",
    "academicpages": "profilebot.render.site.academicpages",
    "al-folio": "profilebot.render.site.al_folio",
    "hugo-blox": "profilebot.render.site.hugo_blox",
}


# name → importer module (importers/source.py: NAME, VALUE, EXAMPLE, imported(request) -> Imported): the sources of
# `profilebot import NAME VALUE`, listed in this order by --help.
IMPORTERS: dict[str, str] = {
    "orcid": "profilebot.importers.orcid",
    "openalex": "profilebot.importers.openalex",
    "dblp": "profilebot.importers.dblp",
    "bibtex": "profilebot.importers.bibtex",
    "csl": "profilebot.importers.csl_json",
    "jsonresume": "profilebot.importers.jsonresume",
    "academicpages": "profilebot.importers.academicpages",
    "al-folio": "profilebot.importers.al_folio",
    "hugo": "profilebot.importers.hugo",
}

# name → target module (satisfying targets.base.Target). The name is also its `--target` value and its
# profilebot.yaml section, whose keys schema/profilebot.schema.json describes. Run in this order.
TARGETS: dict[str, str] = {
    "site": "profilebot.targets.site",
    "exports": "profilebot.targets.exports",
    "orcid": "profilebot.targets.orcid",
    "scholar": "profilebot.targets.scholar",
    "openalex": "profilebot.targets.openalex",
    "profile": "profilebot.targets.profile",
}


def load(table: dict[str, str], name: str, kind: str) -> ModuleType:
    from profilebot.errors import ConfigError

    if name not in table:
        raise ConfigError(f"unknown {kind} '{name}'.", f"Known {kind}s: {', '.join(sorted(table))}.")
    return importlib.import_module(table[name])


def exporters() -> list[ModuleType]:
    return [importlib.import_module(module) for module in EXPORTERS.values()]
