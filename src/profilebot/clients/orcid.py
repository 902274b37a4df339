"""HTTP to the ORCID API v3.0 under the one retry policy (http.RetryPolicy): plain JSON in and out.

What is ORCID's own: its media type, the token header, its error fields (developer-message…), its tighter
bounds (4 tries, 60 s of waiting: its API answers bursts with 503 and asks clients to back off) and the
wording of its errors.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from profilebot.clients.http import Failure, RetryPolicy, Tally, Tries, new_session, service_url
from profilebot.errors import TargetError
from profilebot.redact import redact

if TYPE_CHECKING:
    import requests

PUBLIC_API = "https://pub.orcid.org/v3.0"
MEDIA_TYPE = "application/vnd.orcid+json"
MEMBER_API = "https://api.orcid.org/v3.0"
MAX_BULK = 100
ATTEMPTS, MAX_WAIT, TIMEOUT = 4, 60.0, 20


@dataclass(frozen=True)
class Answer:
    status: int
    body: Any
    headers: dict[str, str]


@dataclass
class OrcidClient:
    """One session per run; every request, retries included, is counted in `tally`."""

    api_url: str
    token: str | None = None
    policy: RetryPolicy = field(default_factory=RetryPolicy)
    tally: Tally = field(default_factory=Tally)
    session: requests.Session = field(default_factory=lambda: new_session({"Accept": MEDIA_TYPE}))
    timeout: float = TIMEOUT  # seconds per request

    def __post_init__(self) -> None:
        self.api_url = service_url(self.api_url, "ORCID_API_URL", "ORCID", PUBLIC_API)
        self.policy = dataclasses.replace(self.policy, attempts=min(self.policy.attempts, ATTEMPTS),
                                          max_wait=min(self.policy.max_wait, MAX_WAIT), timeout=self.timeout)

    def __repr__(self) -> str:  # the token never appears in a printed client
        return f"OrcidClient(api_url={self.api_url!r}, token={'***' if self.token else None})"

    @property
    def sent(self) -> int:
        """Requests sent so far (the benchmark and tests read it)."""
        return self.tally.requests

    def close(self) -> None:
        self.session.close()

    def get(self, path: str, what: str) -> Any:
        return self._send("GET", path, what).body

    def post(self, path: str, body: Any, what: str, accept: tuple[int, ...] = ()) -> Answer:
        return self._send("POST", path, what, body, accept)

    def put(self, path: str, body: Any, what: str, accept: tuple[int, ...] = ()) -> Answer:
        """Replace one item; a PUT of the same body twice is harmless, so a lost answer is simply retried."""
        return self._send("PUT", path, what, body, accept)

    def _send(self, method: str, path: str, what: str, body: Any = None, accept: tuple[int, ...] = ()) -> Answer:
        headers = {"Content-Type": MEDIA_TYPE} if body is not None else {}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        response: requests.Response = self.policy.send(self.session, method, f"{self.api_url}{path}", what, _explain,
                                                       said=_said, accept=accept, tally=self.tally, service="ORCID",
                                                       json=body, headers=headers)
        return Answer(response.status_code, _payload(response), dict(response.headers))


def _payload(response: requests.Response) -> Any:
    try:
        return response.json() if response.content else None
    except ValueError:
        return None


def _said(response: requests.Response) -> str:
    """ORCID's own words for an error answer (developer-message, user-message, an OAuth error)."""
    payload = _payload(response)
    if isinstance(payload, dict):
        words = payload.get("developer-message") or payload.get("user-message") or payload.get("error_description")
        if words:
            return str(words)
    return response.reason or ""


def _explain(what: str, failure: Failure, tries: Tries) -> TargetError:
    status, retried = failure.status, tries.gave_up and tries.retried
    problem = failure.message.split(":", 1)[0] if status == 0 else failure.message  # the exception's name
    said = redact(problem.strip().splitlines()[0]) if problem.strip() else ""
    said = said[len(str(status)):].strip() if said.startswith(str(status)) else said  # "502 502 Bad Gateway"
    if failure.cut_short:
        return TargetError(f"ORCID's answer was cut short while trying to {what}{' after retries' if retried else ''}.",
                           "ORCID may be having trouble (https://status.orcid.org), or a proxy cuts answers; run "
                           "again later.")
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
