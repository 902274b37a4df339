"""The exports target: the citation files (BibTeX, RIS, …) of the configured formats, and the public PDF CV
(cv.pdf and its source cv.typ, format name `cv`), under exports.path."""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any, Mapping

from profilebot import plugins
from profilebot.config import Settings
from profilebot.diff import publications
from profilebot.diff.plan import Desired, Ownership
from profilebot.errors import ConfigError
from profilebot.model.profile import Profile
from profilebot.render import cv_typst, outputs
from profilebot.render.artifact import Artifact
from profilebot.targets import repository as repositories
from profilebot.targets import base
from profilebot.targets.base import BOT_BRANCH_PREFIX, Location, Outcome, RunContext, branch, folder, repository

NAME = "exports"
# profilebot.yaml's `exports:` section (base.settings: written into schema/profilebot.schema.json by the generator).
SETTINGS = base.settings(
    "Citation files (BibTeX, RIS, CSL-JSON, JSON Resume, ORCID payloads) kept in a folder of a repository by `sync "
    "--target exports`.",
    {
        "repo": {
            "type": "string",
            "description": "owner/name (default: $GITHUB_REPOSITORY, the repository running the workflow).",
            "examples": ["ada/profile"],
        },
        "branch": base.PROPOSED_BRANCH,
        "path": {
            "type": "string",
            "default": "exports/",
            "description": "The folder the files are written to.",
            "examples": ["exports/"],
        },
        "formats": {
            "type": "array",
            "items": {"type": "string"},
            "description": "Which files, by format name or file extension (default: all); cv is the PDF CV (cv.pdf "
                           "and cv.typ).",
            "examples": [["bib", "ris", "enw", "rfw", "csl", "resume", "orcid", "cv"]],
        },
    },
)
DEFAULT_FOLDER = "exports"
# The short names the issue and the docs use (a file extension or a common name) → exporter NAMEs.
ALIASES = {"bib": ("bibtex",), "enw": ("endnote",), "rfw": ("refworks",), "csl": ("csl_json",),
           "resume": ("json_resume",), "orcid": ("orcid_import", "orcid_works")}
# exports.formats names of the PDF CV, which is not a citation exporter (it is compiled, and has options).
CV_NAMES = ("cv", "pdf")


def configured(settings: Settings, environ: Mapping[str, str]) -> bool:
    return bool(settings.section(NAME))


def label(settings: Settings, environ: Mapping[str, str]) -> str:
    return location(settings, environ).repo


def run(context: RunContext) -> Outcome:
    where = location(context.settings, context.environ)  # first: its configuration errors come first
    return repositories.run(context, NAME, where, desired(context.profile, context.settings))


def location(settings: Settings, environ: Mapping[str, str]) -> Location:
    section = settings.section(NAME)
    # In GitHub Actions the repository holding profile.yaml is the natural home of its exports.
    repo = repository(section, NAME, environ.get("GITHUB_REPOSITORY"))
    return Location(repo, branch(section, NAME), BOT_BRANCH_PREFIX + NAME)


def formats() -> dict[str, ModuleType]:
    """Every exporter under each name a person may write: its table key, its NAME and its file extension."""
    names: dict[str, ModuleType] = {}
    for key, module_name in plugins.EXPORTERS.items():
        module = importlib.import_module(module_name)
        for alias in (key, module.NAME, module.DEFAULT_PATH.rsplit(".", 1)[-1]):
            names.setdefault(alias, module)
    by_name = {module.NAME: module for module in names.values()}
    for alias, candidates in ALIASES.items():
        found = next((by_name[c] for c in candidates if c in by_name), None)
        if found is not None:
            names[alias] = found
    return names


def chosen(section: Mapping[str, Any]) -> list[ModuleType]:
    known = formats()
    wanted = section.get("formats")
    if wanted is None:
        return [importlib.import_module(m) for m in plugins.EXPORTERS.values()]
    if not isinstance(wanted, list) or not all(isinstance(w, str) for w in wanted):
        raise ConfigError("profilebot.yaml: exports.formats must be a list of format names, e.g. [bib, ris].")
    unknown = [w for w in wanted if w not in known and w not in CV_NAMES]
    if unknown:
        raise ConfigError(f"profilebot.yaml: exports.formats names unknown format '{unknown[0]}'.",
                          f"Known formats: {', '.join(sorted([*known, *CV_NAMES]))}.")
    return list({id(known[w]): known[w] for w in wanted if w in known}.values())


def desired(profile: Profile, settings: Settings) -> Desired:
    """The same bytes `profilebot build` writes (render_exports), kept for the chosen formats, under path."""
    section = settings.section(NAME)
    root = folder(section, NAME, DEFAULT_FOLDER)
    modules = chosen(section)
    keep = {module.DEFAULT_PATH: module.NAME for module in modules}
    rendered = outputs.render_exports(profile, outputs.name_style(settings), outputs.cv_options(settings).publications)
    artifacts = [Artifact(publications.join(root, a.path), a.data, a.media_type) for a in rendered if a.path in keep]
    labels = {publications.join(root, path): name for path, name in keep.items()}
    wanted = section.get("formats")
    if wanted is None or any(name in CV_NAMES for name in wanted):
        for cv in outputs.render_cv(profile, outputs.cv_options(settings), outputs.name_style(settings)):  # public
            artifacts.append(Artifact(publications.join(root, cv.path), cv.data, cv.media_type))
            labels[publications.join(root, cv.path)] = "cv"
    artifacts.append(publications.manifest(profile, root))
    every_format = [importlib.import_module(m).DEFAULT_PATH for m in plugins.EXPORTERS.values()]
    owned = Ownership.under(root, (*every_format, cv_typst.TYP_PATH, cv_typst.PDF_PATH, publications.MANIFEST_NAME))
    for module in formats().values():  # a format dropped from the list is removed too: it was ours
        labels.setdefault(publications.join(root, module.DEFAULT_PATH), module.NAME)
    # The PR body lists under each file only the papers that file carries (the ORCID files: papers on ORCID).
    works = {publications.join(root, module.DEFAULT_PATH): module.WORKS for module in modules}
    return Desired(tuple(sorted(artifacts, key=lambda a: a.path)), owned, labels, works=works)
