"""argv → one command function → int exit code. The only place that maps exceptions to exit codes.

| code | meaning |
| 0 | success |
| 1 | error findings (warnings too with --strict), a user error, or a failed target |
| 2 | usage error or unreadable input |
| 3 | internal error (a bug); --debug shows the traceback |
| 130 | interrupted |
"""

from __future__ import annotations

import argparse
import importlib
import sys
import traceback
from typing import NoReturn, Sequence

from profilebot.errors import ProfilebotError
from profilebot.redact import redact

# name → module; each module has HELP, configure(parser) and run(args) -> int. Modules import their heavy
# dependencies (requests, through profilebot.clients) inside run(), so `profilebot check` starts fast.
COMMANDS = {
    "check": "profilebot.commands.check",
    "rules": "profilebot.commands.rules",
    "build": "profilebot.commands.build",
    "import": "profilebot.commands.import_",
    "diff": "profilebot.commands.diff",
    "sync": "profilebot.commands.sync",
    "watch": "profilebot.commands.watch",
    "init": "profilebot.commands.init",
    "pr-comment": "profilebot.commands.pr_comment",
    "lab": "profilebot.commands.lab",
}


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # argparse's default exits 2 too; keep its wording, add the hint
        self.print_usage(sys.stderr)
        sys.stderr.write(f"profilebot: error: {message}\n")
        raise SystemExit(2)


def _add_global_options(parser: argparse.ArgumentParser, default: object) -> None:
    """--debug, -q and -v: accepted before the command and after it (`profilebot build -q`)."""
    parser.add_argument("--debug", action="store_true", default=default, help="show tracebacks of internal errors")
    verbosity = parser.add_mutually_exclusive_group()
    verbosity.add_argument("-q", "--quiet", action="store_true", default=default, help="print only errors and results")
    verbosity.add_argument("-v", "--verbose", action="store_true", default=default, help="print more detail")


def _chosen_command(argv: Sequence[str]) -> str | None:
    return next((word for word in argv if word in COMMANDS), None)


class _Version(argparse.Action):
    """--version, read from the package metadata only when asked (every other run skips that lookup)."""

    def __call__(self, parser: argparse.ArgumentParser, *_args: object) -> None:
        from profilebot import distribution

        print(f"profilebot {distribution.current().version}")
        parser.exit()


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser; with `only`, just that command's module is imported (the others never run this time)."""
    parser = _Parser(prog="profilebot", description="Keep an academic profile consistent everywhere from one "
                     "profile.yaml.")
    parser.add_argument("--version", action=_Version, nargs=0, help="show profilebot's version and exit")
    _add_global_options(parser, default=False)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name, module_name in COMMANDS.items():
        if only is not None and name != only:
            commands.add_parser(name)
            continue
        module = importlib.import_module(module_name)
        sub = commands.add_parser(name, help=module.HELP, description=module.HELP)
        module.configure(sub)
        # SUPPRESS keeps the value given before the command when the option is not repeated after it.
        _add_global_options(sub, default=argparse.SUPPRESS)
        sub.set_defaults(run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(only=_chosen_command(argv))
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return 2
    try:
        return int(args.run(args))
    except ProfilebotError as error:
        sys.stderr.write(redact(f"profilebot: error: {error}") + "\n")
        return error.exit_code
    except KeyboardInterrupt:
        sys.stderr.write("profilebot: interrupted\n")
        return 130
    except BrokenPipeError:
        return 1
    except Exception as error:  # noqa: BLE001 - the last line of defence: a bug, never the user's fault
        if args.debug:
            sys.stderr.write(redact(traceback.format_exc()))
        sys.stderr.write(redact(f"profilebot: internal error: {type(error).__name__}: {error}") + "\n"
                         "This is a bug in profilebot, not in your files. Rerun with --debug to see the "
                         "traceback, and please report it.\n")
        return 3


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
