"""Tests of the local GitHub fake, driven by the real PyGithub client and the real git binary."""

from __future__ import annotations

import base64
import hashlib
import os
import shutil
import subprocess

import jsonschema
import pytest
import requests
from github import Auth, Github, GithubException, GithubRetry, InputGitAuthor, InputGitTreeElement
from github.GithubException import BadCredentialsException, RateLimitExceededException, UnknownObjectException

from .github.openapi import is_documented, to_json_schema
from .github_server import GitHubFake, validate_response

REPO = "octo/site"
BOT_BRANCH = "profilebot/site"
SEED_FILES = {"README.md": "# Site\n", "_publications/old.md": "old\n", "_publications/keep.md": "keep\n"}
# Operations the bot or the fake's bootstrap uses that the OpenAPI extract does not cover.
UNDOCUMENTED_OK = {
    ("PUT", "/repos/{owner}/{repo}/contents/{path}"),
    ("POST", "/repos/{owner}/{repo}/labels"),
    ("GET", "/repos/{owner}/{repo}/issues/{issue_number}/comments"),
}

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="needs the git binary")


@pytest.fixture
def fake():
    with GitHubFake() as server:
        server.create_repo(REPO, SEED_FILES)
        yield server


def client(fake: GitHubFake, token: str | None = None, **options) -> Github:
    """The PyGithub set-up tests should use: no retries or throttling unless asked for."""
    options = {"retry": None, "seconds_between_requests": None, "seconds_between_writes": None} | options
    return Github(base_url=fake.api_url, auth=Auth.Token(token or fake.token), **options)


@pytest.fixture
def gh(fake):
    g = client(fake)
    yield g
    g.close()


def api(fake: GitHubFake, method: str, path: str, token: str | None = None, **kwargs) -> requests.Response:
    """A raw request, for what PyGithub cannot express (encoded refs, bare bodies, missing auth)."""
    headers = {"Authorization": f"token {token or fake.token}"} if token != "" else {}
    return requests.request(method, fake.api_url + path, headers=headers, timeout=5, **kwargs)


def assert_all_responses_match_openapi(fake: GitHubFake) -> int:
    checked = 0
    for response in fake.responses:
        if is_documented(response.method, response.template):
            validate_response(response.method, response.template, response.status, response.body)
            checked += 1
        else:
            assert (response.method, response.template) in UNDOCUMENTED_OK, response
    return checked


# --- the bot's flow through real PyGithub --------------------------------------------------------


def run_bot_flow(gh: Github):
    """One sync run the way the bot does it: atomic commit on its branch, then upsert one PR."""
    repo = gh.get_repo(REPO)
    base_ref = repo.get_git_ref(f"heads/{repo.default_branch}")
    base_commit = repo.get_git_commit(base_ref.object.sha)
    base_tree = repo.get_git_tree(base_commit.tree.sha, recursive=True)
    assert {e.path for e in base_tree.tree} >= {"README.md", "_publications", "_publications/old.md"}
    assert repo.get_git_matching_refs(f"heads/{BOT_BRANCH}").totalCount == 0

    binary = repo.create_git_blob(base64.b64encode(b"%PDF-1.4\x00\xff").decode(), "base64")
    new_tree = repo.create_git_tree(
        [
            InputGitTreeElement("_publications/new.md", "100644", "blob", content="---\ntitle: New\n---\n"),
            InputGitTreeElement("files/cv.pdf", "100644", "blob", sha=binary.sha),
            InputGitTreeElement("_publications/old.md", "100644", "blob", sha=None),
        ],
        base_tree=base_tree,
    )
    author = InputGitAuthor("profilebot", "bot@example.org", "2024-05-01T12:00:00Z")
    commit = repo.create_git_commit("profilebot: sync", new_tree, [base_commit], author, author)
    bot_ref = repo.create_git_ref(f"refs/heads/{BOT_BRANCH}", commit.sha)
    bot_ref.edit(commit.sha, force=True)

    assert list(repo.get_pulls(state="open", head=f"octo:{BOT_BRANCH}", base="main")) == []
    pr = repo.create_pull(base="main", head=BOT_BRANCH, title="Sync profile", body="first", draft=False)
    pr.edit(title="Sync profile (2 changes)", body="second")
    pr.add_to_labels("profilebot")
    pr.create_issue_comment("Updated by profilebot")
    found = list(repo.get_pulls(state="open", head=f"octo:{BOT_BRANCH}", base="main"))
    return pr, commit, found


def test_full_bot_flow_with_pygithub_matches_the_openapi_extract(fake, gh):
    pr, commit, found = run_bot_flow(gh)

    assert [p.number for p in found] == [pr.number]
    assert found[0].title == "Sync profile (2 changes)" and found[0].head.sha == commit.sha
    assert [label.name for label in found[0].labels] == ["profilebot"]
    assert fake.read_tree(REPO, BOT_BRANCH) == {
        "README.md": b"# Site\n",
        "_publications/keep.md": b"keep\n",
        "_publications/new.md": b"---\ntitle: New\n---\n",
        "files/cv.pdf": b"%PDF-1.4\x00\xff",
    }
    assert fake.read_tree(REPO) == {k: v.encode() for k, v in SEED_FILES.items()}  # base untouched
    assert [p.number for p in fake.open_pulls(REPO)] == [pr.number]
    assert gh.get_user().login == fake.login
    assert gh.get_rate_limit().resources.core.remaining < 5000
    assert assert_all_responses_match_openapi(fake) == len(fake.responses)


def test_every_absolute_url_in_responses_is_under_the_api_url(fake, gh):
    run_bot_flow(gh)
    urls = [u for r in fake.responses for u in _strings(r.body) if u.startswith(("http:", "https:"))]
    assert len(urls) > 100
    # documentation_url in error bodies is the one exception: github.com's docs, never requested.
    assert [u for u in urls if not u.startswith(fake.api_url + "/")] == []


def _strings(node):
    if isinstance(node, dict):
        node = list(node.values())
    if isinstance(node, list):
        return [s for item in node for s in _strings(item)]
    return [node] if isinstance(node, str) else []


def test_every_response_of_the_error_paths_matches_the_openapi_extract(fake, gh):
    repo = gh.get_repo(REPO)
    sha = fake.branch_sha(REPO, "main")
    for call in (
        lambda: repo.get_git_ref("heads/missing"),
        lambda: repo.create_git_ref("refs/heads/main", sha),
        lambda: repo.create_pull(base="main", head="main", title="t"),
        lambda: repo.get_pull(99),
        lambda: repo.get_contents("missing.md"),
    ):
        with pytest.raises(GithubException):
            call()
    repo.get_contents("README.md")
    repo.get_contents("_publications")
    repo.get_branch("main")
    repo.get_git_blob(repo.get_contents("README.md").sha)
    assert_all_responses_match_openapi(fake)
    assert {status for _, _, status in fake.requests} == {200, 404, 422}


# --- git data semantics --------------------------------------------------------------------------


def test_ref_paths_accept_plain_and_url_encoded_slashes(fake):
    sha = fake.commit_files(REPO, BOT_BRANCH, {"x.md": "x\n"})
    for path in (f"heads/{BOT_BRANCH}", "heads%2Fprofilebot%2Fsite"):
        response = api(fake, "GET", f"/repos/{REPO}/git/ref/{path}")
        assert response.status_code == 200
        assert response.json()["ref"] == f"refs/heads/{BOT_BRANCH}"
        assert response.json()["object"]["sha"] == sha
        matching = api(fake, "GET", f"/repos/{REPO}/git/matching-refs/{path}")
        assert [r["ref"] for r in matching.json()] == [f"refs/heads/{BOT_BRANCH}"]


def test_matching_refs_answers_an_empty_list_and_single_ref_404(fake, gh):
    repo = gh.get_repo(REPO)
    assert list(repo.get_git_matching_refs("heads/nope")) == []
    with pytest.raises(UnknownObjectException):
        repo.get_git_ref("heads/nope")


def test_create_ref_twice_is_422_reference_already_exists(fake, gh):
    repo = gh.get_repo(REPO)
    with pytest.raises(GithubException) as error:
        repo.create_git_ref("refs/heads/main", fake.branch_sha(REPO, "main"))
    assert (error.value.status, error.value.data["message"]) == (422, "Reference already exists")


def test_ref_update_needs_force_unless_fast_forward(fake, gh):
    repo = gh.get_repo(REPO)
    first = fake.commit_files(REPO, BOT_BRANCH, {"a.md": "1\n"})
    second = fake.commit_files(REPO, BOT_BRANCH, {"a.md": "2\n"})
    ref = repo.get_git_ref(f"heads/{BOT_BRANCH}")
    with pytest.raises(GithubException) as error:
        ref.edit(first)  # backwards: not a fast-forward
    assert (error.value.status, error.value.data["message"]) == (422, "Update is not a fast forward")
    ref.edit(first, force=True)
    ref.edit(second)  # forwards again: allowed without force
    assert fake.branch_sha(REPO, BOT_BRANCH) == second
    ref.delete()
    assert fake.branch_sha(REPO, BOT_BRANCH) is None


def test_recursive_query_parameter_presence_turns_recursion_on(fake):
    tree = api(fake, "GET", f"/repos/{REPO}/git/trees/main").json()  # a branch name is a tree-ish
    assert {e["path"] for e in tree["tree"]} == {"README.md", "_publications"}
    for value in ("1", "0", "false"):
        nested = api(fake, "GET", f"/repos/{REPO}/git/trees/{tree['sha']}?recursive={value}").json()
        assert "_publications/old.md" in {e["path"] for e in nested["tree"]}


def test_tree_creation_rules(fake, gh):
    repo = gh.get_repo(REPO)
    base = repo.get_git_tree(fake.branch_sha(REPO, "main"))

    nested = repo.create_git_tree([InputGitTreeElement("a/b/c.md", "100644", "blob", content="c\n")], base)
    assert "a/b/c.md" in {e.path for e in repo.get_git_tree(nested.sha, recursive=True).tree}

    alone = repo.create_git_tree([InputGitTreeElement("only.md", "100644", "blob", content="o\n")])
    assert [e.path for e in alone.tree] == ["only.md"]  # no base_tree: everything else is gone

    with pytest.raises(GithubException) as error:
        repo.create_git_tree([InputGitTreeElement("nope.md", "100644", "blob", sha=None)], base)
    assert error.value.status == 422
    both = {"path": "x", "mode": "100644", "type": "blob", "content": "x", "sha": base.sha}
    response = api(fake, "POST", f"/repos/{REPO}/git/trees", json={"base_tree": base.sha, "tree": [both]})
    assert response.status_code == 422


def test_unchanged_content_gives_the_same_tree_sha(fake, gh):
    repo = gh.get_repo(REPO)
    base = repo.get_git_tree(fake.branch_sha(REPO, "main"))
    same = repo.create_git_tree([InputGitTreeElement("README.md", "100644", "blob", content="# Site\n")], base)
    assert same.sha == base.sha


def test_empty_repository_is_409_until_bootstrapped_through_contents(fake, gh):
    fake.create_repo("octo/empty")
    repo = gh.get_repo("octo/empty")
    with pytest.raises(GithubException) as error:
        repo.get_git_ref("heads/main")
    assert (error.value.status, error.value.data["message"]) == (409, "Git Repository is empty.")
    assert api(fake, "POST", "/repos/octo/empty/git/blobs", json={"content": "x"}).status_code == 409

    repo.create_file("index.md", "bootstrap", "hello\n")
    assert repo.get_git_ref("heads/main").object.sha == fake.branch_sha("octo/empty", "main")
    assert fake.read_tree("octo/empty") == {"index.md": b"hello\n"}


def test_contents_reads_files_and_directories_at_a_ref(fake, gh):
    fake.commit_files(REPO, BOT_BRANCH, {"README.md": "changed\n"})
    repo = gh.get_repo(REPO)
    assert repo.get_contents("README.md").decoded_content == b"# Site\n"
    assert repo.get_contents("README.md", ref=BOT_BRANCH).decoded_content == b"changed\n"
    assert sorted(c.path for c in repo.get_contents("_publications")) == [
        "_publications/keep.md",
        "_publications/old.md",
    ]
    file = repo.get_contents("README.md")
    repo.update_file("README.md", "edit", "new\n", file.sha)
    with pytest.raises(GithubException) as error:
        repo.update_file("README.md", "stale edit", "newer\n", file.sha)
    assert error.value.status == 409
    assert fake.read_tree(REPO)["README.md"] == b"new\n"


def test_git_data_reads_and_writes_are_scoped_to_their_repository(fake, gh):
    fake.create_repo("octo/other", {"other.md": "o\n"})
    other_commit = fake.branch_sha("octo/other", "main")
    with pytest.raises(UnknownObjectException):
        gh.get_repo(REPO).get_git_commit(other_commit)


# --- pull requests, labels, comments -------------------------------------------------------------


def test_pull_request_rules_and_filters(fake, gh):
    repo = gh.get_repo(REPO)
    fake.commit_files(REPO, BOT_BRANCH, {"x.md": "x\n"})
    fake.commit_files(REPO, "other", {"y.md": "y\n"})
    mine = repo.create_pull(base="main", head=BOT_BRANCH, title="bot")
    theirs = repo.create_pull(base="main", head="octo:other", title="human")

    with pytest.raises(GithubException) as error:
        repo.create_pull(base="main", head=BOT_BRANCH, title="again")
    assert error.value.data["errors"][0]["message"] == f"A pull request already exists for octo:{BOT_BRANCH}."
    with pytest.raises(GithubException) as error:
        repo.create_pull(base="main", head="main", title="nothing")
    assert error.value.data["errors"][0]["message"] == "No commits between main and main"

    assert [p.number for p in repo.get_pulls(head=f"octo:{BOT_BRANCH}")] == [mine.number]
    assert {p.number for p in repo.get_pulls(head=BOT_BRANCH)} == {mine.number, theirs.number}  # ignored
    assert list(repo.get_pulls(head=f"someone-else:{BOT_BRANCH}")) == []

    theirs.edit(state="closed")
    assert [p.number for p in repo.get_pulls()] == [mine.number]
    assert [p.number for p in repo.get_pulls(state="closed")] == [theirs.number]
    assert repo.get_pull(theirs.number).closed_at is not None
    assert [p.number for p in fake.open_pulls(REPO)] == [mine.number]


def test_new_commits_on_the_head_branch_show_up_in_the_pull(fake, gh):
    repo = gh.get_repo(REPO)
    fake.commit_files(REPO, BOT_BRANCH, {"x.md": "x\n"})
    pr = repo.create_pull(base="main", head=BOT_BRANCH, title="bot")
    newer = fake.commit_files(REPO, BOT_BRANCH, {"x.md": "x2\n", "z.md": "z\n"})
    pr = repo.get_pull(pr.number)
    assert (pr.head.sha, pr.commits, pr.changed_files) == (newer, 2, 2)


def test_merge_pull_fast_forwards_or_merges_and_marks_merged(fake, gh):
    repo = gh.get_repo(REPO)
    fake.commit_files(REPO, BOT_BRANCH, {"_publications/new.md": "new\n"}, delete=["_publications/old.md"])
    pr = repo.create_pull(base="main", head=BOT_BRANCH, title="bot")
    fake.commit_files(REPO, "main", {"README.md": "# Human edit\n"}, author=("Human", "h@example.org"))

    merge = fake.merge_pull(REPO, pr.number)

    merged = repo.get_pull(pr.number)
    assert merged.merged and merged.state == "closed" and merged.merge_commit_sha == merge
    assert fake.read_tree(REPO) == {
        "README.md": b"# Human edit\n",
        "_publications/keep.md": b"keep\n",
        "_publications/new.md": b"new\n",
    }
    assert len(repo.get_git_commit(merge).parents) == 2
    assert fake.open_pulls(REPO) == []


def test_merge_pull_refuses_conflicting_changes(fake, gh):
    fake.commit_files(REPO, BOT_BRANCH, {"README.md": "bot\n"})
    pr = gh.get_repo(REPO).create_pull(base="main", head=BOT_BRANCH, title="bot")
    fake.commit_files(REPO, "main", {"README.md": "human\n"})
    with pytest.raises(ValueError, match="Merge conflict in README.md"):
        fake.merge_pull(REPO, pr.number)
    assert [p.number for p in fake.open_pulls(REPO)] == [pr.number]


def test_labels_accept_array_and_object_bodies(fake, gh):
    repo = gh.get_repo(REPO)
    fake.commit_files(REPO, BOT_BRANCH, {"x.md": "x\n"})
    pr = repo.create_pull(base="main", head=BOT_BRANCH, title="bot")
    label = repo.create_label("profilebot", "0e8a16", "Opened by profilebot")
    assert (label.color, label.description) == ("0e8a16", "Opened by profilebot")
    with pytest.raises(GithubException) as error:
        repo.create_label("profilebot", "000000")
    assert error.value.status == 422

    pr.add_to_labels("profilebot")  # PyGithub sends a bare JSON array
    path = f"/repos/{REPO}/issues/{pr.number}/labels"
    assert api(fake, "POST", path, json={"labels": ["needs review"]}).status_code == 200
    assert [label.name for label in pr.get_labels()] == ["profilebot", "needs review"]
    pr.set_labels("profilebot")  # PUT replaces
    assert [label.name for label in pr.get_labels()] == ["profilebot"]
    assert [label.description for label in pr.get_labels()] == ["Opened by profilebot"]
    pr.remove_from_labels("profilebot")
    assert list(pr.get_labels()) == []


def test_comments_are_listed(fake, gh):
    repo = gh.get_repo(REPO)
    fake.commit_files(REPO, BOT_BRANCH, {"x.md": "x\n"})
    pr = repo.create_pull(base="main", head=BOT_BRANCH, title="bot")
    pr.create_issue_comment("one")
    pr.create_issue_comment("two")
    assert [c.body for c in pr.get_issue_comments()] == ["one", "two"]
    assert repo.get_pull(pr.number).comments == 2


def test_lists_are_paginated_with_link_headers(fake):
    for n in range(5):
        fake.commit_files(REPO, f"profilebot/b{n}", {"x.md": f"{n}\n"})
    g = client(fake, per_page=2)
    refs = list(g.get_repo(REPO).get_git_matching_refs("heads/profilebot/"))
    assert [r.ref for r in refs] == [f"refs/heads/profilebot/b{n}" for n in range(5)]
    assert fake.count("GET", "matching-refs") == 3


def test_unchanged_objects_answer_conditional_requests_with_304(fake, gh):
    fake.commit_files(REPO, BOT_BRANCH, {"x.md": "x\n"})
    pr = gh.get_repo(REPO).create_pull(base="main", head=BOT_BRANCH, title="bot")
    pr = gh.get_repo(REPO).get_pull(pr.number)
    assert pr.update() is False
    assert fake.requests[-1][2] == 304
    fake.commit_files(REPO, BOT_BRANCH, {"x.md": "x2\n"})
    assert pr.update() is True


# --- authentication and permissions ----------------------------------------------------------------


def test_a_wrong_token_is_401_bad_credentials(fake):
    with pytest.raises(BadCredentialsException):
        client(fake, token="wrong").get_repo(REPO)
    response = api(fake, "GET", f"/repos/{REPO}", token="wrong")
    assert response.status_code == 401
    assert response.json()["message"] == "Bad credentials" and response.json()["documentation_url"]


def test_without_a_token_public_data_is_readable_and_nothing_else(fake):
    """As GitHub documents: unauthenticated requests may fetch public data (60 an hour per address)."""
    response = api(fake, "GET", f"/repos/{REPO}", token="")
    assert response.status_code == 200 and response.headers["x-ratelimit-limit"] == "60"
    written = api(fake, "POST", f"/repos/{REPO}/git/blobs", token="", json={"content": "x", "encoding": "utf-8"})
    assert written.status_code == 401 and written.json()["message"] == "Requires authentication"
    fake.create_repo("octo/secret", {"a.md": "a\n"}, private=True)
    assert api(fake, "GET", "/repos/octo/secret", token="").status_code == 404
    assert api(fake, "GET", "/repos/octo/secret").status_code == 200
    assert "x-ratelimit-remaining" in response.headers


def test_bearer_and_token_schemes_are_both_accepted(fake):
    for scheme in ("token", "Bearer"):
        response = requests.get(f"{fake.api_url}/user", headers={"Authorization": f"{scheme} {fake.token}"}, timeout=5)
        assert response.status_code == 200 and response.json()["login"] == fake.login


def test_read_only_token_can_read_but_not_write(fake):
    fake.add_token("read-only", "reader", read_only=True)
    repo = client(fake, token="read-only").get_repo(REPO)
    with pytest.raises(GithubException) as error:
        repo.create_git_blob("x", "utf-8")
    assert (error.value.status, error.value.data["message"]) == (
        403,
        "Resource not accessible by personal access token",
    )


def test_unknown_repository_is_404(gh):
    with pytest.raises(UnknownObjectException):
        gh.get_repo("octo/nope")


def test_every_response_carries_rate_limit_headers_and_usage_counts(fake, gh):
    fake.fail("GET", "/user")
    for path in ("/user", f"/repos/{REPO}", "/nope"):
        headers = api(fake, "GET", path).headers
        assert {"x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-used", "x-ratelimit-reset"} <= {
            h.lower() for h in headers
        }
    before = gh.get_rate_limit().resources.core.remaining
    gh.get_repo(REPO)
    assert gh.get_rate_limit().resources.core.remaining == before - 1


# --- fault injection -------------------------------------------------------------------------------


@pytest.mark.parametrize("status", [500, 502, 503])
def test_fail_answers_before_any_state_change(fake, gh, status):
    repo = gh.get_repo(REPO)
    fake.commit_files(REPO, BOT_BRANCH, {"x.md": "x\n"})
    fake.fail("POST", r"/pulls$", status=status)
    with pytest.raises(GithubException) as error:
        repo.create_pull(base="main", head=BOT_BRANCH, title="bot")
    assert error.value.status == status
    assert fake.open_pulls(REPO) == []
    repo.create_pull(base="main", head=BOT_BRANCH, title="bot")  # the fault was used up
    assert len(fake.open_pulls(REPO)) == 1


def test_fail_after_applies_the_change_and_loses_the_response(fake, gh):
    repo = gh.get_repo(REPO)
    fake.commit_files(REPO, BOT_BRANCH, {"x.md": "x\n"})
    fake.fail_after("POST", r"/pulls$")
    with pytest.raises(GithubException) as error:
        repo.create_pull(base="main", head=BOT_BRANCH, title="bot")
    assert error.value.status == 502
    assert len(fake.open_pulls(REPO)) == 1
    with pytest.raises(GithubException) as error:  # what a naive retry runs into
        repo.create_pull(base="main", head=BOT_BRANCH, title="bot")
    assert "A pull request already exists" in error.value.data["errors"][0]["message"]


def test_fault_times_and_method_matching(fake, gh):
    fake.fail("GET", r"^/repos/octo/site$", times=2)
    fake.fail("POST", r"^/repos/octo/site$")  # other method: never matches a GET
    for _ in range(2):
        with pytest.raises(GithubException):
            gh.get_repo(REPO)
    gh.get_repo(REPO)
    fake.fail("*", "/user", times=None)
    for _ in range(3):
        with pytest.raises(GithubException):
            _ = gh.get_user().login
    fake.clear_faults()
    assert gh.get_user().login == fake.login


def test_rate_limit_is_429_with_retry_after(fake, gh):
    fake.rate_limit("GET", "/git/ref/", retry_after=7)
    response = api(fake, "GET", f"/repos/{REPO}/git/ref/heads/main")
    assert response.status_code == 429 and response.headers["Retry-After"] == "7"
    assert api(fake, "GET", f"/repos/{REPO}/git/ref/heads/main").status_code == 200


def test_secondary_rate_limit_is_403_that_pygithub_recognises_and_retries(fake, gh):
    fake.secondary_rate_limit("GET", f"^/repos/{REPO}$", retry_after=0)
    with pytest.raises(RateLimitExceededException) as error:
        gh.get_repo(REPO)
    assert error.value.status == 403 and error.value.headers["retry-after"] == "0"
    assert error.value.data["message"].startswith("You have exceeded a secondary rate limit")

    fake.secondary_rate_limit("GET", f"^/repos/{REPO}$", retry_after=0)
    retrying = client(fake, retry=GithubRetry(total=2, secondary_rate_wait=0))
    assert retrying.get_repo(REPO).full_name == REPO
    assert [status for _, path, status in fake.requests if path == f"/repos/{REPO}"][-2:] == [403, 200]


def test_slow_trips_the_client_timeout(fake):
    fake.slow("GET", "/user", seconds=3)
    with pytest.raises(requests.exceptions.ReadTimeout):
        _ = client(fake, timeout=1).get_user().login
    assert client(fake).get_user().login == fake.login


def test_drop_closes_the_connection_without_answer_or_change(fake, gh):
    repo = gh.get_repo(REPO)
    fake.drop("POST", "/git/refs")
    with pytest.raises(requests.exceptions.ConnectionError):
        repo.create_git_ref(f"refs/heads/{BOT_BRANCH}", fake.branch_sha(REPO, "main"))
    assert fake.branch_sha(REPO, BOT_BRANCH) is None
    assert fake.requests[-1] == ("POST", f"/repos/{REPO}/git/refs", 0)


def test_request_log_and_write_counts(fake, gh):
    repo = gh.get_repo(REPO)
    fake.reset_log()
    repo.create_git_blob("x", "utf-8")
    repo.get_git_ref("heads/main")
    assert fake.requests == [
        ("POST", f"/repos/{REPO}/git/blobs", 201),
        ("GET", f"/repos/{REPO}/git/ref/heads/main", 200),
    ]
    assert fake.write_count == 1
    assert fake.count("GET") == 1 and fake.count(path_regex="/git/") == 2
    fake.reset_log()
    assert fake.requests == [] and fake.responses == [] and fake.write_count == 0


def test_close_is_idempotent_and_frees_the_port():
    server = GitHubFake()
    url = server.api_url
    server.close()
    server.close()
    with pytest.raises(requests.exceptions.ConnectionError):
        requests.get(url + "/user", timeout=1)


# --- agreement with real git -----------------------------------------------------------------------


def git(cwd, *args: str, stdin: bytes | None = None, env: dict | None = None) -> str:
    result = subprocess.run(
        ["git", *args], cwd=cwd, input=stdin, capture_output=True, check=True,
        env={**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1", **(env or {})},
    )  # fmt: skip
    return result.stdout.decode().strip()


@needs_git
@pytest.mark.parametrize("data", [b"", b"hello\n", "Ünïcödé – ✓\n".encode(), bytes(range(256))])
def test_blob_sha_equals_git_hash_object(fake, gh, tmp_path, data):
    expected = git(tmp_path, "hash-object", "--stdin", stdin=data)
    encoded = base64.b64encode(data).decode()
    assert gh.get_repo(REPO).create_git_blob(encoded, "base64").sha == expected
    assert hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest() == expected


@needs_git
def test_tree_and_commit_shas_equal_what_git_computes(fake, gh, tmp_path):
    # Names chosen to exercise git's tree ordering: directory "a" sorts as "a/", after "a-b" and "a.b".
    files = {"a-b": "1\n", "a.b": "2\n", "a/c.md": "3\n", "a/d/e.md": "4\n", "z": ""}
    git(tmp_path, "init", "-q")
    for path, text in files.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text)
    git(tmp_path, "add", "-A")
    expected_tree = git(tmp_path, "write-tree")

    repo = gh.get_repo(REPO)
    tree = repo.create_git_tree([InputGitTreeElement(p, "100644", "blob", content=t) for p, t in files.items()])
    assert tree.sha == expected_tree
    subtree = next(e for e in tree.tree if e.path == "a")
    assert subtree.sha == git(tmp_path, "rev-parse", f"{expected_tree}:a")

    # A root commit in UTC, then its child with a +02:00 date: parents and time zones must hash alike.
    message = "Sync profile\n\nBody line\n"
    fake_parents, git_parent_args = [], []
    for date, git_date in (
        ("2024-05-01T12:00:00Z", "1714564800 +0000"),
        ("2024-05-01T14:00:00+02:00", "1714564800 +0200"),
    ):
        who = InputGitAuthor("Ada Lovelace", "ada@example.org", date)
        commit = repo.create_git_commit(message, tree, fake_parents, who, who)
        env = {
            "GIT_AUTHOR_NAME": "Ada Lovelace", "GIT_AUTHOR_EMAIL": "ada@example.org", "GIT_AUTHOR_DATE": git_date,
            "GIT_COMMITTER_NAME": "Ada Lovelace", "GIT_COMMITTER_EMAIL": "ada@example.org",
            "GIT_COMMITTER_DATE": git_date,
        }  # fmt: skip
        expected = git(
            tmp_path, "commit-tree", expected_tree, *git_parent_args, "-F", "-", stdin=message.encode(), env=env
        )
        assert commit.sha == expected
        assert repo.get_git_commit(commit.sha).author.date.timestamp() == 1714564800
        fake_parents, git_parent_args = [commit], ["-p", expected]


# --- the validation helper itself ------------------------------------------------------------------


def test_nullable_becomes_a_null_alternative():
    assert to_json_schema({"type": "string", "nullable": True}) == {"type": ["string", "null"]}
    assert to_json_schema({"$ref": "#/x", "nullable": True}) == {"anyOf": [{"$ref": "#/x"}, {"type": "null"}]}
    assert to_json_schema({"type": "string", "enum": ["a"], "nullable": True})["enum"] == ["a", None]


def test_validation_rejects_a_body_missing_a_required_property(fake, gh):
    gh.get_repo(REPO).get_git_ref("heads/main")
    response = fake.responses[-1]
    validate_response("GET", response.template, 200, response.body)
    broken = {k: v for k, v in response.body.items() if k != "object"}
    with pytest.raises(jsonschema.ValidationError):
        validate_response("GET", response.template, 200, broken)
    with pytest.raises(LookupError):
        validate_response("GET", "/not/documented", 200, {})
