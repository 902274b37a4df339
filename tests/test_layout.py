"""Any test folder can be collected alone or with any other: `pytest tests/render/site tests/targets/orcid`.

Every folder holding Python is a package under `tests`, so a module's name is its path
(`tests.render.site.support`): two folders may both hold `test_progress.py`, no folder shadows the standard
library (`tests/render/site` is not `site`), and shared helpers are imported by that name, never through
`conftest` (pytest loads every folder's conftest.py as a plain `conftest` module, so `from conftest import`
picks whichever one was loaded last).
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from tests.paths import ROOT

TESTS = ROOT / "tests"


def python_folders() -> list[str]:
    folders = {path.parent for path in TESTS.rglob("*.py") if "fixtures" not in path.relative_to(TESTS).parts}
    return sorted(str(folder.relative_to(ROOT)) for folder in folders)


def test_every_folder_holding_python_is_a_package():
    missing = [folder for folder in python_folders() if not (ROOT / folder / "__init__.py").is_file()]
    assert not missing, f"add an empty __init__.py to {missing} (see this module's docstring)"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"), str(path))
    modules = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.level == 0}
    return modules | {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}


def test_no_module_imports_a_conftest():
    offenders = [str(path.relative_to(ROOT)) for path in sorted(TESTS.rglob("*.py")) if "conftest" in imported_modules(path)]
    assert not offenders, f"{offenders}: move shared helpers into a module and import it as tests.<folder>.<module>"


def collect(*folders: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", *folders],
                          cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)


def folders_with_tests() -> list[str]:
    return [folder for folder in python_folders() if any((ROOT / folder).glob("test_*.py"))]


def test_all_folders_collect_together_in_reverse_order():
    """The order that broke before (`tests/site tests/orcid`): a later conftest.py replaced an earlier one's helpers.

    .ci/run also collects every folder alone; that is one pytest start per folder, too slow for the suite.
    """
    result = collect(*reversed(folders_with_tests()))
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
