"""ARCHITECTURE.md's "What an extension touches" is kept true (issue 21, side door 6): for each kind of extension
the registry it names is the one the code reads, every existing extension of that kind is one module in the folder
it names with one entry in that registry, the files its "and" column names exist for each, and the test in its
"proved by" column registers a new one with exactly one line of that registry (and runs the real commands on it)."""

from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.paths import ROOT

PACKAGE = ROOT / "src" / "profilebot"
KINDS = {"site template", "export format", "target", "importer", "lint rule", "source for proposals"}


def table() -> dict[str, dict[str, str]]:
    """The rows of the table, by kind: module, registry, and, proved by (backquotes kept)."""
    text = (ROOT / "ARCHITECTURE.md").read_text("utf-8")
    section = text.split("### What an extension touches\n", 1)[1].split("\n## ", 1)[0]
    lines = [line for line in section.splitlines() if line.startswith("|")]
    header = [cell.strip() for cell in lines[0].strip("|").split("|")]
    assert header == ["extension", "module", "registry", "and", "proved by"], header
    rows = [[cell.strip() for cell in line.strip("|").split("|")] for line in lines[2:]]
    return {row[0]: dict(zip(header[1:], row[1:], strict=True)) for row in rows}


ROWS = table()


def quoted(cell: str) -> list[str]:
    return re.findall(r"`([^`]+)`", cell)


def registry(kind: str) -> Any:
    [dotted] = quoted(ROWS[kind]["registry"])
    module, name = dotted.rsplit(".", 1)
    return getattr(importlib.import_module(f"profilebot.{module}"), name)


def extensions(kind: str) -> dict[str, Any]:
    """Every existing extension of this kind: name → its module (its reader function for a proposal source)."""
    found = registry(kind)
    if isinstance(found, dict) and all(isinstance(value, str) for value in found.values()):
        return {name: importlib.import_module(module) for name, module in found.items()}
    if kind == "lint rule":  # the rules lint runs on the profile (the document rules are the loader's)
        from profilebot.validate import rules

        return {rule.CODE: rule for rule in found if rule in rules.LINT_RULES}
    return {name: source.read for name, source in found.items()}


def test_the_table_names_every_kind_of_extension():
    assert set(ROWS) == KINDS


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_each_extension_is_one_module_in_the_named_folder(kind):
    [where] = quoted(ROWS[kind]["module"])
    found = extensions(kind)
    assert found, kind
    for name, item in found.items():
        if isinstance(item, ModuleType):
            assert Path(item.__file__).parent == PACKAGE / where.rstrip("/"), (kind, name, item.__file__)
        else:  # a function: the module file it lives in
            assert item.__module__ == "profilebot." + where.removesuffix(".py").replace("/", "."), (kind, name)


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_each_extension_has_one_entry_in_the_registry(kind):
    [dotted] = quoted(ROWS[kind]["registry"])
    found = registry(kind)
    if isinstance(found, dict):
        if all(isinstance(value, str) for value in found.values()):  # plugins.py: one line names the module
            lines = (PACKAGE / "plugins.py").read_text("utf-8").splitlines()
            for module in found.values():
                assert sum(f'"{module}"' in line for line in lines) == 1, (dotted, module)
        return  # a dict holds each name once
    for rule in extensions(kind).values():
        assert list(found).count(rule) == 1, (dotted, rule.__name__)


def test_the_files_the_and_column_names_exist():
    golden = ROOT / "tests" / "render" / "golden" / "default"
    for module in extensions("export format").values():
        assert (golden / module.DEFAULT_PATH).is_file(), module.__name__
    for rule in extensions("lint rule").values():
        short = rule.__name__.rsplit(".", 1)[-1]
        assert (ROOT / "tests" / "validate" / "rules" / f"test_{short}.py").is_file(), rule.CODE
    docs = (ROOT / "docs" / "configuration.md").read_text("utf-8")
    for name, module in extensions("target").items():
        for key in module.SETTINGS["properties"]:
            assert f"`{name}.{key}`" in docs, (name, key)


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_the_proof_registers_a_new_one_with_one_line_of_that_registry(kind):
    [proof] = quoted(ROWS[kind]["proved by"])
    path, name = proof.split("::")
    source = (ROOT / path).read_text("utf-8")
    [function] = [node for node in ast.walk(ast.parse(source))
                  if isinstance(node, ast.FunctionDef) and node.name == name]
    body = ast.get_source_segment(source, function) or ""
    attribute = quoted(ROWS[kind]["registry"])[0].rsplit(".", 1)[-1]
    assert len(registrations(body, attribute)) == 1, (proof, registrations(body, attribute))


def registrations(body: str, attribute: str) -> list[str]:
    """The lines of a test that register something in the registry `attribute` (a monkeypatch of it)."""
    return [line for line in body.splitlines()
            if re.search(r"monkeypatch\.set(item|attr)\(", line) and re.search(rf"\b{attribute}\b", line)]


def test_the_proof_check_counts_each_registration_and_no_other_table():
    body = ('monkeypatch.setitem(plugins.IMPORTERS, "a", "x")\nmonkeypatch.setitem(plugins.IMPORTERS, "b", "y")\n'
            'monkeypatch.setattr(rules, "LINT_RULES", ())\n')
    assert len(registrations(body, "IMPORTERS")) == 2  # a cost of two lines would fail the proof above
    assert registrations(body, "RULES") == []  # LINT_RULES is derived from RULES, not a second registry
