"""The pure core stays pure: model, load, validate, render, diff and report never reach files, network or CLI.

A mechanical check of the boundary ARCHITECTURE.md draws (the all-imports walk import-linter would do).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "profilebot"
PURE = ("model", "load", "validate", "render", "diff", "report")
FORBIDDEN = ("requests", "github", "urllib3", "socket", "http.client", "subprocess", "schedule",
             "profilebot.targets", "profilebot.files", "profilebot.cli", "profilebot.commands")


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"), str(path))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return found


def pure_modules() -> list[Path]:
    return sorted(p for stage in PURE for p in (PACKAGE / stage).rglob("*.py"))


@pytest.mark.parametrize("path", pure_modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_pure_stage_imports_no_io(path):
    bad = {name for name in imports_of(path)
           if any(name == f or name.startswith(f + ".") for f in FORBIDDEN)}
    assert not bad, f"{path.relative_to(PACKAGE)} imports {sorted(bad)}; I/O belongs in targets/, files.py or commands/"


def test_the_package_root_imports_nothing():
    assert imports_of(PACKAGE / "__init__.py") <= {"__future__"}


def test_there_are_pure_modules_to_check():
    assert len(pure_modules()) > 40


@pytest.mark.parametrize("path", pure_modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_pure_stage_opens_no_files_and_reads_no_environment(path):
    tree = ast.parse(path.read_text("utf-8"), str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "open":
            pytest.fail(f"{path.relative_to(PACKAGE)}:{node.lineno} opens a file; read it in commands/ or files.py")
        if isinstance(node, ast.Attribute) and node.attr in ("environ", "getenv"):
            pytest.fail(f"{path.relative_to(PACKAGE)}:{node.lineno} reads the environment; pass values in")
