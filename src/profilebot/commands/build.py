"""`profilebot build [PROFILE] [-o DIR] [--template NAME] [--site-only] [--include-private]`: render every output
(or the site) into DIR."""

from __future__ import annotations

import argparse
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from profilebot.commands.common import add_profile_argument, load_valid
from profilebot.errors import ProfilebotError, UsageError
from profilebot.model.profile import Profile
from profilebot.render.artifact import Artifact

HELP = "render every output (exports, CV, the website) from the profile into a folder"


def configure(parser: argparse.ArgumentParser) -> None:
    add_profile_argument(parser)
    parser.add_argument("-o", "--output", type=Path, default=Path("build"), help="output folder (default: build/)")
    parser.add_argument("--template", help="site template to render (default: site.template in profilebot.yaml, "
                        "else static)")
    parser.add_argument("--site-only", action="store_true",
                        help="write only the website, at the folder's root: point -o at a clone of your site "
                             "repository and preview it there (jekyll serve); only the template's own paths change")
    parser.add_argument("--include-private", action="store_true",
                        help="put private contact values (a private phone or e-mail) in DIR/cv.pdf and cv.typ, for a "
                        "CV you send yourself; the site's copy and every synced target stay public")


def run(args: argparse.Namespace) -> int:
    from profilebot import files
    from profilebot.render import outputs

    if args.output.is_symlink() and not args.output.exists():
        raise UsageError(f"{args.output}: is a symbolic link to nothing ({os.readlink(args.output)}); -o needs a "
                         "folder.", "Create the folder it points to, or pass another path.")
    if args.output.exists() and not args.output.is_dir():
        raise UsageError(f"{args.output}: is a file; -o needs a folder to write the outputs into.",
                         "Pass another path, or remove the file.")
    settings, checked = load_valid(args.profile)
    from profilebot import data_files
    from profilebot.diff.plan import Ownership

    # citations.yaml (written by sync) is read here, so that build itself never goes online.
    citations = data_files.citations(args.profile.parent)
    site_files = _local_files(checked.profile, settings, args.template, args.profile.parent)
    epoch = source_date_epoch(os.environ)
    if args.site_only:
        artifacts = outputs.render_site(checked.profile, dict(settings.section("site")), args.template, citations,
                                        outputs.name_style(settings),
                                        outputs.cv_options(settings, source_date_epoch=epoch)) + site_files
        owned = Ownership(outputs.site_owned_paths(settings, args.template))
    else:
        artifacts = outputs.render_all(checked.profile, settings, template=args.template, citations=citations,
                                       include_private=args.include_private, source_date_epoch=epoch)
        artifacts += [Artifact(f"{outputs.SITE_FOLDER}/{a.path}", a.data, a.media_type) for a in site_files]
        owned = Ownership(outputs.owned_paths(settings, args.template))
    if too_large := outputs.oversize(artifacts):
        raise ProfilebotError(f"{args.profile}: {too_large}.", "Look for a very long value (an abstract, an "
                              "author list) repeated in many entries, and shorten it.")
    targets = [(files.inside(args.output, artifact.path), artifact.data) for artifact in artifacts]  # all checked first
    written = sum(files.write_bytes(path, data) for path, data in targets)
    # Only what build itself owns goes stale (a removed paper's page); anything else in the folder is the person's.
    removed = files.prune(args.output, {artifact.path for artifact in artifacts}, owned.owns)
    if not args.quiet:
        print(f"{len(artifacts)} files in {args.output}/ ({written} written, {len(artifacts) - written} unchanged"
              + (f", {len(removed)} stale removed" if removed else "") + ").")
    return 0


def _local_files(profile: Profile, settings: Any, template: str | None, folder: Path) -> list[Artifact]:
    """The files beside the profile that the site shows (the photo), read to be copied into the site."""
    import mimetypes

    from profilebot import files, plugins
    from profilebot.render import outputs

    adapter = plugins.load(plugins.SITE_TEMPLATES, outputs.template_name(settings, template), "site template")
    copied = []
    for relative in getattr(adapter, "local_files", lambda *_: ())(profile, dict(settings.section("site"))):
        source = folder / relative
        if source.is_file():  # a missing one is a PB408 warning already; the site then shows no photo file
            copied.append(Artifact(relative, files.read_bytes(source),
                                   mimetypes.guess_type(relative)[0] or "application/octet-stream"))
    return copied


def source_date_epoch(environ: Mapping[str, str]) -> int | None:
    """SOURCE_DATE_EPOCH (reproducible-builds.org): the date the PDF CV says it was made, instead of the profile's."""
    value = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return None
    if not value.isdigit():
        raise UsageError(f"SOURCE_DATE_EPOCH is '{value}'; expected a whole number of seconds since 1970-01-01 UTC.",
                         "Unset it to date the CV from the profile, or set it to e.g. $(git log -1 --format=%ct).")
    return int(value)
