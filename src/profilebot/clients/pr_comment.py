"""One bot comment per pull request, found by a hidden marker and edited in place on every run."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

from profilebot.errors import TargetError

TIMEOUT_SECONDS = 15
MAX_PAGES = 20  # 2,000 comments: far beyond any real review, and a bound on a misbehaving server
# GitHub refuses comment bodies over 65,536 characters; leave room for the marker and the note.
MAX_BODY = 65_000


@dataclass(frozen=True)
class Result:
    action: str  # "created" | "updated" | "unchanged"
    url: str


def marker(name: str) -> str:
    return f"<!-- profilebot:{name} -->"


def marked_body(text: str, name: str) -> str:
    """The comment as posted: the marker first (invisible when rendered), then the text, within size."""
    text = text.rstrip("\n")
    if len(text) > MAX_BODY:
        text = text[:MAX_BODY] + "\n\n… (cut: the full output is in the job summary)"
    return f"{marker(name)}\n{text}\n"


def find(comments: Iterable[dict[str, Any]], name: str) -> dict[str, Any] | None:
    """The oldest comment carrying the marker: the one earlier runs have been editing."""
    for comment in comments:
        if str(comment.get("body") or "").startswith(marker(name)):
            return comment
    return None


def upsert(api_url: str, token: str, repository: str, number: int, text: str, name: str) -> Result:
    import requests

    session = requests.Session()
    session.headers.update({"Authorization": f"Bearer {token}", "Accept": "application/vnd.github+json",
                            "X-GitHub-Api-Version": "2022-11-28", "User-Agent": "profilebot"})
    base = f"{api_url.rstrip('/')}/repos/{repository}"
    body = marked_body(text, name)
    with session:
        existing = find(_comments(session, f"{base}/issues/{number}/comments"), name)
        if existing is None:
            created = _call(session, "POST", f"{base}/issues/{number}/comments", "comment on", json={"body": body})
            return Result("created", created.get("html_url", ""))
        if existing.get("body") == body:
            return Result("unchanged", existing.get("html_url", ""))
        updated = _call(session, "PATCH", f"{base}/issues/comments/{existing['id']}", "update the comment on",
                        json={"body": body})
        return Result("updated", updated.get("html_url", ""))


def _comments(session, url: str) -> Iterable[dict[str, Any]]:
    for page in range(1, MAX_PAGES + 1):
        batch = _call(session, "GET", url, "read the comments of", params={"per_page": 100, "page": page})
        yield from batch
        if len(batch) < 100:
            return


def _call(session, method: str, url: str, what: str, **options: Any) -> Any:
    import requests

    where = url.split("/repos/", 1)[-1].split("/issues")[0]
    try:
        response = session.request(method, url, timeout=TIMEOUT_SECONDS, **options)
    except requests.RequestException as error:
        raise TargetError(f"could not {what} the pull request in {where}: {type(error).__name__}.") from None
    if response.status_code in (401, 403):
        raise TargetError(f"GitHub refused to {what} the pull request in {where} ({response.status_code}).",
                          "The token needs pull-requests: write (in a workflow: `permissions: pull-requests: "
                          "write`); pull requests from forks only get a read-only token.")
    if response.status_code == 404:
        raise TargetError(f"no such pull request in {where} (404).", "Check --pr and GITHUB_REPOSITORY.")
    if response.status_code >= 300:
        raise TargetError(f"could not {what} the pull request in {where}: HTTP {response.status_code}.")
    return response.json()
