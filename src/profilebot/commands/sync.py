"""`profilebot sync [PROFILE] [--target site|exports|all] [--dry-run]`: one commit and one PR per target."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from profilebot.commands.common import add_profile_argument, load_valid

HELP = "open or update one pull request per target so the repositories match the profile"


def configure(parser: argparse.ArgumentParser) -> None:
    add_profile_argument(parser)
    parser.add_argument("--target", default="all", help="site, exports, orcid, scholar, profile, or all configured targets (default: all)")
    parser.add_argument("--dry-run", action="store_true", help="print what would be done; make no write request")
    parser.add_argument("-o", "--output", type=Path, default=None,
                        help="folder for files a target writes instead of pushing (orcid-missing.bib; default build/)")


def run(args: argparse.Namespace) -> int:
    from profilebot.redact import redact
    from profilebot.report.plan import text
    from profilebot.targets import session

    settings, checked = load_valid(args.profile)
    failed, outcomes = False, []
    for name in session.selected(settings, os.environ, args.target):
        outcome = session.run(name, checked.profile, settings, os.environ, write=True, dry_run=args.dry_run,
                              say=lambda line: sys.stderr.write(redact(line) + "\n"), output=args.output)
        failed |= outcome.failed
        outcomes.append(outcome)
        stream = sys.stderr if outcome.failed else sys.stdout
        if not args.quiet or outcome.failed:
            stream.write(redact(outcome.line()) + "\n")
        if args.dry_run and outcome.plan is not None and not outcome.plan.is_empty and not args.quiet:
            print("\n".join("  " + line for line in text(outcome.plan).splitlines()[1:]))
    session.action_outputs(outcomes)
    return 1 if failed else 0
