"""`profilebot build [PROFILE] [-o DIR] [--template NAME]`: render every output into DIR."""

from __future__ import annotations

import argparse
from pathlib import Path

from profilebot.commands.common import add_profile_argument, load_valid
from profilebot.errors import ProfilebotError, UsageError

HELP = "render every output (exports, CV, the website) from the profile into a folder"


def configure(parser: argparse.ArgumentParser) -> None:
    add_profile_argument(parser)
    parser.add_argument("-o", "--output", type=Path, default=Path("build"), help="output folder (default: build/)")
    parser.add_argument("--template", help="site template to render (default: site.template in profilebot.yaml, "
                        "else static)")


def run(args: argparse.Namespace) -> int:
    from profilebot import files
    from profilebot.render import outputs

    if args.output.exists() and not args.output.is_dir():
        raise UsageError(f"{args.output}: is a file; -o needs a folder to write the outputs into.",
                         "Pass another path, or remove the file.")
    settings, checked = load_valid(args.profile)
    from profilebot import data_files
    from profilebot.diff.plan import Ownership

    # citations.yaml (written by sync) is read here, so that build itself never goes online.
    citations = data_files.citations(args.profile.parent)
    artifacts = outputs.render_all(checked.profile, settings, template=args.template, citations=citations)
    if too_large := outputs.oversize(artifacts):
        raise ProfilebotError(f"{args.profile}: {too_large}.", "Look for a very long value (an abstract, an "
                              "author list) repeated in many entries, and shorten it.")
    written = sum(files.write_bytes(args.output / artifact.path, artifact.data) for artifact in artifacts)
    # Only what build itself owns goes stale (a removed paper's page); anything else in the folder is the person's.
    owned = Ownership(outputs.owned_paths(settings, args.template))
    removed = files.prune(args.output, {artifact.path for artifact in artifacts}, owned.owns)
    if not args.quiet:
        print(f"{len(artifacts)} files in {args.output}/ ({written} written, {len(artifacts) - written} unchanged"
              + (f", {len(removed)} stale removed" if removed else "") + ").")
    return 0
