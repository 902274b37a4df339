"""The real `pre-commit` in temporary repositories: this repository's hook, and the one `init` writes.

Offline: the shipped hook (`language: python`) is installed by pre-commit from a path repository into
its own virtualenv, which sees this environment's packages through PYTHONPATH (so dependencies need no
download; note this also makes an installed profilebot importable ahead of the hook env's copy), with
pip told to use no index and no build isolation; the init template's hook is `language: system` and runs the
installed `profilebot`, here a shim onto this checkout.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from . import offline_env

ROOT = Path(__file__).resolve().parents[2]
PRE_COMMIT = shutil.which("pre-commit")
pytestmark = pytest.mark.skipif(PRE_COMMIT is None, reason="needs pre-commit (pip install -e '.[test]')")
# A mistyped ORCID iD: the last digit is not the checksum of the others.
BROKEN = "person:\n  name: Ada\n  profiles:\n    orcid: 0000-0002-1825-0098\n"


def git(*args: str, cwd: Path) -> str:
    return subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false",
                           *args], cwd=cwd, check=True, capture_output=True, text=True).stdout.strip()


def new_repository(path: Path, files: dict[str, str]) -> Path:
    path.mkdir(parents=True)
    git("init", "-q", cwd=path)
    for name, text in files.items():
        (path / name).parent.mkdir(parents=True, exist_ok=True)
        (path / name).write_text(text, encoding="utf-8")
    git("add", "-A", cwd=path)
    git("commit", "-q", "-m", "start", cwd=path)
    return path


def hook_source(tmp_path: Path) -> tuple[Path, str]:
    """A git copy of what pre-commit installs from this repository (the working tree, uncommitted work too)."""
    source = tmp_path / "profilebot-src"
    source.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE", ".pre-commit-hooks.yaml"):
        if (ROOT / name).exists():
            shutil.copy2(ROOT / name, source / name)
    shutil.copytree(ROOT / "src", source / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    git("init", "-q", cwd=source)
    git("add", "-A", cwd=source)
    git("commit", "-q", "-m", "hook", cwd=source)
    return source, git("rev-parse", "HEAD", cwd=source)


def offline_environment(tmp_path: Path, path_first: Path | None = None) -> dict[str, str]:
    environment = {key: value for key, value in os.environ.items() if not key.startswith(("PRE_COMMIT", "GITHUB_"))}
    environment |= {"PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "PYTHONPATH": offline_env.pythonpath(),
                    "CI": "true"} | offline_env.PIP_OFFLINE
    if path_first:
        environment["PATH"] = f"{path_first}{os.pathsep}{environment['PATH']}"
    return environment


def pre_commit(repo: Path, environment: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([PRE_COMMIT, "run", *args], cwd=repo, env=environment, capture_output=True, text=True,
                          timeout=600)


def test_shipped_hook_passes_the_default_profile_and_fails_a_broken_one(tmp_path):
    source, rev = hook_source(tmp_path)
    config = f"repos:\n  - repo: {source}\n    rev: {rev}\n    hooks:\n      - id: profilebot-check\n"
    repo = new_repository(tmp_path / "user", {".pre-commit-config.yaml": config,
                                               "profile.yaml": (ROOT / "profile.yaml").read_text("utf-8"),
                                               "notes.md": "hello\n"})
    environment = offline_environment(tmp_path)

    passing = pre_commit(repo, environment, "--all-files")
    assert passing.returncode == 0, passing.stdout + passing.stderr
    assert "profilebot check" in passing.stdout and "Passed" in passing.stdout

    # Only the profile and its settings trigger the hook.
    unrelated = pre_commit(repo, environment, "--files", "notes.md")
    assert unrelated.returncode == 0 and "(no files to check)Skipped" in unrelated.stdout

    (repo / "profile.yaml").write_text(BROKEN, encoding="utf-8")
    failing = pre_commit(repo, environment, "--all-files")
    assert failing.returncode == 1, failing.stdout + failing.stderr
    assert "Failed" in failing.stdout and "profile.yaml:4:12: error PB101" in failing.stdout


def test_a_change_to_profilebot_yaml_checks_the_profile_beside_it(tmp_path):
    source, rev = hook_source(tmp_path)
    config = f"repos:\n  - repo: {source}\n    rev: {rev}\n    hooks:\n      - id: profilebot-check\n"
    repo = new_repository(tmp_path / "user", {".pre-commit-config.yaml": config,
                                               "profile.yaml": (ROOT / "profile.yaml").read_text("utf-8"),
                                               "profilebot.yaml": "rules: {}\n"})
    environment = offline_environment(tmp_path)
    (repo / "profilebot.yaml").write_text("rulez: {}\n", encoding="utf-8")
    result = pre_commit(repo, environment, "--files", "profilebot.yaml")
    assert result.returncode == 1 and "unknown section 'rulez'" in result.stdout + result.stderr


def test_init_template_hook_runs_the_installed_profilebot(tmp_path):
    from profilebot.commands import init

    shims = tmp_path / "bin"
    shims.mkdir()
    shim = shims / "profilebot"
    shim.write_text(f"#!/bin/sh\nPYTHONPATH={ROOT / 'src'} exec {sys.executable} -m profilebot \"$@\"\n")
    shim.chmod(0o755)
    files = {path: data.decode() for path, data in init.plan("Ada Lovelace").items()}
    repo = new_repository(tmp_path / "user", files)
    environment = offline_environment(tmp_path, path_first=shims)

    assert pre_commit(repo, environment, "--all-files").returncode == 0
    (repo / "profile.yaml").write_text(BROKEN, encoding="utf-8")
    failing = pre_commit(repo, environment, "--all-files")
    assert failing.returncode == 1 and "profile.yaml:4:12: error PB101" in failing.stdout
