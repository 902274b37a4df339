"""`profilebot watch [PROFILE] [--every 6h]`: run sync now and on an interval, until stopped."""

from __future__ import annotations

import argparse
import re
import signal
import sys
import threading
import time
from contextlib import contextmanager
from typing import Callable, Iterable, Iterator, TextIO

from profilebot.commands.common import add_profile_argument, add_target_argument
from profilebot.errors import ProfilebotError, UsageError
from profilebot.redact import redact

HELP = "run sync at start and then every interval (with jitter) until interrupted; one log line per target"

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_INTERVAL = re.compile(r"(\d+)([smhd])")
# Runs spread over this share of the interval, so many bots started together do not hit GitHub at once.
DEFAULT_JITTER_SHARE = 0.1
# The longest the loop sleeps before looking at the stop flag again; bounds the delay of a clean exit.
POLL_SECONDS = 0.2

# One run's report: (target, succeeded, line) per target; raising means the run as a whole failed.
RunOnce = Callable[[], Iterable[tuple[str, bool, str]]]


def configure(parser: argparse.ArgumentParser) -> None:
    add_profile_argument(parser)
    parser.add_argument("--every", default="6h", type=parse_interval,
                        help="time between runs: 90s, 30m, 6h, 1d or combined like 1h30m (default: 6h)")
    parser.add_argument("--jitter", type=_parse_jitter, default=None,
                        help="up to this much random extra wait per run (default: a tenth of --every)")
    add_target_argument(parser)


def _parse_jitter(text: str) -> int:
    return 0 if str(text).strip() in ("0", "0s") else parse_interval(text)


def parse_interval(text: str) -> int:
    """'6h' → 21600; '1h30m' → 5400; a bare number is seconds."""
    text = str(text).strip().lower()
    if text.isdigit():
        seconds = int(text)
    elif _INTERVAL.fullmatch(text) or (text and "".join(m.group(0) for m in _INTERVAL.finditer(text)) == text):
        seconds = sum(int(number) * _UNITS[unit] for number, unit in _INTERVAL.findall(text))
    else:
        raise argparse.ArgumentTypeError(f"'{text}' is not an interval; expected e.g. 90s, 30m, 6h, 1d or 1h30m")
    if seconds < 1:
        raise argparse.ArgumentTypeError("the interval must be at least one second")
    return seconds


class Watch:
    """The loop: a run at start, then one per interval (+ jitter), never two at once, never crashing."""

    def __init__(self, run_once: RunOnce, every: int, jitter: int = 0, *, log: TextIO | None = None,
                 stop: threading.Event | None = None, verbose: bool = False, quiet: bool = False) -> None:
        self.run_once, self.every, self.jitter = run_once, every, jitter
        self.log = log if log is not None else sys.stderr
        self.stop = stop or threading.Event()
        # Set by a signal handler, which must not touch self.stop: Event.set() takes the Event's lock, and a
        # signal landing while this same (main) thread holds it inside stop.wait() deadlocked watch for good
        # (Python's signal docs warn against locks in handlers). A plain attribute store takes no lock.
        self._signalled = False
        self.verbose = verbose
        self.quiet = quiet  # --quiet: log failures and the stop line only, decided by what happened, not by words
        self.runs = 0
        self.failures = 0
        self._running = threading.Lock()

    def loop(self, max_runs: int | None = None) -> None:
        import schedule

        self._say(f"watching: a run now, then every {_human(self.every)}"
                  + (f" (+ up to {_human(self.jitter)} jitter)" if self.jitter else "") + ".", routine=True)
        self.run()
        # Scheduled only after the first run, so a slow first run is not followed at once by a second.
        scheduler = schedule.Scheduler()
        job = (scheduler.every(self.every).to(self.every + self.jitter) if self.jitter else
               scheduler.every(self.every)).seconds.do(self._job)
        while not self.stopping and (max_runs is None or self.runs < max_runs):
            scheduler.run_pending()
            idle = scheduler.idle_seconds
            # A signal during this wait sets only _signalled, so the wait runs out (POLL_SECONDS at most).
            self.stop.wait(min(max(idle if idle is not None else POLL_SECONDS, 0), POLL_SECONDS))
        scheduler.cancel_job(job)
        self._say(f"stopped after {self.runs} run(s), {self.failures} failed.")

    @property
    def stopping(self) -> bool:
        return self._signalled or self.stop.is_set()

    def signal_stop(self) -> None:
        """Ask the loop to stop, from a signal handler: no lock taken, so it cannot deadlock (see __init__).
        The loop ends after the run going on, if any, or within POLL_SECONDS when idle."""
        self._signalled = True

    def _job(self) -> None:
        if not self.stopping:
            self.run()

    def run(self) -> bool:
        """One run; a second caller while a run is going on is turned away rather than overlapping."""
        if not self._running.acquire(blocking=False):
            self._say("a run is still going on; skipping this one.", routine=True)
            return False
        try:
            self.runs += 1
            started = time.monotonic()
            try:
                lines = list(self.run_once())
            except ProfilebotError as error:
                self.failures += 1
                self._say(f"run {self.runs} failed: {error} (retrying at the next interval)")
                return False
            except Exception as error:  # noqa: BLE001 - a bug in one run must not end months of watching
                self.failures += 1
                self._say(f"run {self.runs} failed: internal error {type(error).__name__}: {error} "
                          "(retrying at the next interval)")
                return False
            for target, succeeded, line in lines:
                self._say(f"run {self.runs} {target}: {line}", routine=succeeded)
            if not lines:
                self._say(f"run {self.runs}: no target ran.", routine=True)
            if self.verbose:
                self._say(f"run {self.runs} took {time.monotonic() - started:.1f}s.", routine=True)
            if all(succeeded for _, succeeded, _ in lines):
                return True
            self.failures += 1
            return False
        finally:
            self._running.release()

    def _say(self, text: str, *, routine: bool = False) -> None:
        """Log a line; a routine one (a target that succeeded, the loop's own news) is left out by --quiet."""
        if not (routine and self.quiet):
            log_line(self.log, text)


def log_line(log: TextIO, text: str) -> None:
    stamp = time.strftime("%Y-%m-%dT%H:%M:%S%z")  # a log, not an output: the time is the point
    log.write(redact(f"{stamp} profilebot watch: {text}") + "\n")
    log.flush()


def _human(seconds: int) -> str:
    parts = []
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60), ("s", 1)):
        if seconds >= size:
            parts.append(f"{seconds // size}{unit}")
            seconds %= size
    return "".join(parts) or "0s"


def sync_once(args: argparse.Namespace, log: TextIO | None = None) -> RunOnce:
    """One `sync` of every selected target, reading the profile afresh each run (edits are picked up).

    On a terminal a live line shows the target being synced; the log itself gets one line per target
    when the run ends (with --verbose: its requests, files changed and time) and warnings as they come.
    """
    from profilebot.commands.common import after_sync, target_run, with_dashboard
    from profilebot.progress import Progress
    from profilebot.report.outcome import result
    from profilebot.targets import session

    stream = log if log is not None else sys.stdout

    def run_once() -> list[tuple[str, bool, str]]:
        targets = target_run(args, write=True)
        if not targets.names:
            return [("profilebot", True, session.NOTHING_CONFIGURED)]
        lines = []
        with Progress(len(targets.names), stream=stream, quiet=bool(args.quiet), plain_steps=False,
                      notes=lambda text: log_line(stream, text)) as progress:
            targets, board = with_dashboard(targets, progress)
            runs = []
            for measured in targets.each(progress):
                outcome = measured.outcome
                runs.append((outcome, measured.requests))
                line = result(outcome)
                if getattr(args, "verbose", False):
                    line += f" ({measured.costs()})"
                lines.append((outcome.target, not outcome.failed, line))
            after_sync(targets, board if args.target in (None, session.ALL) else None, runs, progress)
        return lines

    return run_once


def run(args: argparse.Namespace) -> int:
    jitter = args.jitter if args.jitter is not None else int(args.every * DEFAULT_JITTER_SHARE)
    if jitter < 0:
        raise UsageError("--jitter cannot be negative.")
    watch = Watch(sync_once(args, sys.stdout), args.every, jitter, log=sys.stdout, verbose=args.verbose,
                  quiet=bool(args.quiet))
    with stopped_by_signals(watch):
        watch.loop()
    return 0


@contextmanager
def stopped_by_signals(watch: Watch) -> Iterator[None]:
    """SIGINT and SIGTERM stop the loop cleanly after the run going on; a second one interrupts that run."""
    previous = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}

    def stop(signum: int, frame: object) -> None:
        if watch.stopping:  # a second signal: the person means it, even in the middle of a run
            raise KeyboardInterrupt
        watch.signal_stop()

    for sig in previous:
        signal.signal(sig, stop)
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)

