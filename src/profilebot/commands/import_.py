"""`profilebot import orcid ORCID-ID|FILE.json | bibtex FILE | jsonresume FILE [PROFILE] [--write]`."""

from __future__ import annotations

import argparse
import difflib
import os
import sys
from pathlib import Path

from profilebot.commands.common import add_profile_argument, load_valid

HELP = "add the works (and JSON Resume positions and education) the profile lacks; prints the diff, --write saves"
SOURCES = ("orcid", "bibtex", "jsonresume")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", choices=SOURCES, help="where the entries come from")
    parser.add_argument("value", help="an ORCID iD (or a saved v3.0 /works JSON file), or the BibTeX / JSON Resume file")
    add_profile_argument(parser)
    parser.add_argument("--write", action="store_true", help="save the edited profile instead of printing the diff")


def run(args: argparse.Namespace) -> int:
    from profilebot import files
    from profilebot.report.works import format_additions

    settings, checked = load_valid(args.profile)
    text = files.read_text(args.profile)
    additions, edited = proposed_edit(text, checked.profile, args.source, args.value)
    if not additions:
        print(format_additions(additions))
        return 0
    if args.write:
        files.write_bytes(args.profile, edited.encode("utf-8"))
        if not args.quiet:
            print(f"{args.profile}: added {len(additions)} entr{'y' if len(additions) == 1 else 'ies'}.")
            print(format_additions(additions))
        return 0
    sys.stdout.writelines(difflib.unified_diff(text.splitlines(keepends=True), edited.splitlines(keepends=True),
                                               f"a/{args.profile}", f"b/{args.profile}"))
    if not args.quiet:
        print("\n" + format_additions(additions) + "\n\nRun again with --write to save these additions.")
    return 0


def proposed_edit(text: str, profile, source: str, value: str):
    """(additions, edited text); the edited profile is checked before anyone sees it."""
    from profilebot.errors import ProfilebotError
    from profilebot.importers.propose import propose
    from profilebot.load import edit
    from profilebot.report.text import format_findings
    from profilebot.validate.pipeline import check

    additions = propose(profile, _candidates(source, value, profile))
    if not additions:
        return additions, text
    edited = edit.append(text, [(a.section, a.entry) for a in additions])
    errors = check(edited).errors()
    if errors:
        raise ProfilebotError(f"the imported entries would not pass `check`; nothing was changed:\n"
                              + format_findings(list(errors)[:20], show_hints=True),
                              "Fix the source (or add these entries by hand) and import again.")
    return additions, edited


def _candidates(source: str, value: str, profile):
    from profilebot import files
    from profilebot.importers import bibtex, jsonresume

    if source == "orcid":
        return _orcid_candidates(value, profile)
    path = Path(value)
    text = files.read_bytes(path).decode("utf-8-sig", errors="replace")
    if source == "bibtex":
        return bibtex.candidates(text, str(path))
    return jsonresume.candidates(text, str(path), profile.person.name)


def _orcid_candidates(value: str, profile):
    """From the live record (summaries, then full works only for the ones to import) or a saved JSON file."""
    import json

    from profilebot import files
    from profilebot.errors import UsageError
    from profilebot.importers import orcid as orcid_json
    from profilebot.model import matching
    from profilebot.targets import orcid

    if Path(value).is_file():
        try:
            data = json.loads(files.read_bytes(Path(value)).decode("utf-8-sig"))
        except (ValueError, UnicodeDecodeError) as error:
            raise UsageError(f"{value}: not JSON ({error}).") from None
        works, orcid_id, http = orcid_json.parse_works(data, value), "file", None
    else:
        settings = orcid.configure({}, os.environ, orcid_id=value)
        http, orcid_id = orcid.client(settings), settings.orcid_id
        works = orcid.fetch(settings, None, http)
    missing = matching.match(matching.profile_works(profile), works).only_theirs
    chosen = [matching.representative(versions) for versions in missing]
    if http is not None and chosen:
        chosen = orcid.read_details(settings, chosen, [w.key for w in chosen], http)
    return orcid_json.candidates(chosen, profile.person.name, orcid_id)
