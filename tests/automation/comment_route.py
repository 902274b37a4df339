"""Adds `PATCH /repos/{o}/{r}/issues/comments/{id}` (edit a comment) to the local GitHub fake.

The fake (owned elsewhere) lists and creates comments; editing is what `pr-comment` needs on reruns, so
it is registered here through the fake's own route table rather than by editing the fake.
"""

from __future__ import annotations

from tests.fakes.github import api
from tests.fakes.github.state import ApiError

TEMPLATE = "/repos/{owner}/{repo}/issues/comments/{comment_id}"


def update_comment(world, req, repo, comment_id: str):
    body = api._required_str(api._body(req), "body", "IssueComment")
    for pull in repo.pulls.values():
        for comment in pull.comments:
            if str(comment.id) == comment_id:
                comment.body = body
                return api.Reply(200, world.render.comment(repo, pull, comment))
    raise ApiError(404, "Not Found")


if not any(route.method == "PATCH" and route.template == TEMPLATE for route in api.ROUTES):
    api.route("PATCH", TEMPLATE)(update_comment)
