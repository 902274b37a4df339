"""profilebot.yaml → frozen Settings: rule levels and the raw sections each target validates itself."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Mapping

from profilebot.errors import ConfigError
from profilebot.load import yaml_document
from profilebot.validate import schema as schemas

FILE_NAME = "profilebot.yaml"
# Where `build` (and `sync --target orcid` without a member token) write when no -o is given. Not `build/`:
# that is setuptools' folder too (`pip install .` in a checkout leaves build/lib and build/bdist.* there).
OUTPUT_FOLDER = "profilebot-output"
# schema/profilebot.schema.json is the one list of sections and keys (editors complete from it, the docs
# describe it): a target's section is written there from the target module's SETTINGS (python -m
# profilebot.schemas.generate), any other section is edited there. Checked here, at load time, so a misspelt `brnach:` or
# `tempalte:` is an error with a suggestion instead of a sync against the wrong branch or template.
_SCHEMA = schemas.schema(schemas.SETTINGS)
SECTIONS = tuple(_SCHEMA["properties"])
SECTION_KEYS = {name: tuple(section["properties"]) for name, section in _SCHEMA["properties"].items()
                if "properties" in section}
RULES_SECTION = "rules"
LEVELS = ("error", "warning", "info", "off")


@dataclass(frozen=True)
class Settings:
    """What profilebot.yaml says. `sections` keeps each target's own mapping for that target to check."""

    root: Path = field(default_factory=Path.cwd)
    path: Path | None = None
    rules: Mapping[str, str] = field(default_factory=dict)
    sections: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    profile_path: Path | None = None  # the profile these settings were loaded for (load() sets it)

    def section(self, name: str) -> Mapping[str, Any]:
        return self.sections.get(name) or {}



def parse(text: str, source: str = FILE_NAME, path: Path | None = None, root: Path | None = None) -> Settings:
    """Parse and check the top level of profilebot.yaml; raise ConfigError naming the position."""
    document = yaml_document.parse(text, source)
    if document.findings:
        first = document.findings[0]
        raise ConfigError(f"{first.location}: {first.message}", first.hint)
    data = document.data or {}
    if not isinstance(data, dict):
        raise ConfigError(f"{source}: the configuration must be a mapping of sections ({', '.join(SECTIONS)}).")
    for key, value in data.items():
        position = document.source_map.key_position((key,)) or (1, 1)
        where = f"{source}:{position[0]}:{position[1]}"
        if key not in SECTIONS:
            guess = difflib.get_close_matches(key, SECTIONS, n=1)
            raise ConfigError(f"{where}: unknown section '{key}'.",
                              f"Did you mean '{guess[0]}'?" if guess else f"Sections: {', '.join(SECTIONS)}.")
        if value is not None and not isinstance(value, dict):
            raise ConfigError(f"{where}: '{key}' must be a mapping.")
        if key in SECTION_KEYS and value:
            _check_section_keys(key, value, document.source_map, source)
    # YAML 1.1 reads an unquoted `off` as false; `PB206: off` is what people write, so false means off.
    rules = {str(k): "off" if v is False else str(v) for k, v in (data.get("rules") or {}).items()}
    for name, level in rules.items():
        if level not in LEVELS:
            raise ConfigError(f"{source}: rules.{name} is '{level}'; expected one of {', '.join(LEVELS)}.")
    _check_rule_names(rules, source, document.source_map)
    _check_values(document, source)
    sections = {k: v or {} for k, v in data.items() if k != "rules"}
    return Settings(root=root or (path.parent if path else Path.cwd()), path=path, rules=rules, sections=sections)


def _check_section_keys(section: str, value: dict[str, Any], source_map: Any, source: str) -> None:
    allowed = SECTION_KEYS[section]
    for name in value:
        if name in allowed:
            continue
        line, column = source_map.key_position((section, name)) or (1, 1)
        guess = difflib.get_close_matches(str(name), allowed, n=1)
        hint = f"Did you mean '{guess[0]}'?" if guess else f"Keys of {section}: {', '.join(allowed)}."
        raise ConfigError(f"{source}:{line}:{column}: unknown key '{name}' in {section}.", hint)


def _check_values(document: yaml_document.Document, source: str) -> None:
    """Every value against the schema's types and choices (the keys were checked above, with suggestions)."""
    findings = schemas.check(document, schemas.SETTINGS)
    if findings:
        first = findings[0]
        where = f"{source}:{first.line}:{first.column}"
        raise ConfigError(f"{where}: {first.message}", first.hint)


def _check_rule_names(rules: Mapping[str, str], source: str, source_map: Any = None) -> None:
    """Every name is a rule, and none is a document rule (PB000–PB004): a profile that breaks one of those
    cannot be read at all, so a level for it would be accepted and do nothing."""
    from profilebot.validate import rules as registry

    for name in rules:
        line, column = (source_map.key_position((RULES_SECTION, name)) if source_map else None) or (1, 1)
        try:
            rule = registry.get(name)
        except registry.UnknownRule as error:
            from profilebot.validate import crossref  # the online checks (check --online) take levels too

            if crossref.named(name) is not None:
                continue
            raise ConfigError(f"{source}: rules: {error}.") from None
        if rule in registry.DOCUMENT_RULES:
            raise ConfigError(f"{source}:{line}:{column}: rules.{name}: {rule.CODE} ({rule.NAME}) cannot be given a "
                              "level: a profile that breaks it cannot be read, so it is always an error.",
                              "Remove this line: the document rules PB000–PB004 always apply.")


def load(profile_path: Path) -> Settings:
    """The profilebot.yaml beside the profile, or defaults when there is none."""
    from profilebot import files

    path = profile_path.parent / FILE_NAME
    if not path.is_file():
        return Settings(root=profile_path.parent, profile_path=profile_path)
    return replace(parse(files.read_text(path), str(path), path), profile_path=profile_path)
