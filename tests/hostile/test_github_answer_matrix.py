"""The GitHub answer-fault matrix (issue 21): answers a server (or whatever answers at a wrong GITHUB_API_URL) can
send that are not GitHub's — JSON of the wrong shape on every request whose answer the PR engine reads, a redirect
to another host, a redirect of a POST, a body shorter than its Content-Length, a 1 GiB body (declared, or sent
without a length), a gzip bomb — and a `file://` API URL. Each ends in one clear error naming GitHub, the request
and what was wrong, with a hint: a TargetError/ConfigError (a failed target, exit 1), never an internal error
(exit 3). Nothing half-made is left (no bot branch, no pull request), and a clean rerun opens exactly one pull
request. The CLI cases at the end show the exit code and the output a person sees.

The local GitHub fake answers the faults (`answer` for JSON, `raw` for bytes as they are); the answer bounds are
the policy's, shrunk for speed (1 MiB instead of 32 MiB).
"""

from __future__ import annotations

import shutil
import threading
import zlib
from pathlib import Path
from typing import Any, Callable

import pytest

from profilebot.cli import main
from profilebot.clients.github import GitHubApi
from profilebot.clients.http import RetryPolicy
from profilebot.diff.plan import Desired, Ownership
from profilebot.errors import ConfigError, ProfilebotError
from profilebot.render.artifact import Artifact
from profilebot.targets import github_repo, session
from profilebot.targets.base import Location
from tests.fakes.github_server import GitHubFake

REPO, BOT = "octo/site", "profilebot/site"
START = {"README.md": "# mine\n", "index.html": "<p>old</p>\n"}
CAP = 1024 * 1024
POLICY = RetryPolicy(attempts=3, max_wait=5, base_delay=0.01, secondary_wait=0.01, write_interval=0,
                     deadline=10, max_answer_bytes=CAP, sleep=lambda seconds: None)
TOKEN = "ghp_" + "Answ3rM4tr1xT0k3n" * 2


def desired() -> Desired:
    """Text and a binary file: the binary one is uploaded as a blob (POST /git/blobs), the text inline."""
    return Desired((Artifact.text("index.html", "<p>home</p>\n"), Artifact("files/cv.pdf", b"%PDF-\xff\xfe\x00",
                                                                           "application/pdf")),
                   Ownership(("index.html", "files/")))


def sync(fake: GitHubFake, api_url: str | None = None):
    """The PR engine on the repository's default branch, found by reading the repository (GET /repos/o/r)."""
    api = GitHubApi(api_url or fake.api_url, fake.token, REPO, POLICY)
    try:
        location = Location(REPO, None, BOT)
        remote = github_repo.fetch(api, location, desired())
        return github_repo.Sync(api, location).apply(github_repo.plan_for("site", desired(), remote), remote)
    finally:
        api.close()


# --- the answers ------------------------------------------------------------------------------------------------

def _bomb() -> bytes:
    """64 MiB of JSON text that gzip packs into about 64 KiB."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    parts = [packer.compress(b'{"sha": "')] + [packer.compress(b"0" * CAP) for _ in range(64)]
    return b"".join(parts + [packer.compress(b'"}'), packer.flush()])


BOMB = _bomb()


def _endless(out: Any, stop: threading.Event) -> None:
    """An answer with no length that goes on until the client hangs up (1 GiB at most)."""
    block = b" " * 65536
    out.write(b'{"sha": "')
    for _ in range(16384):
        if stop.is_set():
            return
        out.write(block)


Fault = Callable[[GitHubFake], None]


def shaped(method: str, path: str, body: Any, status: int = 200) -> Fault:
    return lambda fake: fake.answer(method, path, body, status=status, times=None)


def raw(method: str, path: str, body: Any, status: int = 200, **headers: str) -> Fault:
    return lambda fake: fake.raw(method, path, body, status=status, headers=headers, times=None)


def elsewhere(method: str, path: str, status: int) -> Fault:
    """A redirect to another host: "localhost" is another origin than 127.0.0.1 (the same server, so a request that
    followed it would show in the log)."""
    def inject(fake: GitHubFake) -> None:
        other = fake.api_url.replace("127.0.0.1", "localhost")
        fake.raw(method, path, b"", status=status, headers={"Location": f"{other}/repos/{REPO}/stolen"}, times=None)
    return inject


def same_host(method: str, path: str, status: int) -> Fault:
    return lambda fake: fake.raw(method, path, b"", status=status,
                                 headers={"Location": f"{fake.api_url}/repos/{REPO}/moved"}, times=None)


REPOSITORY, TREES, BLOBS, COMMITS, PULLS = r"^/repos/octo/site$", r"/git/trees$", r"/git/blobs$", r"/git/commits$", \
    r"/pulls$"
SHA_ANSWERS = {"list": [{"sha": "abc"}], "no-sha": {"url": "x"}, "number-sha": {"sha": 5}}
# (id, fault, words the error holds)
CASES: list[tuple[str, Fault, tuple[str, ...]]] = [
    ("repo-list", shaped("GET", REPOSITORY, [{"default_branch": "main"}]),
     ("read the repository", "should be an object, not a list")),
    ("repo-no-default-branch", shaped("GET", REPOSITORY, {"name": "site"}), ("default_branch is missing",)),
    ("repo-number-branch", shaped("GET", REPOSITORY, {"default_branch": 5}),
     ("default_branch should be text, not the number 5",)),
    *[(f"{step}-{name}", shaped("POST", path, body, 201), (what, "not in the documented shape"))
      for step, path, what in (("blobs", BLOBS, "upload files/cv.pdf"), ("trees", TREES, "create the commit's tree"),
                               ("commits", COMMITS, "create the commit"))
      for name, body in SHA_ANSWERS.items()],
    ("pulls-list", shaped("POST", PULLS, [{"number": 1}], 201), ("open the pull request", "should be an object")),
    ("pulls-no-number", shaped("POST", PULLS, {"html_url": "x"}, 201), ("number is missing",)),
    ("pulls-text-number", shaped("POST", PULLS, {"number": "7"}, 201),
     ("number should be a whole number, not the text '7'",)),
    ("pulls-true-number", shaped("POST", PULLS, {"number": True}, 201), ("number should be a whole number",)),
    ("list-pulls-text-number", shaped("GET", PULLS, [{"number": "1", "state": "open"}]),
     ("list the bot's pull requests", "[0].number should be a whole number")),
    ("branch-null-sha", shaped("GET", r"/branches/", {"commit": {"sha": None}}), ("commit.sha should be text",)),
    ("tree-cross-host-301", elsewhere("GET", r"/git/trees/", 301), ("a redirect to another host", "(301)")),
    ("repo-cross-host-302", elsewhere("GET", REPOSITORY, 302), ("a redirect to another host", "(302)")),
    *[(f"{step}-post-{status}", same_host("POST", path, status), ("a redirect of a POST request", f"({status})"))
      for step, path in (("trees", TREES), ("commits", COMMITS), ("pulls", PULLS), ("blobs", BLOBS))
      for status in (307, 308)],
    ("tree-truncated", raw("GET", r"/git/trees/", b'{"sha": "abc", "tr', **{"Content-Length": "1000"}),
     ("an answer cut short",)),
    ("commit-truncated", raw("POST", COMMITS, b'{"sha"', status=201, **{"Content-Length": "900"}),
     ("create the commit", "an answer cut short")),
    ("tree-1GiB-declared", raw("GET", r"/git/trees/", b"{}", **{"Content-Length": str(1024 ** 3)}),
     ("larger than 1 MiB", "read branch")),
    ("tree-1GiB-streamed", raw("GET", r"/git/trees/", _endless), ("larger than 1 MiB",)),
    ("commit-1GiB-streamed", raw("POST", COMMITS, _endless, status=201), ("larger than 1 MiB", "create the commit")),
    ("tree-gzip-bomb", raw("GET", r"/git/trees/", BOMB, **{"Content-Encoding": "gzip",
                                                           "Content-Length": str(len(BOMB))}),
     ("larger than 1 MiB",)),
    ("pulls-gzip-bomb", raw("POST", PULLS, BOMB, status=201, **{"Content-Encoding": "gzip",
                                                                "Content-Length": str(len(BOMB))}),
     ("larger than 1 MiB", "open the pull request")),
]


@pytest.mark.parametrize("fault, words", [(fault, words) for _, fault, words in CASES], ids=[c[0] for c in CASES])
def test_an_answer_that_is_not_githubs_is_one_clear_error_and_leaves_nothing_half_made(fault: Fault, words):
    with GitHubFake(token=TOKEN) as fake:
        fake.create_repo(REPO, START)
        fault(fake)
        with pytest.raises(ProfilebotError) as raised:
            sync(fake)
        error = raised.value
        assert error.exit_code == 1  # a failed target: session.run turns it into a failed outcome
        message, hint = error.message, error.hint or ""
        assert message.startswith("GitHub") and "\n" not in message and len(message) < 500, message
        assert all(word in message for word in words), message
        assert hint and "Traceback" not in str(error) and TOKEN not in str(error)
        assert "/stolen" not in " ".join(path for _, path, _ in fake.requests)  # never followed elsewhere
        assert len(fake.requests) <= 20
        assert [ref for ref in fake._world.repo(REPO).refs if "profilebot" in ref] == []  # no half-made branch
        assert fake.all_pulls(REPO) == []
        fake.clear_faults()
        assert sync(fake).status == "opened"  # a clean rerun converges: one pull request, one branch
        assert len(fake.open_pulls(REPO)) == 1 and fake.read_tree(REPO, BOT)["files/cv.pdf"] == b"%PDF-\xff\xfe\x00"
        fake.reset_log()
        assert sync(fake).status == "unchanged" and all(method == "GET" for method, _, _ in fake.requests)


def test_a_same_host_redirect_of_a_get_is_still_followed():
    with GitHubFake(token=TOKEN) as fake:
        fake.create_repo(REPO, START)
        fake.raw("GET", REPOSITORY, b"", status=301, headers={"Location": f"{fake.api_url}/repos/{REPO}"}, times=1)
        assert sync(fake).status == "opened"


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/api", "api.github.com", "https://",
                                 "http://127.0.0.1:notaport/api"])
def test_an_api_url_that_is_not_a_web_address_is_one_clear_error_before_any_request(url):
    with pytest.raises(ConfigError) as raised:
        GitHubApi(url, TOKEN, REPO, POLICY)
    assert "GITHUB_API_URL" in raised.value.message and "http:// or https://" in raised.value.message
    assert raised.value.hint and "https://api.github.com" in raised.value.hint


# --- through the command: exit 1 (a failed target), one line, no traceback ----------------------------------------

ROOT = Path(__file__).resolve().parents[2]
CLI_CASES = {case[0]: case for case in CASES if case[0] in (
    "repo-list", "pulls-text-number", "tree-cross-host-301", "commits-post-307", "tree-truncated",
    "tree-1GiB-streamed", "tree-gzip-bomb")}


@pytest.fixture
def world(tmp_path, monkeypatch):
    shutil.copy(ROOT / "profile.yaml", tmp_path / "profile.yaml")
    (tmp_path / "profilebot.yaml").write_text("exports:\n  repo: octo/site\n  formats: [bib]\n", "utf-8")
    monkeypatch.setattr(session, "POLICY", POLICY)
    for variable in ("PROFILEBOT_GITHUB_TOKEN", "GH_TOKEN", "PROFILEBOT_APP_ID", "GITHUB_OUTPUT", "GITHUB_REPOSITORY",
                     "GITHUB_ACTIONS", "GITHUB_WORKFLOW_REF", "GITHUB_STEP_SUMMARY"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("GITHUB_TOKEN", TOKEN)
    with GitHubFake(token=TOKEN) as fake:
        fake.create_repo(REPO, START)
        monkeypatch.setenv("GITHUB_API_URL", fake.api_url)
        yield fake, tmp_path / "profile.yaml"


def run_sync(capsys, profile: Path) -> tuple[int, str]:
    code = main(["sync", str(profile), "--target", "exports"])
    out, err = capsys.readouterr()
    return code, out + err


@pytest.mark.parametrize("case", list(CLI_CASES))
def test_sync_ends_as_a_failed_target_with_one_line(world, capsys, case):
    fake, profile = world
    _, fault, words = CLI_CASES[case]
    fault(fake)
    code, said = run_sync(capsys, profile)
    assert code == 1, said
    assert "Traceback" not in said and "internal error" not in said.lower() and TOKEN not in said
    failed = [line for line in said.splitlines() if "exports" in line and "GitHub" in line]
    assert len(failed) == 1 and all(word in failed[0] for word in words if word != "read the repository"), said
    assert "hint:" in said
    assert fake.all_pulls(REPO) == []
    fake.clear_faults()
    code, said = run_sync(capsys, profile)
    assert code == 0 and len(fake.open_pulls(REPO)) == 1, said


def test_sync_with_a_file_url_fails_the_target_naming_the_variable(world, capsys, monkeypatch):
    fake, profile = world
    monkeypatch.setenv("GITHUB_API_URL", "file:///etc/passwd")
    code, said = run_sync(capsys, profile)
    assert code == 1 and "GITHUB_API_URL is 'file:///etc/passwd'" in said and "Traceback" not in said, said
    assert fake.requests == []
