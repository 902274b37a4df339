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
    from profilebot.report.plan import format_plans, format_reports
    from profilebot.targets import session

    targets = target_run(args, write=False)
    if not targets.names:
        print(f"profilebot: {session.NOTHING_CONFIGURED}", file=sys.stderr)
        if args.output_format == "json":
            print("[]")
        elif args.output_format == "markdown":  # the PR comment says why there is no table
            print(f"profilebot: {session.NOTHING_CONFIGURED}")
        return 0
    outcomes = []
    # Reports are printed once every target is read (JSON is one document); failures and figures at once.
    with for_command(args, len(targets.names)) as progress:
        # Read-only, but what the person declined or holds back on the dashboard is not drift to show.
        targets, _ = with_dashboard(targets, progress) if "profile" in targets.names else (targets, None)
        for measured in targets.each(progress):
            outcomes.append(measured.outcome)
            if measured.outcome.failed:
                progress.result(f"profilebot: {measured.outcome.line()}", failed=True)
            progress.detail(measured.figures())
    session.action_outputs(outcomes)
    if args.output_format == "text":
        # Repository targets' file plans first, then the record targets' reports (their messages).
        plans = [outcome.plan for outcome in outcomes if outcome.plan is not None]
        if plans:
            print(format_plans(plans, "text"))
        for outcome in outcomes:
            if outcome.plan is None and not outcome.failed:
                sys.stdout.write(outcome.message + "\n")
    else:
        reports = [outcome.report for outcome in outcomes if outcome.report is not None]
        if reports or args.output_format == "json":  # with --format json, stdout is always one JSON document
            print(format_reports(reports, args.output_format))
        # JSON keeps stdout one document, so the record targets' words go to stderr for people, as in text;
        # Markdown carries their works already and adds only what has no report (a target not configured).
        as_json = args.output_format == "json"
        for outcome in outcomes:
            if outcome.plan is None and not outcome.failed and (as_json or outcome.works is None):
                (sys.stderr if as_json else sys.stdout).write(outcome.message + "\n")
    if any(outcome.failed for outcome in outcomes):
        return 1
    return 1 if args.exit_code and any(outcome.drifted for outcome in outcomes) else 0
