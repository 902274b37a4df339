"""The one HTTP retry policy of every client (GitHub, ORCID, OpenAlex, Crossref, DBLP): classify a failure,
wait (Retry-After first, then the rate-limit reset, else bounded exponential backoff), count every attempt,
and explain the last failure in one line a person can act on.

A client supplies only what is its own: how to read the service's words out of an error answer and how to
explain a failure (which variable or token to check). A `requests`-based client calls `RetryPolicy.send`;
PyGithub's Requester goes through `RetryPolicy.run` with a classifier of its exceptions (github_api.py).

Why not PyGithub's GithubRetry or urllib3's Retry: they retry 429 only with Retry-After, sleep where waits
cannot be bounded in total or injected in tests, and turn errors into text that is not for people.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Mapping, TypeVar

if TYPE_CHECKING:  # requests is imported only when a request is sent: `check` must not load it
    import requests

from profilebot.errors import TargetError
from profilebot.redact import redact

T = TypeVar("T")
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
_RATE_LIMIT_WORDS = ("rate limit", "please retry your request again later", "wait a few minutes")


class GitHubError(TargetError):
    """GitHub answered with an error the caller may handle (422 "already exists") or show as it is."""

    def __init__(self, message: str, status: int, api_message: str = "", hint: str | None = None) -> None:
        super().__init__(message, hint)
        self.status = status
        self.api_message = api_message


@dataclass(frozen=True)
class Failure:
    """What one failed attempt tells the retry loop: the status (0 = no answer), message and headers."""

    status: int
    message: str = ""
    headers: Mapping[str, str] = field(default_factory=dict)

    def header(self, name: str) -> str | None:
        lowered = {key.lower(): value for key, value in self.headers.items()}
        return lowered.get(name.lower())

    @property
    def is_rate_limit(self) -> bool:
        if self.status == 429:
            return True
        return self.status == 403 and (self.header("retry-after") is not None or self.header(
            "x-ratelimit-remaining") == "0" or any(word in self.message.lower() for word in _RATE_LIMIT_WORDS))

    @property
    def is_refused(self) -> bool:
        """Nothing listens at the address: a wrong GITHUB_API_URL far more often than an outage."""
        return self.status == 0 and ("refused" in self.message.lower() or "Errno 111" in self.message)

    @property
    def is_retryable(self) -> bool:
        return (self.status == 0 and not self.is_refused) or self.status >= 500 or self.is_rate_limit


@dataclass
class Tally:
    """The requests sent, retries included: every client counts into the run's tally (the -v figures)."""

    requests: int = 0


@dataclass(frozen=True)
class Tries:
    """How the attempts for one request ended, for the explainer: how many, how long they waited, the wait
    the next would have needed, and whether retrying stopped at the bounds (`gave_up`) or was never allowed."""

    attempts: int = 1
    waited: float = 0.0
    delay: float = 0.0
    gave_up: bool = False

    @property
    def retried(self) -> bool:
        return self.attempts > 1


# Turns the last failure into the error a person reads: what was being done, the failure, the attempts.
Explain = Callable[[str, Failure, Tries], Exception]


class Refused(Exception):
    """An answer the caller does not accept (status >= 400 and not in `accept`), or one it cannot read (taken
    as 502: the service sent something broken), carried to the classifier."""

    def __init__(self, response: requests.Response, said: str, status: int | None = None) -> None:
        super().__init__(said)
        self.response, self.said = response, said
        self.status = response.status_code if status is None else status


@dataclass(frozen=True)
class RetryPolicy:
    """Bounded retries: at most `attempts` tries and `max_wait` seconds of sleeping in all, per request."""

    attempts: int = 5
    max_wait: float = 120.0
    base_delay: float = 1.0
    secondary_wait: float = 60.0  # GitHub's advice when a secondary limit gives no Retry-After
    timeout: float = 15  # seconds, for each request (requests, under PyGithub, takes fractions too)
    write_interval: float = 1.0  # GitHub asks bots to space mutating requests by a second
    # `timeout` bounds each wait for a byte; this bounds the whole answer, headers to last byte: a server (or a
    # proxy) sending one byte every few seconds would otherwise keep a diff or a sync running forever.
    deadline: float = 120.0  # seconds; the largest real answers (an OpenAlex page, a DBLP person) take a few
    max_answer_bytes: int = 32 * 1024 * 1024  # see MAX_ANSWER_BYTES
    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], float] = time.time

    def wait_for(self, failure: Failure, attempt: int) -> float:
        """Retry-After first, then x-ratelimit-reset when the limit is spent, else exponential backoff."""
        backoff = self.base_delay * 2 ** attempt
        retry_after = _number(failure.header("retry-after"))
        if retry_after is not None:
            return max(retry_after, 0.0)
        reset = _number(failure.header("x-ratelimit-reset"))
        if failure.is_rate_limit and failure.header("x-ratelimit-remaining") == "0" and reset is not None:
            return max(reset - self.clock() + 1, 0.0)
        if failure.is_rate_limit and failure.status == 403:
            return max(self.secondary_wait, backoff)
        return backoff

    def run(self, what: str, call: Callable[[], T], classify: Callable[[BaseException], Failure | None],
            explain: Explain | None = None, tally: Tally | None = None) -> T:
        """`call()` (one request) until it succeeds, each attempt counted in `tally`; `classify` turns an exception
        into a Failure (None: not a failure of the request, re-raised); `explain` words the last one (GitHub's
        wording by default)."""
        waited = 0.0
        for attempt in range(self.attempts):
            if tally is not None:
                tally.requests += 1
            try:
                return call()
            except Exception as error:  # noqa: BLE001 - classify decides; anything unknown is re-raised
                failure = classify(error)
                if failure is None:
                    raise
                delay = self.wait_for(failure, attempt)
                last = attempt == self.attempts - 1
                if not failure.is_retryable or last or waited + delay > self.max_wait:
                    tries = Tries(attempt + 1, waited, delay, gave_up=failure.is_retryable)
                    raise (explain or _explain_github)(what, failure, tries) from None
                self.sleep(delay)
                waited += delay
        raise AssertionError("unreachable: the last attempt returns or raises")

    def send(self, session: requests.Session, method: str, url: str, what: str, explain: Explain, *,
             said: Callable[[requests.Response], str] = lambda response: response.reason or "",
             read: Callable[[requests.Response], Any] | None = None, accept: tuple[int, ...] = (),
             tally: Tally | None = None, service: str = "The service", **options: Any) -> Any:
        """One request through `requests` under this policy, everything a new client needs: the answer (or
        `read(answer)`) when its status is below 400 or in `accept`; otherwise (and for a dropped connection, or an answer
        `read` cannot read: ValueError) a Failure, retried or explained. `said` reads the service's own words
        out of an error answer; `options` go to `session.request` (params, json, headers). The body is read within
        `deadline` and `max_answer_bytes` (decoded); past either, one clear error naming `service`, not retried."""

        def call() -> Any:
            bounds = _Bounds(service, what, time.monotonic() + self.deadline, self.deadline, self.max_answer_bytes)
            response = _followed(session, method, url, self.timeout, options, bounds)
            if response.status_code >= 400 and response.status_code not in accept:
                raise Refused(response, said(response))
            try:
                return response if read is None else read(response)
            except ValueError:
                raise Refused(response, "an answer that could not be read", status=502) from None

        return self.run(what, call, classify_requests, explain, tally)


MAX_REDIRECTS = 5
_REDIRECTS = (301, 302, 303, 307, 308)
# The largest decoded answer profilebot reads. Real ones are far smaller: an OpenAlex page of 200 works or the
# DBLP record of a very prolific author is a few MiB, an ORCID works summary less. A bound well above those,
# below what would strain a CI runner, turns a 1 GiB body or a gzip bomb (a few KiB inflating to GiBs) into one
# clear error instead of an out-of-memory kill.
MAX_ANSWER_BYTES = 32 * 1024 * 1024
# Raw bytes per read: urllib3 (>= 2.6) inflates at most this much per read too, so memory stays bounded by the
# cap plus one chunk even for a gzip bomb.
_CHUNK = 64 * 1024


class AnswerOutOfBounds(TargetError):
    """An answer too slow or too large to read: not retried (a second try would take as long)."""


@dataclass(frozen=True)
class _Bounds:
    service: str
    what: str
    until: float  # time.monotonic() by which the whole answer must be read
    seconds: float
    max_bytes: int


def _read_within(response: requests.Response, bounds: _Bounds) -> None:
    """Read the (streamed) body of `response`, decoded, in chunks, checking the deadline and the size after each;
    the body is then available as usual (`.content`, `.json()`). A lost connection or a broken encoding becomes
    the `requests` exception it would have been without streaming (retried as a dropped answer)."""
    import requests
    import urllib3

    raw = response.raw
    if raw is None or getattr(response, "_content_consumed", False):
        return  # an answer built in memory (a test's), already whole
    body = bytearray()
    try:
        declared = int(response.headers.get("Content-Length") or 0)
        if declared > bounds.max_bytes:
            _too_large(response, bounds)
        while True:
            chunk = raw.read1(_CHUNK, decode_content=True)
            if chunk:
                body += chunk
            if len(body) > bounds.max_bytes:
                _too_large(response, bounds)
            if time.monotonic() > bounds.until:
                response.close()
                raise AnswerOutOfBounds(
                    f"{bounds.service} took longer than {bounds.seconds:g}s to send its answer while trying to "
                    f"{bounds.what} ({len(body):,} bytes read): the connection or the service is too slow.",
                    f"Run again later; if it keeps happening, check the network (a proxy?) and {bounds.service}'s "
                    "status.")
            if not chunk:
                break
    except urllib3.exceptions.DecodeError as error:
        raise requests.exceptions.ContentDecodingError(error) from None
    except urllib3.exceptions.HTTPError as error:
        raise requests.exceptions.ConnectionError(error) from None
    response._content = bytes(body)  # what requests itself sets once the body is read
    response._content_consumed = True  # type: ignore[attr-defined]  # requests sets it untyped, in __init__


def _too_large(response: requests.Response, bounds: _Bounds) -> None:
    response.close()
    raise AnswerOutOfBounds(
        f"{bounds.service} sent an answer larger than {bounds.max_bytes // (1024 * 1024)} MiB while trying to "
        f"{bounds.what}; profilebot stopped reading it.",
        "No real answer is that large: check the API URL variable points at the service itself (not a proxy or "
        "a download), then run again later.")


def _followed(session: requests.Session, method: str, url: str, timeout: Any, options: dict[str, Any],
              bounds: _Bounds) -> requests.Response:
    """The answer to `method url`, following a GET's redirects only within the same scheme and host: a redirect
    to another host would carry the request's key or token (an OpenAlex api_key in the query, ORCID's bearer
    token) to whoever the answer names, and a redirected POST would be sent again somewhere. Either is refused
    with the server's answer, as one clear error."""
    from urllib.parse import urljoin, urlsplit

    origin = urlsplit(url)[:2]
    target, sent = url, dict(options)
    for _ in range(MAX_REDIRECTS + 1):
        response = session.request(method, target, timeout=timeout, allow_redirects=False, stream=True, **sent)
        _read_within(response, bounds)
        location = response.headers.get("Location")
        if response.status_code not in _REDIRECTS or not location:
            return response
        following = urljoin(target, location)
        if urlsplit(following)[:2] != origin:
            raise Refused(response, f"a redirect to another host ({urlsplit(following).netloc or following}), "
                                    "which profilebot does not follow: it would send the request's key there")
        if method.upper() != "GET":
            raise Refused(response, f"a redirect of a {method.upper()} request, which profilebot does not follow")
        target = following
        sent.pop("params", None)  # the Location holds the whole query
    raise Refused(response, f"more than {MAX_REDIRECTS} redirects")


def classify_requests(error: BaseException) -> Failure | None:
    """A refused answer or a lost connection of `requests` as a Failure; anything else is not ours. Query
    strings never reach the message: requests quotes the URL, whose query may hold an API key."""
    import requests

    if isinstance(error, Refused):
        return Failure(error.status, error.said, dict(error.response.headers))
    if isinstance(error, requests.RequestException):
        return Failure(0, f"{type(error).__name__}: {redact(strip_query(str(error)))}")
    return None


def strip_query(text: str) -> str:
    """Drop every query string from a text that quotes URLs."""
    return re.sub(r"\?[^\s'\")]*", "?…", text)


def _explain_github(what: str, failure: Failure, tries: Tries) -> Exception:
    return explain(what, failure, gave_up=tries.gave_up, waited=tries.waited, delay=tries.delay)


def explain(what: str, failure: Failure, *, gave_up: bool = False, waited: float = 0.0, delay: float = 0.0) -> GitHubError:
    """One line a person can act on, naming what to fix; GitHub's own message is kept, redacted."""
    said = redact(failure.message.strip().splitlines()[0] if failure.message.strip() else "")
    said = said if len(said) <= 200 else said[:199] + "…"  # a server may echo a megabyte on one line
    quoted = f" ({failure.status} {said})" if said else f" ({failure.status})"
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
        answer = "no answer (connection dropped or timed out)" if failure.status == 0 else f"answer{quoted}"
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


def _number(value: str | None) -> float | None:
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


def response_message(data: Any) -> str:
    if isinstance(data, Mapping):
        errors = data.get("errors")
        details = "; ".join(str(e.get("message", e)) if isinstance(e, Mapping) else str(e) for e in errors) \
            if isinstance(errors, list) else ""
        message = str(data.get("message") or "")
        return f"{message}: {details}" if details and details not in message else message
    return str(data or "")
