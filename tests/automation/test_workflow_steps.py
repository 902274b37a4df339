"""The `run:` steps of check.yml, sync.yml and action.yml, run locally against the local GitHub.

The workspace is a copy of this repository (what actions/checkout gives the repo's own workflows) with a
profilebot.yaml whose site target lives on the fake; the install step runs literally, pip being told to
use no index and no build isolation, into a virtualenv that sees this environment's packages.
ci.yml is not run here: its one step runs this test suite.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
import requests

from tests.fakes.github_server import GitHubFake

from . import comment_route  # noqa: F401 - registers the comment-edit route on the fake
from . import offline_env
from .workflow_runner import Runner

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "ghs_" + "W0rkfl0wT0k3n" * 3
SITE_FILES = {"README.md": "# My site\n", "_config.yml": "title: mine\n"}
COPIED = ("pyproject.toml", "README.md", "LICENSE", "profile.yaml", "action.yml", ".pre-commit-hooks.yaml")


@pytest.fixture(scope="module")
def python_bin(tmp_path_factory) -> Path:
    """A fresh virtualenv (seeing this environment's packages) whose bin/ comes first on PATH."""
    return offline_env.create(tmp_path_factory.mktemp("venv"))


@pytest.fixture
def workspace(tmp_path) -> Path:
    root = tmp_path / "workspace"
    root.mkdir()
    for name in COPIED:
        if (ROOT / name).exists():
            shutil.copy2(ROOT / name, root / name)
    for folder in ("src", ".github"):
        shutil.copytree(ROOT / folder, root / folder, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    (root / "profilebot.yaml").write_text("site:\n  repo: octo/site\n", encoding="utf-8")
    return root


@pytest.fixture
def fake():
    with GitHubFake(token=TOKEN) as server:
        server.create_repo("octo/site", SITE_FILES)
        server.create_repo("octo/profile", {"profile.yaml": (ROOT / "profile.yaml").read_text("utf-8")})
        server.commit_files("octo/profile", "edit-profile", {"profile.yaml": "# edited\n"})
        response = requests.post(f"{server.api_url}/repos/octo/profile/pulls", timeout=10,
                                 headers={"Authorization": f"Bearer {TOKEN}"},
                                 json={"title": "Edit profile", "head": "edit-profile", "base": "main"})
        assert response.status_code == 201, response.text
        yield server


def runner(workspace: Path, tmp_path: Path, fake: GitHubFake, python_bin: Path, event_name: str, event: dict,
           ref_name: str = "main") -> Runner:
    temp = tmp_path / "runner-temp"
    temp.mkdir(exist_ok=True)
    keep = {key: value for key, value in os.environ.items()
            if not key.startswith(("GITHUB_", "PROFILEBOT_", "PIP_")) and key not in ("CI", "GH_TOKEN", "VIRTUAL_ENV")}
    base_env = keep | {
        "PATH": f"{python_bin}{os.pathsep}{os.environ['PATH']}", "CI": "true", "GITHUB_ACTIONS": "true",
        "GITHUB_API_URL": fake.api_url, "GITHUB_REPOSITORY": "octo/profile", "GITHUB_EVENT_NAME": event_name,
    } | offline_env.PIP_OFFLINE
    contexts = {"github": {"token": TOKEN, "repository": "octo/profile", "event_name": event_name,
                           "ref_name": ref_name, "event": event},
                "secrets": {"GITHUB_TOKEN": TOKEN}, "vars": {}, "env": {}}
    return Runner(workspace, temp, contexts, base_env)


PULL_REQUEST = {"pull_request": {"number": 1, "head": {"repo": {"full_name": "octo/profile"}}}}


def comments(fake: GitHubFake) -> list[str]:
    return [comment.body for comment in fake.open_pulls("octo/profile")[0].comments]


def test_check_workflow_annotates_and_keeps_one_diff_comment_on_the_pr(workspace, tmp_path, fake, python_bin):
    run = runner(workspace, tmp_path, fake, python_bin, "pull_request", PULL_REQUEST)
    assert run.run_workflow(workspace / ".github/workflows/check.yml"), [r.output[-2000:] for r in run.results]
    assert (python_bin / "profilebot").exists()  # the install step put profilebot into the fresh venv
    assert "::error" not in run.step("Check the profile").output
    posted = comments(fake)
    assert len(posted) == 1 and posted[0].startswith("<!-- profilebot:diff -->\n")
    summary = (run.temp / "summary.md").read_text()
    assert summary.strip() and summary.strip() in posted[0]  # the comment is the diff the job summary shows
    assert "site" in posted[0] and "publications" in posted[0]

    # A second push to the PR: the same comment is edited, never a second one.
    rerun = runner(workspace, tmp_path, fake, python_bin, "pull_request", PULL_REQUEST)
    assert rerun.run_workflow(workspace / ".github/workflows/check.yml")
    assert len(comments(fake)) == 1
    assert "comment unchanged" in rerun.step("Comment on the pull request").output


def test_check_workflow_fails_with_annotations_on_a_broken_profile(workspace, tmp_path, fake, python_bin):
    (workspace / "profile.yaml").write_text("person:\n  name: Ada\n  profiles:\n    orcid: 0000-0002-1825-0098\n")
    run = runner(workspace, tmp_path, fake, python_bin, "pull_request", PULL_REQUEST)
    assert run.run_workflow(workspace / ".github/workflows/check.yml") is False
    failed = run.results[-1]
    assert failed.name == "Check the profile" and failed.returncode == 1
    assert "::error file=profile.yaml,line=4,col=12,title=PB101 orcid-checksum::" in failed.output
    assert comments(fake) == []


def test_a_pull_request_from_a_fork_gets_no_comment_step(workspace, tmp_path, fake, python_bin):
    fork = {"pull_request": {"number": 1, "head": {"repo": {"full_name": "someone/profile"}}}}
    run = runner(workspace, tmp_path, fake, python_bin, "pull_request", fork)
    assert run.run_workflow(workspace / ".github/workflows/check.yml")
    assert [r.name for r in run.results][-1] == "Work out what this change does to each target"
    assert comments(fake) == []


def test_sync_workflow_opens_one_pr_and_reports_it_as_step_outputs(workspace, tmp_path, fake, python_bin):
    push = {"repository": {"default_branch": "main"}}
    run = runner(workspace, tmp_path, fake, python_bin, "push", push)
    assert run.run_workflow(workspace / ".github/workflows/sync.yml"), [r.output[-2000:] for r in run.results]
    pulls = fake.open_pulls("octo/site")
    assert len(pulls) == 1 and pulls[0].head == "profilebot/site"
    outputs = run.step("Sync every configured target").outputs
    assert outputs["drift-found"] == "true" and outputs["drifted-targets"] == "site"
    assert json.loads(outputs["pr-urls"])["site"].endswith("/octo/site/pull/1")

    again = runner(workspace, tmp_path, fake, python_bin, "schedule", {})
    assert again.run_workflow(workspace / ".github/workflows/sync.yml")
    assert len(fake.open_pulls("octo/site")) == 1


def test_sync_workflow_skips_pushes_to_other_branches(workspace, tmp_path, fake, python_bin):
    run = runner(workspace, tmp_path, fake, python_bin, "push", {"repository": {"default_branch": "main"}},
                 ref_name="feature")
    assert run.run_workflow(workspace / ".github/workflows/sync.yml") is None
    assert run.results == [] and fake.open_pulls("octo/site") == []


def test_composite_action_syncs_the_named_targets_and_sets_its_outputs(workspace, tmp_path, fake, python_bin):
    run = runner(workspace, tmp_path, fake, python_bin, "workflow_dispatch", {})
    passed, outputs = run.run_action(workspace / "action.yml", {"command": "sync", "targets": "site"})
    assert passed, [r.output[-2000:] for r in run.results]
    assert outputs["drift-found"] == "true" and outputs["failed-targets"] == ""
    assert list(json.loads(outputs["pr-urls"])) == ["site"]
    assert len(fake.open_pulls("octo/site")) == 1

    passed, outputs = run.run_action(workspace / "action.yml", {"command": "diff"})
    assert passed and outputs["drift-found"] == "true"  # the PR is open, not merged: the default branch still differs


def test_composite_action_check_and_a_wrong_command(workspace, tmp_path, fake, python_bin):
    run = runner(workspace, tmp_path, fake, python_bin, "workflow_dispatch", {})
    assert run.run_action(workspace / "action.yml", {"command": "check"})[0]
    passed, _ = run.run_action(workspace / "action.yml", {"command": "publish"})
    assert not passed
    assert "::error title=profilebot::input 'command' is 'publish'; expected check, diff, sync or install" in run.results[-1].output


def test_the_workflows_init_writes_install_profilebot_through_the_released_action(workspace, tmp_path, fake,
                                                                                   python_bin):
    """A new repository's sync workflow `uses:` OWNER/REPO@vMAJOR; here that ref is this tree's action.yml."""
    import subprocess

    from profilebot import cli, distribution

    mine = tmp_path / "mine"
    mine.mkdir()
    subprocess.run(["git", "init", "-q", str(mine)], check=True)
    assert cli.main(["-q", "init", str(mine), "--name", "Hanxian Huang"]) == 0
    (mine / "profilebot.yaml").write_text("site:\n  repo: octo/site\n", encoding="utf-8")
    run = runner(mine, tmp_path, fake, python_bin, "push", {"repository": {"default_branch": "main"}})
    run.actions = {distribution.current().action: workspace}
    assert run.run_workflow(mine / ".github/workflows/profilebot-sync.yml"), [r.output[-2000:] for r in run.results]
    assert (python_bin / "profilebot").exists()
    assert "Install profilebot" in [r.name for r in run.results]
    assert [pull.head for pull in fake.open_pulls("octo/site")] == ["profilebot/site"]
    assert run.step("Sync every configured target").outputs["drifted-targets"] == "site"
