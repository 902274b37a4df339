"""A lab member's profile kept in their own repository (`repo: owner/name` in lab.yaml), read through the
GitHub API from its default branch: one contents request per member, retried under the run's policy."""

from __future__ import annotations

import base64
from collections.abc import Mapping
from urllib.parse import quote

from profilebot.errors import ProfilebotError
from profilebot.clients.github import GitHubApi, credentials
from profilebot.clients.http import RetryPolicy


def read(repo: str, path: str, environ: Mapping[str, str], policy: RetryPolicy | None = None) -> bytes:
    """The file's bytes. A public repository is read without a token when none is set."""
    api_url, token = credentials(environ, repo, read_only=True)
    api = GitHubApi(api_url, token, repo, policy)
    try:
        data = api.get(f"/contents/{quote(path)}", f"read the profile {path}")
    finally:
        api.close()
    if not isinstance(data, dict) or data.get("type") != "file":
        raise ProfilebotError(f"{repo}:{path}: is not a file.", "Point `path` at the member's profile.yaml.")
    content = data.get("content") or ""
    return base64.b64decode(content) if data.get("encoding") == "base64" else str(content).encode("utf-8")
