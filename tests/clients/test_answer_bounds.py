"""Every answer read under the one HTTP policy (clients/http.py) is bounded in time and size (issue 21): a server
that trickles bytes, one that never stops sending, and a small gzip body that inflates past the cap each end in one
clear error naming the service, quickly and in bounded memory, for ORCID and for OpenAlex (OpenHttp: also Crossref
and DBLP). Real `requests` against a local server on 127.0.0.1."""

from __future__ import annotations

import threading
import time
import tracemalloc
import zlib
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from profilebot.clients.http import AnswerOutOfBounds, RetryPolicy
from profilebot.errors import TargetError
from profilebot.clients.open_http import OpenHttp
from profilebot.clients.orcid import OrcidClient

CAP = 1024 * 1024  # the test's size cap: small, so the endless body and the bomb pass it fast
DEADLINE = 0.5  # the test's overall deadline, in seconds


def _trickle(handler: BaseHTTPRequestHandler, stop: threading.Event) -> None:
    """One byte per 50 ms of a 400-byte answer (20 s in all): each byte well within the per-read timeout."""
    handler.send_response(200)
    handler.send_header("Content-Type", "application/json")
    handler.send_header("Content-Length", "400")
    handler.end_headers()
    handler.wfile.write(b"[")
    for _ in range(399):
        if stop.wait(0.05):
            return
        handler.wfile.write(b" ")
        handler.wfile.flush()


def _endless(handler: BaseHTTPRequestHandler, stop: threading.Event) -> None:
    """A body with no length that goes on until the client hangs up (64 MiB at most, so the unbounded client of old
    ends too and the test fails instead of exhausting the machine)."""
    handler.send_response(200)
    handler.send_header("Content-Type", "application/json")
    handler.send_header("Connection", "close")
    handler.end_headers()
    handler.wfile.write(b'["')
    block = b"x" * 65536
    for _ in range(1024):
        if stop.is_set():
            return
        handler.wfile.write(block)
    handler.wfile.write(b'"]')


def _bomb_body() -> bytes:
    """64 MiB of JSON that gzip shrinks to about 64 KiB."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)  # 31: the gzip container
    parts = [packer.compress(b'["')]
    block = b"0" * (1024 * 1024)
    parts += [packer.compress(block) for _ in range(64)]
    parts += [packer.compress(b'"]'), packer.flush()]
    return b"".join(parts)


BOMB = _bomb_body()


Serve = Callable[[BaseHTTPRequestHandler, threading.Event], None]


def _gzipped(body: bytes) -> Serve:
    def answer(handler: BaseHTTPRequestHandler, stop: threading.Event) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Encoding", "gzip")
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    return answer


_bomb = _gzipped(BOMB)


def _declared(handler: BaseHTTPRequestHandler, stop: threading.Event) -> None:
    """A Content-Length of 1 GiB: refused from the header, before a byte of the body is read."""
    handler.send_response(200)
    handler.send_header("Content-Type", "application/json")
    handler.send_header("Content-Length", str(1024 ** 3))
    handler.end_headers()
    handler.wfile.write(b"[" + b" " * 65536)


def _truncated(handler: BaseHTTPRequestHandler, stop: threading.Event) -> None:
    """Fewer bytes than the Content-Length says, then the connection closes."""
    handler.send_response(200)
    handler.send_header("Content-Type", "application/json")
    handler.send_header("Content-Length", "1000")
    handler.end_headers()
    handler.wfile.write(b'{"works": [')
    handler.close_connection = True


@pytest.fixture
def serve() -> Iterator[Callable[[Serve], str]]:
    stop = threading.Event()
    servers: list[ThreadingHTTPServer] = []

    def start(answer: Serve) -> str:
        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
                try:
                    answer(self, stop)
                except OSError:
                    pass  # the client hung up: what a bounded client does

            def log_message(self, *args: object) -> None:
                pass

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        servers.append(server)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{server.server_address[1]}"

    yield start
    stop.set()
    for server in servers:
        server.shutdown()
        server.server_close()


def _openalex(url: str, policy: RetryPolicy) -> Callable[[], Any]:
    http = OpenHttp("OpenAlex", "OPENALEX_API_URL", url, {}, policy)
    return lambda: http.json("/works", {}, "list your works")


def _orcid(url: str, policy: RetryPolicy) -> Callable[[], Any]:
    client = OrcidClient(url, None, policy)
    return lambda: client.get("/0000-0002-1825-0097/works", "read your ORCID works")


@pytest.mark.parametrize("client, service", [(_openalex, "OpenAlex"), (_orcid, "ORCID")], ids=["openalex", "orcid"])
@pytest.mark.parametrize("answer, words", [(_trickle, f"took longer than {DEADLINE:g}s"),
                                           (_endless, "larger than 1 MiB"), (_declared, "larger than 1 MiB"),
                                           (_bomb, "larger than 1 MiB")],
                         ids=["trickle", "endless", "1GiB-declared", "gzip-bomb"])
def test_an_answer_too_slow_or_too_large_ends_in_one_clear_error_quickly_and_in_bounded_memory(
        serve: Callable[[Serve], str], client: Callable[[str, RetryPolicy], Callable[[], Any]], service: str,
        answer: Serve, words: str) -> None:
    sleeps: list[float] = []
    policy = RetryPolicy(deadline=DEADLINE, max_answer_bytes=CAP, sleep=sleeps.append)
    fetch = client(serve(answer), policy)
    tracemalloc.start()
    started = time.monotonic()
    try:
        with pytest.raises(AnswerOutOfBounds) as raised:
            fetch()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    elapsed = time.monotonic() - started
    message = str(raised.value)
    assert message.startswith(service) and words in message, message
    assert raised.value.hint and "run again later" in raised.value.hint.lower()
    assert sleeps == []  # not retried: a second try would be as slow or as large
    assert elapsed < DEADLINE + 5  # the trickle alone would take 20 s, the endless body 64 MiB
    assert peak < 8 * CAP, f"{peak:,} bytes held"  # the bomb inflates to 64 MiB


@pytest.mark.parametrize("client, service", [(_openalex, "OpenAlex"), (_orcid, "ORCID")], ids=["openalex", "orcid"])
def test_an_answer_cut_short_is_retried_then_one_clear_error(serve: Callable[[Serve], str],
                                                            client: Callable[[str, RetryPolicy], Callable[[], Any]],
                                                            service: str) -> None:
    sleeps: list[float] = []
    fetch = client(serve(_truncated), RetryPolicy(attempts=3, deadline=DEADLINE * 20, sleep=sleeps.append))
    with pytest.raises(TargetError) as raised:
        fetch()
    message = str(raised.value).split("\n")[0]
    assert service in message and "cut short" in message and "after retries" in message, message
    assert len(sleeps) == 2  # a dropped answer: tried again, within the policy's bounds


def test_an_answer_within_bounds_reads_as_before(serve: Callable[[Serve], str]) -> None:
    """The bounded reader hands the whole body on: gzip decoded, JSON parsed."""
    small = zlib.compressobj(9, zlib.DEFLATED, 31)
    body = small.compress(b'{"results": [1, 2, 3]}') + small.flush()
    policy = RetryPolicy(deadline=DEADLINE * 20, max_answer_bytes=CAP)
    assert _openalex(serve(_gzipped(body)), policy)() == {"results": [1, 2, 3]}
