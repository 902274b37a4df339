"""The pure core stays pure: model, load, validate, render, diff and report never reach files, network or CLI.

A mechanical check of the boundary ARCHITECTURE.md draws (the all-imports walk import-linter would do).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "profilebot"
PURE = ("model", "load", "validate", "render", "diff", "report", "lab")
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


# --- stage order: a lower stage never imports a higher one (issue 15, item 5) ------------------------------

# The stages from the bottom up. render needs only the model (a lint rule may ask render what a safe output
# name is), so it sits below validate; Finding and Severity live in profilebot/findings.py, below them all.
ORDER = ("model", "load", "render", "validate", "diff", "report", "lab")


def stage_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "profilebot" and parts[1] in ORDER else None


@pytest.mark.parametrize("path", pure_modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_a_stage_imports_only_itself_and_the_stages_below_it(path):
    own = path.relative_to(PACKAGE).parts[0]
    higher = sorted({name for name in imports_of(path)
                     if (stage := stage_of(name)) is not None and ORDER.index(stage) > ORDER.index(own)})
    assert not higher, (f"{path.relative_to(PACKAGE)} ({own}) imports {higher}: a stage may import only the stages "
                        f"below it ({', '.join(ORDER[:ORDER.index(own)]) or 'none'}); move the code or the value")


def test_the_order_check_sees_an_upward_import(tmp_path):
    upward = PACKAGE / "load" / "yaml_document.py"
    assert "profilebot.findings" in imports_of(upward)  # the value load/ reports, below every stage
    bad = tmp_path / "bad.py"
    bad.write_text("from profilebot.validate.findings import Finding\n", "utf-8")
    assert any(stage_of(name) == "validate" for name in imports_of(bad))


# --- the clock is read at the edge only (issue 21, side door 5) ---------------------------------------------

# The calendar and the moment: `date.today()`, `datetime.now()` / `utcnow()` / `today()`. The wire's own timing
# (time.monotonic deadlines, a rate limit's reset, a JWT's issued-at) is the HTTP clients' business, not a date.
CLOCK_CALLS = {("date", "today"), ("datetime", "now"), ("datetime", "utcnow"), ("datetime", "today")}
CLOCK_MODULE = PACKAGE / "clock.py"


def clock_reads(path: Path) -> list[str]:
    """Where a module reads the clock: its calls of CLOCK_CALLS and its imports of profilebot.clock."""
    tree = ast.parse(path.read_text("utf-8"), str(path))
    found = [f"{path.name}:{node.lineno} imports the clock" for node in ast.walk(tree)
             if isinstance(node, (ast.Import, ast.ImportFrom))
             and any(name == "profilebot.clock" for name in imports_of_node(node))]
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner = node.func.value
            owner_name = owner.id if isinstance(owner, ast.Name) else owner.attr if isinstance(owner, ast.Attribute) else ""
            if (owner_name, node.func.attr) in CLOCK_CALLS:
                found.append(f"{path.name}:{node.lineno} calls {owner_name}.{node.func.attr}()")
    return found


def imports_of_node(node: ast.Import | ast.ImportFrom) -> set[str]:
    if isinstance(node, ast.Import):
        return {alias.name for alias in node.names}
    module = node.module or ""
    return {module, *(f"{module}.{alias.name}" for alias in node.names)} if node.level == 0 else set()


def test_only_the_commands_read_the_clock():
    """Targets, importers and the core get `today` / `now` passed in (RunContext.now, lint's `today`), so a test
    gives a moment instead of patching the clock; clock.py is the one module that calls the clock."""
    readers = {path.relative_to(PACKAGE).as_posix(): reads for path in sorted(PACKAGE.rglob("*.py"))
               if path != CLOCK_MODULE and (reads := clock_reads(path))}
    outside = {path: reads for path, reads in readers.items()
               if not path.startswith("commands/") or any("calls" in read for read in reads)}
    assert not outside, f"read the clock in commands/ (profilebot.clock) and pass it in: {outside}"
    assert any(path.startswith("commands/") for path in readers)  # the check sees the imports it allows


def test_the_clock_check_sees_a_read(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("import datetime\nfrom profilebot import clock\n\ndef f():\n    return datetime.date.today(), "
                   "datetime.datetime.now(), clock.today()\n", "utf-8")
    assert clock_reads(bad) == ["bad.py:2 imports the clock", "bad.py:5 calls date.today()",
                                "bad.py:5 calls datetime.now()"]


# --- one HTTP room: only profilebot/clients/ speaks HTTP (issue 21, side door 2) ---------------------------

ROOM = PACKAGE / "clients"
# The network libraries: requests and what it stands on, PyGithub, and the standard library's own clients.
NETWORK = ("requests", "urllib3", "http.client", "github", "urllib.request")


def network_imports(path: Path) -> set[str]:
    """Every network library `path` imports, at the top or inside a function, as `import x` or `from x import y`
    (`from http import client` too)."""
    names = imports_of(path)
    return {name for name in names if any(name == lib or name.startswith(lib + ".") for lib in NETWORK)}


def outside_the_room() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if ROOM not in p.parents)


@pytest.mark.parametrize("path", outside_the_room(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_only_the_client_room_imports_a_network_library(path):
    bad = network_imports(path)
    assert not bad, (f"{path.relative_to(PACKAGE)} imports {sorted(bad)}: every request goes through the clients "
                     "in profilebot/clients/ (one session, one retry and answer policy); add a client method there")


def test_the_room_check_sees_every_way_of_importing(tmp_path):
    spelled = {"a.py": "import requests\n", "b.py": "from urllib3.exceptions import HTTPError\n",
               "c.py": "def f():\n    from github import Github\n", "d.py": "from http import client\n",
               "e.py": "import urllib.request as fetch\n", "f.py": "from requests import exceptions\n"}
    for name, text in spelled.items():
        (tmp_path / name).write_text(text, "utf-8")
        assert network_imports(tmp_path / name), name
    (tmp_path / "ok.py").write_text("from urllib.parse import quote\nimport http.server\nimport githubx\n", "utf-8")
    assert network_imports(tmp_path / "ok.py") == set()


def test_the_room_holds_the_clients():
    inside = {p.stem for p in ROOM.glob("*.py")}
    assert {"http", "github", "github_auth", "pr_comment", "orcid", "openalex", "crossref", "dblp"} <= inside
    assert any(network_imports(p) for p in ROOM.glob("*.py"))  # the check looks where the imports really are
