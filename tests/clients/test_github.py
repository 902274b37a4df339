"""GitHub's REST gateway (clients/github.py) sends through PyGithub's Requester, whose only connection is the
policy's (`_Exchange`): PyGithub builds the request, the policy sends it and reads the answer within its bounds.
Real PyGithub and `requests` against local servers."""

from __future__ import annotations

from collections.abc import Iterator

import github.Requester
import pytest

from profilebot.clients.github import GitHubApi, GitHubError
from profilebot.clients.http import RetryPolicy
from tests.fakes.http_fake import FakeService, Reply, Request


class _Script(FakeService):
    """Answers each path from its script, one answer per request (the last one repeats); anything else 200."""

    name = "scripted GitHub"

    def __init__(self, script: dict[str, list[Reply]]) -> None:
        super().__init__()
        self.script = script

    def answer(self, request: Request) -> Reply:
        answers = self.script.get(request.path, [Reply(200, {"ok": True})])
        return answers.pop(0) if len(answers) > 1 else answers[0]

    @property
    def seen(self) -> list[tuple[str, str, str | None]]:
        return [(entry.request.method, entry.path, entry.request.headers.get("authorization")) for entry in self.log]


@pytest.fixture
def elsewhere() -> Iterator[_Script]:
    with _Script({}) as server:
        yield server


@pytest.fixture
def spied(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """How often the gateway asked PyGithub's Requester, and how many connections PyGithub made itself."""
    counts = {"requester": 0, "own connections": 0}
    ask = github.Requester.Requester.requestJsonAndCheck

    def counted(self: github.Requester.Requester, *args: object, **options: object) -> object:
        counts["requester"] += 1
        return ask(self, *args, **options)  # type: ignore[arg-type]

    def refuse(self: object, *args: object, **options: object) -> None:
        counts["own connections"] += 1
        raise AssertionError("PyGithub made a connection of its own")

    monkeypatch.setattr(github.Requester.Requester, "requestJsonAndCheck", counted)
    monkeypatch.setattr(github.Requester.HTTPRequestsConnectionClass, "__init__", refuse)
    monkeypatch.setattr(github.Requester.HTTPSRequestsConnectionClass, "__init__", refuse)
    return counts


def _api(url: str) -> GitHubApi:
    return GitHubApi(url + "/api/v3", "t0ken", "octo/site", RetryPolicy(attempts=3, sleep=lambda _s: None))


def test_a_request_goes_through_pygithub_on_the_policys_connection(spied: dict[str, int]) -> None:
    with _Script({"/api/v3/repos/octo/site/pulls": [Reply(301, None, {"Location": "/api/v3/repos/octo/site/p2"})],
                  "/api/v3/repos/octo/site/p2": [Reply(200, [{"number": 1}])]}) as server:
        api = _api(server.url)
        assert api.get("/pulls", "list the pull requests", state="open") == [{"number": 1}]
        api.close()
    # The Enterprise prefix, the query and the token reach the server; the same-host 301 of a GET is followed.
    assert server.seen == [("GET", "/api/v3/repos/octo/site/pulls", "Bearer t0ken"),
                           ("GET", "/api/v3/repos/octo/site/p2", "Bearer t0ken")]
    assert server.requests()[0].query == {"state": ["open"]}
    assert spied == {"requester": 1, "own connections": 0}


def test_a_redirect_to_another_host_is_one_clear_error_not_pygithubs_runtime_error(
        spied: dict[str, int], elsewhere: _Script) -> None:
    other = elsewhere.url.replace("127.0.0.1", "localhost")
    with _Script({"/api/v3/repos/octo/site/git/trees/main": [Reply(301, None, {"Location": f"{other}/steal"})]}) \
            as server, pytest.raises(GitHubError) as error:
        _api(server.url).get("/git/trees/main", "read the tree")
    assert "a redirect to another host (localhost:" in str(error.value) and error.value.status == 301
    assert elsewhere.seen == [] and spied["requester"] == 1


def test_a_redirected_post_is_not_sent_again(spied: dict[str, int]) -> None:
    with _Script({"/api/v3/repos/octo/site/pulls": [Reply(308, None, {"Location": "/api/v3/repos/octo/site/p2"})]}) \
            as server, pytest.raises(GitHubError) as error:
        api = _api(server.url)
        api.policy = RetryPolicy(attempts=3, sleep=lambda _s: None, write_interval=0)
        api.post("/pulls", "open the pull request", {"title": "t"})
    assert "a redirect of a POST request" in str(error.value)
    assert [(verb, path) for verb, path, _ in server.seen] == [("POST", "/api/v3/repos/octo/site/pulls")]


def test_a_202_to_a_get_is_retried_under_the_policys_bounds(spied: dict[str, int]) -> None:
    """PyGithub itself would sleep 2 s and ask again, without end; here each try counts and the tries are bounded."""
    path = "/api/v3/repos/octo/site/git/trees/main"
    with _Script({path: [Reply(202, {}), Reply(200, {"sha": "abc"})]}) as server:
        api = _api(server.url)
        assert api.get("/git/trees/main", "read the tree")["sha"] == "abc"
    assert api.tally.requests == 2 and server.count("trees") == 2
