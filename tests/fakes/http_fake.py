"""The plumbing the OpenAlex, Crossref and DBLP stand-ins share: a threaded HTTP server on 127.0.0.1,
a request log, and fault injection (an error status with an optional Retry-After, or a dropped connection).

A service subclasses `FakeService` and implements `answer(request) -> Reply`. Faults are consumed in
the order they were queued, each for `times` matching requests, so a test says exactly what happens
("the first list call gets 429 Retry-After: 7, then the server behaves") and never races a clock.
"""

from __future__ import annotations

import json
import re
import socket
import sys
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit


@dataclass(frozen=True)
class Request:
    """One request as the service saw it: the path (percent-decoded), its query and headers."""

    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]

    def param(self, name: str, default: str | None = None) -> str | None:
        values = self.query.get(name)
        return values[-1] if values else default


@dataclass
class Reply:
    status: int
    body: Any = None  # JSON-serialisable, or bytes/str sent as they are
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str = "application/json; charset=utf-8"

    def payload(self) -> bytes:
        if self.body is None:
            return b""
        if isinstance(self.body, bytes):
            return self.body
        if isinstance(self.body, str):
            return self.body.encode("utf-8")
        return json.dumps(self.body, ensure_ascii=False).encode("utf-8")


@dataclass
class LogEntry:
    request: Request
    status: int | None  # None: the connection was dropped

    @property
    def path(self) -> str:
        return self.request.path


@dataclass
class _Fault:
    pattern: re.Pattern[str]
    times: int
    status: int | None  # None: drop the connection
    headers: dict[str, str]
    body: Any


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        if isinstance(sys.exc_info()[1], OSError):
            return  # clients that vanish are part of the scenarios
        super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    timeout = 30

    def _serve(self) -> None:
        self.server.fake._serve(self)  # type: ignore[attr-defined]

    do_GET = do_POST = do_HEAD = _serve

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass


class FakeService:
    """Start with `with Service() as fake:`; `fake.url` is what the client's *_API_URL variable gets."""

    name = "fake"

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._faults: list[_Fault] = []
        self.log: list[LogEntry] = []
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.fake = self  # type: ignore[attr-defined]
        self._thread: threading.Thread | None = None

    # -- lifecycle -----------------------------------------------------------------------------

    def __enter__(self):
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.02},
                                        name=f"{self.name}-fake", daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self._server.shutdown()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._server.server_close()

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    # -- what tests inspect and inject ---------------------------------------------------------

    def count(self, pattern: str = "") -> int:
        """Requests whose path (with query, as sent) matches `pattern`, dropped ones included."""
        with self._lock:
            return sum(1 for entry in self.log if re.search(pattern, _full(entry.request)))

    def requests(self, pattern: str = "") -> list[Request]:
        with self._lock:
            return [entry.request for entry in self.log if re.search(pattern, _full(entry.request))]

    def fail(self, pattern: str, status: int, times: int = 1, retry_after: float | None = None,
             body: Any = None) -> None:
        """The next `times` requests matching `pattern` get `status` (with Retry-After when given)."""
        headers = {"Retry-After": f"{retry_after:g}"} if retry_after is not None else {}
        with self._lock:
            self._faults.append(_Fault(re.compile(pattern), times, status, headers, body))

    def drop(self, pattern: str, times: int = 1) -> None:
        """The next `times` matching requests get no answer: the connection is closed."""
        with self._lock:
            self._faults.append(_Fault(re.compile(pattern), times, None, {}, None))

    # -- to implement --------------------------------------------------------------------------

    def answer(self, request: Request) -> Reply:
        raise NotImplementedError

    def error_body(self, status: int) -> Any:
        """What the service sends with an injected error status."""
        return {"error": f"{status} injected", "message": f"injected failure ({status})"}

    # -- internals -----------------------------------------------------------------------------

    def _serve(self, handler: BaseHTTPRequestHandler) -> None:
        split = urlsplit(handler.path)
        handler.rfile.read(int(handler.headers.get("Content-Length") or 0))
        from urllib.parse import unquote

        request = Request(handler.command, unquote(split.path), parse_qs(split.query, keep_blank_values=True),
                          {k.lower(): v for k, v in handler.headers.items()})
        fault = self._take(request)
        if fault is not None and fault.status is None:
            with self._lock:
                self.log.append(LogEntry(request, None))
            handler.close_connection = True
            try:
                handler.connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            return
        if fault is not None:
            reply = Reply(fault.status or 500, fault.body if fault.body is not None else self.error_body(fault.status),
                          dict(fault.headers))
        else:
            try:
                with self._lock:
                    reply = self.answer(request)
            except Exception as error:  # a bug in the fake must surface as a 500, not a hung client
                reply = Reply(500, {"error": "fake bug", "message": repr(error)})
        with self._lock:
            self.log.append(LogEntry(request, reply.status))
        data = reply.payload() if request.method != "HEAD" else b""
        handler.send_response(reply.status)
        for name, value in reply.headers.items():
            handler.send_header(name, value)
        if reply.body is not None:
            handler.send_header("Content-Type", reply.content_type)
        handler.send_header("Content-Length", str(len(data)))
        try:
            handler.end_headers()
            handler.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            handler.close_connection = True

    def _take(self, request: Request) -> _Fault | None:
        with self._lock:
            for fault in self._faults:
                if fault.pattern.search(_full(request)):
                    fault.times -= 1
                    if fault.times <= 0:
                        self._faults.remove(fault)
                    return fault
        return None


def _full(request: Request) -> str:
    """`/works?filter=…&per-page=200`: the path and its decoded query, what patterns are written against."""
    query = "&".join(f"{k}={v}" for k, values in request.query.items() for v in values)
    return f"{request.path}?{query}" if query else request.path
