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
    parser.add_argument("--online", action="store_true",
                        help="also compare each DOI with its Crossref record (CROSSREF_API_URL); never by default")


def run(args: argparse.Namespace) -> int:
    if args.diff and not args.fix:
        args.fix = True  # --diff alone means "show what --fix would do"
    if args.fix:
        from profilebot.commands import check_fix

        # JSON and annotations own stdout; what --fix did then goes to stderr.
        stream = sys.stdout if (args.format or default_format()) == "text" else sys.stderr
        check_fix.run(args.profile, show_only=args.diff, quiet=args.quiet, stream=stream)
    settings, checked = load_checked(args.profile)
    if args.online and checked.profile is not None:
        checked = _with_crossref(checked, str(args.profile), settings.rules)
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
    return 2 if checked.unreadable else 1 if failing else 0


def _with_crossref(checked, source: str, levels):
    """The findings of comparing each DOI with Crossref's record of it, added to the offline ones."""
    import dataclasses
    import os

    from profilebot.clients import crossref
    from profilebot.targets import session
    from profilebot.validate import crossref as crossref_check
    from profilebot.findings import Finding

    dois = crossref_check.dois(checked.profile)
    if not dois:
        return checked
    http = crossref.client(os.environ, session.POLICY)
    try:
        records = crossref.records(http, dois)
    finally:
        http.close()
    found = crossref_check.compare(checked.profile, records, checked.document.source_map, source, levels)
    return dataclasses.replace(checked, findings=tuple(sorted(checked.findings + tuple(found), key=Finding.sort_key)))
