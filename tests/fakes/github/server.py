"""``GitHubFake``: a local, stateful GitHub REST server for tests, with request logs and fault injection."""

from __future__ import annotations

import copy
import hashlib
import json
import re
import sys
import threading
import time
import traceback
from dataclasses import dataclass, field, replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable, Self
from urllib.parse import parse_qsl, unquote, urlsplit

from .api import WRITE_METHODS, Reply, Request, World, error_reply
from .gitobjects import Signature
from .payloads import Renderer
from .state import ApiError, Issue, Pull, Repo, now

API_PREFIX = "/api/v3"
SECONDARY_RATE_LIMIT_MESSAGE = (
    "You have exceeded a secondary rate limit. Please wait a few minutes before you try again."
)


@dataclass(frozen=True)
class Token:
    login: str
    read_only: bool = False
    actions: bool = False  # a workflow's GITHUB_TOKEN: refused pull requests unless the repository allows it


@dataclass(frozen=True)
class RecordedResponse:
    method: str
    template: str | None  # OpenAPI path template, None when no operation matched
    path: str
    status: int
    body: object  # parsed JSON, None when there was no body


@dataclass
class Fault:
    kind: str  # "fail" (answer instead), "fail_after" (answer after the change), "slow", "drop", "before", "raw"
    method: str
    pattern: re.Pattern
    times: int | None  # None = every matching request
    status: int = 0
    body: object = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0
    action: Callable[[], object] | None = None  # "before": what happens in the world just before this request
    # "raw": the bytes answered as they are, or a function writing them (given the socket file and a stop event)
    raw: bytes | Callable[[Any, threading.Event], None] = b""

    def matches(self, method: str, path: str) -> bool:
        return _matches(self.method, self.pattern, method, path)


class GitHubFake:
    """A GitHub REST API on 127.0.0.1 that the real PyGithub client can talk to via ``api_url``.

    Paths given to fault/count helpers are regexes searched in the percent-decoded request path
    relative to the API prefix, e.g. ``r"/git/refs"`` or ``r"^/repos/o/r/pulls$"``.
    """

    def __init__(self, token: str = "test-token", login: str = "profilebot") -> None:
        self._lock = threading.RLock()
        self._closing = threading.Event()
        self._tokens: dict[str, Token] = {}
        self._faults: list[Fault] = []
        self._log: list[tuple[str, str, int]] = []
        self._responses: list[RecordedResponse] = []
        self.token, self.login = token, login
        self.add_token(token, login)
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.fake = self  # type: ignore[attr-defined]
        self._world = World(Renderer(self.api_url), reset_epoch=int(time.time()) + 3600)
        # A short poll interval keeps close() (which waits for the serve loop to notice) fast.
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, name="GitHubFake", daemon=True
        )
        self._thread.start()

    # --- lifecycle ------------------------------------------------------------------------------

    @property
    def api_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}{API_PREFIX}"

    def close(self) -> None:
        if self._closing.is_set():
            return
        self._closing.set()  # wakes handlers sleeping in a slow() fault
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def add_token(self, token: str, login: str, *, read_only: bool = False, actions: bool = False) -> None:
        """Accept ``token`` for user ``login``; a read-only token gets 403 on every write; an ``actions`` token is
        a workflow's GITHUB_TOKEN (pull requests refused unless the repository allows Actions to create them)."""
        with self._lock:
            self._tokens[token] = Token(login, read_only, actions)

    # --- arranging and inspecting state ----------------------------------------------------------

    def create_repo(
        self, full_name: str, files: dict[str, bytes | str] | None = None, *,
        default_branch: str = "main", private: bool = False, message: str = "Initial commit",
    ) -> str | None:  # fmt: skip
        """Create a repository whose default branch holds ``files`` in one root commit; returns its SHA.
        ``files=None`` creates an empty repository (no commits; git data reads answer 409)."""
        owner, name = full_name.split("/")
        with self._lock:
            if full_name.lower() in self._world.repos:
                raise ValueError(f"{full_name} already exists")
            repo = Repo(owner, name, default_branch, private)
            self._world.repos[full_name.lower()] = repo
            if files is None:
                return None
            return repo.commit_changes(default_branch, _as_bytes(files), (), message, self._world.signature(owner))

    def commit_files(
        self, full_name: str, branch: str, files: dict[str, bytes | str], delete=(), *,
        message: str = "Update files", author: tuple[str, str] | None = None,
    ) -> str:  # fmt: skip
        """Simulate someone pushing a commit to ``branch`` (created off the default branch if new).
        ``author`` is (name, email). Returns the new commit SHA."""
        with self._lock:
            repo = self._repo(full_name)
            signature = Signature(*author, now()) if author else self._world.signature(repo.owner)
            return repo.commit_changes(branch, _as_bytes(files), tuple(delete), message, signature)

    def read_tree(self, full_name: str, ref: str | None = None) -> dict[str, bytes]:
        """All files at ``ref`` (branch, ref or commit SHA; default branch when None)."""
        with self._lock:
            repo = self._repo(full_name)
            sha = repo.resolve(ref)
            if sha is None:
                raise KeyError(f"{full_name} has no ref {ref or repo.default_branch!r}")
            return repo.objects.read_files(repo.objects.commits[sha].tree)

    def branch_sha(self, full_name: str, branch: str) -> str | None:
        with self._lock:
            return self._repo(full_name).branch_sha(branch)

    def open_pulls(self, full_name: str) -> list[Pull]:
        """Snapshots of the open pull requests, oldest first."""
        with self._lock:
            return [copy.deepcopy(p) for p in self._repo(full_name).pulls.values() if p.state == "open"]

    def all_pulls(self, full_name: str) -> list[Pull]:
        """Snapshots of every pull request, open or closed, by number."""
        with self._lock:
            return [copy.deepcopy(p) for _, p in sorted(self._repo(full_name).pulls.items())]

    def issues(self, full_name: str) -> list[Issue]:
        """Snapshots of the issues that are not pull requests, by number."""
        with self._lock:
            return [copy.deepcopy(i) for _, i in sorted(self._repo(full_name).issues.items())]

    def edit_issue(self, full_name: str, number: int, body: str) -> None:
        """A person edits an issue's body (ticks a box) in the web page."""
        with self._lock:
            issue = self._repo(full_name).issues[number]
            issue.body, issue.updated_at = body, now()

    def close_pull(self, full_name: str, number: int) -> None:
        """A person closes a pull request without merging it."""
        with self._lock:
            pull = self._repo(full_name).pulls[number]
            pull.state, pull.closed_at = "closed", now()

    def delete_branch(self, full_name: str, branch: str) -> None:
        """A person deletes a branch (the button GitHub shows on a closed pull request)."""
        with self._lock:
            self._repo(full_name).delete_ref(f"refs/heads/{branch}")

    def allow_actions_pulls(self, full_name: str, allowed: bool = True) -> None:
        """Settings → Actions → General → "Allow GitHub Actions to create and approve pull requests"."""
        with self._lock:
            self._repo(full_name).actions_can_create_pulls = allowed

    def set_day(self, full_name: str, day: int) -> None:
        """Move the repository's calendar to `day` (GitHub's 60-day rule for scheduled workflows applies)."""
        with self._lock:
            self._repo(full_name).pass_days(day)

    def workflow_state(self, full_name: str, file: str) -> str:
        with self._lock:
            return self._repo(full_name).workflow(file).state

    def merge_pull(self, full_name: str, number: int, *, merged_by: str | None = None) -> str:
        """Merge like the web button (fast-forward or merge commit); returns the new base branch SHA."""
        with self._lock:
            repo = self._repo(full_name)
            return repo.merge_pull(repo.pulls[number], merged_by or repo.owner)

    @property
    def requests(self) -> list[tuple[str, str, int]]:
        """(method, path, status) per request; status 0 means the connection was dropped."""
        with self._lock:
            return list(self._log)

    @property
    def responses(self) -> list[RecordedResponse]:
        with self._lock:
            return list(self._responses)

    @property
    def write_count(self) -> int:
        return sum(method in WRITE_METHODS for method, _, _ in self.requests)

    def count(self, method: str = "*", path_regex: str = "") -> int:
        """Logged requests with this method ("*" = any) whose path matches ``path_regex``."""
        pattern = re.compile(path_regex)
        return sum(_matches(method.upper(), pattern, m, p) for m, p, _ in self.requests)

    def reset_log(self) -> None:
        with self._lock:
            self._log.clear()
            self._responses.clear()

    # --- fault injection -------------------------------------------------------------------------

    def fail(self, method: str, path_regex: str, *, status: int = 500, times: int | None = 1) -> None:
        """Answer ``status`` instead of handling the request (nothing changes)."""
        self._add_fault("fail", method, path_regex, times, status=status, body={"message": "Server Error"})

    def fail_after(self, method: str, path_regex: str, *, status: int = 502, times: int | None = 1) -> None:
        """Handle the request (state changes!) but answer ``status``: a response lost on the way back."""
        self._add_fault("fail_after", method, path_regex, times, status=status, body={"message": "Server Error"})

    def rate_limit(self, method: str, path_regex: str, retry_after: int = 1, times: int | None = 1) -> None:
        """429 with Retry-After."""
        body = {"message": "API rate limit exceeded"}
        self._add_fault("fail", method, path_regex, times, status=429, body=body, retry_after=retry_after)

    def secondary_rate_limit(self, method: str, path_regex: str, retry_after: int = 1, times: int | None = 1) -> None:
        """403 with github.com's secondary-rate-limit message and Retry-After."""
        body = {"message": SECONDARY_RATE_LIMIT_MESSAGE}
        self._add_fault("fail", method, path_regex, times, status=403, body=body, retry_after=retry_after)

    def answer(self, method: str, path_regex: str, body: object, *, status: int = 200,
               times: int | None = 1) -> None:
        """Answer ``body`` instead of handling the request: JSON that is well formed but not GitHub's shape."""
        self._add_fault("fail", method, path_regex, times, status=status, body=body)

    def raw(self, method: str, path_regex: str, body: bytes | Callable[[Any, threading.Event], None], *,
            status: int = 200, headers: dict[str, str] | None = None, times: int | None = 1) -> None:
        """Answer exactly these bytes with these headers instead of handling the request, then close the connection:
        what no well-behaved server sends (a Content-Length larger than the body, a gzip bomb, a redirect to
        another host). `body` may be a function that writes to the socket until the client hangs up or the fake
        closes (an answer without end)."""
        self._add_fault("raw", method, path_regex, times, status=status, headers=dict(headers or {}), raw=body)

    def slow(self, method: str, path_regex: str, seconds: float, times: int | None = 1) -> None:
        """Sleep ``seconds`` before handling the request normally (to trip a client timeout)."""
        self._add_fault("slow", method, path_regex, times, seconds=seconds)

    def drop(self, method: str, path_regex: str, times: int | None = 1) -> None:
        """Close the connection without answering (nothing changes)."""
        self._add_fault("drop", method, path_regex, times)

    def before(self, method: str, path_regex: str, action: Callable[[], object], times: int | None = 1) -> None:
        """Run ``action()`` (say, a person's push via ``commit_files``) right before handling the request.

        Races become deterministic: the event happens exactly between the client's previous request and this
        one, with no sleeps; the request is then handled against the changed world.
        """
        self._add_fault("before", method, path_regex, times, action=action)

    def clear_faults(self) -> None:
        with self._lock:
            self._faults.clear()

    def _add_fault(self, kind, method, path_regex, times, *, retry_after=None, **details) -> None:
        if retry_after is not None:
            details["headers"] = {"Retry-After": str(retry_after)}
        fault = Fault(kind, method.upper(), re.compile(path_regex), times, **details)
        with self._lock:
            self._faults.append(fault)

    def _take_fault(self, method: str, path: str) -> Fault | None:
        with self._lock:
            for fault in self._faults:
                if fault.matches(method, path):
                    if fault.times is not None:
                        fault.times -= 1
                        if fault.times == 0:
                            self._faults.remove(fault)
                    return fault
        return None

    # --- request handling (called from server threads) --------------------------------------------

    def _repo(self, full_name: str) -> Repo:
        try:
            return self._world.repo(full_name)
        except ApiError:
            raise KeyError(f"no repository {full_name}") from None

    def _authenticate(self, header: str) -> Token | None:
        scheme, _, credential = header.partition(" ")
        if scheme.lower() not in ("token", "bearer"):
            return None
        with self._lock:
            return self._tokens.get(credential.strip())

    def _dispatch(self, method: str, path: str, query: dict[str, str], raw: bytes, auth: str) -> tuple[Reply, str]:
        """Authenticate and run one request against the state; returns the reply and the user."""
        token = self._authenticate(auth)
        if token is None and auth.strip():
            return error_reply(ApiError(401, "Bad credentials")), ""
        login = token.login if token else ""  # no Authorization header: GitHub answers public reads anonymously
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            return error_reply(ApiError(400, "Problems parsing JSON")), login
        req = Request(method, path, query, body, login, can_write=token is not None and not token.read_only,
                      actions=token is not None and token.actions)
        with self._lock:
            try:
                return self._world.handle(req), login
            except Exception:  # noqa: BLE001 - a bug in the fake: answer 500 with the traceback, not hang up
                return Reply(500, {"message": traceback.format_exc()}), login

    def _rate_headers(self, login: str) -> dict[str, str]:
        with self._lock:
            limit, remaining = self._world.rate(login)
        return {
            "x-ratelimit-limit": str(limit),
            "x-ratelimit-remaining": str(remaining),
            "x-ratelimit-used": str(limit - remaining),
            "x-ratelimit-reset": str(self._world.reset_epoch),
            "x-ratelimit-resource": "core",
        }

    def _record(self, method: str, path: str, reply: Reply | None) -> None:
        with self._lock:
            self._log.append((method, path, reply.status if reply else 0))
            if reply is not None:
                self._responses.append(RecordedResponse(method, reply.template, path, reply.status, reply.body))


class _Server(ThreadingHTTPServer):
    daemon_threads = True  # a handler stuck in slow() must never keep the test process alive

    def handle_error(self, request, client_address) -> None:
        # Clients that time out or hang up are part of the scenarios; only real bugs get a traceback.
        if not isinstance(sys.exc_info()[1], OSError):
            super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    server_version = "GitHubFake/1.0"

    def do_GET(self) -> None:
        self._serve()

    do_POST = do_PATCH = do_PUT = do_DELETE = do_GET

    def log_message(self, format, *args) -> None:
        pass

    def _serve(self) -> None:
        fake: GitHubFake = self.server.fake  # type: ignore[attr-defined]
        url = urlsplit(self.path)
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if not url.path.startswith(API_PREFIX + "/"):
            path, fault = url.path, None
        else:
            path = unquote(url.path[len(API_PREFIX) :])
            fault = fake._take_fault(self.command, path)
        if fault and fault.kind == "drop":
            fake._record(self.command, path, None)
            self.close_connection = True
            return
        if fault and fault.kind == "raw":
            fake._record(self.command, path, Reply(fault.status, None))
            self._send_raw(fault, fake._closing)
            return
        if fault and fault.kind == "before" and fault.action is not None:
            fault.action()
        if fault and fault.kind == "slow" and fake._closing.wait(fault.seconds):
            return  # shutting down
        if fault and fault.kind == "fail":
            reply, login = Reply(fault.status, fault.body, dict(fault.headers)), ""
        elif not url.path.startswith(API_PREFIX + "/"):
            reply, login = error_reply(ApiError(404, "Not Found")), ""
        else:
            query = dict(parse_qsl(url.query, keep_blank_values=True))
            reply, login = fake._dispatch(self.command, path, query, raw, self.headers.get("Authorization", ""))
        if fault and fault.kind == "fail_after":
            reply = replace(reply, status=fault.status, body=fault.body)
        reply = self._conditional(reply)
        fake._record(self.command, path, reply)  # before answering: the client may inspect the log next
        self._send(reply, fake._rate_headers(login))

    def _send_raw(self, fault: Fault, closing: threading.Event) -> None:
        self.close_connection = True
        self.send_response(fault.status)
        for name, value in fault.headers.items():
            self.send_header(name, value)
        self.end_headers()
        if callable(fault.raw):
            fault.raw(self.wfile, closing)
        else:
            self.wfile.write(fault.raw)
        self.wfile.flush()

    def _conditional(self, reply: Reply) -> Reply:
        """Tag successful GETs with an ETag and answer a matching If-None-Match with 304."""
        if self.command != "GET" or reply.status != 200:
            return reply
        etag = f'W/"{hashlib.sha1(json.dumps(reply.body).encode()).hexdigest()}"'
        headers = reply.headers | {"ETag": etag}
        if self.headers.get("If-None-Match") == etag:
            return replace(reply, status=304, body=None, headers=headers)
        return replace(reply, headers=headers)

    def _send(self, reply: Reply, rate_headers: dict[str, str]) -> None:
        payload = b"" if reply.body is None else json.dumps(reply.body).encode()
        self.send_response(reply.status)
        for name, value in (rate_headers | reply.headers).items():
            self.send_header(name, value)
        if payload:
            self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)


def _matches(method_filter: str, pattern: re.Pattern, method: str, path: str) -> bool:
    return method_filter in ("*", method) and bool(pattern.search(path))


def _as_bytes(files: dict[str, bytes | str]) -> dict[str, bytes]:
    return {path: data.encode() if isinstance(data, str) else data for path, data in files.items()}
