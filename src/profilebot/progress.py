"""Progress of long runs for people: one live line on a terminal, plain lines in CI and logs."""

from __future__ import annotations

import os
import sys
from typing import Any, Callable, TextIO

from profilebot.redact import redact

# Used when the terminal cannot tell its width; a live line longer than the terminal wraps, and a
# wrapped line can no longer be erased with a carriage return.
FALLBACK_COLUMNS = 80


def is_live(stream: TextIO) -> bool:
    """A redrawn line only where a person watches a terminal; CI logs and pipes get whole lines."""
    if os.environ.get("CI") or os.environ.get("GITHUB_ACTIONS") or os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def columns(stream: TextIO) -> int:
    try:
        return os.get_terminal_size(stream.fileno()).columns or FALLBACK_COLUMNS
    except (AttributeError, OSError, ValueError):
        return FALLBACK_COLUMNS


class Progress:
    """Reports the steps of a run on `stream` (stderr) and its results on `results` (stdout).

    A step is shown as a redrawn line on a live terminal and as a plain line elsewhere (a CI log
    then shows what a run was doing when it hung). Results always get a line: they are what a
    person or a script reads afterwards, so --quiet keeps them; failures go to `stream`.
    --quiet drops steps and notes; --verbose adds details (requests, files, timing).
    """

    def __init__(self, total: int, *, stream: TextIO | None = None, results: TextIO | None = None,
                 quiet: bool = False, verbose: bool = False, live: bool | None = None,
                 plain_steps: bool = True, notes: Callable[[str], None] | None = None) -> None:
        self.total = total
        self.stream = stream if stream is not None else sys.stderr
        self.results = results if results is not None else sys.stdout
        self.quiet, self.verbose = quiet, verbose
        self.live = is_live(self.stream) if live is None else live
        # A log that already gets one line per result (watch) asks for steps only under --verbose.
        self.plain_steps = plain_steps or verbose
        self._notes = notes  # where warnings go instead of `stream` (watch: its time-stamped log)
        self.step = 0
        self._shown = ""  # the live line currently on screen, so the next write can erase it

    def start(self, item: str, what: str = "") -> None:
        """The next step begins: `[2/3] site: reading octo/site…`."""
        self.step = min(self.step + 1, self.total) if self.total else self.step + 1
        if self.quiet:
            return
        text = redact(f"[{self.step}/{self.total}] {item}{': ' + what if what else ''}…")
        if self.live:
            self._redraw(text)
        elif self.plain_steps:
            self._line(self.stream, text)

    def note(self, text: str) -> None:
        """A line for people (a warning about one step) that --quiet leaves out."""
        if self.quiet:
            return
        if self._notes is None:
            self._line(self.stream, text)
        else:
            self.clear()
            self._notes(text)

    def detail(self, text: str) -> None:
        if self.verbose:
            self._line(self.stream, f"    {text}")

    def result(self, text: str, *, failed: bool = False) -> None:
        """A line of the run's record: printed in every mode, failures on the progress stream."""
        self._line(self.stream if failed else self.results, text)

    def clear(self) -> None:
        """Erase the live line, so whatever is printed next starts on a clean line."""
        if self._shown:
            self._redraw("")

    def close(self) -> None:
        self.clear()

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _redraw(self, text: str) -> None:
        text = _fit(text, columns(self.stream) - 1)
        width = max(len(self._shown), len(text))
        # Padding with spaces erases the longer previous line without terminal escape sequences.
        self.stream.write("\r" + text.ljust(width) + ("\r" if not text else ""))
        self.stream.flush()
        self._shown = text

    def _line(self, stream: TextIO, text: str) -> None:
        # Erase the live line first: stdout and stderr share the terminal, and a result printed over
        # a half-erased status line would be garbled.
        self.clear()
        stream.write(redact(text) + "\n")
        stream.flush()


def _fit(text: str, width: int) -> str:
    if width <= 1 or len(text) <= width:
        return text
    return text[:width - 1] + "…"


def for_command(args: object, total: int, stream: TextIO | None = None, results: TextIO | None = None,
                **options: Any) -> Progress:
    """A Progress that honours the global --quiet and --verbose flags of the command line."""
    return Progress(total, stream=stream, results=results, quiet=bool(getattr(args, "quiet", False)),
                    verbose=bool(getattr(args, "verbose", False)), **options)
