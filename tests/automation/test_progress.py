"""Progress output: a redrawn line on a terminal, plain lines in CI, --quiet and --verbose honoured."""

from __future__ import annotations

import io

from profilebot.progress import Progress, is_live


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def run_three(progress: Progress) -> None:
    with progress:
        for target, result in (("site", "PR updated"), ("orcid", "no drift"), ("exports", "PR opened")):
            progress.start(target, "fetching")
            progress.result(f"{target}: {result}")
            progress.detail(f"{target}: 3 requests")


def test_ci_log_gets_a_plain_line_per_step_results_on_their_own_stream_and_no_carriage_returns():
    steps, results = io.StringIO(), io.StringIO()
    run_three(Progress(3, stream=steps, results=results, live=False))
    assert steps.getvalue() == "[1/3] site: fetching…\n[2/3] orcid: fetching…\n[3/3] exports: fetching…\n"
    assert results.getvalue() == "site: PR updated\norcid: no drift\nexports: PR opened\n"
    assert "\r" not in steps.getvalue() + results.getvalue()


def test_terminal_redraws_the_live_line_and_erases_it_before_each_result():
    screen = Terminal()
    run_three(Progress(3, stream=screen, results=screen, live=True))
    text = screen.getvalue()
    assert "\r[1/3] site: fetching…" in text and "\r[3/3] exports: fetching…" in text
    # Each live line is overwritten with spaces and the cursor returned before the result is written.
    assert "\r" + " " * len("[1/3] site: fetching…") + "\rsite: PR updated\n" in text
    visible = [line.split("\r")[-1].rstrip() for line in text.split("\n")]
    assert [line for line in visible if line] == ["site: PR updated", "orcid: no drift", "exports: PR opened"]


def test_live_line_is_cut_to_the_terminal_width_so_it_never_wraps(monkeypatch):
    monkeypatch.setattr("profilebot.progress.columns", lambda stream: 20)
    screen = Terminal()
    with Progress(1, stream=screen, live=True) as progress:
        progress.start("exports", "reading a-very-long-owner/a-very-long-repository")
        shown = screen.getvalue()
    assert shown == "\r[1/1] exports: rea…"  # 19 columns: the cursor stays on the line


def test_quiet_keeps_results_and_failures_only():
    steps, results = io.StringIO(), io.StringIO()
    with Progress(2, stream=steps, results=results, quiet=True, live=True) as progress:
        progress.start("site")
        progress.note("warning: could not label the pull request")
        progress.detail("site: 2 requests")
        progress.result("site: no drift.")
        progress.start("orcid")
        progress.result("orcid: failed: HTTP 503", failed=True)
    assert steps.getvalue() == "orcid: failed: HTTP 503\n" and results.getvalue() == "site: no drift.\n"


def test_verbose_adds_details_after_each_result():
    steps = io.StringIO()
    run_three(Progress(3, stream=steps, results=steps, verbose=True, live=False))
    assert steps.getvalue().splitlines()[:3] == ["[1/3] site: fetching…", "site: PR updated", "    site: 3 requests"]


def test_notes_can_go_to_a_log_of_their_own():
    logged: list[str] = []
    screen = Terminal()
    with Progress(1, stream=screen, live=True, plain_steps=False, notes=logged.append) as progress:
        progress.start("site", "reading octo/site")
        progress.note("warning: label refused")
    assert logged == ["warning: label refused"] and screen.getvalue().endswith("\r")


def test_ci_environment_is_never_live(monkeypatch):
    monkeypatch.setenv("CI", "true")
    assert not is_live(Terminal())
    monkeypatch.delenv("CI")
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert is_live(Terminal()) and not is_live(io.StringIO())


def test_tokens_are_redacted_from_progress_lines(monkeypatch):
    monkeypatch.setenv("GITHUB_TOKEN", "sekrit-token-value")
    stream = io.StringIO()
    with Progress(1, stream=stream, results=stream, live=False) as progress:
        progress.start("site", "reading with sekrit-token-value")
        progress.result("site: push refused for sekrit-token-value")
    assert "sekrit" not in stream.getvalue() and "***" in stream.getvalue()
