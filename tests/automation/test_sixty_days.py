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
from tests.paths import ROOT, SHARED

from profilebot.cli import main
from profilebot.diff.decisions import Proposal
from profilebot.report import dashboard as board_view
from profilebot.targets import session
from profilebot.clients.http import RetryPolicy
from profilebot import clock

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
    moment = datetime.datetime.combine(START + datetime.timedelta(days=day), datetime.time(5, 17)).astimezone()
    monkeypatch.setattr(clock, "now", lambda: moment)  # the command's one clock: lint's today and the run's now
    code = main(["sync", str(folder / "profile.yaml")])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def publications(text: str):
    from profilebot.validate.pipeline import check

    checked = check(text)
    assert checked.profile is not None and not checked.errors(), checked.findings
    return checked.profile.publications


def without_entry(text: str, entry_id: str) -> str:
    """profile.yaml with one publication's block removed (a person's edit in the web editor)."""
    lines = text.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.strip() in (f"- id: {entry_id}", f"- id: '{entry_id}'"))
    indent = len(lines[start]) - len(lines[start].lstrip())
    end = next((i for i in range(start + 1, len(lines))
                if lines[i].strip() and len(lines[i]) - len(lines[i].lstrip()) <= indent), len(lines))
    return "".join(lines[:start] + lines[end:])


def proposed(github: GitHubFake) -> dict[int, list[str]]:
    """Each bot pull request's proposed work titles, from the hidden line in its body."""
    found = {}
    for pull in github.all_pulls(REPO):
        proposal = Proposal.read(pull.body)
        if proposal is not None:
            found[pull.number] = [w.title for w in proposal.works]
    return found


def test_sixty_scheduled_days_with_a_person_who_declines(world, monkeypatch, capsys):
    folder, github, openalex, export = world
    scholar = folder / "scholar.bib"
    scholar.write_text("".join(export[:36]), "utf-8")
    openalex.add_author(AUTHOR, "Sean Crowell")
    known = publications(github.read_tree(REPO)["profile.yaml"].decode())
    doi_works = []
    for index, entry in enumerate(known[:3]):  # OpenAlex knows the DOIs of three entries the profile lacks them for
        authors = [(a.name, AUTHOR if "Crowell" in a.name else None, None) for a in entry.authors] \
            or [("Sean Crowell", AUTHOR, None)]
        doi_works.append(openalex.add_work(work(f"W90000000{index}", entry.title, entry.year or 2020, authors,
                                                doi=f"10.5555/crowell.{index}", cited_by=10 + index)))
    declined: dict[str, int] = {}  # title → the day it was declined
    undone: set[str] = set()
    days, bodies = [], []
    for day in range(60):
        note = []
        if day == 1:
            github.allow_actions_pulls(REPO)
            note.append("setting allowed")
        if day == 3:  # take one entry out of the open PR, merge the rest (the DOI fills with it)
            pull = github.open_pulls(REPO)[0]
            branch = github.read_tree(REPO, pull.head)["profile.yaml"].decode()
            added = [p for p in publications(branch) if p.id not in {k.id for k in known}]
            github.commit_files(REPO, pull.head, {"profile.yaml": without_entry(branch, added[0].id)},
                                message="Not mine", author=("Sean Crowell", "sean@example.org"))
            github.merge_pull(REPO, pull.number)
            declined[added[0].title] = day
            note.append(f"removed 1 of PR #{pull.number}, merged")
        if day == 6:  # delete a DOI the bot filled
            text = github.read_tree(REPO)["profile.yaml"].decode()
            github.commit_files(REPO, "main", {"profile.yaml": text.replace("  doi: 10.5555/crowell.0\n", "", 1)
                                                .replace("    doi: 10.5555/crowell.0\n", "", 1)},
                                message="That DOI is the preprint's")
            note.append("DOI removed")
        if day == 10:  # OpenAlex attributes a namesake's paper: only the name links it, so it waits on the dashboard
            openalex.add_work(work("W900000050", "Glacier melt in the Andes", 2024,
                                   [("S. Crowell", AUTHOR, None), ("Jane Doe", None, None)], doi="10.5555/glacier"))
            note.append("namesake's work on OpenAlex")
        if day == 14:
            scholar.write_text("".join(export[:42]), "utf-8")
            note.append("6 new works")
        if day == 16:  # close the second PR without merging
            pull = github.open_pulls(REPO)[0]
            for title in proposed(github)[pull.number]:
                declined[title] = day
            github.close_pull(REPO, pull.number)
            github.delete_branch(REPO, pull.head)  # the decline must outlive the bot branch
            note.append(f"closed PR #{pull.number}, branch deleted")
        if day == 18:  # OpenAlex now also knows a declined work, with a DOI: still not proposed
            title = next(t for t, d in declined.items() if d == 16)
            openalex.add_work(work("W900000099", title, 2023, [("Sean Crowell", AUTHOR, None)], doi="10.5555/again"))
            note.append("declined work on OpenAlex")
        if day == 20:
            # Three days: the openalex target and the profile target each try three times a run.
            openalex.fail(r"/authors/", 503, times=18)
            note.append("OpenAlex down")
        if day == 25:  # tick "undo" for one declined work
            issue = github.issues(REPO)[0]
            key = re.search(r"- \[ \] <!-- profilebot:undo (\w+) --> (.*?) \(", issue.body)
            github.edit_issue(REPO, issue.number, issue.body.replace(f"- [ ] <!-- profilebot:undo {key.group(1)}",
                                                                     f"- [x] <!-- profilebot:undo {key.group(1)}"))
            undone.add(key.group(2))
            note.append("undo ticked")
        if day == 28:  # tick "propose" for the held-back work after all
            issue = github.issues(REPO)[0]
            assert "- [ ] <!-- profilebot:propose" in issue.body and "Glacier melt in the Andes" in issue.body
            github.edit_issue(REPO, issue.number, issue.body.replace("- [ ] <!-- profilebot:propose",
                                                                     "- [x] <!-- profilebot:propose", 1))
            note.append("propose ticked")
        if day == 30:
            github.answer("PUT", r"/actions/workflows/.*/enable", {"message": "Resource not accessible by "
                          "integration"}, status=403, times=3)
            note.append("keep-alive refused")
        if day == 33:
            scholar.write_text("".join(export[:48]), "utf-8")
            note.append("6 new works")
        if day == 40 and github.open_pulls(REPO):
            github.merge_pull(REPO, github.open_pulls(REPO)[0].number)
            note.append("merged")
        for record in doi_works:  # citation counts move every day
            record["cited_by_count"] += 1
        for stored in openalex.works:
            stored["cited_by_count"] += 1
        github.reset_log()
        code, out = sync_on(day, folder, github, monkeypatch, capsys)
        requests = github.requests
        writes = [(m, p) for m, p, status in requests if m in WRITES and status < 400]  # what took effect
        days.append((day, code, len(requests), writes, note, out))
        bodies.append(github.issues(REPO)[0].body if github.issues(REPO) else "")
    print()
    print(" day  exit  requests  writes  PRs  comments  dashboard  events")
    opened = comments = edits = 0
    for day, code, count, writes, note, out in days:
        opened += sum(1 for m, p in writes if m == "POST" and p.endswith("/pulls"))
        comments += sum(1 for m, p in writes if m == "POST" and p.endswith("/comments"))
        edits += sum(1 for m, p in writes if (m, p) in (("PATCH", f"/repos/{REPO}/issues/1"),
                                                         ("POST", f"/repos/{REPO}/issues")))
        print(f" {day:>3}  {code:>4}  {count:>8}  {len(writes):>6}  {opened:>3}  {comments:>8}  {edits:>9}  "
              + ", ".join(note))
    # One dashboard issue throughout, found again every run.
    assert [i.number for i in github.issues(REPO)] == [1]
    # The first run failed with the real fix, on the run's output and on the dashboard.
    assert days[0][1] == 1 and "Settings → Actions → General → Workflow permissions" in days[0][5]
    assert "Allow GitHub Actions to create and approve pull requests" in bodies[0]
    # The namesake's paper waited on the dashboard, out of every PR, until the person ticked it.
    def section(body: str, name: str) -> str:
        return body.split(f"## {name}")[1].split("\n## ")[0]

    assert all("Glacier melt" not in section(b, "Pending review") for b in bodies[10:28])
    assert "Glacier melt in the Andes" in section(bodies[27], "Held back for review")
    assert "Glacier melt in the Andes" in section(bodies[28], "Pending review")
    assert "Glacier melt" not in section(bodies[28], "Held back for review")
    # The refused keep-alive is a warning on the dashboard, never a failed run.
    assert [d for d, code, *_ in days[30:33] if code] == [] and "actions: write" in bodies[30]
    assert "actions: write" not in bodies[33]
    # Nothing declined was proposed again, from either source, unless the person undid that decline.
    history = proposed(github)
    for title, day in declined.items():
        later = [n for n, titles in history.items() if title in titles and n > min(
            n for n, ts in history.items() if title in ts)]
        assert not later or title in undone, (title, later)
    assert any(t in titles for t in undone for titles in history.values())
    # The DOI the person deleted was not filled again.
    assert "10.5555/crowell.0" not in github.read_tree(REPO)["profile.yaml"].decode()
    for pull in github.all_pulls(REPO):
        if pull.state == "open":
            assert "10.5555/crowell.0" not in github.read_tree(REPO, pull.head)["profile.yaml"].decode()
    # OpenAlex down for three days: three failed profile runs, the dashboard edited when it began and ended.
    assert [d for d, code, *_ in days if code == 1] == [0, 20, 21, 22]
    # Quiet days write nothing but the keep-alive, and the schedule was never switched off.
    keep_alive = ("PUT", f"/repos/{REPO}/actions/workflows/{WORKFLOW}/enable")
    quiet = [d for d, code, count, writes, note, out in days if writes in ([keep_alive], [])]
    assert len(quiet) >= 40, quiet
    assert all(keep_alive in writes for d, code, count, writes, note, out in days if d not in (30, 31, 32))
    assert all(code != -1 for _, code, *_ in days) and github.workflow_state(REPO, WORKFLOW) == "active"
    # Citation counts moved every day, but alone they touched a pull request at most once a week.
    citation_days = [d for d, code, count, writes, note, out in days if writes and not note
                     and any(p.endswith("/git/commits") for m, p in writes)]
    assert all(b - a >= 7 for a, b in zip(citation_days, citation_days[1:])), citation_days


def test_without_the_keep_alive_github_switches_the_schedule_off_after_60_days(world, monkeypatch, capsys):
    folder, github, openalex, export = world
    monkeypatch.delenv("GITHUB_WORKFLOW_REF")  # not in Actions, so nothing keeps the workflow enabled
    github.allow_actions_pulls(REPO)
    (folder / "scholar.bib").write_text("".join(export[:30]), "utf-8")
    openalex.add_author(AUTHOR, "Sean Crowell")
    assert sync_on(0, folder, github, monkeypatch, capsys)[0] == 0
    assert sync_on(59, folder, github, monkeypatch, capsys)[0] == 0
    assert sync_on(60, folder, github, monkeypatch, capsys) == (-1, "workflow disabled: no run")
