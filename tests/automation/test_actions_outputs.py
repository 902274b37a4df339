"""Step outputs for the composite action: names, values, and $GITHUB_OUTPUT's heredoc format."""

from __future__ import annotations

import json

from profilebot.diff.outcome import Failure, Outcome, Status
from profilebot.diff.plan import FileChange, Plan
from profilebot.report.actions import TargetOutput, format_outputs, of_outcomes, outputs, parse_outputs
from profilebot.runner_files import write_outputs, write_summary


def test_outputs_of_a_run_with_drift_on_one_target():
    values = outputs([TargetOutput("site", True, "https://github.com/o/site/pull/3"),
                      TargetOutput("orcid", False), TargetOutput("exports", False, failed=True)])
    assert values["drift-found"] == "true"
    assert values["drifted-targets"] == "site"
    assert values["failed-targets"] == "exports"
    assert json.loads(values["pr-urls"]) == {"site": "https://github.com/o/site/pull/3"}


def test_outputs_come_from_the_outcomes_facts():
    url = "https://github.com/o/site/pull/3"
    values = of_outcomes([Outcome("site", Status.OPENED, url, Plan("site", (FileChange("a", "added", b""),)), 3),
                          Outcome("orcid", Status.UNCHANGED, setup="orcid: {id: 0000-…}"),
                          Outcome("exports", Status.FAILED, failure=Failure("GitHub refused."))])
    assert values == outputs([TargetOutput("site", True, url), TargetOutput("orcid", False),
                              TargetOutput("exports", False, failed=True)])


def test_no_drift_means_false_and_an_empty_url_map():
    values = outputs([TargetOutput("site", False)])
    assert (values["drift-found"], values["pr-urls"]) == ("false", "{}")


def test_multiline_values_round_trip_through_the_heredoc_form():
    values = {"summary": "line one\nline two", "drift-found": "true"}
    text = format_outputs(values)
    assert text.startswith("summary<<PROFILEBOT_") and "drift-found=true\n" in text
    assert parse_outputs(text) == values
    assert format_outputs(values) == text  # deterministic delimiter


def test_a_value_containing_its_own_delimiter_gets_a_longer_one():
    first = format_outputs({"x": "a\nb"}).splitlines()[0].split("<<")[1]
    crafted = f"a\n{first}\nb"
    assert parse_outputs(format_outputs({"x": crafted})) == {"x": crafted}


def test_outputs_are_appended_only_under_actions(tmp_path, monkeypatch):
    monkeypatch.delenv("GITHUB_OUTPUT", raising=False)
    assert write_outputs({"drift-found": "false"}) is False
    target = tmp_path / "output"
    target.write_text("earlier=1\n")
    monkeypatch.setenv("GITHUB_OUTPUT", str(target))
    monkeypatch.setenv("GITHUB_TOKEN", "tok-should-not-leak")
    assert write_outputs({"drift-found": "true", "note": "tok-should-not-leak"}) is True
    assert parse_outputs(target.read_text()) == {"earlier": "1", "drift-found": "true", "note": "***"}
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    write_summary("## profilebot")
    assert summary.read_text() == "## profilebot\n"
