"""Progress of long runs for people: one live line on a terminal, plain lines in CI and logs."""

from __future__ import annotations

import os
import sys
from typing import TextIO

from profilebot.redact import redact


def is_live(stream: TextIO) -> bool:
    """A redrawn line only where a person watches a terminal; CI logs and pipes get whole lines."""
    if os.environ.get("CI") or os.environ.get("GITHUB_ACTIONS") or os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


class Progress:
    """Reports items of a run as they start and finish.

    Finished items always get a line of their own (the record of what happened); started items are
    shown only on a live terminal, or as lines under --verbose. --quiet keeps only failures.
    """

    def __init__(self, total: int, *, stream: TextIO | None = None, quiet: bool = False, verbose: bool = False,
                 live: bool | None = None) -> None:
        self.total = total
        self.stream = stream if stream is not None else sys.stderr
        self.quiet, self.verbose = quiet, verbose
        self.live = is_live(self.stream) if live is None else live
        self.finished = 0
        self._shown = ""  # the live line currently on screen, so the next write can erase it

    def start(self, item: str, what: str = "") -> None:
        text = redact(f"[{self.finished + 1}/{self.total}] {item}{': ' + what if what else ''}…")
        if self.quiet:
            return
        if self.live:
            self._redraw(text)
        elif self.verbose:
            self._line(text)

    def finish(self, item: str, result: str, *, failed: bool = False) -> None:
        self.finished += 1
        if self.quiet and not failed:
            return
        self._line(f"[{self.finished}/{self.total}] {item}: {result}")

    def detail(self, text: str) -> None:
        if self.verbose:
            self._line(f"    {text}")

    def close(self) -> None:
        self._redraw("")

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _redraw(self, text: str) -> None:
        width = max(len(self._shown), len(text))
        if width:
            self.stream.write("\r" + text.ljust(width) + ("\r" if not text else ""))
            self.stream.flush()
        self._shown = text

    def _line(self, text: str) -> None:
        if self._shown:
            self._redraw("")
        self.stream.write(redact(text) + "\n")
        self.stream.flush()


def for_command(args: object, total: int, stream: TextIO | None = None) -> Progress:
    """A Progress that honours the global --quiet and --verbose flags of the command line."""
    return Progress(total, stream=stream, quiet=bool(getattr(args, "quiet", False)),
                    verbose=bool(getattr(args, "verbose", False)))
