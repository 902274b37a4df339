"""Every view of an Outcome, from plain data: the result line, --quiet, --verbose, diff's report and the dashboard.

The words are the ones the targets used to write into the outcome themselves (the CLI tests pin them too); here
each one is made from facts alone, so no view depends on another view's text.
"""

from __future__ import annotations

import json

import pytest

from profilebot.diff.outcome import Failure, Outcome, Proposed, Status
from profilebot.diff.plan import FileChange, Plan
from profilebot.diff.works import Drift, WorksPlan, Written
from profilebot.model.matching import Work
from profilebot.report import dashboard as view
from profilebot.report import outcome as views

PLAN = Plan("site", (FileChange("index.html", "added", b"<p>"), FileChange("cv.md", "changed", b"# CV")))
URL = "https://github.com/octo/site/pull/7"


def works(*titles: str) -> WorksPlan:
    return WorksPlan("orcid", "ORCID", Drift(tuple(Work(f"w{i}", t, 2024) for i, t in enumerate(titles)), (), (), ()))


@pytest.mark.parametrize("outcome, line", [
    (Outcome("site", Status.PLANNED, drift=Plan("site")), "site: no drift."),
    (Outcome("site", Status.PLANNED, drift=PLAN), "site: drift."),
    (Outcome("site", Status.UNCHANGED, drift=Plan("site")), "site: no drift."),
    (Outcome("site", Status.UNCHANGED, URL, PLAN, 7), f"site: pull request #7 is up to date. {URL}"),
    (Outcome("site", Status.UPDATED, URL, PLAN, 7, labelled=True), f"site: labelled pull request #7. {URL}"),
    (Outcome("site", Status.OPENED, URL, PLAN, 7), f"site: opened pull request #7 (1 added, 1 changed). {URL}"),
    (Outcome("site", Status.UPDATED, URL, PLAN, 7), f"site: updated pull request #7 (1 added, 1 changed). {URL}"),
    (Outcome("site", Status.PLANNED, drift=PLAN, proposed=Proposed("octo/site", "main", "0123456789abc",
                                                                    "profilebot/site", "profilebot")),
     "site: would commit 1 added, 1 changed onto octo/site main (0123456), point profilebot/site at it and open a "
     "pull request labelled profilebot."),
    (Outcome("site", Status.PLANNED, drift=PLAN, pull=7, proposed=Proposed("octo/site", "main", "0123456789abc",
                                                                            "profilebot/site", "profilebot")),
     "site: would commit 1 added, 1 changed onto octo/site main (0123456), point profilebot/site at it and update "
     "pull request #7."),
    (Outcome("site", Status.BLOCKED, URL, PLAN, 7, branch="profilebot/site"),
     f"site: someone else pushed to profilebot/site; profilebot leaves it alone (pull request #7). {URL}"),
    (Outcome("site", Status.BLOCKED, drift=PLAN, branch="profilebot/site"),
     "site: someone else pushed to profilebot/site; left it alone (no open pull request to comment on)."),
    (Outcome("site", Status.PLANNED, URL, Plan("site"), 7), f"site: no drift; would close pull request #7. {URL}"),
    (Outcome("site", Status.CLOSED, URL, Plan("site"), 7), f"site: no drift; closed pull request #7. {URL}"),
    (Outcome("orcid", Status.UNCHANGED, setup="orcid: {id: 0000-…}"),
     "orcid: not configured (add `orcid: {id: 0000-…}` to profilebot.yaml)."),
    (Outcome("site", Status.FAILED, failure=Failure("GitHub refused.", "Check the token.")),
     "site: failed: GitHub refused.\n  hint: Check the token."),
    (Outcome("site", Status.FAILED, failure=Failure("GitHub refused.")), "site: failed: GitHub refused."),
])
def test_each_outcome_has_its_line(outcome, line):
    assert views.line(outcome) == line


def test_a_status_given_as_text_is_the_enum():
    assert Outcome("site", "opened").status is Status.OPENED
    with pytest.raises(ValueError):
        Outcome("site", "done")


def test_a_record_sync_says_its_drift_then_what_it_wrote_and_quiet_keeps_the_two_summaries():
    written = Written(created=("A",), failed=("B: 403 refused",))
    outcome = Outcome("orcid", Status.FAILED, drift=works("A", "B"), written=written, needs_client_id=True)
    assert views.said(outcome).splitlines() == [
        "ORCID: 2 missing on ORCID, 0 missing from the profile, 0 field difference(s).", "Missing on ORCID:",
        "  + A (2024)  [w0]", "  + B (2024)  [w1]",
        "Set orcid.client_id (or ORCID_CLIENT_ID) to the client ORCID_TOKEN belongs to and profilebot will also "
        "update the works it added.",
        "ORCID: 1 work(s) added, 0 already there, 0 updated, 1 failed.", "  ! B: 403 refused"]
    assert views.quiet_line(outcome) == ("orcid: ORCID: 2 missing on ORCID, 0 missing from the profile, 0 field "
                                         "difference(s). ORCID: 1 work(s) added, 0 already there, 0 updated, 1 failed.")
    diff_only = Outcome("orcid", Status.PLANNED, drift=works("A"), needs_client_id=True)
    assert views.quiet_line(diff_only).endswith("difference(s). Set orcid.client_id (or ORCID_CLIENT_ID) to the "
                                                "client ORCID_TOKEN belongs to and profilebot will also update the "
                                                "works it added.")


def test_quiet_keeps_what_failed_and_its_first_reason_and_leaves_out_the_hint():
    failed = Outcome("site", Status.FAILED, failure=Failure("GitHub refused.\nmore", "Check the token."))
    assert views.quiet_line(failed) == "site: failed: GitHub refused."
    listed = Failure("profile.yaml on the base branch does not pass `check`, so profilebot will not edit it:\n"
                     "profile.yaml:3:5: error PB001 a\n    hint: b\nprofile.yaml:9:1: error PB002 c", "Fix it first.")
    assert views.quiet_line(Outcome("profile", Status.FAILED, failure=listed)) == (
        "profile: failed: profile.yaml on the base branch does not pass `check`, so profilebot will not edit it: "
        "profile.yaml:3:5: error PB001 a")


def test_verbose_figures_count_files_only_for_a_repository_target():
    assert views.figures(Outcome("site", Status.OPENED, URL, PLAN, 7), 9, 0.4211) == "site: 9 requests, 2 files " \
                                                                                       "changed, 0.42s"
    assert views.figures(Outcome("site", Status.PLANNED, drift=PLAN), 1, 1) == "site: 1 request, 2 files differ, 1.00s"
    assert views.figures(Outcome("orcid", Status.PLANNED, drift=works("A")), 2, 0) == "orcid: 2 requests, 0.00s"


def test_diff_report_puts_the_record_words_on_stderr_for_json_and_leaves_failures_out():
    outcomes = [Outcome("site", Status.PLANNED, drift=PLAN), Outcome("orcid", Status.PLANNED, drift=works("A")),
                Outcome("scholar", Status.UNCHANGED, setup="scholar: {export: scholar.bib}"),
                Outcome("exports", Status.FAILED, failure=Failure("GitHub refused."))]
    as_json = views.diff_report(outcomes, "json")
    assert [entry["target"] for entry in json.loads(as_json.out)] == ["site", "orcid"]
    assert as_json.err.startswith("ORCID: 1 missing on ORCID") and "scholar: {export" in as_json.err
    assert "refused" not in as_json.out + as_json.err
    text = views.diff_report(outcomes, "text")
    assert text.err == "" and text.out.startswith("site: 1 added, 1 changed\n  added   index.html\n")
    assert text.out.endswith("(add `scholar: {export: scholar.bib}` to profilebot.yaml).\n")
    markdown = views.diff_report(outcomes, "markdown").out
    assert "### profilebot: `orcid`" in markdown and markdown.count("not configured") == 1
    assert views.diff_report([], "json").out == "[]\n"


def test_the_dashboard_reads_a_failure_as_data_and_never_finds_a_pull_request_in_a_title():
    failed = view.target_state(Outcome("profile", Status.FAILED, failure=Failure("OpenAlex failed (503).",
                                                                                 "Run again later.")), 3, "2027-01-04")
    assert (failed.state, failed.error, failed.fix, failed.since) == ("failing", "OpenAlex failed (503).",
                                                                     "Run again later.", "2027-01-04")
    # A work titled like a bot message once made an ORCID update a "pull request #7 open" line (the number was
    # read out of the report's words); the number is a fact now, and a record target has none.
    orcid = view.target_state(Outcome("orcid", Status.UPDATED, drift=works("Why pull request #7 matters"),
                                      written=Written(created=("Why pull request #7 matters",))), 4, "2027-01-04")
    assert (orcid.state, orcid.pull) == ("drift", None)
    assert orcid.summary == "ORCID: 1 missing on ORCID, 0 missing from the profile, 0 field difference(s)."
    opened = view.target_state(Outcome("site", Status.OPENED, URL, PLAN, 7), 9, "2027-01-04")
    assert (opened.state, opened.pull, opened.url) == ("pull-open", 7, URL)

