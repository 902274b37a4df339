"""RetryPolicy and error wording: which failures are retried, how long to wait, what a person reads."""

from __future__ import annotations

import pytest

from profilebot.report import pull_request
from profilebot.targets.http import Failure, GitHubError, RetryPolicy, explain


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
        policy.run("read things", always_502, lambda error: Failure(502))
    assert sleeps == [1, 2] and sum(sleeps) <= 5  # the next wait (4s) would pass max_wait


def test_error_lines_name_what_to_fix():
    assert "contents:write" in str(explain("x", Failure(401, "Bad credentials")))
    assert "lacks permission" in str(explain("x", Failure(403, "Resource not accessible")))
    assert "check the repository name" in str(explain("x", Failure(404, "Not Found")))
    assert "first commit" in str(explain("x", Failure(409, "Git Repository is empty.")))


def test_pr_body_update_replaces_only_the_marked_section():
    human = "Please also check the CV.\n\n"
    old = human + pull_request.START + "\nold\n" + pull_request.END + "\n\nThanks!"
    merged = pull_request.merge(old, pull_request.START + "\nnew\n" + pull_request.END)
    assert merged == human + pull_request.START + "\nnew\n" + pull_request.END + "\n\nThanks!"
    assert pull_request.merge("no markers", "S") == "no markers\n\nS"
