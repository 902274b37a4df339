"""`profilebot pr-comment --pr N FILE`: post FILE as the bot's one comment on a PR, editing it on reruns."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from profilebot.errors import UsageError

HELP = "post a Markdown file (e.g. `diff --format markdown`) as one pull-request comment, updated in place"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, help="the Markdown to post ('-' reads standard input)")
    parser.add_argument("--pr", type=int, required=True, help="the pull request's number")
    parser.add_argument("--repo", help="OWNER/NAME (default: $GITHUB_REPOSITORY)")
    parser.add_argument("--marker", default="diff",
                        help="name of the hidden marker that identifies this comment (default: diff); "
                        "different markers keep separate comments")


def run(args: argparse.Namespace) -> int:
    from profilebot import files
    from profilebot.clients import github, github_auth, pr_comment
    from profilebot.targets.session import POLICY

    repository = args.repo or os.environ.get("GITHUB_REPOSITORY", "")
    if "/" not in repository:
        raise UsageError("which repository? --repo is not given and GITHUB_REPOSITORY is not set.",
                         "Pass --repo OWNER/NAME.")
    text = sys.stdin.read() if str(args.file) == "-" else files.read_text(args.file)
    credential = github_auth.resolve(repository=repository, policy=POLICY)
    api = github.GitHubApi(github.api_url(), credential.token, repository, POLICY)
    try:
        result = pr_comment.upsert(api, args.pr, text, args.marker)
    finally:
        api.close()
    if not args.quiet:
        print(f"pull request #{args.pr}: comment {result.action} {result.url}".rstrip())
    return 0
