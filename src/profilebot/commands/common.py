"""What several commands share: finding the profile, reading it, and the checked result."""

from __future__ import annotations

import argparse
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator, Protocol, cast

from profilebot import clock, config, files
from profilebot.errors import ProfilebotError
from profilebot.load.yaml_document import Document
from profilebot.model.profile import Profile
from profilebot.findings import Finding
from profilebot.validate.pipeline import Checked, check_bytes

if TYPE_CHECKING:  # the run's types only; importing targets here would load them for `check` too
    from profilebot.progress import Progress
    from profilebot.targets.base import RunContext
    from profilebot.targets.session import Measured

DEFAULT_PROFILE = "profile.yaml"


def add_profile_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("profile", nargs="?", default=DEFAULT_PROFILE, type=Path,
                        help="the profile to read (default: ./profile.yaml)")


def add_target_argument(parser: argparse.ArgumentParser) -> None:
    """--target for diff, sync and watch, listing the registered targets."""
    from profilebot import plugins

    parser.add_argument("--target", default="all",
                        help=f"{', '.join(plugins.TARGETS)} (several separated by commas), or all configured "
                             "targets (default: all)")


@dataclass(frozen=True)
class TargetRun:
    """A diff, sync or watch run: the targets chosen and the context each of them runs with."""

    names: list[str]
    context: RunContext

    def each(self, progress: Progress) -> Iterator[Measured]:
        from profilebot.targets import session

        return session.run_each(self.names, self.context, progress)


def target_run(args: argparse.Namespace, *, write: bool, dry_run: bool = False,
               output: Path | None = None) -> TargetRun:
    """Read and check the profile (refusing one with errors), choose the targets of --target, build the context."""
    from profilebot.targets import session

    settings, checked = load_valid(args.profile)
    assert checked.profile is not None  # load_valid refuses a profile that could not be built
    names = session.selected(settings, os.environ, args.target)
    return TargetRun(names, session.context(checked.profile, settings, os.environ, write=write, now=clock.now(),
                                            dry_run=dry_run, output=output, profile_path=args.profile))


def with_dashboard(targets: TargetRun, progress: Progress) -> tuple[TargetRun, Any]:
    """The run with the dashboard issue's memory (what the person declined, undid or approved), and the board to
    write back after a sync (None: switched off, nowhere to keep it, or unreadable: then a warning)."""
    import dataclasses

    from profilebot.targets import dashboard

    repo = dashboard.location(targets.context.settings, targets.context.environ)
    board = None if repo is None else dashboard.safely(lambda: dashboard.open_board(targets.context, repo),
                                                       progress.note)
    if board is None:
        return targets, None
    return dataclasses.replace(targets, context=dataclasses.replace(targets.context, memory=board.memory)), board


def after_sync(targets: TargetRun, board: Any, runs: list, progress: Progress) -> None:
    """Keep the scheduled workflow enabled, then bring the dashboard up to date; neither fails the run. Only a run
    of every configured target writes the dashboard (`--target site` would show the others as not configured);
    what a single target's run learnt is learnt again from the pull requests and ticks by the next full run."""
    from profilebot import plugins
    from profilebot.targets import dashboard
    from profilebot.clients.http import Tally
    from profilebot.targets.keep_alive import keep_alive

    tally = board.tally if board is not None else Tally()
    import dataclasses

    warning = keep_alive(dataclasses.replace(targets.context, tally=tally))
    if warning:
        progress.note(f"warning: {warning}")
    if board is None:
        return
    done = dashboard.safely(lambda: dashboard.publish(targets.context, board, runs, list(plugins.TARGETS),
                                                      [warning] if warning else []), progress.note)
    progress.detail(f"dashboard: {done or 'not written'}, {board.tally.requests} requests (with the keep-alive)")


def load_checked(profile_path: Path) -> tuple[config.Settings, Checked]:
    """Read config and profile, run the checks; the caller decides what findings mean."""
    settings = config.load(profile_path)
    raw = files.read_bytes(profile_path)
    return settings, check_bytes(raw, str(profile_path), settings.rules, beside(profile_path), clock.today())


def beside(profile_path: Path) -> Callable[[str], bool]:
    """Whether a relative path names a file in the profile's folder (for the rules about local files)."""
    folder = profile_path.parent.resolve()

    def exists(relative: str) -> bool:
        target = (folder / relative).resolve()
        return target.is_relative_to(folder) and target.is_file()

    return exists


class Valid(Protocol):
    """What load_valid returns: a Checked whose profile was built and has no error findings."""

    @property
    def document(self) -> Document: ...
    @property
    def profile(self) -> Profile: ...
    @property
    def findings(self) -> tuple[Finding, ...]: ...


def load_valid(profile_path: Path) -> tuple[config.Settings, Valid]:
    """Like load_checked, but refuse to go on when the profile has error findings (build, diff, sync)."""
    from profilebot.report.text import format_findings

    settings, checked = load_checked(profile_path)
    errors = checked.errors()
    if errors or checked.profile is None:
        raise ProfilebotError(f"{profile_path} has errors; fix them first (profilebot check shows them all):\n"
                              + format_findings(errors[:20] or checked.findings[:20], show_hints=True))
    return settings, cast(Valid, checked)  # its profile is not None: refused just above


def default_format() -> str:
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
