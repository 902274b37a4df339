"""`profilebot rules [CODE]`: list the lint rules, or print one rule's documentation."""

from __future__ import annotations

import argparse

from profilebot.errors import UsageError

HELP = "list the lint rules, or explain one (profilebot rules PB101)"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("code", nargs="?", help="a rule code (PB101) or name (orcid-checksum)")


def run(args: argparse.Namespace) -> int:
    from profilebot.validate import rules

    if args.code:
        try:
            rule = rules.get(args.code)
        except rules.UnknownRule as error:
            raise UsageError(str(error)) from None
        fixable = "; `check --fix` fixes it" if rule.FIXABLE else ""
        print(f"{rule.CODE} {rule.NAME} (default severity: {rule.SEVERITY}{fixable})\n")
        print((rule.__doc__ or "").strip())
        return 0
    print(f"{'code':<6} {'name':<30} {'severity':<8} {'fix':<8} summary")
    for rule in rules.RULES:
        summary = (rule.__doc__ or "").strip().splitlines()[0]
        fixable = "fixable" if rule.FIXABLE else ""
        print(f"{rule.CODE}  {rule.NAME:<30} {rule.SEVERITY:<8} {fixable:<8} {summary}")
    return 0
