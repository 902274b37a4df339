"""`profilebot init [DIR]`: write a starter profile, settings, workflows and pre-commit hook, keeping what exists."""

from __future__ import annotations

import argparse
import json
import subprocess
from importlib import resources
from pathlib import Path

from profilebot.errors import UsageError

HELP = "start a profile repository: profile.yaml, profilebot.yaml, two workflows, a pre-commit hook"

# package template → path in the new repository. Workflow names carry a profilebot- prefix so they sit
# beside a repository's own workflows without clashing.
FILES = {
    "profile.yaml": "profile.yaml",
    "profilebot.yaml": "profilebot.yaml",
    "workflows/check.yml": ".github/workflows/profilebot-check.yml",
    "workflows/sync.yml": ".github/workflows/profilebot-sync.yml",
    "pre-commit-config.yaml": ".pre-commit-config.yaml",
}
# The schemas the starter files' editor modelines point at (`# yaml-language-server: $schema=./schema/…`).
SCHEMAS = ("profile.schema.json", "profilebot.schema.json")
FALLBACK_NAME = "Your Name"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("directory", nargs="?", type=Path, default=Path("."),
                        help="the repository to set up (default: the current folder; created if missing)")
    parser.add_argument("--name", help="your name for the starter profile (default: git config user.name)")
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--from-orcid", metavar="ID", help="fill the new profile with the works of this ORCID iD "
                        "(or a saved ORCID /works JSON file), as `profilebot import orcid` does")
    source.add_argument("--from-bibtex", metavar="FILE", type=Path,
                        help="fill the new profile with the entries of a BibTeX file (e.g. a Google Scholar export)")


def run(args: argparse.Namespace) -> int:
    from profilebot import files

    directory: Path = args.directory
    if directory.exists() and not directory.is_dir():
        raise UsageError(f"{directory}: is a file; init needs a folder.")
    planned = plan(args.name or _git_user_name(directory) or FALLBACK_NAME)
    written = []
    for relative, data in planned.items():
        target = directory / relative
        if target.exists() or target.is_symlink():
            status = "kept (exists)"
        else:
            files.write_bytes(target, data)
            status = "written"
            written.append(relative)
        if not args.quiet:
            print(f"{status:13} {target}")
    if "profile.yaml" in written:
        _import_into(directory / "profile.yaml", args)
    elif args.from_orcid or args.from_bibtex:
        source = f"orcid {args.from_orcid}" if args.from_orcid else f"bibtex {args.from_bibtex}"
        print(f"Did not import into the existing {directory / 'profile.yaml'}: init fills only a profile it has just "
              f"written. To add what that source knows, run: profilebot import {source} "
              f"{directory / 'profile.yaml'} --write")
    if not args.quiet:
        print(_next_steps(directory))
    return 0


def plan(name: str) -> dict[str, bytes]:
    """Every file init writes, by path; pure, so a rerun and a test see the same bytes."""
    templates = resources.files("profilebot") / "templates"
    planned = {}
    for source, destination in FILES.items():
        text = (templates / source).read_text("utf-8")
        # The workflows install the profilebot that wrote them, so a later release never surprises a run.
        text = text.replace("${version}", _version())
        # A JSON string is a valid double-quoted YAML scalar: any name, quotes and colons included.
        text = text.replace("${name}", json.dumps(name, ensure_ascii=False))
        planned[destination] = text.encode("utf-8")
    for schema in SCHEMAS:
        planned[f"schema/{schema}"] = (resources.files("profilebot") / "schemas" / schema).read_bytes()
    return dict(sorted(planned.items()))


def _version() -> str:
    from profilebot import __version__

    return __version__


def _import_into(profile: Path, args: argparse.Namespace) -> None:
    """Fill a profile init has just written; an existing profile is the person's and is left alone."""
    from profilebot.commands import import_

    if args.from_orcid or args.from_bibtex:
        source, value = ("orcid", args.from_orcid) if args.from_orcid else ("bibtex", str(args.from_bibtex))
        import_.run(argparse.Namespace(source=source, value=value, profile=profile, write=True, quiet=args.quiet))


def _git_user_name(directory: Path) -> str | None:
    cwd = directory if directory.is_dir() else Path(".")
    try:
        result = subprocess.run(["git", "config", "user.name"], cwd=cwd, capture_output=True, text=True, timeout=5)
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout.strip() or None


def _next_steps(directory: Path) -> str:
    where = "" if directory == Path(".") else f" (in {directory})"
    return (f"\nNext{where}: edit profile.yaml, then run `profilebot check` and `profilebot build`.\n"
            "Add targets to profilebot.yaml, and see docs/automation.md for the token the sync workflow needs.")
