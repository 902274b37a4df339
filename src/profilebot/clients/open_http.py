"""GET from the open scholarly services (OpenAlex, Crossref, DBLP) under the one retry policy.

Each service differs only in its name, the variable that sets its address, the parameters every request
carries (OpenAlex's api_key, a mailto) and how an answer is read (JSON or text). What they share lives
here: timeouts, Retry-After and backoff from `http.RetryPolicy` (429, 403 rate limits, 5xx, dropped
connections), and errors as one line naming what to fix. Query strings never reach a message: they may
hold an API key.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Mapping

from profilebot.clients import shape
from profilebot.clients.http import Failure, RetryPolicy, Tally, Tries, new_session, service_url, strip_query
from profilebot.errors import TargetError
from profilebot.redact import redact, remember

if TYPE_CHECKING:
    import requests

USER_AGENT = "profilebot (https://github.com/profilebot/profilebot)"
HEADERS = {"User-Agent": USER_AGENT, "Accept": "application/json, */*"}


@dataclass
class OpenHttp:
    """`service` names the API in messages ("OpenAlex"); `url_variable` is the variable that sets `api_url`."""

    service: str
    url_variable: str
    api_url: str
    params: Mapping[str, str] = field(default_factory=dict, repr=False)  # sent with every request
    policy: RetryPolicy = field(default_factory=RetryPolicy)
    key_hint: str = ""  # what to do when the service refuses for want of a key
    spent_hint: str = ""  # what to do when it answers 429 because a daily allowance is spent (OpenAlex with a key)
    session: requests.Session = field(default_factory=lambda: new_session(HEADERS), repr=False)
    tally: Tally = field(default_factory=Tally, repr=False)  # every request sent, retries included
    default_url: str = ""  # the service's own address, named in the hint of a wrong `url_variable`

    def __post_init__(self) -> None:
        self.api_url = service_url(self.api_url, self.url_variable, self.service, self.default_url or self.api_url)
        for value in self.params.values():
            remember(value)  # never printed, even by a library's exception

    def close(self) -> None:
        self.session.close()

    def json(self, path: str, params: Mapping[str, str], what: str, missing: TargetError | None = None,
             answer: shape.Shape = shape.ANY) -> Any:
        """The answer's JSON, checked against `answer` (the fields the caller reads, `clients.shape`)."""
        found = self.get(path, params, what, missing, _json)
        return shape.checked(self.service, what, found, answer,
                             f"Check {self.url_variable}: it should point at {self.service}'s API "
                             f"({self.default_url or self.api_url}), not at a proxy or another service.")

    def text(self, path: str, what: str, missing: TargetError | None = None) -> str:
        return self.get(path, {}, what, missing, lambda response: response.text)

    def get(self, path: str, params: Mapping[str, str], what: str, missing: TargetError | None,
            read: Callable[[requests.Response], Any]) -> Any:
        """GET under the retry policy (429/403-rate-limit and 5xx wait, Retry-After first, and retry in bounds);
        a 404 is `missing` when given; an answer that cannot be read counts as a failed one (502)."""

        def explain(what: str, failure: Failure, tries: Tries) -> Exception:
            if failure.status == 404 and missing is not None:
                return missing
            return self._explain(what, path, failure, retried=tries.retried, waited=tries.waited)

        return self.policy.send(self.session, "GET", self.api_url + path, what, explain, said=_said, read=read,
                                tally=self.tally, service=self.service, params={**params, **self.params})

    def _explain(self, what: str, path: str, failure: Failure, *, retried: bool, waited: float) -> TargetError:
        said = redact(strip_query(failure.message.strip().splitlines()[0])) if failure.message.strip() else ""
        quoted = f" ({failure.status} {said})" if said else f" ({failure.status})"
        name = self.service
        if failure.status == 0:
            cause = "the connection was refused" if failure.is_refused else "its answer was cut short" \
                if failure.cut_short else "no answer (connection dropped or timed out)"
            return TargetError(f"Could not reach {name} to {what}: {cause}{' after retries' if retried else ''}.",
                               f"Check {self.url_variable} and the network.")
        if failure.is_rate_limit:
            return TargetError(f"{name} rate-limited profilebot while trying to {what}{quoted}; gave up after "
                               f"waiting {waited:.0f}s.",
                               (failure.status == 429 and self.spent_hint) or self.key_hint or "Run again later.")
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
