"""HTTP to the ORCID API v3.0: timeouts, bounded retries (5xx, 503 bursts, dropped connections), plain JSON out."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any, Callable

import requests

from profilebot.errors import TargetError
from profilebot.redact import redact

PUBLIC_API = "https://pub.orcid.org/v3.0"
MEMBER_API = "https://api.orcid.org/v3.0"
MEDIA_TYPE = "application/vnd.orcid+json"
MAX_BULK = 100


@dataclass(frozen=True)
class Answer:
    status: int
    body: Any
    headers: dict[str, str]


@dataclass
class OrcidClient:
    """One session per run; `sent` counts the requests made (the benchmark and tests read it)."""

    api_url: str
    token: str | None = None
    timeout: float = 20.0
    attempts: int = 4
    base_delay: float = 1.0
    max_wait: float = 60.0
    sleep: Callable[[float], None] = time.sleep
    sent: int = 0
    session: requests.Session = field(default_factory=requests.Session)

    def __repr__(self) -> str:  # the token never appears in a printed client
        return f"OrcidClient(api_url={self.api_url!r}, token={'***' if self.token else None})"

    def get(self, path: str, what: str) -> Any:
        return self._send("GET", path, what).body

    def post(self, path: str, body: Any, what: str, accept: tuple[int, ...] = ()) -> Answer:
        return self._send("POST", path, what, body, accept)

    def put(self, path: str, body: Any, what: str, accept: tuple[int, ...] = ()) -> Answer:
        """Replace one item; a PUT of the same body twice is harmless, so a lost answer is simply retried."""
        return self._send("PUT", path, what, body, accept)

    def _send(self, method: str, path: str, what: str, body: Any = None, accept: tuple[int, ...] = ()) -> Answer:
        """Send with retries: 5xx, 503 (ORCID's burst limit) and lost connections are retried with backoff,
        honouring Retry-After, within `attempts` tries and `max_wait` seconds of waiting."""
        waited = 0.0
        for attempt in range(self.attempts):
            status, answer, problem = self._once(method, path, body)
            if answer is not None and (status < 400 or status in accept):
                return answer
            retryable = status == 0 or status >= 500
            delay = _retry_after(answer) if answer is not None else None
            delay = self.base_delay * 2 ** attempt if delay is None else delay
            if not retryable or attempt == self.attempts - 1 or waited + delay > self.max_wait:
                raise _error(what, status, problem, retried=retryable and attempt > 0)
            self.sleep(delay)
            waited += delay
        raise AssertionError("unreachable: the last attempt returns or raises")

    def _once(self, method: str, path: str, body: Any) -> tuple[int, Answer | None, str]:
        headers = {"Accept": MEDIA_TYPE}
        if body is not None:
            headers["Content-Type"] = MEDIA_TYPE
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        self.sent += 1
        try:
            response = self.session.request(method, f"{self.api_url.rstrip('/')}{path}", json=body,
                                            headers=headers, timeout=self.timeout)
        except requests.RequestException as error:
            return 0, None, type(error).__name__
        try:
            payload = response.json() if response.content else None
        except ValueError:
            payload = None
        answer = Answer(response.status_code, payload, dict(response.headers))
        return response.status_code, answer, _message(payload) or response.reason or ""


def _retry_after(answer: Answer) -> float | None:
    value = {k.lower(): v for k, v in answer.headers.items()}.get("retry-after")
    try:
        return max(float(value), 0.0) if value is not None else None
    except ValueError:
        return None


def _message(payload: Any) -> str:
    if isinstance(payload, dict):
        return str(payload.get("developer-message") or payload.get("user-message")
                   or payload.get("error_description") or "")
    return ""


def _error(what: str, status: int, problem: str, retried: bool) -> TargetError:
    said = redact(problem.strip().splitlines()[0]) if problem.strip() else ""
    said = said[len(str(status)):].strip() if said.startswith(str(status)) else said  # "502 502 Bad Gateway"
    if status == 0:
        return TargetError(f"ORCID did not answer while trying to {what} ({said}){' after retries' if retried else ''}.",
                           "Check ORCID_API_URL and the network; ORCID's status is at https://status.orcid.org.")
    if status == 401:
        return TargetError(f"ORCID rejected ORCID_TOKEN while trying to {what} ({status} {said}).",
                           "The member token must be issued for this ORCID iD with the /activities/update scope.")
    if status == 404:
        return TargetError(f"ORCID has no such record while trying to {what} ({status} {said}).",
                           "Check `orcid: {id: …}` in profilebot.yaml.")
    return TargetError(f"ORCID failed while trying to {what}: {status} {said}"
                       f"{' (gave up after retries)' if retried else ''}.")
