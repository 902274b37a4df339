"""GET from the open scholarly services (OpenAlex, Crossref, DBLP) under the one retry policy.

Each service differs only in its name, the variable that sets its address, the parameters every request
carries (OpenAlex's api_key, a mailto) and how an answer is read (JSON or text). What they share lives
here: timeouts, Retry-After and backoff from `http.RetryPolicy` (429, 403 rate limits, 5xx, dropped
connections), and errors as one line naming what to fix. Query strings never reach a message: they may
hold an API key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping

import requests

from profilebot.errors import TargetError
from profilebot.redact import redact, remember
from profilebot.targets.http import Failure, RetryPolicy

USER_AGENT = "profilebot (https://github.com/profilebot/profilebot)"


@dataclass
class OpenHttp:
    """`service` names the API in messages ("OpenAlex"); `url_variable` is the variable that sets `api_url`."""

    service: str
    url_variable: str
    api_url: str
    params: Mapping[str, str] = field(default_factory=dict, repr=False)  # sent with every request
    policy: RetryPolicy = field(default_factory=RetryPolicy)
    key_hint: str = ""  # what to do when the service refuses for want of a key
    session: requests.Session = field(default_factory=requests.Session, repr=False)

    def __post_init__(self) -> None:
        self.api_url = self.api_url.rstrip("/")
        for value in self.params.values():
            remember(value)  # never printed, even by a library's exception

    def close(self) -> None:
        self.session.close()

    def json(self, path: str, params: Mapping[str, str], what: str, missing: TargetError | None = None) -> Any:
        return self.get(path, params, what, missing, _json)

    def text(self, path: str, what: str, missing: TargetError | None = None) -> str:
        return self.get(path, {}, what, missing, lambda response: response.text)

    def get(self, path: str, params: Mapping[str, str], what: str, missing: TargetError | None,
            read: Callable[[requests.Response], Any]) -> Any:
        """GET until it succeeds: 429/403-rate-limit and 5xx wait (Retry-After first) and retry, in bounds."""
        query = {**params, **self.params}
        waited = 0.0
        for attempt in range(self.policy.attempts):
            failure, body = self._once(path, query, read)
            if failure is None:
                return body
            if failure.status == 404 and missing is not None:
                raise missing
            delay = self.policy.wait_for(failure, attempt)
            last = attempt == self.policy.attempts - 1
            if not failure.is_retryable or last or waited + delay > self.policy.max_wait:
                raise self._explain(what, path, failure, retried=attempt > 0, waited=waited)
            self.policy.sleep(delay)
            waited += delay
        raise AssertionError("unreachable: the last attempt returns or raises")

    def _once(self, path: str, query: Mapping[str, str],
              read: Callable[[requests.Response], Any]) -> tuple[Failure | None, Any]:
        try:
            response = self.session.get(self.api_url + path, params=query, timeout=self.policy.timeout,
                                        headers={"User-Agent": USER_AGENT, "Accept": "application/json, */*"})
        except requests.RequestException as error:
            return Failure(0, redact(_strip_query(str(error)))), None
        if response.status_code >= 400:
            return Failure(response.status_code, _said(response), dict(response.headers)), None
        try:
            return None, read(response)
        except ValueError:
            return Failure(502, "an answer that could not be read", dict(response.headers)), None

    def _explain(self, what: str, path: str, failure: Failure, *, retried: bool, waited: float) -> TargetError:
        said = redact(_strip_query(failure.message.strip().splitlines()[0])) if failure.message.strip() else ""
        quoted = f" ({failure.status} {said})" if said else f" ({failure.status})"
        name = self.service
        if failure.status == 0:
            cause = "the connection was refused" if failure.is_refused else "no answer (connection dropped or timed out)"
            return TargetError(f"Could not reach {name} to {what}: {cause}{' after retries' if retried else ''}.",
                               f"Check {self.url_variable} and the network.")
        if failure.is_rate_limit:
            return TargetError(f"{name} rate-limited profilebot while trying to {what}{quoted}; gave up after "
                               f"waiting {waited:.0f}s.", self.key_hint or "Run again later.")
        if failure.status in (401, 403):
            return TargetError(f"{name} refused to {what}{quoted}.", self.key_hint or None)
        if failure.status >= 500:
            return TargetError(f"{name} failed while trying to {what}{quoted}{', after retries' if retried else ''}.",
                               f"{name} may be having trouble; run again later.")
        return TargetError(f"{name} refused to {what}{quoted} at {path}.")


def _json(response: requests.Response) -> Any:
    body = response.json()
    if body is None:
        raise ValueError("empty answer")
    return body


def _said(response: requests.Response) -> str:
    """The service's own words: OpenAlex's {"error", "message"}, Crossref's plain text, else the reason."""
    try:
        body = response.json()
    except ValueError:
        body = None
    if isinstance(body, dict):
        message = body.get("message")
        words = [str(body[k]) for k in ("error",) if body.get(k)] + ([str(message)] if isinstance(message, str) else [])
        if words:
            return " ".join(words)
    text = response.text.strip() if response.headers.get("Content-Type", "").startswith("text/plain") else ""
    return text[:200] or response.reason or ""


def _strip_query(text: str) -> str:
    """Exceptions from requests quote the URL, whose query may hold an API key: drop every query string."""
    return re.sub(r"\?[^\s'\")]*", "?…", text)
