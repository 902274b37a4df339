"""A lab member's profile kept in their own repository (`repo: owner/name` in lab.yaml), read through the
GitHub API from its default branch: one contents request per member, retried under the run's policy."""

from __future__ import annotations

from collections.abc import Mapping

from profilebot.errors import TargetError
from profilebot.clients.github import GitHubApi, credentials
from profilebot.clients.http import RetryPolicy


def read(repo: str, path: str, environ: Mapping[str, str], policy: RetryPolicy | None = None) -> bytes:
    """The file's bytes. A public repository is read without a token when none is set."""
    api_url, token = credentials(environ, repo, read_only=True, policy=policy)
    api = GitHubApi(api_url, token, repo, policy)
    try:
        return api.file(path, f"read the profile {path}")
    except TargetError as error:
        if "is not a file" not in error.message:
            raise
        raise TargetError(error.message, "Point `path` at the member's profile.yaml.") from None
    finally:
        api.close()
