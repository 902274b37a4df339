"""sync, diff and import as people and CI see them: in a pseudo-terminal, in a CI pipe, with -q and -v.

Each command runs as its own process (a terminal is a property of a process's file descriptors) against
the local GitHub and the local ORCID served from this test process.
"""

from __future__ import annotations

import argparse
import fcntl
import io
import json
import os
import pty
import re
import select
import shutil
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest
from tests.fakes.github_server import GitHubFake
from tests.fakes.orcid_server import OrcidFake

from profilebot.commands import watch
from profilebot.targets import session
from profilebot.clients.http import RetryPolicy

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "ghp_" + "Pr0gressT0kenNeverShown" * 2
ORCID_ID = "0000-0002-1825-0097"
CONFIG = f"""site:
  repo: octo/site
  branch: main
exports:
  repo: octo/data
  path: exports/
  formats: [bib, ris]
orcid:
  id: {ORCID_ID}
"""
# The real command line, with the retry policy the in-process tests use (tests/cli/test_diff_sync.py):
# GitHub asks bots to space writes by a second, which would make each sync here take seconds.
BOOT = ("import sys; from profilebot.targets import session; from profilebot.clients.http import RetryPolicy; "
        "session.POLICY = RetryPolicy(attempts=3, base_delay=0.01, secondary_wait=0.01, write_interval=0); "
        "from profilebot.cli import main; raise SystemExit(main(sys.argv[1:]))")
COLUMNS = 50  # the pseudo-terminal's width: narrower than the ORCID step, which must be cut, not wrapped
STEPS = ["[1/3] site: reading octo/site…", "[2/3] exports: reading octo/data…",
         f"[3/3] orcid: reading ORCID record {ORCID_ID}…"]


def orcid_work(title: str, year: str, doi: str) -> dict:
    return {"title": {"title": {"value": title}}, "type": "conference-paper",
            "publication-date": {"year": {"value": year}},
            "external-ids": {"external-id": [{"external-id-type": "doi", "external-id-value": doi,
                                              "external-id-relationship": "self"}]}}


@pytest.fixture
def world(tmp_path):
    """The default profile with site, exports and ORCID configured; the local GitHub and ORCID running."""
    shutil.copy(ROOT / "profile.yaml", tmp_path / "profile.yaml")
    (tmp_path / "profilebot.yaml").write_text(CONFIG, "utf-8")
    with GitHubFake(token=TOKEN) as github, OrcidFake() as orcid:
        github.create_repo("octo/site", {"README.md": "# me\n", "_config.yml": "x: 1\n"})
        github.create_repo("octo/data", {"README.md": "data\n", "exports/NOTES.md": "keep me\n"})
        orcid.add_record(ORCID_ID, name="Hanxian Huang")
        # One work the profile holds (by title) and one it lacks: import has exactly one to add.
        orcid.add_work(ORCID_ID, orcid_work("Learning to Maximize Mutual Information for Chain-of-Thought "
                                            "Distillation", "2024", "10.5555/acl.2024.learning"))
        orcid.add_work(ORCID_ID, orcid_work("A Survey of WebAssembly Binary Analysis", "2023",
                                            "10.5555/extra.survey"))
        env = {name: value for name, value in os.environ.items()
               if name not in ("CI", "GITHUB_ACTIONS", "GITHUB_OUTPUT", "GITHUB_REPOSITORY", "ORCID_TOKEN",
                               "GH_TOKEN", "PROFILEBOT_GITHUB_TOKEN", "PROFILEBOT_APP_ID")}
        env.update(GITHUB_TOKEN=TOKEN, GITHUB_API_URL=github.api_url, ORCID_API_URL=orcid.api_url,
                   PYTHONPATH=str(ROOT / "src"), TERM="xterm", PYTHONIOENCODING="utf-8")
        yield argparse.Namespace(github=github, orcid=orcid, folder=tmp_path, env=env,
                                 profile=str(tmp_path / "profile.yaml"), output=str(tmp_path / "build"))


def in_pipe(world, *argv: str) -> subprocess.CompletedProcess:
    """As in a CI job: CI=true and stdout, stderr captured separately."""
    done = subprocess.run([sys.executable, "-c", BOOT, *argv], env={**world.env, "CI": "true"},
                          capture_output=True, text=True, timeout=120, check=False)
    assert TOKEN not in done.stdout + done.stderr
    return done


def in_terminal(world, *argv: str) -> tuple[int, str]:
    """As a person runs it: stdout and stderr on one pseudo-terminal; returns everything the terminal got."""
    main, secondary = pty.openpty()
    fcntl.ioctl(secondary, termios.TIOCSWINSZ, struct.pack("HHHH", 24, COLUMNS, 0, 0))
    process = subprocess.Popen([sys.executable, "-c", BOOT, *argv], env=world.env, stdin=subprocess.DEVNULL,
                               stdout=secondary, stderr=secondary, close_fds=True)
    os.close(secondary)
    received = bytearray()
    try:
        while True:
            ready, _, _ = select.select([main], [], [], 60)
            if not ready:
                raise AssertionError("no output from the command for 60 s")
            try:
                chunk = os.read(main, 65536)
            except OSError:  # EIO: the command ended and closed the terminal
                break
            if not chunk:
                break
            received += chunk
    finally:
        os.close(main)
        code = process.wait(timeout=60)
    text = received.decode("utf-8")
    assert TOKEN not in text
    return code, text


def screen(text: str) -> list[str]:
    """What stays visible on a terminal (no wrapping needed: the live line is cut to the width)."""
    lines, current, column = [], [], 0
    for char in text:
        if char == "\r":
            column = 0
        elif char == "\n":
            lines.append("".join(current).rstrip())
            current, column = [], 0
        else:
            if column < len(current):
                current[column] = char
            else:
                current.append(char)
            column += 1
    if "".join(current).strip():
        lines.append("".join(current).rstrip())
    return lines


def live_lines(text: str) -> list[str]:
    """The status lines drawn after a carriage return (every redraw of the live line)."""
    return [part.rstrip() for part in re.split(r"\r\n|\n", text) for part in part.split("\r")[1:] if part.strip()]


def requests_to(github: GitHubFake, repo: str) -> int:
    return sum(path.startswith(f"/repos/{repo}/") or path.endswith(f"/repos/{repo}") for _, path, _ in
               github.requests)


# --- a terminal -----------------------------------------------------------------------------------------


def test_sync_in_a_terminal_redraws_one_status_line_and_leaves_only_the_results(world):
    code, text = in_terminal(world, "sync", world.profile, "-o", world.output)
    assert code == 0, text
    assert "\x1b" not in text  # no escape sequences: carriage returns and spaces only
    drawn = live_lines(text)
    assert STEPS[0] in drawn and STEPS[1] in drawn
    # The ORCID step is wider than the terminal: cut to fit on one line (a wrapped line cannot be redrawn).
    assert STEPS[2][:COLUMNS - 2] + "…" in drawn and all(len(line) < COLUMNS for line in drawn if "…" in line)
    # A status line is never ended with a newline: it is erased, and the results take the screen.
    assert not re.search(r"…\r?\n", text)
    visible = screen(text)
    assert visible[0].startswith("site: opened pull request #1 (") and visible[0].endswith("/octo/site/pull/1")
    assert visible[1].startswith("exports: opened pull request #1 (")
    assert re.fullmatch(r"orcid: ORCID: \d+ missing on ORCID, 1 missing from the profile, \d+ field difference\(s\)\.",
                        visible[2])
    assert not any("reading" in line for line in visible)
    assert visible[-1].startswith("No ORCID_TOKEN: wrote ") and visible[-1].endswith("select it.")
    assert len(world.github.open_pulls("octo/site")) == 1 and len(world.github.open_pulls("octo/data")) == 1


def test_diff_in_a_terminal_clears_the_status_line_before_the_report_and_verbose_figures(world):
    code, text = in_terminal(world, "-v", "diff", world.profile, "--target", "exports")
    assert code == 0, text
    assert live_lines(text)[0] == "[1/1] exports: reading octo/data…"
    visible = screen(text)
    assert re.fullmatch(r" {4}exports: 2 requests, 3 files differ, \d+\.\d\ds", visible[0]), visible
    assert visible[1] == "exports: 3 added; 15 papers"
    assert any(line.startswith("  added   exports/publications.bib") for line in visible)
    assert not any("…" in line for line in visible)
    assert world.github.write_count == 0


def test_import_in_a_terminal_shows_its_steps_live_and_prints_the_diff(world):
    code, text = in_terminal(world, "import", "orcid", ORCID_ID, world.profile)
    assert code == 0, text
    drawn = [line for line in live_lines(text) if line.endswith("…")]
    # Cut to the terminal's width, each step still says what it does.
    assert drawn == ["[1/3] orcid: reading ORCID record 0000-0002-1825…",
                     "[2/3] orcid: matching 2 works with the profile's…", "[3/3] orcid: reading 1 full work…"]
    visible = screen(text)
    assert visible[0] == f"--- a/{world.profile}" and "+    title: A Survey of WebAssembly Binary Analysis" in visible
    assert not any("…" in line for line in visible)


# --- CI -------------------------------------------------------------------------------------------------


def test_sync_in_ci_prints_plain_step_lines_on_stderr_and_results_on_stdout(world):
    done = in_pipe(world, "sync", world.profile, "-o", world.output)
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines() == STEPS  # whole, uncut: a log has no width
    assert "\r" not in done.stdout + done.stderr and "\x1b" not in done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("site: opened pull request #1") and lines[1].startswith("exports: opened pull")
    assert re.match(r"orcid: ORCID: \d+ missing on ORCID", lines[2])
    assert (world.folder / "build" / "orcid-missing.bib").is_file()


def test_diff_json_keeps_stdout_one_json_document_with_progress_and_orcid_report_on_stderr(world):
    done = in_pipe(world, "-v", "diff", "--format", "json", world.profile)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    # Every target's drift is in the one document: ORCID's works as well as the repositories' files.
    assert [plan["target"] for plan in report] == ["site", "exports", "orcid"] and all(plan["drift"] for plan in report)
    assert report[2]["works"]["missing_remote"] and report[2]["files"] == []
    assert STEPS[0] in done.stderr.splitlines() and re.search(r"ORCID: \d+ missing on ORCID", done.stderr)


def test_import_in_ci_lists_its_steps_and_keeps_the_diff_alone_on_stdout(world):
    done = in_pipe(world, "import", "orcid", ORCID_ID, world.profile)
    assert done.returncode == 0, done.stderr
    steps = done.stderr.splitlines()
    assert steps[0] == f"[1/3] orcid: reading ORCID record {ORCID_ID}…"
    assert re.fullmatch(r"\[2/3\] orcid: matching 2 works with the profile's \d+…", steps[1])
    assert steps[2:] == ["[3/3] orcid: reading 1 full work…"]
    assert done.stdout.startswith(f"--- a/{world.profile}\n+++ b/{world.profile}\n")


# --- -q and -v ------------------------------------------------------------------------------------------


def test_quiet_sync_prints_one_result_line_per_target_and_nothing_else(world):
    done = in_pipe(world, "-q", "sync", world.profile, "-o", world.output)
    assert done.returncode == 0 and done.stderr == ""
    lines = done.stdout.splitlines()
    assert [line.split(":")[0] for line in lines] == ["site", "exports", "orcid"]
    # ORCID's report shrinks to its summary and what was done; the work-by-work list is left out.
    assert re.fullmatch(r"orcid: ORCID: \d+ missing on ORCID, 1 missing from the profile, .*\. No ORCID_TOKEN: "
                        r"wrote \S+orcid-missing.bib .*", lines[2]), lines[2]


def test_quiet_still_reports_a_failed_target_on_stderr(world):
    world.github.fail("GET", r"^/repos/octo/site/git/trees/", status=500, times=None)
    done = in_pipe(world, "-q", "sync", world.profile, "--target", "all", "-o", world.output)
    assert done.returncode == 1
    assert done.stderr == ("site: failed: GitHub failed while trying to read branch main in octo/site: answer (500 "
                           "Server Error), after retries.\n")
    assert [line.split(":")[0] for line in done.stdout.splitlines()] == ["exports", "orcid"]


def test_verbose_sync_counts_the_requests_each_target_made(world):
    done = in_pipe(world, "-v", "sync", world.profile, "-o", world.output)
    assert done.returncode == 0, done.stderr
    figures = {match[0]: (int(match[1]), match[2]) for match in
               re.findall(r"^ {4}(\w+): (\d+) requests?, (?:(\d+) files? changed, )?\d+\.\d\ds$", done.stderr,
                           re.MULTILINE)}
    assert set(figures) == {"site", "exports", "orcid"}, done.stderr
    # Every request the servers saw is counted, on the target that made it.
    assert figures["site"][0] == requests_to(world.github, "octo/site") > 0
    assert figures["exports"] == (requests_to(world.github, "octo/data"), "3")
    assert figures["orcid"][0] == world.orcid.count() > 0
    assert done.stderr.splitlines()[0] == STEPS[0] and done.stderr.splitlines()[1].startswith("    site: ")


def test_verbose_import_reports_its_requests(world):
    done = in_pipe(world, "-v", "import", "orcid", ORCID_ID, world.profile)
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines()[-1].startswith(f"    orcid: {world.orcid.count()} requests, 1 to add, ")


# --- watch ----------------------------------------------------------------------------------------------


def test_watch_verbose_adds_each_targets_figures_to_its_log_line(world, monkeypatch, capsys):
    monkeypatch.setattr(session, "POLICY", RetryPolicy(attempts=3, base_delay=0.01, write_interval=0,
                                                       sleep=lambda s: None))
    for name, value in world.env.items():
        if name.startswith(("GITHUB_", "ORCID_")):
            monkeypatch.setenv(name, value)
    args = argparse.Namespace(profile=Path(world.profile), target="exports", quiet=False, verbose=True)
    lines = watch.sync_once(args)()
    [(target, succeeded, line)] = lines
    assert target == "exports" and succeeded
    assert re.fullmatch(r"opened pull request #1 \(3 added; 15 papers\)\. \S+/octo/data/pull/1 "
                        r"\(\d+ requests, 3 files changed, \d+\.\d\ds\)", line), line
    count = int(re.search(r"\((\d+) requests", line)[1])
    assert count == requests_to(world.github, "octo/data")
    assert capsys.readouterr().out == ""  # not a terminal: no status line in the log


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_watch_on_a_terminal_shows_the_target_being_synced_and_erases_it_before_logging(world, monkeypatch):
    monkeypatch.setattr(session, "POLICY", RetryPolicy(attempts=3, base_delay=0.01, write_interval=0,
                                                       sleep=lambda s: None))
    for name, value in world.env.items():
        if name.startswith(("GITHUB_", "ORCID_", "TERM")):
            monkeypatch.setenv(name, value)
    monkeypatch.delenv("CI", raising=False)
    log = Terminal()
    args = argparse.Namespace(profile=Path(world.profile), target="all", quiet=False, verbose=False)
    watcher = watch.Watch(watch.sync_once(args, log), every=3600, log=log)
    assert watcher.run()
    text = log.getvalue()
    assert "\r[1/3] site: reading octo/site…" in text and "\r[3/3] orcid: reading ORCID record" in text
    visible = screen(text)
    assert not any("reading" in line for line in visible)
    logged = [line.split(" profilebot watch: ")[1] for line in visible if " profilebot watch: " in line]
    assert [line.split(":")[0] for line in logged] == ["run 1 site", "run 1 exports", "run 1 orcid"], visible
