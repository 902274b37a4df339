"""`profilebot init [DIR]`: write a starter profile, settings, workflows and pre-commit hook, keeping what exists.

The workflows `uses:` profilebot's composite action at its released major tag (OWNER/REPO@vMAJOR, from
the canonical repository in the package metadata; `--action` for a fork or a SHA pin). What init prints
afterwards — docs links, the import command for each source, the `gh secret set` / `gh variable set`
lines for each secret and variable the workflows read — is made from the same data.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import textwrap
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
    "gitignore": ".gitignore",
}
# `init --lab`: a lab repository instead (lab.yaml, the first member's profile, the lab workflow).
LAB_FILES = {
    "lab.yaml": "lab.yaml",
    "profile.yaml": "people/${member}/profile.yaml",
    "profilebot.yaml": "people/${member}/profilebot.yaml",
    "workflows/lab.yml": ".github/workflows/profilebot-lab.yml",
    "pre-commit-config.yaml": ".pre-commit-config.yaml",
    "gitignore": ".gitignore",
}
GITIGNORE = ".gitignore"
# Every secret and variable the workflows read, what it is for, and how to set it. A test checks that this
# lists exactly the `secrets.X` / `vars.X` the workflow templates use.
SETTINGS = {
    "PROFILEBOT_GITHUB_TOKEN": ("secret", "a fine-grained personal access token (Contents and Pull requests: "
                                "read and write on the target repositories): the bot's pull requests then get "
                                "checks, and targets in other repositories can be reached",
                                "gh secret set PROFILEBOT_GITHUB_TOKEN{repo}   # paste the token when asked"),
    "PROFILEBOT_APP_ID": ("variable", "instead of a token: the id of your GitHub App",
                          "gh variable set PROFILEBOT_APP_ID{repo} --body 123456"),
    "PROFILEBOT_APP_PRIVATE_KEY": ("secret", "and the App's private key",
                                   "gh secret set PROFILEBOT_APP_PRIVATE_KEY{repo} < my-app.private-key.pem"),
    "ORCID_TOKEN": ("secret", "only for ORCID member organisations (individuals get no member-API "
                    "credentials; they upload orcid-import.bib instead, see orcid.md)",
                    "gh secret set ORCID_TOKEN{repo}"),
    "OPENALEX_API_KEY": ("secret", "OpenAlex's free API key (openalex.org/settings/api), when OpenAlex is a target "
                         "or a source: without one its daily allowance is tiny",
                         "gh secret set OPENALEX_API_KEY{repo}   # paste the key when asked"),
}
_ACTION = re.compile(r"^(?:[A-Za-z0-9-]+/[A-Za-z0-9._-]+(?:/[A-Za-z0-9._/-]+)?@[A-Za-z0-9._/-]+|\./[A-Za-z0-9._/-]*)$")
# The schemas the starter files' editor modelines point at (`# yaml-language-server: $schema=./schema/…`).
SCHEMAS = ("profile.schema.json", "profilebot.schema.json")
LAB_SCHEMAS = SCHEMAS + ("lab.schema.json",)
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
    parser.add_argument("--lab", action="store_true",
                        help="set up a lab instead: lab.yaml, your profile as its first member (people/NAME/), and "
                             "a workflow that syncs every member's targets as a matrix and then the lab's site")
    parser.add_argument("--action", metavar="REF",
                        help="the profilebot action the workflows use (default: the canonical repository at this "
                             "release's major tag, e.g. profilebot/profilebot@v1); for a fork or a pin by SHA: "
                             "OWNER/REPO@REF")


def run(args: argparse.Namespace) -> int:
    from profilebot import files

    directory: Path = args.directory
    if directory.exists() and not directory.is_dir():
        raise UsageError(f"{directory}: is a file; init needs a folder.")
    if args.action is not None and not _ACTION.match(args.action):
        raise UsageError(f"--action {args.action!r} is not an action reference.",
                         "Write OWNER/REPO@REF, e.g. profilebot/profilebot@v1 or a fork pinned to a commit SHA.")
    name = args.name or _git_user_name(directory) or FALLBACK_NAME
    if args.lab:
        from profilebot import clock

        planned = plan_lab(name, args.action, clock.today().strftime("%Y-%m"))
        if (directory / "lab.yaml").exists():  # the lab's members are its own: no first member beside them
            planned = {path: data for path, data in planned.items() if not path.startswith("people/")}
    else:
        planned = plan(name, args.action)
    written = []
    for relative, data in planned.items():
        target = directory / relative
        if relative == GITIGNORE and target.is_file() and not target.is_symlink():
            status = "updated" if _add_ignores(target, data) else "kept (exists)"
        elif target.exists() or target.is_symlink():
            status = "kept (exists)"
        else:
            files.write_bytes(target, data)
            status = "written"
            written.append(relative)
        if not args.quiet:
            print(f"{status:13} {target}")
    profile = next((relative for relative in written if relative.endswith("profile.yaml")), None)
    if profile:
        _import_into(directory / profile, args)
    elif args.from_orcid or args.from_bibtex:
        source = f"orcid {args.from_orcid}" if args.from_orcid else f"bibtex {args.from_bibtex}"
        print(f"Did not import into the existing {directory / 'profile.yaml'}: init fills only a profile it has just "
              f"written. To add what that source knows, run: profilebot import {source} "
              f"{directory / 'profile.yaml'} --write")
    if not args.quiet:
        print(next_steps(directory, _github_repository(directory), profile or "profile.yaml"))
    return 0


def plan(name: str, action: str | None = None, files: dict[str, str] | None = None,
         values: dict[str, str] | None = None, schemas: tuple[str, ...] = SCHEMAS) -> dict[str, bytes]:
    """Every file init writes, by path; pure, so a rerun and a test see the same bytes."""
    from profilebot import distribution

    templates = resources.files("profilebot") / "templates"
    planned = {}
    for source, destination in (files or FILES).items():
        text = (templates / source).read_text("utf-8")
        for key, value in (values or {}).items():
            destination = destination.replace("${" + key + "}", value)
            text = text.replace("${" + key + "}", value)
        depth = destination.count("/")
        if depth and not destination.startswith(".github/"):  # the editor's schema link, from a sub-folder
            text = text.replace("$schema=./schema/", "$schema=" + "../" * depth + "schema/")
        # The action at this release's major tag: fixes arrive with each release, a new major never does.
        text = text.replace("${action}", action or distribution.current().action)
        # Links to profilebot's docs are absolute: the person's repository has no docs/ folder.
        text = re.sub(r"\$\{docs:([\w.-]+)\}", lambda m: distribution.current().docs(m.group(1)), text)
        # A JSON string is a valid double-quoted YAML scalar: any name, quotes and colons included.
        text = text.replace("${name}", json.dumps(name, ensure_ascii=False))
        planned[destination] = text.encode("utf-8")
    for schema in schemas:
        planned[f"schema/{schema}"] = (resources.files("profilebot") / "schemas" / schema).read_bytes()
    return dict(sorted(planned.items()))


def plan_lab(name: str, action: str | None, month: str) -> dict[str, bytes]:
    """The files of a lab repository: lab.yaml with `name` as its first member (joined `month`), their profile
    under people/, and the lab workflow (matrix, one job per chunk of members, the lab's site)."""
    from profilebot.render.site.safety import slugify

    return plan(name, action, LAB_FILES, {"member": slugify(name) or "member", "month": month}, LAB_SCHEMAS)


def _add_ignores(path: Path, template: bytes) -> bool:
    """Append the template's ignore lines an existing .gitignore lacks; True when it changed."""
    from profilebot import files

    text = path.read_bytes().decode("utf-8", "replace")
    present = {line.strip() for line in text.splitlines()}
    missing = [line for line in template.decode("utf-8").splitlines()
               if line.strip() and not line.startswith("#") and line.strip() not in present
               and line.strip().strip("/") not in {p.strip("/") for p in present}]
    if not missing:
        return False
    newline = "\r\n" if "\r\n" in text else "\n"
    separator = "" if not text or text.endswith("\n") else newline
    files.write_bytes(path, (text + separator + newline.join(missing) + newline).encode("utf-8"))
    return True


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


def _github_repository(directory: Path) -> str | None:
    """OWNER/REPO of the folder's `origin` remote on GitHub, for `gh --repo`; None when there is none."""
    cwd = directory if directory.is_dir() else Path(".")
    try:
        result = subprocess.run(["git", "remote", "get-url", "origin"], cwd=cwd, capture_output=True, text=True,
                                timeout=5)
    except (OSError, subprocess.SubprocessError):
        return None
    match = re.search(r"github\.com[:/]([A-Za-z0-9-]+/[A-Za-z0-9._-]+?)(?:\.git)?/?$", result.stdout.strip())
    return match.group(1) if match else None


def next_steps(directory: Path, repository: str | None = None, profile_file: str = "profile.yaml") -> str:
    """What to do after init: fill the profile, check and build, then the workflows' secrets and variables."""
    from profilebot import distribution, plugins
    from profilebot.commands import import_

    dist = distribution.current()
    where = "" if directory == Path(".") else f" (in {directory})"
    profile = profile_file if directory == Path(".") else str(directory / profile_file)
    imports = "\n".join(f"     - {module.VALUE}:\n         profilebot import {name} {module.EXAMPLE} {profile} --write"
                        for name, module in ((name, import_.importer(name)) for name in plugins.IMPORTERS))
    repo = f" --repo {repository}" if repository else ""
    settings = "\n".join(textwrap.fill(f"- {name} ({kind}): {purpose}", 104, initial_indent="     ",
                                       subsequent_indent="       ") + f"\n         {command.format(repo=repo)}"
                         for name, (kind, purpose, command) in SETTINGS.items())
    return (f"\nNext{where}:\n"
            f"  1. Fill profile.yaml from what already knows your work (prints the change; --write saves it):\n"
            f"{imports}\n"
            f"  2. Edit profile.yaml, then run `profilebot check` (`--fix` makes the mechanical fixes) and "
            f"`profilebot build`.\n"
            f"  3. Name your targets (site, exports, orcid, scholar) in profilebot.yaml: every key is in\n"
            f"     {dist.docs('configuration.md')}\n"
            f"  4. Push the repository to GitHub. The check workflow needs nothing more. The sync workflow runs with\n"
            f"     the workflow's own token, which GitHub lets open pull requests only once you tick, in the\n"
            f"     repository: Settings → Actions → General → Workflow permissions → \"Allow GitHub Actions to\n"
            f"     create and approve pull requests\" (new repositories and organisations have it off). Its pull\n"
            f"     requests trigger no checks; instead of the setting, or for checks, set\n"
            f"{settings}\n"
            f"     How to choose: {dist.docs('automation.md')}\n"
            f"     ORCID for individuals: {dist.docs('orcid.md')}")
