"""The one seam to GitHub: a thin REST gateway on PyGithub's Requester, every call timed out and retried.

Why the Requester and not PyGithub's objects: objects fetch lazily and eagerly at surprising moments (a
`Repository` costs a GET, `create_git_commit` wants `GitCommit` objects); the request budget of a sync is
part of its contract, so each method here is exactly one REST request (plus retries).
"""

from __future__ import annotations

import base64
import os
from typing import Any, Callable, Mapping
from urllib.parse import quote

from profilebot.clients.http import Failure, RetryPolicy, Tally, response_message


def credentials(environ: Mapping[str, str] | None = None, repository: str | None = None,
                read_only: bool = False, tally: Tally | None = None) -> tuple[str, str | None]:
    """(API URL, token) from the environment only: github_auth picks an App, personal or workflow token (an
    App's token exchange counts its requests in `tally`).

    A read-only run (diff, sync --dry-run) with no token set reads without one (token None): a public
    repository answers anonymous reads, so a person can compare with their site before setting up a token.
    """
    from profilebot.clients import github_auth

    environ = os.environ if environ is None else environ
    if read_only and not github_auth.configured(environ):
        return github_auth.api_url(environ), None
    return github_auth.api_url(environ), github_auth.resolve(environ, repository=repository, tally=tally).token


class GitHubApi:
    """REST calls for one repository: `get`, `post`, `patch`, `delete` on paths below /repos/OWNER/NAME."""

    def __init__(self, api_url: str, token: str | None, repo: str, policy: RetryPolicy | None = None,
                 tally: Tally | None = None) -> None:
        from github import Auth, Github

        self.policy = policy or RetryPolicy()
        self.tally = tally if tally is not None else Tally()  # every request sent, retries included
        self.repo = repo
        whole = max(int(self.policy.timeout), 1)  # PyGithub's Github() takes whole seconds only …
        self._github = Github(base_url=api_url, auth=Auth.Token(token) if token else None, timeout=whole, retry=None,
                              seconds_between_requests=None,
                              seconds_between_writes=self.policy.write_interval or None, lazy=True)
        self._requester = self._github.requester
        if self.policy.timeout != whole:  # … its Requester (requests underneath) takes the fraction as given
            from github.Requester import Requester

            self._requester = Requester(**(self._requester.kwargs | {"timeout": self.policy.timeout}))

    def close(self) -> None:
        self._github.close()
        if self._requester is not self._github.requester:
            self._requester.close()

    def request(self, verb: str, path: str, what: str, *, params: Mapping[str, Any] | None = None,
                body: Any = None) -> Any:
        url = f"/repos/{self.repo}{path}"

        def call() -> Any:
            return self._requester.requestJsonAndCheck(verb, url, parameters=dict(params or {}) or None, input=body)[1]

        return self.policy.run(f"{what} in {self.repo}", call, _classify, tally=self.tally)

    def get(self, path: str, what: str, **params: Any) -> Any:
        return self.request("GET", path, what, params=params)

    def post(self, path: str, what: str, body: Any) -> Any:
        return self.request("POST", path, what, body=body)

    def post_once(self, path: str, what: str, body: Any, landed: Callable[[], Any]) -> Any:
        """A POST that must not happen twice (a comment): before sending it again after a failure, `landed()`
        looks whether the failed attempt went through anyway (an answer lost on the way back); what it
        finds (not None) is taken as the answer, and nothing is re-sent."""
        url = f"/repos/{self.repo}{path}"
        sent = False

        def call() -> Any:
            nonlocal sent
            if sent and (found := landed()) is not None:
                return found
            sent = True
            return self._requester.requestJsonAndCheck("POST", url, input=body)[1]

        return self.policy.run(f"{what} in {self.repo}", call, _classify, tally=self.tally)

    def patch(self, path: str, what: str, body: Any) -> Any:
        return self.request("PATCH", path, what, body=body)

    def delete(self, path: str, what: str) -> Any:
        return self.request("DELETE", path, what)

    def blob(self, sha: str, what: str = "read the publications manifest") -> bytes:
        data = self.get(f"/git/blobs/{sha}", what)
        content = data.get("content", "")
        return base64.b64decode(content) if data.get("encoding") == "base64" else content.encode("utf-8")


def ref_path(branch: str) -> str:
    # Slashes stay literal (profilebot/site), as PyGithub sends them and GitHub accepts.
    return quote(branch, safe="/")


def _classify(error: BaseException) -> Failure | None:
    from github import GithubException
    from requests import exceptions

    if isinstance(error, GithubException):
        return Failure(error.status, response_message(error.data), dict(error.headers or {}))
    if isinstance(error, (exceptions.ConnectionError, exceptions.Timeout, ConnectionError, TimeoutError)):
        return Failure(0, f"{type(error).__name__}: {error}")
    return None
