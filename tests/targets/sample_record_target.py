"""A record target written the way a new one (OpenAlex, Zenodo) is: this one module plus one registry line.

It compares the profile's works with a BibTeX file named by `sample: {file: …}`, the section its SETTINGS
declare; test_contract.py registers it in plugins.TARGETS, derives the settings schema as the generator would
and runs the real commands on it.
"""

from __future__ import annotations

from typing import Any, Mapping

from profilebot.config import Settings
from profilebot.diff import works as drift_of
from profilebot.errors import ConfigError
from profilebot.model import matching
from profilebot.targets.base import Outcome, RunContext, works_outcome

NAME = "sample"
REMOTE = "Sample Index"
# Its section of profilebot.yaml (python -m profilebot.schemas.generate writes it into the settings schema).
SETTINGS: dict[str, Any] = {
    "description": "A sample index of works: compared with the BibTeX file it names.",
    "type": ["object", "null"],
    "additionalProperties": False,
    "properties": {"file": {"type": "string", "description": "The BibTeX file, relative to profilebot.yaml."}},
}


def configured(settings: Settings, environ: Mapping[str, str]) -> bool:
    return bool(settings.section(NAME).get("file"))


def label(settings: Settings, environ: Mapping[str, str]) -> str:
    return str(settings.section(NAME).get("file") or "")


def run(context: RunContext) -> Outcome:
    from profilebot.targets import scholar

    path = context.settings.root / str(context.settings.section(NAME).get("file"))
    if not path.is_file():
        raise ConfigError(f"{path}: no such file (sample.file in profilebot.yaml).")  # the run loop reports it
    theirs = scholar.works_of(path.read_text("utf-8"), str(path))
    return works_outcome(NAME, REMOTE, drift_of.compare(matching.profile_works(context.profile), theirs, ("year",)))
