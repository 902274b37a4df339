"""`profilebot sync [PROFILE] [--target NAME|all] [--dry-run]`: one commit and one PR per target."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from profilebot.commands.common import (add_profile_argument, add_target_argument, after_sync, target_run,
                                        with_dashboard)
from profilebot.config import OUTPUT_FOLDER
from profilebot.errors import UsageError

HELP = "open or update one pull request per target so the repositories match the profile"


def configure(parser: argparse.ArgumentParser) -> None:
    add_profile_argument(parser)
    add_target_argument(parser)
    parser.add_argument("--dry-run", action="store_true", help="print what would be done; make no write request")
    parser.add_argument("-o", "--output", type=Path, default=None,
                        help="folder for files a target writes instead of pushing "
                             f"(orcid-missing.bib; default {OUTPUT_FOLDER}/)")
    # Refused with a reason (not argparse's bare "unrecognized argument"): private values never leave the machine.
    parser.add_argument("--include-private", action="store_true", help=argparse.SUPPRESS)


def run(args: argparse.Namespace) -> int:
    from profilebot.progress import for_command
    from profilebot.report import outcome as views
    from profilebot.targets import session

    if args.include_private:
        raise UsageError("sync --include-private: private contact values are never published to a target.",
                         "Use `profilebot build --include-private` for a CV file you keep or send yourself.")
    targets = target_run(args, write=True, dry_run=args.dry_run, output=args.output)
    if not targets.names:
        print(f"profilebot: {session.NOTHING_CONFIGURED}", file=sys.stderr)
        return 0
    outcomes, runs = [], []
    with for_command(args, len(targets.names)) as progress:
        targets, board = with_dashboard(targets, progress)  # read even by --dry-run: what is declined or held
        for measured in targets.each(progress):
            outcome = measured.outcome
            outcomes.append(outcome)
            runs.append((outcome, measured.requests))
            progress.result(views.quiet_line(outcome) if args.quiet else views.line(outcome), failed=outcome.failed)
            details = views.dry_run_details(outcome) if args.dry_run and not args.quiet else ""
            if details:
                progress.result(details)
            progress.detail(measured.figures())
        if not args.dry_run:
            after_sync(targets, board if args.target in (None, session.ALL) else None, runs, progress)
    session.action_outputs(outcomes)
    return 1 if any(outcome.failed for outcome in outcomes) else 0

