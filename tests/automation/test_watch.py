"""`profilebot watch`: the loop (injected run), then the real command against the local GitHub."""

from __future__ import annotations

import io
import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.fakes.github_server import GitHubFake
from profilebot.commands.watch import Watch, parse_interval
from profilebot.errors import TargetError

ROOT = Path(__file__).resolve().parents[2]


def test_intervals_parse_with_units_and_reject_nonsense():
    import argparse

    assert [parse_interval(t) for t in ("6h", "90s", "30m", "1d", "1h30m", "45")] == [21600, 90, 1800, 86400, 5400, 45]
    for bad in ("", "6x", "h6", "0s", "1.5h", "-3m"):
        with pytest.raises(argparse.ArgumentTypeError):
            parse_interval(bad)


def test_three_runs_one_interval_apart_a_failure_logged_and_retried():
    calls: list[float] = []

    def run_once():
        calls.append(time.monotonic())
        if len(calls) == 2:
            raise TargetError("GitHub answered 502")
        return [("site", True, f"unchanged (run {len(calls)})")]

    log = io.StringIO()
    watch = Watch(run_once, every=1, log=log)
    watch.loop(max_runs=3)
    lines = log.getvalue().splitlines()
    assert len(calls) == 3 and watch.failures == 1
    assert all(0.9 <= later - earlier <= 1.6 for earlier, later in zip(calls, calls[1:]))
    assert any("run 2 failed: GitHub answered 502 (retrying at the next interval)" in line for line in lines)
    assert any(line.endswith("run 3 site: unchanged (run 3)") for line in lines)


def test_a_bug_in_a_run_is_logged_and_the_loop_goes_on():
    runs = iter([ZeroDivisionError("boom"), None])

    def run_once():
        outcome = next(runs)
        if outcome:
            raise outcome
        return [("site", True, "ok")]

    log = io.StringIO()
    Watch(run_once, every=1, log=log).loop(max_runs=2)
    assert "run 1 failed: internal error ZeroDivisionError: boom" in log.getvalue()
    assert "run 2 site: ok" in log.getvalue()


def test_a_failed_target_counts_the_run_as_failed_but_logs_every_target():
    log = io.StringIO()
    watch = Watch(lambda: [("site", False, "failed: 401"), ("exports", True, "unchanged")], every=1, log=log)
    watch.loop(max_runs=1)
    assert watch.failures == 1
    assert "run 1 site: failed: 401" in log.getvalue() and "run 1 exports: unchanged" in log.getvalue()


def test_never_two_runs_at_once():
    entered, release = threading.Event(), threading.Event()
    active, overlaps = [0], []

    def run_once():
        active[0] += 1
        overlaps.append(active[0])
        entered.set()
        release.wait(5)
        active[0] -= 1
        return []

    log = io.StringIO()
    watch = Watch(run_once, every=1, log=log)
    first = threading.Thread(target=watch.run)
    first.start()
    entered.wait(5)
    assert watch.run() is False  # a second run while the first is going on is turned away
    release.set()
    first.join(5)
    assert overlaps == [1] and "a run is still going on; skipping this one." in log.getvalue()


def test_stop_ends_an_idle_loop_without_waiting_out_a_long_interval():
    ran = threading.Event()

    def run_once():
        ran.set()
        return [("site", True, "ok")]

    watch = Watch(run_once, every=3600, log=io.StringIO())
    thread = threading.Thread(target=watch.loop)
    thread.start()
    assert ran.wait(30)
    watch.stop.set()
    thread.join(30)  # a guard against a hang, not a deadline: the loop polls every POLL_SECONDS
    assert not thread.is_alive() and watch.runs == 1


def test_the_signal_handler_takes_no_lock_so_a_signal_inside_the_loops_wait_cannot_deadlock():
    """The cause of the flaky SIGTERM test: the handler called Event.set(), which takes the Event's lock; a
    signal landing while the main thread held that lock inside Event.wait() hung watch for good. Here the
    signal lands exactly there, every time (the old handler hangs; the subprocess timeout ends it)."""
    code = (
        "import io, signal\n"
        "from profilebot.commands.watch import Watch, stopped_by_signals\n"
        "watch = Watch(lambda: [], every=3600, log=io.StringIO())\n"
        "with stopped_by_signals(watch):\n"
        "    with watch.stop._cond:  # the lock Event.wait() holds between its checks\n"
        "        signal.raise_signal(signal.SIGTERM)\n"
        "    print('stopping' if watch.stopping else 'running')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                          env={**os.environ, "PYTHONPATH": str(ROOT / "src")}, check=False)
    assert done.returncode == 0 and done.stdout.strip() == "stopping", done.stdout + done.stderr


# --- the real command, as a subprocess, against the local GitHub -------------------------------------

SITE_FILES = {"README.md": "# My site\n", "_config.yml": "title: mine\n"}


def start_watch(workdir: Path, fake: GitHubFake | None, *extra: str) -> tuple[subprocess.Popen, queue.Queue]:
    environment = {key: value for key, value in os.environ.items()
                   if key not in ("PROFILEBOT_GITHUB_TOKEN", "GH_TOKEN", "PROFILEBOT_APP_ID", "CI", "GITHUB_ACTIONS")}
    environment["PYTHONPATH"] = str(ROOT / "src")
    if fake is not None:
        environment |= {"GITHUB_API_URL": fake.api_url, "GITHUB_TOKEN": fake.token}
    process = subprocess.Popen([sys.executable, "-m", "profilebot", "watch", "--every", "1s", "--jitter", "0", *extra],
                               cwd=workdir, env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               text=True, bufsize=1)
    lines: queue.Queue = queue.Queue()

    def pump() -> None:
        for line in process.stdout:
            lines.put(line.rstrip("\n"))
        lines.put(None)

    threading.Thread(target=pump, daemon=True).start()
    return process, lines


def wait_for(lines: queue.Queue, needle: str, seen: list[str], timeout: float = 60) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=deadline - time.monotonic())
        except queue.Empty:
            break
        if line is None:
            break
        seen.append(line)
        if needle in line:
            return line
    raise AssertionError(f"no line containing {needle!r}; output so far:\n" + "\n".join(seen))


def drain(lines: queue.Queue) -> list[str]:
    """What the process printed after the last awaited line, up to its end."""
    rest = []
    while (line := lines.get(timeout=10)) is not None:
        rest.append(line)
    return rest


def stop(process: subprocess.Popen, sig: int) -> float:
    """Signal the process and wait for it to end; the time taken is reported, not raced against."""
    started = time.monotonic()
    process.send_signal(sig)
    process.wait(timeout=60)  # a guard against a hang, not a deadline
    return time.monotonic() - started


def test_watch_syncs_three_times_against_local_github_with_a_fault_in_the_second_run(tmp_path, default_profile_text):
    (tmp_path / "profile.yaml").write_text(default_profile_text, encoding="utf-8")
    (tmp_path / "profilebot.yaml").write_text("site:\n  repo: octo/site\n", encoding="utf-8")
    with GitHubFake(token="ghp_" + "W4tchT0k3nValue" * 3) as fake:
        fake.create_repo("octo/site", SITE_FILES)
        process, lines = start_watch(tmp_path, fake)
        seen: list[str] = []
        try:
            first = wait_for(lines, "run 1 site:", seen)
            # A refused token is not retried within the run: the whole target fails for this run.
            fake.fail("*", r"^/repos/octo/site", status=401, times=1)
            second = wait_for(lines, "run 2 site:", seen)
            third = wait_for(lines, "run 3 site:", seen)
            stop(process, signal.SIGTERM)
        finally:
            if process.poll() is None:
                process.kill()
        pulls = fake.open_pulls("octo/site")
        seen += drain(lines)
    print("\n".join(seen))
    assert "failed" not in first and "pull" in first.lower()
    assert "failed" in second and "401" in second
    assert "failed" not in third
    assert len(pulls) == 1 and pulls[0].head == "profilebot/site"
    assert process.returncode == 0
    assert fake.token not in "\n".join(seen)
    # A loaded machine may have begun run 4 before the signal came: that run ends, then watch stops.
    assert any(re.search(r"stopped after [34] run\(s\), 1 failed\.$", line) for line in seen), seen


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_ends_watch_cleanly_within_a_second(tmp_path, default_profile_text, sig):
    (tmp_path / "profile.yaml").write_text(default_profile_text, encoding="utf-8")
    # No target configured: the run says there is nothing to sync. An hour's interval keeps the loop idle after
    # run 1 whatever the machine's load, so the signal lands in the loop's wait (where the old handler could
    # deadlock), never in a run; the loop wakes at least every POLL_SECONDS (0.2 s) to see it.
    process, lines = start_watch(tmp_path, None, "--every", "1h")
    seen: list[str] = []
    try:
        wait_for(lines, "run 1 profilebot: no target is configured", seen)
        elapsed = stop(process, sig)
    finally:
        if process.poll() is None:
            process.kill()
    seen += drain(lines)
    print(f"exited {elapsed:.2f} s after the signal")
    assert process.returncode == 0
    assert seen[-1].endswith("stopped after 1 run(s), 0 failed."), seen
    assert not any("Traceback" in line or "failed:" in line for line in seen)


def test_watch_quiet_logs_failures_by_what_happened_not_by_the_word_failed():
    log = io.StringIO()
    lines = [("orcid", True, "ORCID: 1 work(s) added, 0 already there, 0 updated, 0 failed."),
             ("site", False, "failed: GitHub refused.")]
    watch = Watch(lambda: lines, every=3600, log=log, quiet=True)
    watch.stop.set()
    watch.loop()
    logged = log.getvalue()
    assert "run 1 site: failed: GitHub refused." in logged and "stopped after 1 run(s), 1 failed." in logged
    assert "orcid" not in logged and "watching" not in logged
