"""The PR engine against the local GitHub: one commit, one PR, human work left alone, faults converge."""

from __future__ import annotations

import pytest

from profilebot.diff.plan import Desired, Ownership
from profilebot.errors import TargetError
from profilebot.render.artifact import Artifact
from profilebot.report import pull_request
from profilebot.targets import github_repo
from profilebot.targets.base import Location
from profilebot.clients.github import GitHubApi
from profilebot.report.outcome import said

from .conftest import SITE_FILES

REPO, BOT = "octo/site", "profilebot/site"
OWNED = Ownership(("index.html", "publications/", ".profilebot/"))
WRITES = {"POST", "PATCH", "PUT", "DELETE"}


def site(version: str, papers: int = 2) -> Desired:
    files = {"index.html": f"<p>home {version}</p>\n"}
    files |= {f"publications/p{i}.html": f"<p>paper {i} {version}</p>\n" for i in range(papers)}
    return Desired(tuple(Artifact.text(p, t) for p, t in sorted(files.items())), OWNED)


def sync(fake, desired: Desired, *, branch: str | None = "main", dry_run: bool = False, policy=None):
    from profilebot.targets import session

    api = GitHubApi(fake.api_url, fake.token, REPO, policy or session.POLICY)
    location = Location(REPO, branch, BOT)
    try:
        remote = github_repo.fetch(api, location, desired)
        return github_repo.Sync(api, location, dry_run).apply(github_repo.plan_for("site", desired, remote), remote)
    finally:
        api.close()


def writes(fake) -> list[tuple[str, str, int]]:
    return [r for r in fake.requests if r[0] in WRITES]


def bot_files(fake) -> dict[str, bytes]:
    return fake.read_tree(REPO, BOT)


def expected_tree(desired: Desired) -> dict[str, bytes]:
    kept = {p: t.encode() for p, t in SITE_FILES.items() if not OWNED.owns(p)}
    return kept | {a.path: a.data for a in desired.artifacts}


def assert_one_pr_with(fake, desired: Desired) -> None:
    pulls = fake.open_pulls(REPO)
    assert len(pulls) == 1 and pulls[0].head == BOT and pulls[0].labels == ["profilebot"]
    assert bot_files(fake) == expected_tree(desired)
    assert [ref for ref in fake._world.repo(REPO).refs if "profilebot" in ref] == [f"refs/heads/{BOT}"]


def test_first_sync_opens_one_pr_whose_single_commit_touches_only_owned_paths(fake):
    base = fake.branch_sha(REPO, "main")
    outcome = sync(fake, site("v1"))
    assert outcome.status == "opened" and outcome.url
    assert_one_pr_with(fake, site("v1"))
    head = fake._world.repo(REPO).objects.commits[fake.branch_sha(REPO, BOT)]
    assert head.parents == (base,)  # one commit on top of the base branch
    assert fake.read_tree(REPO) == {p: t.encode() for p, t in SITE_FILES.items()}  # base never written
    body = fake.open_pulls(REPO)[0].body
    assert body.startswith(pull_request.START) and "| added | 2 |" in body and "| changed | 1 |" in body


def test_second_sync_without_change_makes_two_requests_and_no_write(fake):
    sync(fake, site("v1"))
    fake.reset_log()
    assert sync(fake, site("v1")).status == "unchanged"
    assert writes(fake) == [] and len(fake.requests) == 2


def test_an_edit_adds_a_commit_to_the_same_pr_and_keeps_human_notes(fake):
    sync(fake, site("v1"))
    number = fake.open_pulls(REPO)[0].number
    pull = fake._world.repo(REPO).pulls[number]
    pull.body = "Reviewer note: check the photo.\n\n" + pull.body
    first_head = fake.branch_sha(REPO, BOT)
    fake.reset_log()
    outcome = sync(fake, site("v2", papers=3))
    assert outcome.status == "updated" and len(fake.requests) <= 8
    assert_one_pr_with(fake, site("v2", papers=3))
    assert fake.branch_sha(REPO, BOT) != first_head
    body = fake.open_pulls(REPO)[0].body
    assert body.startswith("Reviewer note: check the photo.\n\n") and "| added | 3 |" in body
    assert body.count(pull_request.START) == 1


def test_after_merge_nothing_happens_and_a_pr_whose_drift_vanished_is_closed(fake):
    sync(fake, site("v1"))
    fake.merge_pull(REPO, fake.open_pulls(REPO)[0].number)
    fake.reset_log()
    assert sync(fake, site("v1")).status == "unchanged"
    assert writes(fake) == [] and fake.open_pulls(REPO) == []
    sync(fake, site("v2"))  # a new PR … then someone fixes main by hand to the same content
    fake.commit_files(REPO, "main", {a.path: a.data for a in site("v2").artifacts})
    outcome = sync(fake, site("v2"))
    assert outcome.status == "closed" and fake.open_pulls(REPO) == []
    closed = fake._world.repo(REPO).pulls[outcome_number(outcome)]
    assert pull_request.CLOSED_MARKER in closed.comments[-1].body


def outcome_number(outcome) -> int:
    return outcome.pull


def test_a_human_commit_on_the_bot_branch_is_never_overwritten_and_gets_one_comment(fake):
    sync(fake, site("v1"))
    human = fake.commit_files(REPO, BOT, {"index.html": "<p>my own fix</p>\n"}, author=("Ada", "ada@example.org"))
    for version in ("v2", "v3"):
        outcome = sync(fake, site(version))
        assert outcome.status == "blocked" and "someone else pushed" in said(outcome)
    assert fake.branch_sha(REPO, BOT) == human
    pull = fake.open_pulls(REPO)[0]
    assert sum(pull_request.HUMAN_PUSH_MARKER in c.body for c in pull.comments) == 1


def test_dry_run_reads_but_never_writes(fake):
    outcome = sync(fake, site("v1"), dry_run=True)
    assert outcome.status == "planned" and "would commit 2 added, 1 changed" in said(outcome)
    assert writes(fake) == [] and fake.open_pulls(REPO) == [] and fake.branch_sha(REPO, BOT) is None


def test_unset_branch_reads_head_and_finds_the_default_branch(fake):
    fake.reset_log()
    assert sync(fake, site("v1"), branch=None).status == "opened"
    assert fake.requests[0][1] == f"/repos/{REPO}/git/trees/HEAD"
    fake.reset_log()
    assert sync(fake, site("v1"), branch=None).status == "unchanged" and len(fake.requests) == 2


# --- faults at every step: each run completes or fails cleanly; a rerun converges ---------------------

STEPS = [
    ("GET", r"/git/trees/"), ("GET", r"/pulls$"), ("GET", r"/branches/"), ("POST", r"/git/trees$"),
    ("POST", r"/git/commits$"), ("POST", r"/git/refs$"), ("POST", r"/pulls$"), ("POST", r"/labels$"),
]


@pytest.mark.parametrize("method,path", STEPS)
@pytest.mark.parametrize("kind", ["fail", "fail_after", "drop", "rate_limit", "secondary_rate_limit", "persistent"])
def test_a_fault_at_any_step_then_a_rerun_converges_to_one_pr_one_branch(fake, method, path, kind):
    if kind == "persistent":
        fake.fail(method, path, status=502, times=None)
    elif kind in ("fail", "fail_after"):
        getattr(fake, kind)(method, path, status=502)
    else:
        getattr(fake, kind)(method, path)
    try:
        outcome = sync(fake, site("v1"))
        assert outcome.status == "opened"
    except TargetError as error:
        assert "GitHub" in str(error) and "\n" not in str(error).split("\n  hint")[0]
    assert len(fake.open_pulls(REPO)) <= 1
    fake.clear_faults()
    final = sync(fake, site("v1"))
    assert final.status in ("opened", "updated", "unchanged")
    assert_one_pr_with(fake, site("v1"))
    fake.reset_log()
    assert sync(fake, site("v1")).status == "unchanged" and writes(fake) == []


@pytest.mark.parametrize("method,path", [("PATCH", r"/git/refs/"), ("PATCH", r"/pulls/\d+$"),
                                         ("GET", r"/git/blobs/")])
def test_faults_on_the_update_path_converge_too(fake, method, path):
    sync(fake, site("v1"))
    manifest = Artifact.text(".profilebot/publications.json", '{"publications": {}}\n')
    fake.commit_files(REPO, "main", {manifest.path: manifest.data})
    v2 = Desired(site("v2").artifacts + (Artifact.text(manifest.path, '{"publications": {"a": {"title": "A"}}}\n'),),
                 OWNED)
    fake.fail_after(method, path, status=502) if method != "GET" else fake.fail(method, path, status=503)
    sync(fake, v2)
    fake.clear_faults()
    sync(fake, v2)
    pulls = fake.open_pulls(REPO)
    assert len(pulls) == 1 and bot_files(fake)["index.html"] == b"<p>home v2</p>\n"
    assert "**new paper** `a`" in pulls[0].body


def test_a_slow_answer_past_the_timeout_is_retried(fake, policy, sleeps):
    import dataclasses

    fake.slow("GET", r"/pulls$", seconds=2.5)
    quick = dataclasses.replace(policy, timeout=1)
    assert sync(fake, site("v1"), policy=quick).status == "opened"
    assert len(sleeps) == 1


def test_retry_waits_honour_retry_after_and_stay_bounded(fake, sleeps):
    fake.rate_limit("GET", r"/git/trees/", retry_after=3)
    fake.secondary_rate_limit("POST", r"/git/commits$", retry_after=2)
    sync(fake, site("v1"))
    assert sleeps == [3.0, 2.0]
    fake.rate_limit("GET", r"/git/trees/", retry_after=60, times=None)
    with pytest.raises(TargetError, match="rate-limited"):
        sync(fake, site("v2"))


def test_a_branch_left_by_a_merged_pr_is_reused_unless_a_person_pushed_to_it(fake):
    sync(fake, site("v1"))
    fake.merge_pull(REPO, fake.open_pulls(REPO)[0].number)
    assert sync(fake, site("v2")).status == "opened"  # the old bot branch is the bot's: moved, new PR
    assert_one_pr_with(fake, site("v2"))
    fake.merge_pull(REPO, fake.open_pulls(REPO)[0].number)
    human = fake.commit_files(REPO, BOT, {"notes.md": "mine\n"}, author=("Ada", "ada@example.org"))
    outcome = sync(fake, site("v3"))
    assert outcome.status == "blocked" and fake.branch_sha(REPO, BOT) == human
    assert fake.open_pulls(REPO) == []


def test_first_sync_and_update_stay_within_eight_requests(fake):
    fake.reset_log()
    sync(fake, site("v1", papers=40))
    assert len(fake.requests) == 8
    fake.reset_log()
    sync(fake, site("v2", papers=400))
    assert len(fake.requests) == 7


def test_a_branch_left_by_a_merged_pr_is_fast_forwarded_without_being_read(fake):
    sync(fake, site("v1"))
    fake.merge_pull(REPO, fake.open_pulls(REPO)[0].number)
    fake.reset_log()
    assert sync(fake, site("v2")).status == "opened"
    calls = [(method, path) for method, path, _status in fake.requests]
    assert ("PATCH", f"/repos/{REPO}/git/refs/heads/{BOT}") in calls
    assert not any(path.endswith(f"/branches/{BOT}") for _method, path in calls)  # no ownership read needed
    assert ("POST", f"/repos/{REPO}/git/refs") not in calls
    assert len(fake.requests) == 8
    assert_one_pr_with(fake, site("v2"))


def test_a_branch_deleted_on_merge_is_created_again(fake):
    sync(fake, site("v1"))
    fake.merge_pull(REPO, fake.open_pulls(REPO)[0].number)
    fake._world.repo(REPO).delete_ref(f"refs/heads/{BOT}")  # "Automatically delete head branches"
    assert sync(fake, site("v2")).status == "opened"
    assert_one_pr_with(fake, site("v2"))


def test_a_branch_left_by_a_pr_closed_unmerged_is_the_bots_and_is_moved(fake):
    sync(fake, site("v1"))
    number = fake.open_pulls(REPO)[0].number
    fake._world.repo(REPO).pulls[number].state = "closed"  # a person closed it without merging
    assert sync(fake, site("v2")).status == "opened"  # diverged from main, but every commit is the bot's
    assert_one_pr_with(fake, site("v2"))


# --- races: a push that lands while the bot builds its commit is never overwritten --------------------

def human_push(fake, pushed: list[str], files: dict[str, str] | None = None):
    """A person's push, run by the fake right before the bot's ref move (no sleeps: the fake's hook)."""
    def push() -> None:
        pushed.append(fake.commit_files(REPO, BOT, files or {"index.html": "<p>my own fix</p>\n"},
                                        author=("Ada", "ada@example.org")))
    return push


def test_a_push_between_the_bots_commit_and_its_ref_move_survives_with_one_comment(fake):
    sync(fake, site("v1"))
    pushed: list[str] = []
    fake.before("PATCH", r"/git/refs/heads/", human_push(fake, pushed))
    outcome = sync(fake, site("v2"))
    assert outcome.status == "blocked" and pushed
    assert fake.branch_sha(REPO, BOT) == pushed[0]  # the person's commit is the head, not overwritten
    assert bot_files(fake)["index.html"] == b"<p>my own fix</p>\n"
    pulls = fake.open_pulls(REPO)
    assert len(pulls) == 1
    assert sum(pull_request.HUMAN_PUSH_MARKER in c.body for c in pulls[0].comments) == 1
    assert sync(fake, site("v3")).status == "blocked"  # later runs leave it alone without commenting again
    assert sum(pull_request.HUMAN_PUSH_MARKER in c.body for c in fake.open_pulls(REPO)[0].comments) == 1
    assert fake.branch_sha(REPO, BOT) == pushed[0]


def test_the_updated_pr_diff_is_the_plan_even_after_the_base_moved(fake):
    sync(fake, site("v1"))
    old_head = fake.branch_sha(REPO, BOT)
    base = fake.commit_files(REPO, "main", {"README.md": "# moved on\n"})
    assert sync(fake, site("v2")).status == "updated"
    head = fake._world.repo(REPO).objects.commits[fake.branch_sha(REPO, BOT)]
    assert head.parents == (base, old_head)  # the current base first (the PR's merge base), then what we checked
    assert bot_files(fake)["README.md"] == b"# moved on\n"  # the base's change is not reverted by the PR
    assert bot_files(fake) == expected_tree(site("v2")) | {"README.md": b"# moved on\n"}


def test_a_push_racing_the_move_of_a_diverged_bot_branch_survives(fake):
    sync(fake, site("v1"))
    number = fake.open_pulls(REPO)[0].number
    fake._world.repo(REPO).pulls[number].state = "closed"  # closed unmerged: the branch diverged from main
    pushed: list[str] = []
    fake.before("PATCH", r"/git/refs/heads/", lambda: None)  # the first move is refused (diverged) …
    fake.before("PATCH", r"/git/refs/heads/", human_push(fake, pushed))  # … the push lands before the second
    outcome = sync(fake, site("v2"))
    assert outcome.status == "blocked" and fake.branch_sha(REPO, BOT) == pushed[-1]
    assert fake.open_pulls(REPO) == []


def test_a_concurrent_bot_run_moving_the_branch_is_built_upon_not_overwritten(fake):
    sync(fake, site("v1"))
    other: list[str] = []

    def other_run() -> None:
        sync(fake, site("v3"))
        other.append(fake.branch_sha(REPO, BOT))

    fake.before("PATCH", r"/git/refs/heads/", other_run)
    assert sync(fake, site("v2")).status == "updated"
    head = fake._world.repo(REPO).objects.commits[fake.branch_sha(REPO, BOT)]
    assert other and other[0] in head.parents  # the other run's commit is kept in the history
    assert_one_pr_with(fake, site("v2"))


# --- comments are posted once: a retried POST and a rerun both look first -----------------------------

def test_a_comment_whose_answer_was_lost_is_not_posted_again_by_the_retry(fake):
    sync(fake, site("v1"))
    fake.commit_files(REPO, BOT, {"index.html": "<p>mine</p>\n"}, author=("Ada", "ada@example.org"))
    fake.fail_after("POST", r"/comments$", status=502)  # the comment is made, the answer lost
    assert sync(fake, site("v2")).status == "blocked"
    comments = fake.open_pulls(REPO)[0].comments
    assert sum(pull_request.HUMAN_PUSH_MARKER in c.body for c in comments) == 1


def test_a_run_that_commented_and_failed_to_close_does_not_comment_again(fake):
    sync(fake, site("v1"))
    fake.commit_files(REPO, "main", {a.path: a.data for a in site("v1").artifacts})  # drift fixed by hand
    fake.fail("PATCH", r"/pulls/\d+$", status=502, times=None)
    with pytest.raises(TargetError):
        sync(fake, site("v1"))
    fake.clear_faults()
    assert sync(fake, site("v1")).status == "closed"
    closed = fake._world.repo(REPO).pulls[max(fake._world.repo(REPO).pulls)]
    assert closed.state == "closed" and sum(pull_request.CLOSED_MARKER in c.body for c in closed.comments) == 1


# --- answers that are JSON but not GitHub's documented shape: one line, no internal error -------------

@pytest.mark.parametrize("method,path,body", [
    ("GET", r"/git/trees/", {"sha": "abc", "tree": "not a list"}),
    ("GET", r"/git/trees/", {"sha": "abc", "tree": [{"path": 5, "sha": None, "type": "blob"}]}),
    ("GET", r"/pulls$", {"message": "pulls should be a list"}),
    ("GET", r"/pulls$", [{"state": "open", "number": 1, "head": "x"}]),
    ("GET", r"/branches/", {"commit": []}),
])
def test_a_malformed_answer_is_one_clear_line(fake, method, path, body):
    fake.answer(method, path, body, times=None)
    with pytest.raises(TargetError) as raised:
        sync(fake, site("v1"))
    message = str(raised.value).split("\n  hint")[0]
    assert "not in the documented shape" in message and "\n" not in message and len(message) < 400


def test_a_megabyte_error_message_is_cut_to_one_short_line(fake):
    fake.answer("GET", r"/git/trees/", {"message": "x" * 1_000_000}, status=422, times=None)
    with pytest.raises(TargetError) as raised:
        sync(fake, site("v1"))
    assert len(str(raised.value)) < 600
