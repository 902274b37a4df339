"""`profilebot lab check|build|matrix [lab.yaml]`: a lab of many profiles (lab/ holds the pure part).

check   lab.yaml against its schema, then every member's profile (each finding prefixed with the member)
build   the lab's site into -o DIR (people, a page per member, one deduplicated publication list): profilebot's
        static site, or the lab's pages in an academicpages, al-folio or Hugo Blox site (--template)
matrix  the GitHub Actions matrix that gives every member's targets a job ({"include": [...]}, JSON)
sync    the lab's site into the repository lab.yaml names (`lab: site: repo:`), as one pull request
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
from pathlib import Path

from profilebot.errors import ProfilebotError, UsageError

HELP = "a lab of many profiles: check lab.yaml and every member, build the lab's site, print the Actions matrix"
DEFAULT_LAB = Path("lab.yaml")


def configure(parser: argparse.ArgumentParser) -> None:
    from profilebot.lab import pages  # only `lab` configures this parser (cli.py), and every lab action reads it

    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    check = actions.add_parser("check", help="check lab.yaml and every member's profile")
    check.add_argument("--format", choices=("text", "github"), default=None,
                       help="output format (default: github under GitHub Actions, else text)")
    build = actions.add_parser("build", help="build the lab's site into a folder")
    build.add_argument("-o", "--output", type=Path, default=Path("lab-site"), help="output folder (default: lab-site/)")
    build.add_argument("--template", choices=pages.TEMPLATES, default=None,
                       help="write the lab's pages in this template's conventions into the site in -o (default: "
                       "lab.yaml's site.template, else static)")
    sync = actions.add_parser("sync", help="open or update the pull request that brings the lab's site repository "
                              "in line (lab: site: repo: in lab.yaml)")
    sync.add_argument("--dry-run", action="store_true", help="read what the sync must and write nothing")
    matrix = actions.add_parser("matrix", help="print the GitHub Actions matrix of the members' jobs as JSON")
    matrix.add_argument("--max-jobs", type=int, default=256,
                        help="at most this many jobs (GitHub's limit per matrix is 256, the default)")
    for sub in (check, build, sync, matrix):
        sub.add_argument("lab", nargs="?", type=Path, default=DEFAULT_LAB, help="the lab file (default: ./lab.yaml)")


def run(args: argparse.Namespace) -> int:
    return {"check": _check, "build": _build, "sync": _sync, "matrix": _matrix}[args.action](args)


def _read_lab(path: Path):  # -> lab.load.Checked
    from profilebot import files
    from profilebot.lab import load
    from profilebot.load.yaml_document import decode

    text, findings = decode(files.read_bytes(path, ("a lab file", "Run `profilebot init --lab` to write one.")),
                            str(path))
    if text is None:
        return load.Checked(None, tuple(findings))
    return load.check(text, str(path))


def _valid_lab(path: Path):  # -> lab.model.Lab
    from profilebot.report.text import format_findings

    checked = _read_lab(path)
    if checked.lab is None or checked.findings:
        raise ProfilebotError(f"{path} has errors; fix them first (profilebot lab check shows them all):\n"
                              + format_findings(checked.findings[:20], show_hints=True))
    return checked.lab


def _member_profile(lab_path: Path, member) -> tuple[str, bytes]:
    """(source as findings name it, bytes) of a member's profile: a file here, or read through the API."""
    from profilebot import files

    if member.repo:
        from profilebot.targets import lab_profiles

        return f"{member.repo}:{member.path}", lab_profiles.read(member.repo, member.path, os.environ)
    path = lab_path.parent / member.profile
    return str(path), files.read_bytes(path, ("a member's profile", f"lab.yaml names {member.profile} for "
                                                                  f"{member.id}; correct the path."))


def _checked_members(lab_path: Path, lab):  # -> dict[member id, (findings, Profile | None)]
    from profilebot import config
    from profilebot.commands.common import beside
    from profilebot import clock
    from profilebot.validate.pipeline import check_bytes

    results = {}
    for member in lab.members:
        source, raw = _member_profile(lab_path, member)
        local = None if member.repo else lab_path.parent / member.profile
        rules = config.load(local).rules if local else {}
        checked = check_bytes(raw, source, rules, beside(local) if local else None, clock.today())
        results[member.id] = checked
    return results


def _check(args: argparse.Namespace) -> int:
    from profilebot.commands.common import default_format

    output_format = args.format or default_format()
    if output_format == "github":
        from profilebot.report import github as report
    else:
        from profilebot.report import text as report  # type: ignore[no-redef]
    checked = _read_lab(args.lab)
    findings = list(checked.findings)
    if checked.lab is not None and not findings:
        for member_id, result in _checked_members(args.lab, checked.lab).items():
            # The member's name first, so a department's check says whose profile each finding is in.
            findings += [dataclasses.replace(f, message=f"[{member_id}] {f.message}") for f in result.findings]
    rendered = report.format_findings(findings)
    if rendered:
        print(rendered)
    failing = [f for f in findings if f.severity.value == "error"]
    if output_format == "text" and not args.quiet and not failing:
        members = len(checked.lab.members) if checked.lab else 0
        print(f"{args.lab}: the lab and its {members} member profile(s) pass.")
    return 1 if failing else 0


def _valid_profiles(lab_path: Path, lab):  # -> dict[member id, Profile]
    from profilebot.report.text import format_findings

    profiles = {}
    for member_id, checked in _checked_members(lab_path, lab).items():
        errors = checked.errors()
        if errors or checked.profile is None:
            raise ProfilebotError(f"{member_id}'s profile has errors; fix them first (profilebot lab check shows "
                                  "them all):\n" + format_findings(errors[:20] or checked.findings[:20]))
        profiles[member_id] = checked.profile
    return profiles


def _build(args: argparse.Namespace) -> int:
    from profilebot import files
    from profilebot.commands.build import FolderSite
    from profilebot.diff import adoption
    from profilebot.lab import pages

    if args.output.exists() and not args.output.is_dir():
        raise UsageError(f"{args.output}: is a file; -o needs a folder to write the lab's site into.")
    lab = _valid_lab(args.lab)
    template = args.template or lab.site_template
    profiles = _valid_profiles(args.lab, lab)
    if template == pages.STATIC:
        made = pages.build(lab, profiles, template, {}, lambda paths: {}, None)
        owned = pages.owned_paths(template)
        removable = lambda p: p in owned or any(p.startswith(o) for o in owned if o.endswith("/"))  # noqa: E731
    else:  # the lab's pages in a site that may exist: edited in place, nothing of the site's own replaced
        site = FolderSite(args.output)
        made = pages.build(lab, profiles, template, site.present, site.read, site.manifest())
        stale = set(made.stale)
        removable = stale.__contains__
    artifacts = made.artifacts
    paths = files.inside_all(args.output, [a.path for a in artifacts])
    written = sum(files.write_bytes(path, a.data) for path, a in zip(paths, artifacts, strict=True))
    removed = files.prune(args.output, {a.path for a in artifacts}, removable)
    if not args.quiet:
        for path in made.kept:
            print(adoption.kept_note(path) + ".")
        print(f"{len(artifacts)} files in {args.output}/ ({written} written, {len(artifacts) - written} unchanged"
              + (f", {len(removed)} stale removed" if removed else "") + ").")
    return 0


def _sync(args: argparse.Namespace) -> int:
    """The lab's pages through the site target's engine: one branch, one commit, one pull request, and only the
    paths the lab site owns (a CNAME or a page of the lab's own is never touched). In a template (site.template)
    the branch is read first, as a person's site sync reads it: the pages edited in place from its copies, no
    file replaced that profilebot did not write."""
    from profilebot import clock, config
    from profilebot.diff import adoption, publications
    from profilebot.diff.plan import Desired, Ownership
    from profilebot.lab import pages
    from profilebot.lab.works import as_profile, lab_works
    from profilebot.report import outcome as views
    from profilebot.targets import github_repo, repository, session
    from profilebot.targets.base import BOT_BRANCH_PREFIX, Location
    from profilebot.targets.site import BranchFiles, present_under

    lab = _valid_lab(args.lab)
    if not lab.site_repo:  # like `sync` with no target yet: a new lab's scheduled run succeeds and says why
        print(f"{args.lab} names no site repository yet, so there is nothing to sync; add "
              "`site: {repo: OWNER/NAME}` under `lab:` for the lab site's GitHub Pages repository.")
        return 0
    profiles = _valid_profiles(args.lab, lab)
    context = session.context(as_profile(lab, lab_works(lab, profiles)), config.Settings(root=args.lab.parent),
                              os.environ, write=True, now=clock.now(), dry_run=args.dry_run, profile_path=args.lab)
    where = Location(lab.site_repo, lab.site_branch, BOT_BRANCH_PREFIX + "lab-site")
    owned = pages.owned_paths(lab.site_template)
    if lab.site_template == pages.STATIC:
        made = pages.build(lab, profiles, lab.site_template, {}, lambda paths: {}, None)
        outcome = repository.run(context, "lab-site", where, Desired(made.artifacts, Ownership(owned)))
    else:
        with repository.gateway(context, where) as api:
            snapshot = github_repo.read_branch(api, where)
            branch = BranchFiles(snapshot, "", api.blob)
            made = pages.build(lab, profiles, lab.site_template, present_under(snapshot, ""), branch.read,
                               branch.manifest())
            for path in made.kept:
                print(adoption.kept_note(path))
            desired = Desired(made.artifacts, Ownership((*owned, publications.MANIFEST_NAME)), kept=made.kept)
            outcome = repository.apply(context, api, where, "lab-site", desired, snapshot,
                                       previous_manifest=branch.manifest_read)
    print(views.status_line(outcome))
    return 1 if outcome.failed else 0


def _matrix(args: argparse.Namespace) -> int:
    from profilebot.lab import matrix

    if args.max_jobs < 1:
        raise UsageError(f"--max-jobs {args.max_jobs}: a matrix needs at least one job.")
    lab = _valid_lab(args.lab)
    base = os.path.relpath(args.lab.parent.resolve(), Path.cwd()) if args.lab.parent != Path(".") else ""
    print(json.dumps(matrix.matrix(lab, args.max_jobs, base if base != "." else ""), separators=(",", ":")))
    sys.stdout.flush()
    return 0
