"""One release build per test session: the release workflow's own build steps, run on a clean copy of the tree."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.automation.workflow_runner import Runner, StepResult

ROOT = Path(__file__).resolve().parents[2]
RELEASE = ROOT / ".github/workflows/release.yml"


def clean_copy(where: Path) -> Path:
    """The files git would commit (tracked and new, not ignored): no build/, .venv, egg-info or caches."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                            capture_output=True, check=True).stdout.split(b"\0")
    where.mkdir(parents=True)
    for name in filter(None, listed):
        source, target = ROOT / os.fsdecode(name), where / os.fsdecode(name)
        if not source.exists() and not source.is_symlink():
            continue  # deleted in the working tree, not yet committed
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_symlink():
            target.symlink_to(os.readlink(source))  # schemas/ links to schema/, as in a checkout
        else:
            target.write_bytes(source.read_bytes())
    return where


def release_step(step_id: str) -> dict:
    workflow = yaml.safe_load(RELEASE.read_text("utf-8"))
    return next(step for step in workflow["jobs"]["build"]["steps"] if step.get("id") == step_id)


def run_release_step(tree: Path, temp: Path, step_id: str, tag: str) -> StepResult:
    """One `run:` step of the release workflow's build job, as the runner would run it, with this Python first."""
    temp.mkdir(exist_ok=True)
    environment = {key: value for key, value in os.environ.items()
                   if not key.startswith(("GITHUB_", "PIP_")) and key != "PYTHONPATH"}
    environment["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{environment['PATH']}"
    environment["GITHUB_REF_NAME"] = tag
    runner = Runner(tree, temp, {"github": {"ref_name": tag}}, environment)
    return runner.run_script(release_step(step_id), {}, 0, None)


@pytest.fixture(scope="session")
def release_build(tmp_path_factory) -> Path:
    """dist/ of a clean copy, made by the release workflow's `version` and `build` steps."""
    import tomllib

    tree = clean_copy(tmp_path_factory.mktemp("release") / "profilebot")
    version = tomllib.loads((tree / "pyproject.toml").read_text("utf-8"))["project"]["version"]
    for step_id in ("version", "build"):
        result = run_release_step(tree, tree.parent / "runner-temp", step_id, f"v{version}")
        assert result.returncode == 0, result.output[-3000:]
    return tree / "dist"
