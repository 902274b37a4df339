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
    from profilebot.report.plan import format_plans
    from profilebot.targets import session

    settings, checked = load_valid(args.profile)
    outcomes = [session.run(name, checked.profile, settings, os.environ, write=False)
                for name in session.selected(settings, os.environ, args.target)]
    session.action_outputs(outcomes)
    plans = [outcome.plan for outcome in outcomes if outcome.plan is not None]
    if plans:
        print(format_plans(plans, args.output_format))
    for outcome in outcomes:  # targets without a file plan (orcid, scholar) report in their message
        if outcome.plan is None and not outcome.failed:
            print(outcome.message)
    for outcome in outcomes:
        if outcome.failed:
            sys.stderr.write(f"profilebot: {outcome.line()}\n")
    if any(outcome.failed for outcome in outcomes):
        return 1
    return 1 if args.exit_code and any(not plan.is_empty for plan in plans) else 0
