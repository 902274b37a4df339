"""`profilebot import SOURCE VALUE [PROFILE] [--write]`: one importer per SOURCE, from the table `plugins.IMPORTERS`
(the interface: importers/source.py); this command gives each the same edges (the disk, the HTTP policy) and does
the rest the same way for all: the size limit, matching, the edit, `check` and the diff."""

from __future__ import annotations

import argparse
import difflib
import os
import sys
import time
from pathlib import Path
from types import ModuleType

from profilebot import plugins
from profilebot.commands.common import DEFAULT_PROFILE, add_profile_argument, load_valid
from profilebot.importers.source import DEFAULT_STEPS, Request
from profilebot.progress import Progress
from profilebot.clients.http import RetryPolicy, Tally  # no network library: requests loads when one is sent

HELP = "add the works (and JSON Resume positions and education) the profile lacks; prints the diff, --write saves"
SOURCES = tuple(plugins.IMPORTERS)
# What the file argument should be, and the hint when it is missing (files.read_bytes): never profile.yaml's.
# One person's works: the most prolific authors list about 2,000. Matching and writing the YAML of 5,000 take about
# 20 s; 69,000 (a whole library's export, which still fits the 10 MB file limit) took over ten minutes.
MAX_ENTRIES = 5_000
_SOURCE_FILE = ("a file to import", "Check the path of the file to import (the second argument).")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", choices=list(plugins.IMPORTERS), help="where the entries come from")
    parser.add_argument("value", help="; ".join(f"{name}: {importer(name).VALUE}" for name in plugins.IMPORTERS))
    add_profile_argument(parser)
    parser.add_argument("--write", action="store_true", help="save the edited profile instead of printing the diff")


def run(args: argparse.Namespace) -> int:
    from profilebot import files
    from profilebot.progress import for_command
    from profilebot.report.works import format_additions, format_updates

    settings, checked = load_valid(args.profile)
    text = files.read_text(args.profile)
    started = time.monotonic()
    tally = Tally()  # the clients count every request they send into it
    with for_command(args, _steps(args.source, args.value)) as progress:
        additions, updates, edited = proposed_changes(text, checked.profile, args.source, args.value, progress,
                                                      settings, tally, str(args.profile))
        progress.detail(f"{args.source}: {tally.requests} request{'s' * (tally.requests != 1)}, "
                        f"{len(additions)} to add, {len(updates)} field(s) to set, "
                        f"{time.monotonic() - started:.2f}s")
    report = format_additions(additions) if additions or not updates else ""
    if updates:
        report = "\n\n".join(filter(None, [report, format_updates(updates)]))
    if not additions and not updates:
        print(report)
        return 0
    if args.write:
        files.rewrite_text(args.profile, edited, text)
        if not args.quiet:
            print(f"{args.profile}: added {len(additions)} entr{'y' if len(additions) == 1 else 'ies'}"
                  f"{f', set {len(updates)} field(s)' if updates else ''}.")
            print(report)
        return 0
    sys.stdout.writelines(difflib.unified_diff(text.splitlines(keepends=True), edited.splitlines(keepends=True),
                                               f"a/{args.profile}", f"b/{args.profile}"))
    if not args.quiet:
        print("\n" + report + "\n\nRun again with --write to save these changes.")
    return 0


def importer(name: str) -> ModuleType:
    """The importer registered under `name` (importers/source.py's interface)."""
    return plugins.load(plugins.IMPORTERS, name, "import source")


def _steps(source: str, value: str) -> int:
    """The progress steps the importer reports (reading, matching; a live ORCID record reads full works too)."""
    steps = getattr(importer(source), "steps", None)
    return steps(value, DISK) if steps else DEFAULT_STEPS


class Disk:
    """The local files an importer reads (importers/source.Files): regular files only, bounded and decoded by
    files.py and importers/encoding.py, with the hint that names the file to import, never profile.yaml."""

    def is_file(self, path: Path) -> bool:
        return path.is_file()

    def is_dir(self, path: Path) -> bool:
        return path.is_dir()

    def text(self, path: Path) -> str:
        from profilebot import files
        from profilebot.importers import encoding

        return encoding.decode(files.read_bytes(path, _SOURCE_FILE))

    def under(self, folder: Path) -> list[Path]:
        return sorted(p for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


DISK = Disk()


def proposed_edit(text: str, profile, source: str, value: str, progress: Progress | None = None):
    """(additions, edited text); the edited profile is checked before anyone sees it."""
    additions, _updates, edited = proposed_changes(text, profile, source, value, progress)
    return additions, edited


def proposed_changes(text: str, profile, source: str, value: str, progress: Progress | None = None,
                     settings=None, tally: Tally | None = None, path: str = DEFAULT_PROFILE):
    """(additions, field edits of existing entries, edited text), checked before anyone sees it as `check` checks
    the file at `path` (its name in every message, profilebot.yaml's rule levels); `settings` (profilebot.yaml)
    gives OpenAlex its mailto; the requests sent to read the source are counted in `tally`."""
    from profilebot.config import Settings
    from profilebot.errors import ProfilebotError
    from profilebot.importers import links
    from profilebot.importers.propose import propose
    from profilebot.load import edit
    from profilebot.report.text import format_findings
    from profilebot.validate.pipeline import check

    request = Request(source, value, profile, DISK, progress or Progress(0, quiet=True), settings or Settings(),
                      os.environ, _policy(), tally if tally is not None else Tally(), MAX_ENTRIES)
    found = importer(source).imported(request)
    candidates, updates = found.candidates, found.updates
    request.at_most(len(candidates))  # before matching and writing them, which grow with every entry
    additions = propose(profile, candidates)
    # What the source says about the person goes only where the profile's person has nothing (control characters
    # taken out, as from every imported text).
    person = links.without_controls({key: item for key, item in found.person.items()
                                     if not getattr(profile.person, key, None)})[0]
    if not additions and not updates and not person:
        return additions, updates, text
    try:
        # The person's fields first, into the file as the person wrote it: every edit reads the text it edits with
        # ruamel's round-trip reader (~0.1 ms a line), so after the append it would read every imported entry again
        # (1 s of 2.5 for a site of 263 pages). Where they go, and the bytes, are the same either way.
        # JSON Resume's basics, a Hugo site's owner, an al-folio site's address: added where none is.
        edited = edit.add_person_fields(text, person) if person else text
        edited = edit.update(edit.append(edited, [(a.section, a.entry) for a in additions]), updates)
    except edit.NotEditable as error:
        raise ProfilebotError(f"{error.at(path)} Nothing was changed.", error.hint) from None
    levels = settings.rules if settings is not None else {}
    checked = check(edited, path, levels)
    spellings = _owner_spellings(profile, checked.profile)
    if spellings:
        from profilebot.load import patch

        for spelling in spellings:  # one at a time: two new spellings start the same new list
            edited = patch.apply(edited, [spelling])
        checked = check(edited, path, levels)
    errors = checked.errors()
    if errors:
        from profilebot.importers.propose import at_their_sources

        # The edited profile was never written: point at the imported entries' own files, and the profile's lines
        # as they are on disk.
        placed = at_their_sources(list(errors)[:20], profile, additions, check(text, path).document.source_map,
                                  path)
        raise ProfilebotError(f"the imported entries would not pass `check`; nothing was changed:\n"
                              + format_findings(placed, show_hints=True),
                              "Fix the source (or add these entries by hand) and import again.")
    return additions, updates, edited


def _owner_spellings(before, after) -> list:
    """The owner's spellings on the imported works, to add to person.name_variants when the owner is not found
    as written (PB207's own fix, validate/fixes.py), so the import leaves no PB207 behind."""
    from profilebot.validate import fixes

    def variants(profile) -> set:
        return {f.change for f in fixes.plan(profile) if f.code == "PB207"} if profile is not None else set()

    return sorted(variants(after) - variants(before), key=lambda change: str(change.value))


def _policy() -> RetryPolicy:
    """The policy a command's clients retry under (the one session.context gives targets)."""
    from profilebot.targets import session

    return session.POLICY
