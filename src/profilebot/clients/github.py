"""GitHub's REST API: the one gateway every GitHub request goes through, each call one request (plus retries)
under the one HTTP policy (clients/http.py), GitHub's headers and error wording written once, here.

The REST layer is PyGithub's `Requester` (it builds each request: the API prefix of GitHub Enterprise, the query,
the JSON body, its headers), on a connection of ours: PyGithub's own (a requests session reading a whole answer
without a bound in time or size, following a 301 itself, RuntimeError when one leaves the host, a 202 asked again
every 2 s without end) is replaced, for this gateway's Requester only, by `_Exchange`, which sends through
`RetryPolicy.attempt` on the gateway's session. So every answer is read within the policy's deadline and size, a
redirect leaves neither the host nor a POST, an error answer is the policy's to retry and explain, and what the
bot reads out of an answer is checked against the documented shape (`clients.shape`). PyGithub's objects are not
used: they fetch lazily and eagerly at surprising moments (a `Repository` costs a GET), and the request budget of
a sync is part of its contract. PyGithub is imported at the first request, never by `check`.
"""

from __future__ import annotations

import base64
import os
import time
from typing import TYPE_CHECKING, Any, Callable, Mapping
from urllib.parse import quote

from profilebot.clients import shape
from profilebot.clients.http import (Failure, Refused, RetryPolicy, Tally, Tries, classify_requests, new_session,
                                     service_url)
from profilebot.errors import TargetError
from profilebot.redact import redact

if TYPE_CHECKING:
    import requests
    from github.Requester import Requester, RequestsResponse

DEFAULT_API_URL = "https://api.github.com"
URL_VARIABLE = "GITHUB_API_URL"
# GitHub's headers, for every request profilebot sends it (the REST gateway, the App token exchange).
HEADERS = {"Accept": "application/vnd.github+json", "X-GitHub-Api-Version": "2022-11-28", "User-Agent": "profilebot"}
SHAPE_HINT = (f"Check {URL_VARIABLE}: it should point at GitHub's REST API (unset it for github.com; GitHub "
              "Enterprise uses https://HOST/api/v3), not at a proxy or another service.")
TOKEN_HINT = "create a token with contents:write and pull-requests:write on the repository and put it in GITHUB_TOKEN"
# GitHub's answer while a repository (or its organisation) keeps "Allow GitHub Actions to create and approve pull
# requests" off, the default for new ones: the workflow token's permissions are not the problem.
ACTIONS_MAY_NOT_OPEN_PULLS = "not permitted to create or approve pull requests"
ACTIONS_SETTING_FIX = ("In the repository: Settings → Actions → General → Workflow permissions → tick \"Allow GitHub "
                       "Actions to create and approve pull requests\" → Save (in an organisation, allow it there "
                       "first). Or give the workflow a personal access token (secret PROFILEBOT_GITHUB_TOKEN) or a "
                       "GitHub App (PROFILEBOT_APP_ID + PROFILEBOT_APP_PRIVATE_KEY), whose pull requests also get "
                       "checks; docs/automation.md explains each.")
EXPIRED_FIX = ("A personal access token expires or is revoked: make a new one (Contents and Pull requests: read and "
               "write) and store it again as the secret PROFILEBOT_GITHUB_TOKEN. The workflow's own token never "
               "expires during a run; a GitHub App's installation token is renewed by profilebot.")


class GitHubError(TargetError):
    """GitHub answered with an error the caller may handle (422 "already exists") or show as it is."""

    def __init__(self, message: str, status: int, api_message: str = "", hint: str | None = None) -> None:
        super().__init__(message, hint)
        self.status = status
        self.api_message = api_message


def api_url(environ: Mapping[str, str] | None = None) -> str:
    """GITHUB_API_URL (checked: an http(s) address), else github.com's API."""
    environ = os.environ if environ is None else environ
    return service_url(environ.get(URL_VARIABLE) or DEFAULT_API_URL, URL_VARIABLE, "GitHub", DEFAULT_API_URL)


def session(authorization: str | None) -> requests.Session:
    """A session carrying GitHub's headers and, when given, the Authorization header (`Bearer …`)."""
    return new_session(HEADERS | ({"Authorization": authorization} if authorization else {}))


def send(policy: RetryPolicy, http: requests.Session, method: str, url: str, what: str, *,
         explain: Callable[[str, Failure, Tries], Exception] | None = None, tally: Tally | None = None,
         body: Any = None, params: Mapping[str, Any] | None = None, answer: shape.Shape = shape.ANY) -> Any:
    """One GitHub request under the policy: the answer's JSON (None when empty), checked against `answer`."""
    options: dict[str, Any] = {"params": dict(params)} if params else {}
    if body is not None:
        options["json"] = body
    read = policy.send(http, method, url, what, explain or _explain, said=_said, read=_json, tally=tally,
                       service="GitHub", **options)
    return shape.checked("GitHub", what, read, answer, SHAPE_HINT)


def credentials(environ: Mapping[str, str] | None = None, repository: str | None = None,
                read_only: bool = False, tally: Tally | None = None,
                policy: RetryPolicy | None = None) -> tuple[str, str | None]:
    """(API URL, token) from the environment only: github_auth picks an App, personal or workflow token (an
    App's token exchange counts its requests in `tally`).

    A read-only run (diff, sync --dry-run) with no token set reads without one (token None): a public
    repository answers anonymous reads, so a person can compare with their site before setting up a token.
    """
    from profilebot.clients import github_auth

    environ = os.environ if environ is None else environ
    if read_only and not github_auth.configured(environ):
        return api_url(environ), None
    return api_url(environ), github_auth.resolve(environ, repository=repository, tally=tally, policy=policy).token


class GitHubApi:
    """REST calls for one repository: `get`, `post`, `patch`, `delete` on paths below /repos/OWNER/NAME.

    `answer` (a `clients.shape` shape) is what the caller will read out of the answer: anything else is one
    clear error naming the request, never a KeyError later."""

    def __init__(self, api_url: str, token: str | None, repo: str, policy: RetryPolicy | None = None,
                 tally: Tally | None = None) -> None:
        self.policy = policy or RetryPolicy()
        self.tally = tally if tally is not None else Tally()  # every request sent, retries included
        self.repo = repo
        self.api_url = service_url(api_url, URL_VARIABLE, "GitHub", DEFAULT_API_URL)
        self._session = session(f"Bearer {token}" if token else None)
        self._last_write = 0.0  # time.monotonic() of the last mutating request
        self._rest_layer: tuple[Requester, _Exchange] | None = None  # made at the first request, not by `check`

    def close(self) -> None:
        self._session.close()

    def request(self, verb: str, path: str, what: str, *, params: Mapping[str, Any] | None = None,
                body: Any = None, answer: shape.Shape = shape.ANY,
                explain: Callable[[str, Failure, Tries], Exception] | None = None) -> Any:
        """`explain`: the caller's own wording of a failure (default: GitHub's, `explain` below)."""
        what = f"{what} in {self.repo}"

        def call() -> Any:
            self._space(verb)
            return self._rest(verb, path, what, params, body)

        read = self.policy.run(what, call, classify_requests, explain or _explain, tally=self.tally, service="GitHub")
        return shape.checked("GitHub", what, read, answer, SHAPE_HINT)

    def get(self, path: str, what: str, answer: shape.Shape = shape.ANY, **params: Any) -> Any:
        return self.request("GET", path, what, params=params, answer=answer)

    def post(self, path: str, what: str, body: Any, answer: shape.Shape = shape.ANY) -> Any:
        return self.request("POST", path, what, body=body, answer=answer)

    def post_once(self, path: str, what: str, body: Any, landed: Callable[[], Any],
                  answer: shape.Shape = shape.ANY) -> Any:
        """A POST that must not happen twice (a comment): before sending it again after a failure, `landed()`
        looks whether the failed attempt went through anyway (an answer lost on the way back); what it
        finds (not None) is taken as the answer, and nothing is re-sent."""
        what = f"{what} in {self.repo}"
        sent = False

        def call() -> Any:
            nonlocal sent
            if sent and (found := landed()) is not None:
                return found
            sent = True
            self._space("POST")
            return self._rest("POST", path, what, None, body)

        read = self.policy.run(what, call, classify_requests, _explain, tally=self.tally, service="GitHub")
        return shape.checked("GitHub", what, read, answer, SHAPE_HINT)

    def patch(self, path: str, what: str, body: Any, answer: shape.Shape = shape.ANY) -> Any:
        return self.request("PATCH", path, what, body=body, answer=answer)

    def delete(self, path: str, what: str) -> Any:
        return self.request("DELETE", path, what)

    def blob(self, sha: str, what: str = "read the publications manifest") -> bytes:
        return self._decoded(self.get(f"/git/blobs/{sha}", what, answer=BLOB), what)

    def file(self, path: str, what: str, **params: Any) -> bytes:
        """A file's bytes from the contents API (`ref=` a branch or commit); a folder or a link is an error."""
        found = self.get(f"/contents/{quote(path)}", what, answer=CONTENTS, **params)
        if found["type"] != "file":
            raise TargetError(f"{self.repo}:{path} is not a file (GitHub lists a {found['type']} there).")
        return self._decoded(found, what)

    def _decoded(self, data: dict[str, Any], what: str) -> bytes:
        content = data.get("content") or ""
        if data.get("encoding") != "base64":
            return content.encode("utf-8")
        try:
            return base64.b64decode(content)
        except ValueError:
            raise TargetError(f"GitHub's answer to '{what} in {self.repo}' holds content that is not base64.",
                              SHAPE_HINT) from None

    def _rest(self, verb: str, path: str, what: str, params: Mapping[str, Any] | None, body: Any) -> Any:
        """One try of `verb path` through PyGithub's Requester, whose connection is the policy's (`_Exchange`):
        the answer's JSON, None when empty."""
        if self._rest_layer is None:
            exchange = _Exchange(self.policy, self._session, self.api_url)
            self._rest_layer = (_requester(self.api_url, exchange, self.policy), exchange)
        requester, exchange = self._rest_layer
        exchange.what = what
        return requester.requestJsonAndCheck(verb, f"/repos/{self.repo}{path}", dict(params or {}) or None,
                                                   None, body)[1]

    def _space(self, verb: str) -> None:
        """GitHub asks integrations to space mutating requests by a second (`policy.write_interval`)."""
        if verb == "GET" or not self.policy.write_interval:
            return
        wait = self._last_write + self.policy.write_interval - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        self._last_write = time.monotonic()


# What the bot reads out of a blob.
BLOB = shape.Object(content=shape.Optional(shape.TEXT), encoding=shape.Optional(shape.TEXT))
CONTENTS = shape.Object(type=shape.TEXT, content=shape.Optional(shape.TEXT), encoding=shape.Optional(shape.TEXT))


def ref_path(branch: str) -> str:
    # Slashes stay literal (profilebot/site), as GitHub's own clients send them and GitHub accepts.
    return quote(branch, safe="/")


def _json(response: requests.Response) -> Any:
    return response.json() if response.content else None


class _Exchange:
    """The connection PyGithub's Requester sends through (its `request(verb, url, input, headers, stream)` then
    `getresponse()`), in place of its own requests session: each answer comes from `RetryPolicy.attempt` on the
    gateway's session, so it is read within the policy's timeout, deadline and size, a GET's redirect is followed
    only within the host, and a redirect to another host or of a POST, an error status, an answer that is not
    JSON are the policy's `Refused`, raised from here to the retry loop. PyGithub therefore only ever sees an
    answer it can take as it is: never a redirect to follow, never an error to word."""

    def __init__(self, policy: RetryPolicy, http: requests.Session, api_url: str) -> None:
        from urllib.parse import urlsplit

        self.policy, self.http = policy, http
        parts = urlsplit(api_url)
        self.origin = f"{parts.scheme}://{parts.netloc}"  # PyGithub sends the path (API prefix included) and query
        self.host = parts.hostname  # the Requester reuses a connection whose host is its own
        self.what = ""  # the request being sent, for the policy's errors (set by GitHubApi before each)
        self._sent: tuple[str, str, Any, dict[str, str]] = ("GET", "/", None, {})

    def request(self, verb: str, url: str, input: Any, headers: dict[str, str], stream: bool = False) -> None:
        self._sent = (verb, url, input, dict(headers))

    def getresponse(self) -> RequestsResponse:
        from github.Requester import RequestsResponse

        verb, url, body, headers = self._sent
        response = self.policy.attempt(self.http, verb, self.origin + url, self.what, said=_said, read=_readable,
                                       service="GitHub", headers=headers, data=body)()
        if response.status_code == 202 and verb == "GET":
            # PyGithub would wait 2 s and ask again, without end: here it is a retry under the policy's bounds.
            raise Refused(response, "202 Accepted: GitHub is still preparing the answer", status=503)
        return RequestsResponse(response)

    def close(self) -> None:
        """The session is the gateway's (GitHubApi.close closes it)."""


def _readable(response: requests.Response) -> requests.Response:
    _json(response)  # ValueError: not JSON, a Refused 502 in the policy (PyGithub would take the text as data)
    return response


def _requester(api_url: str, exchange: _Exchange, policy: RetryPolicy) -> Requester:
    """PyGithub's Requester for `api_url` whose every connection is `exchange`: no auth, retries or spacing of
    its own (the session carries the token, the policy retries, GitHubApi spaces writes)."""
    from github.Requester import Requester

    class PolicyRequester(Requester):
        # Requester's private connection factories (name-mangled), answered by this instance's exchange alone:
        # no request of this gateway ever goes through a connection PyGithub made itself.
        def _Requester__createConnection(self, hostname: str | None = None) -> Any:
            return exchange

        def _Requester__customConnection(self, url: str) -> Any:
            return None

    return PolicyRequester(None, api_url, timeout=int(policy.timeout), user_agent=HEADERS["User-Agent"],
                           per_page=100, verify=True, retry=None, pool_size=None)


def _said(response: requests.Response) -> str:
    """GitHub's own words in an error answer: its `message`, with the `errors` details."""
    try:
        data = response.json() if response.content else None
    except ValueError:
        data = None
    return response_message(data) or response.reason or ""


def response_message(data: Any) -> str:
    if isinstance(data, Mapping):
        errors = data.get("errors")
        details = "; ".join(str(e.get("message", e)) if isinstance(e, Mapping) else str(e) for e in errors) \
            if isinstance(errors, list) else ""
        message = str(data.get("message") or "")
        return f"{message}: {details}" if details and details not in message else message
    return str(data or "")


def _explain(what: str, failure: Failure, tries: Tries) -> Exception:
    return explain(what, failure, gave_up=tries.gave_up, waited=tries.waited, delay=tries.delay)


def explain(what: str, failure: Failure, *, gave_up: bool = False, waited: float = 0.0, delay: float = 0.0) -> GitHubError:
    """One line a person can act on, naming what to fix; GitHub's own message is kept, redacted."""
    said = redact(failure.message.strip().splitlines()[0] if failure.message.strip() else "")
    said = said if len(said) <= 200 else said[:199] + "…"  # a server may echo a megabyte on one line
    quoted = f" ({failure.status} {said})" if said else f" ({failure.status})"
    if 300 <= failure.status < 400:  # a redirect the policy does not follow (another host, a POST)
        return GitHubError(f"GitHub's answer to '{what}' was {said or 'a redirect'} ({failure.status}).",
                           failure.status, said, SHAPE_HINT)
    if failure.is_refused:
        return GitHubError(f"Could not connect to GitHub to {what}: the connection was refused.", 0, said,
                           "Check GITHUB_API_URL (unset it for github.com; GitHub Enterprise uses "
                           "https://HOST/api/v3).")
    if failure.status == 401:
        return GitHubError(f"GitHub rejected the token while trying to {what}{quoted}: it has expired, was revoked "
                           "or is mistyped.", 401, said, EXPIRED_FIX)
    if failure.status == 403 and ACTIONS_MAY_NOT_OPEN_PULLS in said.lower():
        return GitHubError(f"GitHub refused to {what}{quoted}: this repository does not let GitHub Actions open "
                           "pull requests with the workflow's token.", 403, said, ACTIONS_SETTING_FIX)
    if gave_up and failure.is_rate_limit:
        return GitHubError(f"GitHub rate-limited profilebot while trying to {what}{quoted}; gave up after waiting "
                           f"{waited:.0f}s (it asked for {delay:.0f}s more).", failure.status, said,
                           "Run again later; in GitHub Actions, schedule the job less often.")
    if gave_up:
        answer = f"answer{quoted}" if failure.status else "an answer cut short" if failure.cut_short \
            else "no answer (connection dropped or timed out)"
        return GitHubError(f"GitHub failed while trying to {what}: {answer}, after retries.", failure.status, said,
                           "GitHub may be having trouble (https://www.githubstatus.com); run again later.")
    if failure.status == 403:
        return GitHubError(f"GitHub refused to {what}{quoted}: the token lacks permission; {TOKEN_HINT}.", 403, said)
    if failure.status == 404:
        return GitHubError(f"GitHub could not find what profilebot needs to {what}{quoted}: check the repository "
                           "name in profilebot.yaml, and that GITHUB_TOKEN can see it (private repositories answer "
                           "404 to tokens without access).", 404, said)
    if failure.status == 409 and "empty" in said.lower():
        return GitHubError(f"Cannot {what}: the repository is empty{quoted}.", 409, said,
                           "Push a first commit (a README is enough) so there is a branch to open pull requests "
                           "against.")
    return GitHubError(f"GitHub refused to {what}{quoted}.", failure.status, said)


