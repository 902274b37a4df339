"""Sixty scheduled days of `profilebot sync` against the local GitHub: a bot a person leaves running.

A real researcher's Google Scholar export (scholar-1.bib of the shared corpus) is the source, growing over the
days; OpenAlex knows the DOIs of some entries and fails for three days. The person acts as people do: turns on
the Actions setting after the first failure names it, takes one entry out of the first pull request and merges
the rest, deletes a DOI the bot filled, closes the second pull request unmerged, ticks a box to undo a decline
and one to propose a held-back work. The keep-alive is refused for three days. Printed: per day, the requests,
the write requests, the pull requests opened, the comments and the dashboard edits. Asserted: nothing declined
is proposed again (unless the person undid that decline), one dashboard issue throughout, quiet days write
nothing but the keep-alive, and the scheduled workflow is never disabled by GitHub's 60-day rule.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
from tests.fakes.github_server import GitHubFake
from tests.fakes.openalex_server import OpenAlexFake, work
from tests.paths import ROOT

from profilebot.cli import main
from profilebot.diff.decisions import Proposal
from profilebot.report import dashboard as board_view
from profilebot.targets import session
from profilebot.targets.http import RetryPolicy
from profilebot.validate import clock

# The shared corpus beside the checkout (../shared; a worktree in /work/wt/NAME finds it two levels up).
SHARED = next(p for p in (ROOT.parent / "shared", ROOT.parent.parent / "shared") if p.is_dir())
EXPORT = SHARED / "realworld" / "scholar" / "scholar-1.bib"
REPO, WORKFLOW, AUTHOR = "crowell/profile", "profilebot-sync.yml", "A5000000001"
START = datetime.date(2027, 1, 4)
WRITES = ("POST", "PATCH", "PUT", "DELETE")


def entries(text: str) -> list[str]:
    """The export's entries, each as written (Scholar separates them by blank lines)."""
    return ["@" + chunk.strip() + "\n" for chunk in re.split(r"\n(?=@)", "\n" + text) if chunk.strip()][0:]


@pytest.fixture
def world(tmp_path, monkeypatch, capsys):
    all_entries = [e for e in entries(EXPORT.read_text("utf-8")) if e.startswith("@")]
    folder = tmp_path / "checkout"
    folder.mkdir()
    (folder / "start.bib").write_text("".join(all_entries[:30]), "utf-8")
    assert main(["init", str(folder), "--name", "Sean Crowell"]) == 0
    assert main(["import", "bibtex", str(folder / "start.bib"), str(folder / "profile.yaml"), "--write"]) == 0
    capsys.readouterr()
    profile = (folder / "profile.yaml").read_text("utf-8")
    (folder / "profilebot.yaml").write_text(
        f"profile:\n  repo: {REPO}\n  sources: [scholar, openalex]\nscholar:\n  export: scholar.bib\n"
        f"openalex:\n  author: {AUTHOR}\n", "utf-8")
    with GitHubFake(token="ghs_" + "WorkflowToken" * 3) as github, OpenAlexFake() as openalex:
        github.add_token(github.token, "github-actions[bot]", actions=True)
        workflow = (ROOT / "src" / "profilebot" / "templates" / "workflows" / "sync.yml").read_text("utf-8")
        github.create_repo(REPO, {"profile.yaml": profile, f".github/workflows/{WORKFLOW}": workflow})
        monkeypatch.setattr(session, "POLICY", RetryPolicy(attempts=3, base_delay=0, max_wait=0, write_interval=0,
                                                           sleep=lambda seconds: None))
        for name, value in {"GITHUB_TOKEN": github.token, "GITHUB_API_URL": github.api_url,
                            "GITHUB_REPOSITORY": REPO, "GITHUB_ACTIONS": "true",
                            "GITHUB_WORKFLOW_REF": f"{REPO}/.github/workflows/{WORKFLOW}@refs/heads/main",
                            "OPENALEX_API_URL": openalex.url}.items():
            monkeypatch.setenv(name, value)
        for name in ("PROFILEBOT_GITHUB_TOKEN", "GH_TOKEN", "PROFILEBOT_APP_ID", "OPENALEX_API_KEY",
                     "GITHUB_OUTPUT", "GITHUB_STEP_SUMMARY"):
            monkeypatch.delenv(name, raising=False)
        yield folder, github, openalex, all_entries


def sync_on(day: int, folder: Path, github: GitHubFake, monkeypatch, capsys) -> tuple[int, str]:
    """The scheduled run of `day`: GitHub's calendar moves first (a workflow idle 60 days is switched off and
    then does not run at all), then `profilebot sync` runs as the workflow would."""
    github.set_day(REPO, day)
    if github.workflow_state(REPO, WORKFLOW) != "active":
        return -1, "workflow disabled: no run"
    monkeypatch.setattr(clock, "today", lambda: START + datetime.timedelta(days=day))
    code = main(["sync", str(folder / "profile.yaml")])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_smoke(world, monkeypatch, capsys):
    folder, github, openalex, all_entries = world
    (folder / "scholar.bib").write_text("".join(all_entries[:36]), "utf-8")
    openalex.add_author(AUTHOR, "Sean Crowell")
    for day in range(3):
        code, out = sync_on(day, folder, github, monkeypatch, capsys)
        print(day, code, out)
        if day == 0:
            github.allow_actions_pulls(REPO)
    print(github.issues(REPO)[0].body)
    print(github.requests)
    assert 0
