"""`profilebot check [PROFILE]`: schema + lint, findings as text, json or GitHub annotations."""

from __future__ import annotations

import argparse
import sys

from profilebot.commands.common import add_profile_argument, default_format, load_checked

HELP = "validate the profile: JSON Schema and academic lint rules, each finding with file:line:col"


def configure(parser: argparse.ArgumentParser) -> None:
    add_profile_argument(parser)
    parser.add_argument("--format", choices=("text", "json", "github"), default=None,
                        help="output format (default: github under GitHub Actions, else text)")
    parser.add_argument("--strict", action="store_true", help="warnings fail the check too")
    parser.add_argument("--fix", action="store_true",
                        help="apply the mechanical fixes (rules marked fixable in `profilebot rules`) in place, "
                             "keeping every other byte; then report what is left")
    parser.add_argument("--diff", action="store_true",
                        help="with --fix: only show the fixes as a unified diff; write nothing")


def run(args: argparse.Namespace) -> int:
    if args.diff and not args.fix:
        args.fix = True  # --diff alone means "show what --fix would do"
    if args.fix:
        from profilebot.commands import check_fix

        check_fix.run(args.profile, show_only=args.diff, quiet=args.quiet)
    _settings, checked = load_checked(args.profile)
    output_format = args.format or default_format()
    if output_format == "json":
        from profilebot.report import json as report
    elif output_format == "github":
        from profilebot.report import github as report  # type: ignore[no-redef]
    else:
        from profilebot.report import text as report  # type: ignore[no-redef]
    rendered = report.format_findings(checked.findings)
    if rendered:
        print(rendered)
    failing = checked.errors(strict=args.strict)
    if output_format == "text" and not args.quiet:
        if not checked.findings:
            print(f"{args.profile}: no problems found.")
        elif not failing:
            print(f"{args.profile}: passes (warnings do not fail the check; --strict makes them fail).")
    if output_format != "text" and failing:
        sys.stderr.write(f"{args.profile}: {len(failing)} failing finding(s).\n")
    return 1 if failing else 0
