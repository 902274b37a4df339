"""Every workflow parses, passes actionlint, and keeps the promises made about it (triggers,
permissions, concurrency, pinned actions, no pull_request_target)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = sorted((ROOT / ".github/workflows").glob("*.yml")) + sorted(
    (ROOT / "src/profilebot/templates/workflows").glob("*.yml"))
ACTIONLINT = shutil.which("actionlint")


def text_of(path: Path) -> str:
    """The workflow as a repository gets it: init fills the templates' ${action} with the released action."""
    from profilebot import distribution

    return path.read_text("utf-8").replace("${action}", distribution.current().action)


def load(path: Path) -> dict:
    # PyYAML reads the `on:` key as True (YAML 1.1); normalise so tests read like the file.
    data = yaml.safe_load(text_of(path))
    return {("on" if key is True else key): value for key, value in data.items()}


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


@pytest.mark.skipif(ACTIONLINT is None, reason="needs actionlint (pip install -e '.[test]')")
@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: str(p.relative_to(ROOT)))
def test_actionlint_passes(path, tmp_path):
    rendered = tmp_path / path.name
    rendered.write_text(text_of(path), "utf-8")
    result = subprocess.run([ACTIONLINT, "-no-color", str(rendered)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.skipif(ACTIONLINT is None, reason="needs actionlint")
def test_actionlint_would_catch_a_broken_workflow(tmp_path):
    """Guards the guard: a workflow with an unknown expression context and a typo'd key must fail."""
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    step:\n      - run: echo ${{ nope.x }}\n")
    assert subprocess.run([ACTIONLINT, str(broken)], capture_output=True).returncode == 1


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: str(p.relative_to(ROOT)))
def test_actions_are_pinned_by_major_version_and_no_pull_request_target(path):
    workflow = load(path)
    assert "pull_request_target" not in (workflow["on"] or {})
    for step in steps(workflow):
        if "uses" in step:
            # Released actions by major tag (pypa's publish action documents its release/v1 branch); this
            # repository's own action from its checkout.
            assert re.fullmatch(r"[\w.-]+/[\w.-]+@(?:release/)?v\d+|\./", step["uses"].split()[0]), step["uses"]


def action_commands(workflow: dict) -> list[str]:
    """The profilebot command of each step that uses the profilebot action (./ or the released one)."""
    from profilebot import distribution

    return [step.get("with", {}).get("command", "sync") for step in steps(workflow)
            if step.get("uses") in ("./", distribution.current().action)]


@pytest.mark.parametrize("folder", [".github/workflows", "src/profilebot/templates/workflows"])
def test_sync_runs_on_schedule_push_and_demand_one_at_a_time_with_least_privilege(folder):
    workflow = load(ROOT / folder / "sync.yml")
    assert set(workflow["on"]) == {"schedule", "push", "workflow_dispatch"}
    assert workflow["on"]["schedule"][0]["cron"]
    assert workflow["concurrency"] == {"group": "profilebot-sync", "cancel-in-progress": False}
    # issues: the dashboard issue; actions: the keep-alive (enabling its own workflow restarts the 60-day clock).
    assert workflow["permissions"] == {"contents": "write", "pull-requests": "write", "issues": "write",
                                       "actions": "write"}
    assert action_commands(workflow) == ["sync"]


@pytest.mark.parametrize("folder", [".github/workflows", "src/profilebot/templates/workflows"])
def test_check_runs_on_profile_pull_requests_with_annotations_and_one_comment(folder):
    workflow = load(ROOT / folder / "check.yml")
    assert set(workflow["on"]) == {"pull_request"}
    assert set(workflow["on"]["pull_request"]["paths"]) >= {"**/profile.yaml", "**/profilebot.yaml"}
    assert workflow["permissions"] == {"contents": "read", "pull-requests": "write"}
    commands = "\n".join(step.get("run", "") for step in steps(workflow))
    assert action_commands(workflow) == ["check"]  # the action runs `profilebot check --format github`
    assert "check) exec profilebot check --format github" in (ROOT / "action.yml").read_text("utf-8")
    assert "profilebot diff --format markdown" in commands and "profilebot pr-comment --pr" in commands


def test_ci_runs_the_projects_own_test_entry_point():
    workflow = load(ROOT / ".github/workflows/ci.yml")
    assert workflow["permissions"] == {"contents": "read"}
    assert any(".ci/run" in step.get("run", "") for step in steps(workflow))


def test_lab_matrix_job_feeds_member_jobs_that_fail_independently_then_the_lab_site():
    workflow = load(ROOT / "src/profilebot/templates/workflows/lab.yml")
    jobs = workflow["jobs"]
    assert list(jobs) == ["matrix", "members", "lab-site"]
    assert set(workflow["on"]) == {"schedule", "push", "workflow_dispatch"}
    assert workflow["concurrency"] == {"group": "profilebot-lab", "cancel-in-progress": False}
    assert workflow["permissions"] == {"contents": "write", "pull-requests": "write"}
    assert "profilebot lab matrix lab.yaml" in jobs["matrix"]["steps"][-1]["run"]
    assert jobs["matrix"]["outputs"]["matrix"] == "${{ steps.matrix.outputs.matrix }}"
    members = jobs["members"]
    assert members["needs"] == "matrix" and members["strategy"]["fail-fast"] is False
    assert members["strategy"]["matrix"] == "${{ fromJSON(needs.matrix.outputs.matrix) }}"
    assert "profilebot sync --target all \"$profile\"" in members["steps"][-1]["run"]
    assert members["steps"][-1]["env"]["PROFILES"] == "${{ matrix.profiles }}"  # data reaches the shell as data
    site = jobs["lab-site"]
    assert site["needs"] == ["matrix", "members"] and "!cancelled()" in site["if"]
    assert "profilebot lab build lab.yaml" in site["steps"][-1]["run"] and "profilebot lab sync" in site["steps"][-1]["run"]
    assert action_commands(workflow) == ["install", "install", "install"]
