"""`profilebot diff [PROFILE] [--target NAME|all] [--format text|json|markdown] [--exit-code]`: read-only."""

from __future__ import annotations

import argparse
import sys

from profilebot.commands.common import add_profile_argument, add_target_argument, target_run, with_dashboard

HELP = "show what sync would change in each target repository (read-only)"


def configure(parser: argparse.ArgumentParser) -> None:
    add_profile_argument(parser)
    add_target_argument(parser)
    parser.add_argument("--format", choices=("text", "json", "markdown"), default="text", dest="output_format",
                        help="output format (default: text)")
    parser.add_argument("--exit-code", action="store_true", help="exit 1 when any target has drift, as git diff "
                        "--exit-code does")


def run(args: argparse.Namespace) -> int:
    from profilebot.progress import for_command
    from profilebot.report import outcome as views
    from profilebot.targets import session

    targets = target_run(args, write=False)
    if not targets.names:
        _print(views.diff_nothing_configured(args.output_format, session.NOTHING_CONFIGURED))
        return 0
    outcomes = []
    # Reports are printed once every target is read (JSON is one document); failures and figures at once.
    with for_command(args, len(targets.names)) as progress:
        # Read-only, but what the person declined or holds back on the dashboard is not drift to show.
        targets, _ = with_dashboard(targets, progress) if "profile" in targets.names else (targets, None)
        for measured in targets.each(progress):
            outcomes.append(measured.outcome)
            if measured.outcome.failed:
                progress.result(f"profilebot: {views.line(measured.outcome)}", failed=True)
            progress.detail(measured.figures())
    session.action_outputs(outcomes)
    _print(views.diff_report(outcomes, args.output_format, targets.context.profile_path))
    failed = any(outcome.failed for outcome in outcomes)
    return 1 if failed or args.exit_code and any(outcome.drifted for outcome in outcomes) else 0


def _print(printed) -> None:
    """Words for people first (stderr), then the report (stdout), as print() would write each."""
    sys.stderr.write(printed.err)
    sys.stdout.write(printed.out)
