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
            progress.detail(f"{target}: 3 requests")
            progress.finish(target, result)


def test_ci_log_gets_one_plain_line_per_item_and_no_carriage_returns():
    stream = io.StringIO()
    run_three(Progress(3, stream=stream, live=False))
    assert stream.getvalue() == "[1/3] site: PR updated\n[2/3] orcid: no drift\n[3/3] exports: PR opened\n"


def test_terminal_redraws_the_live_line_and_keeps_finished_lines():
    stream = Terminal()
    run_three(Progress(3, stream=stream, live=True))
    text = stream.getvalue()
    assert "\r[1/3] site: fetching…" in text and "\r[3/3] exports: fetching…" in text
    finished = [line.split("\r")[-1] for line in text.split("\n") if line.split("\r")[-1]]
    assert finished == ["[1/3] site: PR updated", "[2/3] orcid: no drift", "[3/3] exports: PR opened"]
    assert text.endswith("\n") or text.rstrip(" \r").endswith("\n")  # close() leaves a clean line


def test_quiet_prints_only_failures():
    stream = io.StringIO()
    with Progress(2, stream=stream, quiet=True, live=True) as progress:
        progress.start("site")
        progress.finish("site", "no drift")
        progress.finish("orcid", "HTTP 503", failed=True)
    assert stream.getvalue() == "[2/2] orcid: HTTP 503\n"


def test_verbose_adds_starts_and_details_in_plain_mode():
    stream = io.StringIO()
    run_three(Progress(3, stream=stream, verbose=True, live=False))
    assert stream.getvalue().splitlines()[:3] == ["[1/3] site: fetching…", "    site: 3 requests",
                                                  "[1/3] site: PR updated"]


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
    with Progress(1, stream=stream, live=False) as progress:
        progress.finish("site", "push refused for sekrit-token-value")
    assert "sekrit" not in stream.getvalue() and "***" in stream.getvalue()
