"""REST endpoints of the fake, routed by their OpenAPI path templates.

Handlers receive the decoded request and the resolved ``Repo`` and return a ``Reply``; rule
violations are raised as ``ApiError``. Templates are the extract's own so recorded responses can be
validated against the matching operation.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from .gitobjects import TREE_MODE, GitError, Signature, TreeEntry
from .payloads import Renderer, node_id
from .state import ApiError, Comment, Issue, Label, Pull, Repo, empty_repository, now, validation_failed

# Where github.com error bodies point; informational only, clients never request it.
DOCS_URL = "https://docs.github.com/rest"
WRITE_METHODS = {"POST", "PATCH", "PUT", "DELETE"}
# Parameters the API marks x-multi-segment (may contain "/"); a label name may too once decoded.
_MULTI_SEGMENT = {"ref", "branch", "tree_sha", "commit_sha", "name"}


@dataclass
class Request:
    method: str
    path: str  # percent-decoded, without the API prefix and query
    query: dict[str, str]
    body: Any  # parsed JSON, None when there was no body
    login: str  # "" for an anonymous request (no Authorization header)
    can_write: bool = True
    actions: bool = False  # a workflow's GITHUB_TOKEN (github-actions[bot]), not a person's or an App's token


@dataclass
class Reply:
    status: int
    body: Any = None  # None means no body (204/304)
    headers: dict[str, str] = field(default_factory=dict)
    template: str | None = None  # OpenAPI path template of the operation that answered


@dataclass(frozen=True)
class Route:
    method: str
    template: str
    pattern: re.Pattern
    handler: Callable[..., Reply]


def _compile(template: str) -> re.Pattern:
    def param(match: re.Match) -> str:
        name = match.group(1)
        body = ".*" if name == "path" else ".+" if name in _MULTI_SEGMENT else "[^/]+"
        return f"(?P<{name}>{body})"

    return re.compile(re.sub(r"\\\{(\w+)\\\}", param, re.escape(template)))


ROUTES: list[Route] = []


def route(method: str, template: str):
    def register(handler):
        ROUTES.append(Route(method, template, _compile(template), handler))
        return handler

    return register


class World:
    """All repositories plus per-user rate-limit accounting; dispatches requests to handlers."""

    RATE_LIMIT = 5000
    ANONYMOUS_RATE_LIMIT = 60  # per hour and address, for requests without a token

    def __init__(self, renderer: Renderer, reset_epoch: int) -> None:
        self.repos: dict[str, Repo] = {}
        self.render = renderer
        self.reset_epoch = reset_epoch
        self.rate_used: dict[str, int] = {}

    def rate(self, login: str) -> tuple[int, int]:
        """(limit, remaining) for ``login``."""
        limit = self.RATE_LIMIT if login else self.ANONYMOUS_RATE_LIMIT
        return limit, max(limit - self.rate_used.get(login, 0), 0)

    def repo(self, full_name: str) -> Repo:
        try:
            return self.repos[full_name.lower()]
        except KeyError:
            raise ApiError(404, "Not Found") from None

    def handle(self, req: Request) -> Reply:
        if req.path != "/rate_limit":  # querying the limit does not count against it
            self.rate_used[req.login] = self.rate_used.get(req.login, 0) + 1
        for candidate in ROUTES:
            match = candidate.pattern.fullmatch(req.path)
            if match and candidate.method == req.method:
                try:
                    reply = self._call(candidate, req, match.groupdict())
                except ApiError as exc:
                    reply = error_reply(exc)
                reply.template = candidate.template
                return reply
        return error_reply(ApiError(404, "Not Found"))

    def _call(self, candidate: Route, req: Request, params: dict[str, str]) -> Reply:
        if "owner" in params:
            repo = self.repo(f"{params.pop('owner')}/{params.pop('repo')}")
            if not req.login:  # anonymous: public data only; a private repository does not exist for it
                if repo.private:
                    raise ApiError(404, "Not Found")
                if req.method in WRITE_METHODS:
                    raise ApiError(401, "Requires authentication")
            if req.method in WRITE_METHODS and not req.can_write:
                raise ApiError(403, "Resource not accessible by personal access token")
            if "/git/" in candidate.template and repo.is_empty:
                raise empty_repository()
            params["repo"] = repo
        return candidate.handler(self, req, **params)

    def signature(self, login: str) -> Signature:
        return Signature(login, f"{login}@users.noreply.github.com", now())

    def paginate(self, req: Request, items: list) -> Reply:
        """One page of ``items`` with a Link header, as PyGithub's PaginatedList follows it."""
        per_page = min(int(req.query.get("per_page", 30)), 100)
        page = max(int(req.query.get("page", 1)), 1)
        last = max((len(items) + per_page - 1) // per_page, 1)
        links = []
        for rel, number in (("next", page + 1), ("last", last), ("prev", page - 1), ("first", 1)):
            if 1 <= number <= last and number != page:
                query = urlencode(req.query | {"page": number, "per_page": per_page})
                links.append(f'<{self.render.api}{req.path}?{query}>; rel="{rel}"')
        headers = {"Link": ", ".join(links)} if links else {}
        return Reply(200, items[(page - 1) * per_page : page * per_page], headers)


def error_reply(exc: ApiError, headers: dict[str, str] | None = None) -> Reply:
    body = {"message": exc.message, "documentation_url": DOCS_URL, "status": str(exc.status)}
    if exc.errors:
        body["errors"] = exc.errors
    return Reply(exc.status, body, headers or {})


def _body(req: Request) -> dict:
    if not isinstance(req.body, dict):
        raise ApiError(400, "Problems parsing JSON")
    return req.body


def _required_str(body: dict, key: str, resource: str) -> str:
    value = body.get(key)
    if not isinstance(value, str) or not value:
        raise validation_failed(f"{key} is missing", resource, key, "missing_field")
    return value


def _pull(repo: Repo, number: str) -> Pull:
    pull = repo.pulls.get(int(number)) if number.isdigit() else None
    if pull is None:
        raise ApiError(404, "Not Found")
    return pull


# --- account -----------------------------------------------------------------------------------


@route("GET", "/rate_limit")
def get_rate_limit(world: World, req: Request) -> Reply:
    limit, remaining = world.rate(req.login)
    return Reply(200, world.render.rate_limit(limit, remaining, world.reset_epoch))


@route("GET", "/user")
def get_user(world: World, req: Request) -> Reply:
    owned = sum(r.owner == req.login for r in world.repos.values())
    return Reply(200, world.render.private_user(req.login, owned))


# --- repository, branches, contents -------------------------------------------------------------


@route("GET", "/repos/{owner}/{repo}")
def get_repo(world: World, req: Request, repo: Repo) -> Reply:
    return Reply(200, world.render.repository(repo))


@route("GET", "/repos/{owner}/{repo}/branches/{branch}")
def get_branch(world: World, req: Request, repo: Repo, branch: str) -> Reply:
    sha = repo.branch_sha(branch)
    if sha is None:
        raise ApiError(404, "Branch not found")
    return Reply(200, world.render.branch(repo, branch, sha))


def _lookup(repo: Repo, tree: str, path: str) -> TreeEntry | None:
    """The entry at ``path`` below ``tree``; the root is a pseudo-entry for the empty path."""
    entry = TreeEntry(TREE_MODE, "", tree)
    for name in filter(None, path.split("/")):
        if entry.mode != TREE_MODE:
            return None
        entry = next((e for e in repo.objects.trees[entry.sha] if e.name == name), None)
        if entry is None:
            return None
    return entry


@route("GET", "/repos/{owner}/{repo}/contents/{path}")
def get_contents(world: World, req: Request, repo: Repo, path: str) -> Reply:
    if repo.is_empty:
        raise ApiError(404, "This repository is empty.")
    ref = req.query.get("ref") or repo.default_branch
    commit = repo.resolve(ref)
    if commit is None:
        raise ApiError(404, f"No commit found for the ref {ref}")
    path = path.strip("/")
    entry = _lookup(repo, repo.objects.commits[commit].tree, path)
    if entry is None:
        raise ApiError(404, "Not Found")
    if entry.mode != TREE_MODE:
        return Reply(200, world.render.content_file(repo, path, entry.sha, repo.objects.blobs[entry.sha], ref))
    prefix = f"{path}/" if path else ""
    items = [world.render.content_file(repo, prefix + e.name, e.sha, None, ref) for e in repo.objects.trees[entry.sha]]
    return Reply(200, items)


@route("PUT", "/repos/{owner}/{repo}/contents/{path}")
def put_contents(world: World, req: Request, repo: Repo, path: str) -> Reply:
    """Create or update one file with a commit; the only way to give an empty repository a first commit."""
    body, path = _body(req), path.strip("/")
    message = _required_str(body, "message", "Commit")
    try:
        data = base64.b64decode(_required_str(body, "content", "Commit"), validate=True)
    except binascii.Error:
        raise validation_failed("content is not valid Base64", "Commit", "content", "invalid") from None
    branch = body.get("branch") or repo.default_branch
    parent = repo.branch_sha(branch)
    if parent is None and not repo.is_empty:
        raise ApiError(404, f"Branch {branch} not found")
    existing = _lookup(repo, repo.objects.commits[parent].tree, path) if parent else None
    if existing is not None and body.get("sha") is None:
        raise validation_failed('"sha" wasn\'t supplied.', "Commit", "sha", "missing_field")
    if existing is not None and body["sha"] != existing.sha:
        raise ApiError(409, f"{path} does not match {body['sha']}")
    try:
        author = Signature.parse(body.get("author") or body.get("committer"), world.signature(req.login))
    except GitError as exc:
        raise validation_failed(str(exc), "Commit", "author", "invalid") from None
    sha = repo.commit_changes(branch, {path: data}, (), message, author)
    blob = _lookup(repo, repo.objects.commits[sha].tree, path).sha
    content = world.render.content_file(repo, path, blob, None, branch)
    return Reply(200 if existing else 201, {"content": content, "commit": world.render.git_commit(repo, sha)})


# --- git data ------------------------------------------------------------------------------------


@route("POST", "/repos/{owner}/{repo}/git/blobs")
def create_blob(world: World, req: Request, repo: Repo) -> Reply:
    body = _body(req)
    content, encoding = body.get("content"), body.get("encoding", "utf-8")
    if not isinstance(content, str):
        raise validation_failed("content is missing", "Blob", "content", "missing_field")
    if encoding == "base64":
        try:
            data = base64.b64decode(content)
        except binascii.Error:
            raise validation_failed("content is not valid Base64", "Blob", "content", "invalid") from None
    elif encoding in ("utf-8", "utf8"):
        data = content.encode()
    else:
        raise validation_failed(f"encoding {encoding!r} is not supported", "Blob", "encoding", "invalid")
    return Reply(201, world.render.short_blob(repo, repo.objects.put_blob(data)))


@route("GET", "/repos/{owner}/{repo}/git/blobs/{file_sha}")
def get_blob(world: World, req: Request, repo: Repo, file_sha: str) -> Reply:
    if file_sha not in repo.objects.blobs:
        raise ApiError(404, "Not Found")
    return Reply(200, world.render.blob(repo, file_sha))


@route("POST", "/repos/{owner}/{repo}/git/trees")
def create_tree(world: World, req: Request, repo: Repo) -> Reply:
    body = _body(req)
    sha = repo.create_tree(body.get("base_tree"), body.get("tree"))
    return Reply(201, world.render.git_tree(repo, sha, recursive=False))


@route("GET", "/repos/{owner}/{repo}/git/trees/{tree_sha}")
def get_tree(world: World, req: Request, repo: Repo, tree_sha: str) -> Reply:
    sha = repo.tree_sha(tree_sha)
    if sha is None:
        raise ApiError(404, "Not Found")
    # Like github.com, the mere presence of ?recursive (even "0" or "false") turns recursion on.
    return Reply(200, world.render.git_tree(repo, sha, recursive="recursive" in req.query))


@route("POST", "/repos/{owner}/{repo}/git/commits")
def create_commit(world: World, req: Request, repo: Repo) -> Reply:
    body = _body(req)
    message, tree = _required_str(body, "message", "Commit"), _required_str(body, "tree", "Commit")
    parents = body.get("parents", [])
    if not isinstance(parents, list) or not all(isinstance(p, str) for p in parents):
        raise validation_failed("parents must be an array of SHAs", "Commit", "parents", "invalid")
    try:
        author = Signature.parse(body.get("author"), world.signature(req.login))
        committer = Signature.parse(body.get("committer"), author)
    except GitError as exc:
        raise validation_failed(str(exc), "Commit", "author", "invalid") from None
    sha = repo.create_commit(message, tree, parents, author, committer)
    return Reply(201, world.render.git_commit(repo, sha))


@route("GET", "/repos/{owner}/{repo}/git/commits/{commit_sha}")
def get_commit(world: World, req: Request, repo: Repo, commit_sha: str) -> Reply:
    if commit_sha not in repo.objects.commits:
        raise ApiError(404, "Not Found")
    return Reply(200, world.render.git_commit(repo, commit_sha))


def _full_ref(ref: str) -> str:
    return ref if ref.startswith("refs/") else f"refs/{ref}"


@route("GET", "/repos/{owner}/{repo}/git/ref/{ref}")
def get_ref(world: World, req: Request, repo: Repo, ref: str) -> Reply:
    full = _full_ref(ref)
    if full not in repo.refs:
        raise ApiError(404, "Not Found")
    return Reply(200, world.render.git_ref(repo, full, repo.refs[full]))


@route("GET", "/repos/{owner}/{repo}/git/matching-refs/{ref}")
def get_matching_refs(world: World, req: Request, repo: Repo, ref: str) -> Reply:
    prefix = _full_ref(ref)
    refs = sorted(r for r in repo.refs if r.startswith(prefix))
    return world.paginate(req, [world.render.git_ref(repo, r, repo.refs[r]) for r in refs])


@route("POST", "/repos/{owner}/{repo}/git/refs")
def create_ref(world: World, req: Request, repo: Repo) -> Reply:
    body = _body(req)
    ref, sha = _required_str(body, "ref", "Reference"), _required_str(body, "sha", "Reference")
    repo.create_ref(ref, sha)
    return Reply(201, world.render.git_ref(repo, ref, sha))


@route("PATCH", "/repos/{owner}/{repo}/git/refs/{ref}")
def update_ref(world: World, req: Request, repo: Repo, ref: str) -> Reply:
    body, full = _body(req), _full_ref(ref)
    repo.update_ref(full, _required_str(body, "sha", "Reference"), force=bool(body.get("force", False)))
    return Reply(200, world.render.git_ref(repo, full, repo.refs[full]))


@route("DELETE", "/repos/{owner}/{repo}/git/refs/{ref}")
def delete_ref(world: World, req: Request, repo: Repo, ref: str) -> Reply:
    full = _full_ref(ref)
    repo.delete_ref(full)
    for pull in repo.pulls.values():  # as on github.com: deleting an open PR's head branch closes the PR
        if pull.state == "open" and full == f"refs/heads/{pull.head}":
            pull.state = "closed"
    return Reply(204)


# --- pull requests -------------------------------------------------------------------------------


@route("GET", "/repos/{owner}/{repo}/pulls")
def list_pulls(world: World, req: Request, repo: Repo) -> Reply:
    state, head, base = req.query.get("state", "open"), req.query.get("head"), req.query.get("base")
    pulls = [p for p in repo.pulls.values() if state == "all" or p.state == state]
    if head and ":" in head:  # a bare branch name is silently ignored, exactly like github.com
        owner, _, branch = head.partition(":")
        pulls = [p for p in pulls if owner.lower() == repo.owner.lower() and p.head == branch]
    if base:
        pulls = [p for p in pulls if p.base == base]
    key = "updated_at" if req.query.get("sort") == "updated" else "created_at"
    pulls.sort(key=lambda p: (getattr(p, key), p.number), reverse=req.query.get("direction", "desc") == "desc")
    return world.paginate(req, [world.render.pull(repo, p) for p in pulls])


@route("POST", "/repos/{owner}/{repo}/pulls")
def create_pull(world: World, req: Request, repo: Repo) -> Reply:
    body = _body(req)
    title = _required_str(body, "title", "PullRequest")
    owner, _, head = _required_str(body, "head", "PullRequest").rpartition(":")
    if owner and owner.lower() != repo.owner.lower():
        raise validation_failed("head is invalid (forks are not simulated)", "PullRequest", "head", "invalid")
    base = _required_str(body, "base", "PullRequest")
    if req.actions and not repo.actions_can_create_pulls:
        # github.com's answer while "Allow GitHub Actions to create and approve pull requests" is off.
        raise ApiError(403, "GitHub Actions is not permitted to create or approve pull requests.")
    pull = repo.create_pull(
        req.login, title, head, base, body.get("body"),
        bool(body.get("draft", False)), bool(body.get("maintainer_can_modify", False)),
    )  # fmt: skip
    return Reply(201, world.render.pull(repo, pull))


@route("GET", "/repos/{owner}/{repo}/pulls/{pull_number}")
def get_pull(world: World, req: Request, repo: Repo, pull_number: str) -> Reply:
    return Reply(200, world.render.pull(repo, _pull(repo, pull_number)))


@route("PATCH", "/repos/{owner}/{repo}/pulls/{pull_number}")
def update_pull(world: World, req: Request, repo: Repo, pull_number: str) -> Reply:
    body, pull = _body(req), _pull(repo, pull_number)
    if body.get("state", pull.state) not in ("open", "closed"):
        raise validation_failed("state is invalid", "PullRequest", "state", "invalid")
    if "base" in body and repo.branch_sha(body["base"]) is None:
        raise validation_failed("base is invalid", "PullRequest", "base", "invalid")
    for key in ("title", "body", "base", "maintainer_can_modify"):
        if key in body:
            setattr(pull, key, body[key])
    if body.get("state", pull.state) != pull.state:
        if pull.merged_at is not None:
            raise validation_failed("A merged pull request cannot be reopened", "PullRequest", "state")
        pull.state = body["state"]
        pull.closed_at = now() if pull.state == "closed" else None
    pull.updated_at = now()
    return Reply(200, world.render.pull(repo, pull))


# --- labels and comments (a pull request is an issue) --------------------------------------------


def _label_names(req: Request) -> list[str]:
    # The spec documents {"labels": [...]}; PyGithub sends a bare array, which github.com accepts too.
    labels = req.body.get("labels") if isinstance(req.body, dict) else req.body
    if not isinstance(labels, list):
        raise validation_failed("labels must be an array", "Label", "labels", "invalid")
    names = [label.get("name") if isinstance(label, dict) else label for label in labels]
    if not all(isinstance(name, str) and name for name in names):
        raise validation_failed("labels must be names", "Label", "labels", "invalid")
    return names


def _issue(repo: Repo, number: str) -> Issue | Pull:
    item = repo.issue(int(number)) if number.isdigit() else None
    if item is None:
        raise ApiError(404, "Not Found")
    return item


@route("GET", "/repos/{owner}/{repo}/issues")
def list_issues(world: World, req: Request, repo: Repo) -> Reply:
    """Issues and pull requests (each pull request is an issue too), filtered like github.com: state (open by
    default), labels (comma-separated, all required), creator; sorted by created/updated, newest first."""
    state = req.query.get("state", "open")
    wanted = [name.strip() for name in req.query.get("labels", "").split(",") if name.strip()]
    creator = req.query.get("creator")
    items = [*repo.issues.values(), *repo.pulls.values()]
    items = [i for i in items if (state == "all" or i.state == state) and all(n in i.labels for n in wanted)
             and (not creator or i.user.lower() == creator.lower())]
    key = "updated_at" if req.query.get("sort") == "updated" else "created_at"
    items.sort(key=lambda i: (getattr(i, key), i.number), reverse=req.query.get("direction", "desc") == "desc")
    return world.paginate(req, [world.render.issue(repo, i) for i in items])


@route("POST", "/repos/{owner}/{repo}/issues")
def create_issue(world: World, req: Request, repo: Repo) -> Reply:
    body = _body(req)
    title = _required_str(body, "title", "Issue")
    labels = body.get("labels") or []
    if not isinstance(labels, list) or not all(isinstance(name, str) and name for name in labels):
        raise validation_failed("labels must be an array of names", "Issue", "labels", "invalid")
    issue = Issue(repo.next_number(), title, body.get("body"), req.login)
    issue.labels = list(dict.fromkeys(repo.ensure_label(name).name for name in labels))  # created when new
    repo.issues[issue.number] = issue
    return Reply(201, world.render.issue(repo, issue))


@route("GET", "/repos/{owner}/{repo}/issues/{issue_number}")
def get_issue(world: World, req: Request, repo: Repo, issue_number: str) -> Reply:
    return Reply(200, world.render.issue(repo, _issue(repo, issue_number)))


@route("PATCH", "/repos/{owner}/{repo}/issues/{issue_number}")
def update_issue(world: World, req: Request, repo: Repo, issue_number: str) -> Reply:
    body, item = _body(req), _issue(repo, issue_number)
    if body.get("state", item.state) not in ("open", "closed"):
        raise validation_failed("state is invalid", "Issue", "state", "invalid")
    for key in ("title", "body"):
        if key in body:
            setattr(item, key, body[key])
    if "labels" in body:
        item.labels = list(dict.fromkeys(repo.ensure_label(name).name for name in body["labels"]))
    if body.get("state", item.state) != item.state:
        item.state = body["state"]
        item.closed_at = now() if item.state == "closed" else None
    item.updated_at = now()
    return Reply(200, world.render.issue(repo, item))


# --- Actions workflows ---------------------------------------------------------------------------


@route("GET", "/repos/{owner}/{repo}/actions/workflows/{workflow_id}")
def get_workflow(world: World, req: Request, repo: Repo, workflow_id: str) -> Reply:
    workflow = repo.workflow(workflow_id)
    return Reply(200, {"id": workflow.id, "node_id": node_id("Workflow", workflow.id), "name": workflow.path,
                       "path": workflow.path, "state": workflow.state})


@route("PUT", "/repos/{owner}/{repo}/actions/workflows/{workflow_id}/enable")
def enable_workflow(world: World, req: Request, repo: Repo, workflow_id: str) -> Reply:
    """204 and no body; enabling restarts the 60-day inactivity clock even for an enabled workflow."""
    workflow = repo.workflow(workflow_id)
    workflow.state = "active"
    repo.active_day = repo.day
    return Reply(204)


def _issue_labels(world: World, repo: Repo, pull: Pull) -> Reply:
    return Reply(200, [world.render.label(repo, repo.labels[name]) for name in pull.labels])


@route("GET", "/repos/{owner}/{repo}/issues/{issue_number}/labels")
def list_issue_labels(world: World, req: Request, repo: Repo, issue_number: str) -> Reply:
    return _issue_labels(world, repo, _issue(repo, issue_number))


@route("POST", "/repos/{owner}/{repo}/issues/{issue_number}/labels")
def add_issue_labels(world: World, req: Request, repo: Repo, issue_number: str) -> Reply:
    pull = _issue(repo, issue_number)
    for name in _label_names(req):
        if repo.ensure_label(name).name not in pull.labels:
            pull.labels.append(name)
    return _issue_labels(world, repo, pull)


@route("PUT", "/repos/{owner}/{repo}/issues/{issue_number}/labels")
def set_issue_labels(world: World, req: Request, repo: Repo, issue_number: str) -> Reply:
    pull = _issue(repo, issue_number)
    pull.labels = list(dict.fromkeys(repo.ensure_label(name).name for name in _label_names(req)))
    return _issue_labels(world, repo, pull)


@route("DELETE", "/repos/{owner}/{repo}/issues/{issue_number}/labels/{name}")
def remove_issue_label(world: World, req: Request, repo: Repo, issue_number: str, name: str) -> Reply:
    pull = _issue(repo, issue_number)
    if name not in pull.labels:
        raise ApiError(404, "Label does not exist")
    pull.labels.remove(name)
    return _issue_labels(world, repo, pull)


@route("GET", "/repos/{owner}/{repo}/labels")
def list_labels(world: World, req: Request, repo: Repo) -> Reply:
    return world.paginate(req, [world.render.label(repo, label) for label in repo.labels.values()])


@route("GET", "/repos/{owner}/{repo}/labels/{name}")
def get_label(world: World, req: Request, repo: Repo, name: str) -> Reply:
    if name not in repo.labels:
        raise ApiError(404, "Not Found")
    return Reply(200, world.render.label(repo, repo.labels[name]))


@route("POST", "/repos/{owner}/{repo}/labels")
def create_label(world: World, req: Request, repo: Repo) -> Reply:
    body = _body(req)
    name = _required_str(body, "name", "Label")
    if name in repo.labels:
        raise validation_failed("Label already exists", "Label", "name", "already_exists")
    label = Label(name, str(body.get("color", "ededed")).lstrip("#"), body.get("description") or "")
    repo.labels[name] = label
    return Reply(201, world.render.label(repo, label))


@route("GET", "/repos/{owner}/{repo}/issues/{issue_number}/comments")
def list_comments(world: World, req: Request, repo: Repo, issue_number: str) -> Reply:
    pull = _issue(repo, issue_number)
    return world.paginate(req, [world.render.comment(repo, pull, c) for c in pull.comments])


@route("POST", "/repos/{owner}/{repo}/issues/{issue_number}/comments")
def create_comment(world: World, req: Request, repo: Repo, issue_number: str) -> Reply:
    pull = _issue(repo, issue_number)
    comment = Comment(_required_str(_body(req), "body", "IssueComment"), req.login)
    pull.comments.append(comment)
    return Reply(201, world.render.comment(repo, pull, comment))
