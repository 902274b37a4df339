"""One bot comment per pull request, found by a hidden marker and edited in place on every run."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

from profilebot.clients import github, shape
from profilebot.clients.github import GitHubApi
from profilebot.clients.http import Failure, Tries
from profilebot.errors import TargetError

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


def upsert(api: GitHubApi, number: int, text: str, name: str) -> Result:
    """Create the marked comment on pull request `number`, or edit it when its text changed."""
    body = marked_body(text, name)
    existing = find(_comments(api, number), name)
    if existing is None:
        created = api.request("POST", f"/issues/{number}/comments", f"comment on pull request #{number}",
                              body={"body": body}, answer=COMMENT, explain=_explain)
        return Result("created", created.get("html_url") or "")
    if existing.get("body") == body:
        return Result("unchanged", existing.get("html_url") or "")
    updated = api.request("PATCH", f"/issues/comments/{existing['id']}",
                          f"update the comment on pull request #{number}", body={"body": body}, answer=COMMENT,
                          explain=_explain)
    return Result("updated", updated.get("html_url") or "")


# What the bot reads out of a comment: its id (to edit it), its body (the marker) and where it is.
COMMENT = shape.Object(id=shape.INTEGER, body=shape.Optional(shape.TEXT), html_url=shape.Optional(shape.TEXT))


def _comments(api: GitHubApi, number: int) -> Iterable[dict[str, Any]]:
    for page in range(1, MAX_PAGES + 1):
        batch = api.request("GET", f"/issues/{number}/comments", f"read the comments of pull request #{number}",
                            params={"per_page": 100, "page": page}, answer=shape.ListOf(COMMENT), explain=_explain)
        yield from batch
        if len(batch) < 100:
            return


def _explain(what: str, failure: Failure, tries: Tries) -> Exception:
    """GitHub's wording, with what a pull-request comment most often lacks: a token that may write, a PR."""
    error = github.explain(what, failure, gave_up=tries.gave_up, waited=tries.waited, delay=tries.delay)
    if failure.status in (401, 403) and not failure.is_rate_limit:
        return TargetError(error.message, "The token needs pull-requests: write (in a workflow: `permissions: "
                           "pull-requests: write`); pull requests from forks only get a read-only token.")
    if failure.status == 404:
        return TargetError(f"no such pull request: GitHub answered 404 while trying to {what}.",
                           "Check --pr and GITHUB_REPOSITORY.")
    return error
