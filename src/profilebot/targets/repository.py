"""Run a repository target (site, exports, profile): open the GitHub gateway for its repository, hand its
desired files to the PR engine (github_repo), close the gateway."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Any, Iterator

from profilebot.diff.plan import Desired
from profilebot.diff.snapshot import Snapshot
from profilebot.targets.base import Location, Outcome, RunContext
from profilebot.clients.github import GitHubApi


@contextmanager
def gateway(context: RunContext, location: Location) -> Iterator[GitHubApi]:
    """A GitHubApi for the location's repository, with the run's credentials, retry policy and tally."""
    from profilebot.clients.github import credentials

    read_only = not context.write or context.dry_run  # a public repository is then read without a token
    api_url, token = credentials(context.environ, location.repo, read_only=read_only, tally=context.tally,
                                 policy=context.policy)
    api = GitHubApi(api_url, token, location.repo, context.policy, context.tally)
    try:
        yield api
    finally:
        api.close()


def run(context: RunContext, name: str, location: Location, desired: Desired) -> Outcome:
    """Fetch, plan and (when context.write) apply `desired` on `location`."""
    with gateway(context, location) as api:
        return apply(context, api, location, name, desired)


def apply(context: RunContext, api: GitHubApi, location: Location, name: str, desired: Desired,
          snapshot: Snapshot | None = None, previous_manifest: bytes | None = None, pulls: Any = None) -> Outcome:
    """`snapshot`, `previous_manifest` and `pulls` (github_repo.Pulls): what the target already read (never read
    twice)."""
    from profilebot.targets import github_repo

    return github_repo.run(api, location, name, desired, write=context.write, dry_run=context.dry_run,
                           say=context.say, snapshot=snapshot, previous_manifest=previous_manifest, pulls=pulls,
                           profile_path=context.profile_path)
