"""`profilebot diff [PROFILE] [--target site|exports|all] [--format text|json|markdown] [--exit-code]`: read-only."""

from __future__ import annotations

import argparse
import os
import sys

from profilebot.commands.common import add_profile_argument, load_valid

HELP = "show what sync would change in each target repository (read-only)"


def configure(parser: argparse.ArgumentParser) -> None:
    add_profile_argument(parser)
    parser.add_argument("--target", default="all", help="site, exports, orcid, scholar, profile, or all configured targets (default: all)")
    parser.add_argument("--format", choices=("text", "json", "markdown"), default="text", dest="output_format",
                        help="output format (default: text)")
    parser.add_argument("--exit-code", action="store_true", help="exit 1 when any target has drift, as git diff "
                        "--exit-code does")


def run(args: argparse.Namespace) -> int:
    from profilebot.progress import for_command
    from profilebot.report.plan import format_plans
    from profilebot.targets import session

    settings, checked = load_valid(args.profile)
    names = session.selected(settings, os.environ, args.target)
    if not names:
        print(f"profilebot: {session.NOTHING_CONFIGURED}", file=sys.stderr)
        if args.output_format == "json":
            print("[]")
        elif args.output_format == "markdown":  # the PR comment says why there is no table
            print(f"profilebot: {session.NOTHING_CONFIGURED}")
        return 0
    outcomes = []
    # Reports are printed once every target is read (JSON is one document); failures and figures at once.
    with for_command(args, len(names)) as progress:
        for measured in session.run_each(names, checked.profile, settings, os.environ, progress, write=False):
            outcomes.append(measured.outcome)
            if measured.outcome.failed:
                progress.result(f"profilebot: {measured.outcome.line()}", failed=True)
            progress.detail(measured.figures())
    session.action_outputs(outcomes)
    plans = [outcome.plan for outcome in outcomes if outcome.plan is not None]
    as_json = args.output_format == "json"
    if plans or as_json:  # with --format json, stdout is always one JSON document, even an empty list
        print(format_plans(plans, args.output_format))
    # Targets without a file plan (orcid, scholar) report in their message, which is no JSON.
    stream = sys.stderr if as_json else sys.stdout
    for outcome in outcomes:
        if outcome.plan is None and not outcome.failed:
            stream.write(outcome.message + "\n")
    if any(outcome.failed for outcome in outcomes):
        return 1
    return 1 if args.exit_code and any(not plan.is_empty for plan in plans) else 0
