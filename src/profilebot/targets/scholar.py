"""The Google Scholar target: Scholar has no API, so the profile is compared with its BibTeX export.

`scholar: {export: path/to/scholar.bib}` in profilebot.yaml names the export (relative to the
profile's folder). The report says what each side lacks; filling Scholar stays a manual step.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Mapping

from profilebot.config import Settings
from profilebot.diff import works as drift_of
from profilebot.errors import ConfigError
from profilebot.importers import bibtex
from profilebot.model import matching
from profilebot.model.matching import Work
from profilebot.model.profile import Profile
from profilebot.targets import base
from profilebot.targets.base import Outcome, RunContext, Status, works_outcome

NAME = "scholar"
# profilebot.yaml's `scholar:` section (base.settings: written into schema/profilebot.schema.json by the generator).
SETTINGS = base.settings(
    "Google Scholar has no API: compare with the BibTeX export you download (\"Export all citations\").",
    {
        "export": {
            "type": "string",
            "description": "The export file, relative to profilebot.yaml.",
            "examples": ["scholar.bib"],
        },
    },
)
REMOTE = "Google Scholar"  # how the drift report names the record
# Scholar exports carry no DOI, guess types and venue names and lower-case titles: only the year is worth comparing.
COMPARED = ("year",)


def configure(section: Mapping[str, Any], root: Path) -> Path | None:
    """The export's path, or None when `scholar.export` is not configured."""
    export = section.get("export")
    if not export:
        return None
    if not isinstance(export, str):
        raise ConfigError(f"profilebot.yaml: scholar.export is {export!r}; expected a path such as scholar.bib.")
    return root / export


def fetch(export: Path) -> list[Work]:
    from profilebot import files
    from profilebot.importers import encoding

    if not export.is_file():
        raise ConfigError(f"{export}: no such file (scholar.export in profilebot.yaml).",
                          "On your Scholar profile, select all articles, Export → BibTeX, and save the file there.")
    text = encoding.decode(files.read_bytes(export))
    return works_of(text, str(export))


def works_of(text: str, source: str) -> list[Work]:
    return [c.work for c in bibtex.candidates(text, source) if c.work is not None]


def plan(profile: Profile, current: list[Work]) -> drift_of.Drift:
    """All publications (Scholar also lists preprints) and patents against the export's entries."""
    return drift_of.compare(matching.profile_works(profile), current, COMPARED)


def configured(settings: Settings, environ: Mapping[str, str]) -> bool:
    return bool(settings.section(NAME).get("export"))


def label(settings: Settings, environ: Mapping[str, str]) -> str:
    return str(settings.section(NAME).get("export") or "")


def run(context: RunContext) -> Outcome:
    """diff and sync alike report the drift: Scholar can only be changed by hand on its web pages."""
    export = configure(context.settings.section(NAME), context.settings.root)
    if export is None:
        return Outcome(NAME, Status.UNCHANGED, setup="scholar: {export: scholar.bib}")
    return works_outcome(NAME, REMOTE, plan(context.profile, fetch(export)))
