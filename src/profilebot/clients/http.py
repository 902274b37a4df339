"""The one HTTP policy of every client (GitHub, ORCID, OpenAlex, Crossref, DBLP): one kind of session, the
address checked before anything is sent, retries (Retry-After first, then the rate-limit reset, else bounded
exponential backoff), every attempt counted, every answer read within a deadline and a size, redirects only
within the host, and the last failure explained in one line a person can act on.

A client supplies only what is its own: its headers, how to read the service's words out of an error answer
and how to explain a failure (which variable or token to check). It calls `RetryPolicy.send` once per request;
what it reads out of an answer it checks with `clients.shape`.

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

from profilebot.errors import ConfigError, ProfilebotError, TargetError
from profilebot.redact import redact

T = TypeVar("T")
# How GitHub (and some proxies) word a rate limit in a 403 that has no Retry-After.
_RATE_LIMIT_WORDS = ("rate limit", "please retry your request again later", "wait a few minutes")
CUT_SHORT = "the answer was cut short"


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
    def cut_short(self) -> bool:
        """The answer ended before the length its headers announced (read as a dropped connection)."""
        return self.status == 0 and CUT_SHORT in self.message

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


_SOME_SERVICE = "The service"  # how an error names a service its client did not name


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
            explain: Explain, tally: Tally | None = None, service: str | None = None) -> T:
        """`call()` (one request) until it succeeds, each attempt counted in `tally`; `classify` turns an exception
        into a Failure (None: not a failure of the request, re-raised); `explain` words the last one. The error
        that ends it names `service` as data too (ProfilebotError.service: a failed target's Outcome carries it)."""
        try:
            return self._run(what, call, classify, explain, tally)
        except ProfilebotError as error:
            if error.service is None and service not in (None, _SOME_SERVICE):
                error.service = service
            raise

    def _run(self, what: str, call: Callable[[], T], classify: Callable[[BaseException], Failure | None],
             explain: Explain, tally: Tally | None) -> T:
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
                    raise explain(what, failure, tries) from None
                self.sleep(delay)
                waited += delay
        raise AssertionError("unreachable: the last attempt returns or raises")

    def send(self, session: requests.Session, method: str, url: str, what: str, explain: Explain, *,
             said: Callable[[requests.Response], str] = lambda response: response.reason or "",
             read: Callable[[requests.Response], Any] | None = None, accept: tuple[int, ...] = (),
             tally: Tally | None = None, service: str = _SOME_SERVICE, **options: Any) -> Any:
        """One request through `requests` under this policy, everything a new client needs: the answer (or
        `read(answer)`) when its status is below 400 or in `accept`; otherwise (and for a dropped connection, or an answer
        `read` cannot read: ValueError) a Failure, retried or explained. `said` reads the service's own words
        out of an error answer; `options` go to `session.request` (params, json, headers). The body is read within
        `deadline` and `max_answer_bytes` (decoded); past either, one clear error naming `service`, not retried."""
        call = self.attempt(session, method, url, what, said=said, read=read, accept=accept, service=service,
                            **options)
        return self.run(what, call, classify_requests, explain, tally, service)

    def attempt(self, session: requests.Session, method: str, url: str, what: str, *,
                said: Callable[[requests.Response], str] = lambda response: response.reason or "",
                read: Callable[[requests.Response], Any] | None = None, accept: tuple[int, ...] = (),
                service: str = _SOME_SERVICE, **options: Any) -> Callable[[], Any]:
        """One try of `send`'s request, for a caller that wraps the tries (a POST that looks before it is sent
        again) and hands the wrapper to `run` with `classify_requests`."""

        def call() -> Any:
            bounds = _Bounds(service, what, time.monotonic() + self.deadline, self.deadline, self.max_answer_bytes)
            response = _followed(session, method, url, self.timeout, options, bounds)
            if response.status_code >= 400 and response.status_code not in accept:
                raise Refused(response, said(response))
            try:
                return response if read is None else read(response)
            except ValueError:
                raise Refused(response, "an answer that could not be read", status=502) from None

        return call


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
    except urllib3.exceptions.ProtocolError as error:
        if "IncompleteRead" in str(error):  # fewer bytes than its Content-Length said: retried as a dropped answer
            raise requests.exceptions.ConnectionError(f"{CUT_SHORT} ({len(body):,} bytes read)") from None
        raise requests.exceptions.ConnectionError(error) from None
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
                                    "which profilebot does not follow: it would send the request's key or token there")
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


def _number(value: str | None) -> float | None:
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


def service_url(value: str, variable: str, service: str, default: str) -> str:
    """The address a client sends to (`value`, from `variable`), checked before anything is sent: an http:// or
    https:// URL with a host. Anything else (`file:///…`, a bare host name, a typo) would otherwise be tried again
    and again as a dropped connection, or read a local file; it is one clear error naming the variable."""
    from urllib.parse import urlsplit

    url = value.strip().rstrip("/")
    try:
        parts = urlsplit(url)
        usable = parts.scheme in ("http", "https") and bool(parts.hostname)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        usable = False
    if not usable:
        shown = url if len(url) <= 80 else url[:79] + "…"
        raise ConfigError(f"{variable} is '{redact(strip_query(shown))}', which is not a web address {service} "
                          "can be reached at (expected http:// or https:// and a host name).",
                          f"Unset {variable} to use {default}, or set it to the service's API address, "
                          f"e.g. {default}.")
    return url


def new_session(headers: Mapping[str, str]) -> requests.Session:
    """The one kind of session every client sends through: its own headers (GitHub's, ORCID's media type, a
    User-Agent), nothing else configured: timeouts, redirects, retries and answer bounds are `RetryPolicy.send`'s."""
    import requests

    session = requests.Session()
    session.headers.update(headers)
    return session
