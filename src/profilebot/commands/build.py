"""`profilebot build [PROFILE] [-o DIR] [--template NAME] [--site-only] [--include-private]`: render every output
(or the site) into DIR."""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from profilebot.commands.common import add_profile_argument, load_valid
from profilebot.config import OUTPUT_FOLDER
from profilebot.diff import adoption
from profilebot.diff.plan import Ownership
from profilebot.errors import ProfilebotError, UsageError
from profilebot.model.profile import Profile
from profilebot.render.artifact import Artifact

HELP = "render every output (exports, CV, the website) from the profile into a folder"


def configure(parser: argparse.ArgumentParser) -> None:
    add_profile_argument(parser)
    parser.add_argument("-o", "--output", type=Path, default=Path(OUTPUT_FOLDER),
                        help=f"output folder (default: {OUTPUT_FOLDER}/)")
    parser.add_argument("--template", help="site template to render (default: site.template in profilebot.yaml, "
                        "else static)")
    parser.add_argument("--site-only", action="store_true",
                        help="write only the website, at the folder's root: point -o at a clone of your site "
                             "repository and preview it there (jekyll serve); only the template's own paths change")
    parser.add_argument("--include-private", action="store_true",
                        help="put private contact values (a private phone or e-mail) in DIR/cv.pdf and cv.typ, for a "
                        "CV you send yourself; the site's copy and every synced target stay public")


def run(args: argparse.Namespace) -> int:
    # A build makes millions of short-lived objects and no garbage that only the cycle collector frees: its
    # passes over them (about a tenth of a 2,000-paper build) are skipped while it runs.
    with _without_cycle_collection():
        return _build(args)


@contextlib.contextmanager
def _without_cycle_collection() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _build(args: argparse.Namespace) -> int:
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

    # citations.yaml (written by sync) is read here, so that build itself never goes online.
    citations = data_files.citations(args.profile.parent)
    site_files = _local_files(checked.profile, settings, args.template, args.profile.parent)
    epoch = source_date_epoch(os.environ)
    kept: tuple[str, ...] = ()
    if args.site_only:
        artifacts, owned, removable, kept = _site_only(args, checked.profile, settings, citations, epoch)
        artifacts += site_files
    else:
        # The site folder of an earlier build: the pages the template edits in place are edited from it.
        site = FolderSite(args.output / outputs.SITE_FOLDER)
        wanted = outputs.site_reads(checked.profile, dict(settings.section("site")), site.present, args.template,
                                    citations, outputs.name_style(settings))
        artifacts = outputs.render_all(checked.profile, settings, template=args.template, citations=citations,
                                       include_private=args.include_private, source_date_epoch=epoch,
                                       site_existing=site.read(sorted(wanted)))
        artifacts += [Artifact(f"{outputs.SITE_FOLDER}/{a.path}", a.data, a.media_type) for a in site_files]
        owned = Ownership(outputs.owned_paths(settings, args.template))
        removable = owned.owns
    if too_large := outputs.oversize(artifacts):
        raise ProfilebotError(f"{args.profile}: {too_large}.", "Look for a very long value (an abstract, an "
                              "author list) repeated in many entries, and shorten it.")
    paths = files.inside_all(args.output, [artifact.path for artifact in artifacts])  # all checked first
    targets = [(path, artifact.data) for path, artifact in zip(paths, artifacts, strict=True)]
    written = sum(files.write_bytes(path, data) for path, data in targets)
    # Only what build itself owns goes stale (a removed paper's page); anything else in the folder is the person's.
    removed = files.prune(args.output, {artifact.path for artifact in artifacts}, removable)
    if not args.quiet:
        for note in kept:
            print(note + ".")
        print(f"{len(artifacts)} files in {args.output}/ ({written} written, {len(artifacts) - written} unchanged"
              + (f", {len(removed)} stale removed" if removed else "") + ").")
    return 0


def _site_only(args: argparse.Namespace, profile: Profile, settings: Any, citations: Any,
               epoch: int | None) -> tuple[list[Artifact], Ownership, Callable[[str], bool], tuple[str, ...]]:
    """The site into a clone of its repository, as a sync would change it: the pages the template edits in
    place edited from the clone's copies, no file the bot did not write replaced (by the clone's manifest;
    those and the files held back because they would lose content are returned as notes for the person), the
    manifest written, and only files an earlier run wrote ever removed."""
    from profilebot.diff import losses, publications, site_files
    from profilebot.render import outputs
    from profilebot.targets.base import folder

    section = dict(settings.section("site"))
    clone = FolderSite(args.output)
    site = site_files.render(profile, section, folder(section, "site"), clone.present, clone.read, clone.manifest,
                             template=args.template, citations=citations, style=outputs.name_style(settings),
                             cv=outputs.cv_options(settings, source_date_epoch=epoch))
    owned = Ownership((*outputs.site_owned_paths(settings, args.template), publications.MANIFEST_NAME))
    earlier = publications.written(clone.manifest())
    root = folder(section, "site")
    if clone.manifest() is None:
        removable: Callable[[str], bool] = lambda path: False  # no manifest of ours: nothing here is the bot's yet
    elif earlier is None:
        removable = owned.owns  # a manifest from before it listed files: every owned path was the bot's
    else:
        ours = frozenset(site_files.under(dict.fromkeys(earlier, ""), root))
        removable = lambda path: owned.owns(path) and path in ours  # noqa: E731
    notes = tuple(adoption.kept_note(path) for path in site.kept)
    notes += tuple(adoption.not_added_note(path, setting) for path, setting in sorted(site.left_out.items()))
    notes += tuple(losses.held_note(path, site.losses[path]) for path in site.held)
    return list(site.artifacts), owned, removable, notes


class FolderSite:
    """A site on disk (a clone for --site-only, an earlier build's site/): its files, read only when asked."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.paths = frozenset(_listing(root))
        self.present: Mapping[str, str] = _Shas(self)
        self._manifest: list[bytes | None] = []

    def read(self, paths: Sequence[str]) -> dict[str, bytes]:
        from profilebot import files

        return {path: files.read_bytes(files.inside(self.root, path), _SITE_FILE, _SITE_FILE_LIMIT)
                for path in paths if path in self.paths}

    def manifest(self) -> bytes | None:
        from profilebot.diff import publications

        if not self._manifest:
            found = self.read([publications.MANIFEST_NAME])
            self._manifest.append(found.get(publications.MANIFEST_NAME))
        return self._manifest[0]


class _Shas(Mapping[str, str]):
    """path → git blob SHA of a FolderSite's files, each computed only when looked up."""

    def __init__(self, site: FolderSite) -> None:
        self.site = site

    def __getitem__(self, path: str) -> str:
        from profilebot.diff.snapshot import blob_sha

        if path not in self.site.paths:
            raise KeyError(path)
        return blob_sha(self.site.read([path])[path])

    def __contains__(self, path: object) -> bool:
        return path in self.site.paths

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self.site.paths))

    def __len__(self) -> int:
        return len(self.site.paths)


_SITE_FILE = ("a file of the site", "Check the folder passed with -o.")
_SITE_FILE_LIMIT = 256 * 1024 * 1024  # outputs.MAX_OUTPUT_BYTES: a file build could have written itself
# Top-level folders of a clone that are never the site's sources: git's own, and what Jekyll and Bundler generate.
_NOT_SITE = {".git", "_site", ".jekyll-cache", ".bundle", "vendor", "node_modules"}


def _listing(root: Path) -> list[str]:
    """Every regular file under `root` (paths from it), without the folders in _NOT_SITE."""
    found: list[str] = []
    if not root.is_dir():
        return found
    for folder, folders, names in os.walk(root):
        base = Path(folder)
        folders[:] = sorted(name for name in folders if base != root or name not in _NOT_SITE)
        found += [(base / name).relative_to(root).as_posix() for name in sorted(names) if (base / name).is_file()]
    return found


_LOCAL_FILE = ("a file the site shows", "Check the photo's path in profile.yaml.")


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
            copied.append(Artifact(relative, files.read_inside(folder, relative, _LOCAL_FILE),
                                   mimetypes.guess_type(relative)[0] or "application/octet-stream"))
    return copied


def source_date_epoch(environ: Mapping[str, str]) -> int | None:
    """SOURCE_DATE_EPOCH (reproducible-builds.org): the date the PDF CV says it was made, instead of the profile's."""
    value = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return None
    # ASCII digits only ('²' and '١' are digits to str.isdigit), and a day a date can hold: year 9999 at most.
    if not (value.isascii() and value.isdigit()) or len(value) > 12 or int(value) > LAST_EPOCH_SECOND:
        shown = value if len(value) <= 40 else value[:37] + "..."
        raise UsageError(f"SOURCE_DATE_EPOCH is '{shown}'; expected a whole number of seconds since 1970-01-01 UTC, "
                         f"at most {LAST_EPOCH_SECOND} (9999-12-31).",
                         "Unset it to date the CV from the profile, or set it to e.g. $(git log -1 --format=%ct).")
    return int(value)


LAST_EPOCH_SECOND = 253_402_300_799  # 9999-12-31T23:59:59Z, the last second Python's dates (and Typst's) hold
