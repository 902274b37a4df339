"""The dashboard issue against the local GitHub: created once, found again, never duplicated (a POST whose
answer was lost is not sent twice), edited only when what it shows changed, failures kept with their start."""

from __future__ import annotations

import datetime

from profilebot.config import Settings
from profilebot.diff.outcome import Failure
from profilebot.model.profile import Person, Profile
from profilebot.targets import dashboard
from profilebot.targets.base import Outcome, RunContext

REPO = "octo/profile"


def context(fake, policy) -> RunContext:
    environ = {"GITHUB_TOKEN": fake.token, "GITHUB_API_URL": fake.api_url, "GITHUB_REPOSITORY": REPO}
    return RunContext(Profile(Person("Ada Lovelace")), Settings(), environ, write=True, policy=policy,
                      now=datetime.datetime(2027, 1, 4, 5, 17, tzinfo=datetime.UTC))


def run(fake, policy, *outcomes: Outcome) -> str:
    ctx = context(fake, policy)
    board = dashboard.open_board(ctx, REPO)
    return dashboard.publish(ctx, board, [(o, 3) for o in outcomes], ["site", "profile"], [])


def test_created_once_then_left_alone_until_something_changes(fake, policy):
    fake.create_repo(REPO, {"profile.yaml": "person: {name: Ada}\n"})
    in_step = Outcome("site", "unchanged")
    assert run(fake, policy, in_step) == "created"
    fake.reset_log()
    assert run(fake, policy, in_step) == "unchanged"
    assert fake.write_count == 0 and fake.count("GET", r"/issues$") == 1
    failing = Outcome("profile", "failed", failure=Failure("OpenAlex failed (503).", "Run again later."))
    assert run(fake, policy, in_step, failing) == "updated"
    body = fake.issues(REPO)[0].body
    assert "**failing** since" in body and "**Fix:** Run again later." in body
    assert run(fake, policy, in_step, failing) == "unchanged"  # still failing, since the same day: no edit
    assert [i.number for i in fake.issues(REPO)] == [1]


def test_a_lost_answer_to_the_create_request_makes_no_second_issue(fake, policy):
    fake.create_repo(REPO, {"profile.yaml": "person: {name: Ada}\n"})
    fake.fail_after("POST", r"/issues$", status=502)  # created, but the answer never arrives
    assert run(fake, policy, Outcome("site", "unchanged")) == "created"
    assert [i.number for i in fake.issues(REPO)] == [1]
    assert run(fake, policy, Outcome("site", "unchanged")) == "unchanged"
    assert [i.number for i in fake.issues(REPO)] == [1]


def test_an_issue_or_pull_request_without_the_marker_is_not_the_dashboard(fake, policy):
    fake.create_repo(REPO, {"profile.yaml": "person: {name: Ada}\n"})
    ctx = context(fake, policy)
    from profilebot.targets import repository
    from profilebot.targets.base import Location

    with repository.gateway(ctx, Location(REPO, None, "")) as api:
        api.post("/issues", "open an issue", {"title": "profilebot dashboard", "body": "mine",
                                              "labels": [dashboard.LABEL]})
        assert dashboard.find(api) is None
    assert run(fake, policy, Outcome("site", "unchanged")) == "created"
    assert [i.number for i in fake.issues(REPO)] == [1, 2]
