"""Redirects under the one HTTP policy (clients/http.py): a GET follows them within its own host only; a redirect
to another host (which would carry an OpenAlex key in the query or ORCID's token there) and a redirected POST
are one clear error, never followed (issue 21). Real `requests` against local servers."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator

import pytest
import requests

from profilebot.errors import TargetError
from profilebot.clients.http import Failure, RetryPolicy, Tries


class _Server:
    def __init__(self, answers: dict[str, tuple[int, dict[str, str]]]) -> None:
        self.seen: list[tuple[str, str]] = []
        seen, table = self.seen, answers

        class Handler(http.server.BaseHTTPRequestHandler):
            def _answer(self) -> None:
                seen.append((self.command, self.path))
                status, headers = table.get(self.path.split("?")[0], (200, {}))
                body = b'{"ok": true}'
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = _answer

            def log_message(self, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def servers() -> Iterator[tuple[_Server, _Server]]:
    elsewhere = _Server({})
    # "localhost" is another host name than 127.0.0.1: what a browser and requests both treat as another origin.
    other = elsewhere.url.replace("127.0.0.1", "localhost")
    service = _Server({"/works": (301, {"Location": "/works/v2?page=2"}),
                       "/works/v2": (200, {}),
                       "/away": (301, {"Location": f"{other}/steal?api_key=secret"}),
                       "/post": (307, {"Location": "/post2"})})
    yield service, elsewhere
    service.close()
    elsewhere.close()


def _explain(what: str, failure: Failure, tries: Tries) -> Exception:
    return TargetError(f"OpenAlex failed while trying to {what} ({failure.status}: {failure.message}).")


def _send(method: str, url: str) -> object:
    policy = RetryPolicy(attempts=1, sleep=lambda _s: None)
    with requests.Session() as session:
        return policy.send(session, method, url, "read the works", _explain, read=lambda r: r.json(),
                           params={"api_key": "secret"})


def test_a_redirect_within_the_host_is_followed(servers) -> None:
    service, _ = servers
    assert _send("GET", service.url + "/works") == {"ok": True}
    assert service.seen == [("GET", "/works?api_key=secret"), ("GET", "/works/v2?page=2")]


def test_a_redirect_to_another_host_is_one_error_and_nothing_reaches_it(servers) -> None:
    service, elsewhere = servers
    with pytest.raises(TargetError) as error:
        _send("GET", service.url + "/away")
    assert "a redirect to another host (localhost:" in str(error.value) and "secret" not in str(error.value)
    assert elsewhere.seen == []


def test_a_redirected_post_is_not_sent_again(servers) -> None:
    service, _ = servers
    with pytest.raises(TargetError) as error:
        _send("POST", service.url + "/post")
    assert "a redirect of a POST request" in str(error.value)
    assert service.seen == [("POST", "/post?api_key=secret")]
