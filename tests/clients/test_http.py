"""RetryPolicy and error wording: which failures are retried, how long to wait, what a person reads."""

from __future__ import annotations

import pytest

from profilebot.report import pull_request
from profilebot.clients import crossref, dblp, github, openalex, orcid
from profilebot.clients.github import GitHubError, explain
from profilebot.clients.http import Failure, RetryPolicy
from profilebot.errors import ConfigError


def test_waits_prefer_retry_after_then_the_reset_time_then_backoff():
    policy = RetryPolicy(base_delay=1, secondary_wait=60, clock=lambda: 1000.0)
    assert policy.wait_for(Failure(429, "", {"Retry-After": "7"}), 0) == 7
    spent = {"x-ratelimit-remaining": "0", "x-ratelimit-reset": "1030"}
    assert policy.wait_for(Failure(403, "API rate limit exceeded for user", spent), 0) == 31
    assert policy.wait_for(Failure(403, "You have exceeded a secondary rate limit."), 0) == 60
    assert policy.wait_for(Failure(502), 3) == 8


@pytest.mark.parametrize("failure,retried", [
    (Failure(500), True), (Failure(0, "ConnectionError"), True), (Failure(429), True),
    (Failure(403, "You have exceeded a secondary rate limit. Please wait a few minutes before you try again."), True),
    (Failure(403, "Resource not accessible by personal access token"), False),
    (Failure(401, "Bad credentials"), False), (Failure(404, "Not Found"), False), (Failure(422, "exists"), False),
])
def test_only_server_errors_rate_limits_and_lost_connections_are_retried(failure, retried):
    assert failure.is_retryable is retried


def test_retries_are_bounded_in_count_and_in_total_wait():
    sleeps: list[float] = []
    policy = RetryPolicy(attempts=10, max_wait=5, base_delay=1, sleep=sleeps.append)

    def always_502():
        raise KeyError("boom")

    with pytest.raises(GitHubError, match="after retries"):
        policy.run("read things", always_502, lambda error: Failure(502),
                   lambda what, failure, tries: explain(what, failure, gave_up=tries.gave_up))
    assert sleeps == [1, 2] and sum(sleeps) <= 5  # the next wait (4s) would pass max_wait


def test_error_lines_name_what_to_fix():
    assert "expired" in str(explain("x", Failure(401, "Bad credentials")))
    assert "PROFILEBOT_GITHUB_TOKEN" in str(explain("x", Failure(401, "Bad credentials")))
    refused = str(explain("open the pull request", Failure(403, "GitHub Actions is not permitted to create or "
                                                                "approve pull requests.")))
    assert "Settings → Actions → General → Workflow permissions" in refused and "GitHub App" in refused
    assert "contents:write" not in refused  # the token's permissions are not what is wrong
    assert "lacks permission" in str(explain("x", Failure(403, "Resource not accessible")))
    assert "check the repository name" in str(explain("x", Failure(404, "Not Found")))
    assert "first commit" in str(explain("x", Failure(409, "Git Repository is empty.")))


def test_pr_body_update_replaces_only_the_marked_section():
    human = "Please also check the CV.\n\n"
    old = human + pull_request.START + "\nold\n" + pull_request.END + "\n\nThanks!"
    merged = pull_request.merge(old, pull_request.START + "\nnew\n" + pull_request.END)
    assert merged == human + pull_request.START + "\nnew\n" + pull_request.END + "\n\nThanks!"
    assert pull_request.merge("no markers", "S") == "no markers\n\nS"


# --- the one policy: counting its own attempts, and a new requests-based client in a few lines --------------


def test_the_policy_counts_every_attempt_in_the_tally():
    from profilebot.clients.http import Tally

    tally, answers = Tally(), iter([Failure(502), Failure(0, "ConnectionResetError"), None])

    def flaky():
        failure = next(answers)
        if failure is not None:
            raise RuntimeError(failure)
        return "ok"

    policy = RetryPolicy(base_delay=0, sleep=lambda seconds: None)
    assert policy.run("read", flaky, lambda error: error.args[0], lambda *failed: RuntimeError(), tally=tally) == "ok"
    assert tally.requests == 3


def test_a_requests_client_gets_retries_retry_after_counting_and_its_own_errors_from_send():
    """What a new client (Zenodo, Crossref, …) writes: its explain(), one `send` per request."""
    import json
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    import requests

    from profilebot.errors import TargetError
    from profilebot.clients.http import Tally

    answers = [(503, {"Retry-After": "3"}, b"busy"), (200, {}, b'{"works": 2}'), (404, {}, b'{"message": "gone"}')]
    seen: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the name http.server calls
            seen.append(self.path)
            status, headers, body = answers.pop(0)
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    def explain(what, failure, tries):
        return TargetError(f"Sample failed to {what}: {failure.status} {failure.message} after {tries.attempts}")

    with ThreadingHTTPServer(("127.0.0.1", 0), Handler) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        url = f"http://127.0.0.1:{server.server_address[1]}/works"
        sleeps: list[float] = []
        tally = Tally()
        policy = RetryPolicy(sleep=sleeps.append)
        with requests.Session() as session:
            body = policy.send(session, "GET", url, "read works", explain, read=lambda r: r.json(), tally=tally,
                               params={"q": "x"})
            assert body == {"works": 2} and sleeps == [3.0] and tally.requests == 2
            with pytest.raises(TargetError, match=r"Sample failed to read works: 404 .* after 1"):
                policy.send(session, "GET", url, "read works", explain, said=lambda r: r.json()["message"],
                            tally=tally)
        server.shutdown()
    assert tally.requests == 3 and seen == ["/works?q=x"] * 2 + ["/works"]


def test_no_client_patches_requests():
    """Requests are counted by the clients (the run's tally), not by wrapping requests.Session.send."""
    import requests

    from profilebot.clients import github, open_http, orcid  # noqa: F401 - imported to check
    from profilebot.targets import session  # noqa: F401

    assert requests.Session.send.__module__ == "requests.sessions"


@pytest.mark.parametrize("client, variable", [
    (lambda url: orcid.OrcidClient(url), "ORCID_API_URL"),
    (lambda url: openalex.OpenAlexClient(url), "OPENALEX_API_URL"),
    (lambda url: crossref.client({"CROSSREF_API_URL": url}), "CROSSREF_API_URL"),
    (lambda url: dblp.person_xml("123/4567", {"DBLP_API_URL": url}), "DBLP_API_URL"),
    (lambda url: github.api_url({"GITHUB_API_URL": url}), "GITHUB_API_URL"),
], ids=["orcid", "openalex", "crossref", "dblp", "github"])
@pytest.mark.parametrize("url", ["file:///etc/passwd", "gopher://example.org", "localhost:8080/api"])
def test_every_client_refuses_an_address_that_is_not_http_before_sending(client, variable, url):
    """A `file://` URL reaches no server (requests answers 'No connection adapters', which was retried as a dropped
    connection), and a typo is no address: one clear error naming the variable, before any request."""
    with pytest.raises(ConfigError) as raised:
        client(url)
    assert raised.value.message.startswith(f"{variable} is '{url}'") and "http:// or https://" in raised.value.message
    assert raised.value.hint and "https://" in raised.value.hint
