"""The parts of the JSON Schemas that the plugin tables decide, written from the tables.

schema/profilebot.schema.json, schema/profile.schema.json and schema/lab.schema.json stay static files (editors and the action read them
as they are; config.py takes profilebot.yaml's sections and keys from the first at load time), but these parts are
never written by hand:

- each target's section of profilebot.yaml: the target module's own `SETTINGS` (one per `plugins.TARGETS`, in
  its order, after `rules`; the sections no target owns, such as `cv:`, stay as written in the file);
- `site.template`: one choice per `plugins.SITE_TEMPLATES`, described by each template's `SUMMARY`;
- `profile.sources`: the profile target's sources (its SETTINGS take them from `targets/profile_sources.SOURCES`);
- the profile's `origin.template`: the site templates an importer marks its entries with (an importer's `TEMPLATE`);
- lab.yaml's `site.template`: the lab's templates, `lab.pages.TEMPLATES` (which `lab build --template` offers too).

    python -m profilebot.schemas.generate          # rewrite the schema files from the tables
    python -m profilebot.schemas.generate --check  # exit 1 when a file is not what the tables give

tests/test_schemas_from_tables.py fails when a file and the tables disagree, naming this command.
"""

from __future__ import annotations

import argparse
import copy
import importlib
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from profilebot import plugins

SCHEMA_FOLDER = Path(__file__).parent  # its links to the checkout's schema/ files, which are written through them
SETTINGS_FILE = "profilebot.schema.json"
PROFILE_FILE = "profile.schema.json"
LAB_FILE = "lab.schema.json"
FIRST_SECTION = "rules"


def settings_schema(current: dict[str, Any]) -> dict[str, Any]:
    """profilebot.schema.json as the tables give it: `current` with the target sections and their choices
    replaced."""
    sections = current["properties"]
    derived = {name: _target_section(name) for name in plugins.TARGETS}
    properties = {name: sections[name] for name in sections if name == FIRST_SECTION}
    properties |= derived
    properties |= {name: body for name, body in sections.items() if name not in properties}
    return {**current, "properties": properties}


def origin_templates() -> list[str]:
    """The site templates whose entries an importer marks with an origin (each importer's TEMPLATE), in table
    order."""
    found = (getattr(importlib.import_module(module), "TEMPLATE", None) for module in plugins.IMPORTERS.values())
    return list(dict.fromkeys(name for name in found if name))


def lab_templates() -> tuple[str, ...]:
    """The templates a lab's site can be kept in (lab/pages.py's table)."""
    from profilebot.lab import pages

    return pages.TEMPLATES


def _target_section(name: str) -> dict[str, Any]:
    section = copy.deepcopy(importlib.import_module(plugins.TARGETS[name]).SETTINGS)
    keys = section.get("properties", {})
    if "template" in keys:  # the site target: one choice per site template
        modules = {template: importlib.import_module(module) for template, module in plugins.SITE_TEMPLATES.items()}
        keys["template"] = _ordered(keys["template"], enum=list(modules),
                                    description="; ".join(f"{t}: {m.SUMMARY}" for t, m in modules.items()) + ".")
    return section


def _ordered(key: dict[str, Any], **added: Any) -> dict[str, Any]:
    """`key` with the derived entries: the type first, then the choices, then the rest as written."""
    head = {k: key[k] for k in ("type",) if k in key}
    return {**head, "enum": added["enum"], **{k: v for k, v in key.items() if k not in head},
            "description": added["description"]}


# --- writing them as the files are written ----------------------------------------------------------------------


def settings_text(schema: dict[str, Any]) -> str:
    """The settings schema's layout: one line per key of a section (so a diff shows the key that changed)."""
    lines = [f"  {_compact(key)}: " + (_expanded(value, 4, 3) if key == "properties" else _compact(value))
             for key, value in schema.items()]
    return "{\n" + ",\n".join(lines) + "\n}\n"


def profile_text(text: str, templates: list[str]) -> str:
    """profile.schema.json's text with `$defs/origin`'s template choices replaced, every other byte kept."""
    return _enum_replaced(text, ('\n    "origin": {', '"template": {'), templates, f"{PROFILE_FILE}: $defs/origin")


def lab_text(text: str, templates: Sequence[str]) -> str:
    """lab.schema.json's text with `site.template`'s choices replaced, every other byte kept."""
    return _enum_replaced(text, ('\n        "site": {', '"template": {'), templates, f"{LAB_FILE}: site")


def _enum_replaced(text: str, path: tuple[str, ...], choices: Sequence[str], where: str) -> str:
    """`text` with the items of the first `"enum": [...]` after the keys of `path` (found in turn) replaced, one
    a line as the files write them; every other byte kept, so a hand-written description stays as written."""
    at = 0
    for key in path:
        at = text.find(key, at)
        if at < 0:
            raise ValueError(f"{where}: no {key.strip()} key")
    enum = re.compile(r'( *)"enum": \[\n(.*?)\n *\]', re.S).search(text, at)
    if enum is None:
        raise ValueError(f"{where}: no enum under {path[-1].strip(' {:')}")
    pad = enum.group(1) + "  "
    items = ",\n".join(pad + _compact(name) for name in choices)
    return text[:enum.start(2)] + items + text[enum.end(2):]


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _expanded(value: dict[str, Any], indent: int, depth: int) -> str:
    pad = " " * indent
    lines = [f"{pad}{_compact(key)}: " + (_expanded(item, indent + 2, depth - 1)
                                         if isinstance(item, dict) and item and depth > 1 else _compact(item))
             for key, item in value.items()]
    return "{\n" + ",\n".join(lines) + "\n" + " " * (indent - 2) + "}"


def expected(folder: Path | None = None) -> dict[Path, str]:
    """Each schema file's text as the tables give it (the files of `folder`, by default SCHEMA_FOLDER's)."""
    folder = folder or SCHEMA_FOLDER
    settings = folder / SETTINGS_FILE
    profile = folder / PROFILE_FILE
    lab = folder / LAB_FILE
    return {settings: settings_text(settings_schema(json.loads(settings.read_text("utf-8")))),
            profile: profile_text(profile.read_text("utf-8"), origin_templates()),
            lab: lab_text(lab.read_text("utf-8"), lab_templates())}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m profilebot.schemas.generate", description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only say which file differs (exit 1)")
    args = parser.parse_args(argv)
    wanted = expected()
    stale = [path for path, text in wanted.items() if path.read_text("utf-8") != text]
    for path in stale:
        if args.check:
            print(f"{path}: not what the plugin tables give; run python -m profilebot.schemas.generate")
        else:
            path.write_text(wanted[path], "utf-8")
            print(f"{path}: written from the plugin tables")
    return 1 if stale and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
