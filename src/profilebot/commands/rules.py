"""`profilebot rules [CODE]`: list the lint rules, or print one rule's documentation."""

from __future__ import annotations

import argparse

from profilebot.errors import UsageError

HELP = "list the lint rules, or explain one (profilebot rules PB101)"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("code", nargs="?", help="a rule code (PB101) or name (orcid-checksum)")


def run(args: argparse.Namespace) -> int:
    from profilebot.validate import rules

    from profilebot.validate import crossref

    if args.code:
        try:
            rule = rules.get(args.code)
        except rules.UnknownRule as error:
            online = [c for c in crossref.CHECKS if args.code.strip().upper() == c.code or args.code.strip() == c.name]
            if not online:
                raise UsageError(str(error)) from None
            print(f"{online[0].code} {online[0].name} (default severity: {online[0].severity.value}; "
                  f"only with `check --online`)\n\n{online[0].summary}\n\nHint: {online[0].hint}")
            return 0
        fixable = "; `check --fix` fixes it" if rule.FIXABLE else ""
        print(f"{rule.CODE} {rule.NAME} (default severity: {rule.SEVERITY}{fixable})\n")
        print((rule.__doc__ or "").strip())
        return 0
    print(f"{'code':<6} {'name':<30} {'severity':<8} {'fix':<8} summary")
    for rule in rules.RULES:
        summary = (rule.__doc__ or "").strip().splitlines()[0]
        fixable = "fixable" if rule.FIXABLE else ""
        print(f"{rule.CODE}  {rule.NAME:<30} {rule.SEVERITY:<8} {fixable:<8} {summary}")
    print("\nOnly with `check --online` (each DOI against its Crossref record):")
    for check in crossref.CHECKS:
        print(f"{check.code}  {check.name:<30} {check.severity.value:<8} {'':<8} {check.summary}")
    return 0
