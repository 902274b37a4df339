"""Outcomes → every view of them: the result line, `--quiet`'s line, --verbose's figures and `diff`'s report.

An Outcome (diff/outcome.py) is facts only; the words are written here, so the commands only choose a view and
no view reads another's text. The drift is one value of two shapes, a repository target's `Plan` or a record
target's `WorksPlan`: report/drift.py is where the shape is asked, report/plan.py and report/works.py word each.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence

from profilebot.diff.outcome import Outcome, Status
from profilebot.diff.plan import Plan, describe
from profilebot.report import drift as shapes
from profilebot.report import plan as plans
from profilebot.report import pull_request
from profilebot.report import works


def line(outcome: Outcome) -> str:
    """The result line of sync and a failed diff: `site: opened pull request #3 (…). URL`."""
    return f"{outcome.target}: {result(outcome)}"


def result(outcome: Outcome) -> str:
    """What happened and where to see it: `opened pull request #3 (…). URL` (watch's log line after the target)."""
    return said(outcome) + (f" {outcome.url}" if outcome.url else "")


def status_line(outcome: Outcome) -> str:
    """`lab sync`'s line, which names the status too: `lab-site: opened: opened pull request #1 (…). URL`."""
    return f"{outcome.target}: {outcome.status}: {result(outcome)}"


def dry_run_details(outcome: Outcome) -> str:
    """What `sync --dry-run` adds under a drifted repository target's line: its changes, one per line."""
    plan = shapes.files(outcome.drift)
    return "" if plan is None else "\n".join("  " + line for line in plans.text(plan).splitlines()[1:])


def said(outcome: Outcome) -> str:
    """What happened, for people: a record target's whole works report, else one sentence."""
    if outcome.failure is not None:
        failure = outcome.failure
        return f"failed: {failure.what}" + (f"\n  hint: {failure.hint}" if failure.hint else "")
    if outcome.setup is not None:
        return f"not configured (add `{outcome.setup}` to profilebot.yaml)."
    record = shapes.works(outcome.drift)
    if record is not None:
        return "\n".join([works.describe(record), *_record_notes(outcome)])
    return _pull_request_words(outcome, shapes.files(outcome.drift))


def quiet_line(outcome: Outcome) -> str:
    """`sync --quiet`'s line: a record target's report shrinks to its summary and what was done (or what to set);
    a failure to what failed and its first reason, without the hint."""
    if outcome.failure is not None:
        words = f"failed: {_first_reason(outcome.failure.what)}"
    elif (record := shapes.works(outcome.drift)) is not None:
        summary = works.describe(record).splitlines()[0]
        words = " ".join(dict.fromkeys([summary, *_record_notes(outcome, headline=True)[-1:]]))
    else:
        words = said(outcome)
    return f"{outcome.target}: {words}" + (f" {outcome.url}" if outcome.url else "")


def _first_reason(what: str) -> str:
    """An error's first line, and when that line introduces a list ("… does not pass `check`:"), the list's first
    item: the profile's first error, not only the words that announce it."""
    lines = [line.strip() for line in what.splitlines() if line.strip()]
    if not lines:
        return ""
    return f"{lines[0]} {lines[1]}" if lines[0].endswith(":") and len(lines) > 1 else lines[0]


def _record_notes(outcome: Outcome, headline: bool = False) -> list[str]:
    """What follows a record target's drift report: the setting to add, then what a sync wrote (its headline
    alone for `headline`: the works it lists are left out)."""
    notes = [works.CLIENT_ID_ADVICE] if outcome.needs_client_id else []
    if outcome.written is not None:
        written = works.format_outcome(outcome.written)
        notes.append(written.splitlines()[0] if headline else written)
    return notes


def _pull_request_words(outcome: Outcome, plan: Plan | None) -> str:
    """A repository target's sentence: what the PR engine found or did with the bot's pull request."""
    number, status = outcome.pull, outcome.status
    if status is Status.BLOCKED:
        if number is None:
            return f"someone else pushed to {outcome.branch}; left it alone (no open pull request to comment on)."
        return f"someone else pushed to {outcome.branch}; profilebot leaves it alone (pull request #{number})."
    if outcome.proposed is not None and plan is not None:
        proposed = outcome.proposed
        action = f"update pull request #{number}" if number is not None else \
            f"open a pull request labelled {proposed.label}"
        return (f"would commit {_summary(plan)} onto {proposed.repo} {proposed.base} ({proposed.base_sha[:7]}), "
                f"point {proposed.branch} at it and {action}.")
    if number is None:
        drifted = status is Status.PLANNED and plan is not None and not plan.is_empty
        return "drift." if drifted else "no drift."
    if status is Status.PLANNED:
        return f"no drift; would close pull request #{number}."
    if status is Status.CLOSED:
        return f"no drift; closed pull request #{number}."
    if status is Status.UNCHANGED:
        return f"pull request #{number} is up to date."
    if outcome.labelled:
        return f"labelled pull request #{number}."
    return f"{status} pull request #{number} ({_summary(plan)})."


def _summary(plan: Plan | None) -> str:
    """`2 added, 1 changed; 3 papers`: what the commit holds."""
    if plan is None:
        return describe(())
    return describe(plan.files) + (f"; {len(plan.items)} papers" if plan.items else "")


def figures(outcome: Outcome, requests: int, seconds: float) -> str:
    """--verbose's line for one target: `site: 9 requests, 4 files changed, 0.42s`."""
    return f"{outcome.target}: {costs(outcome, requests, seconds)}"


def costs(outcome: Outcome, requests: int, seconds: float) -> str:
    """--verbose's figures for one target: `9 requests, 4 files changed, 0.42s`."""
    parts = [f"{requests} request{'s' * (requests != 1)}"]
    plan = shapes.files(outcome.drift)
    if plan is not None:
        applied = outcome.status in (Status.OPENED, Status.UPDATED)
        count = len(plan.files)
        parts.append(f"{count} file{'s' * (count != 1)} {'changed' if applied else 'differ'}")
    parts.append(f"{seconds:.2f}s")
    return ", ".join(parts)


@dataclass(frozen=True)
class Printed:
    """A command's report: what goes to stdout (the document a script reads) and to stderr (words for people)."""

    out: str = ""
    err: str = ""


def diff_report(outcomes: Sequence[Outcome], form: str, profile_path: str = pull_request.PROFILE_PATH) -> Printed:
    """`diff`'s report once every target is read; failures were shown as they came, so they are left out here.

    text: the repository targets' file plans, then the other targets' reports. json: one document on stdout
    (always, even empty) and the record targets' words on stderr for people. markdown: every drift (the PR
    check's comment) and the words of a target that has none (not configured).
    """
    others = [outcome for outcome in outcomes if not outcome.failed and shapes.files(outcome.drift) is None]
    if form == "text":
        file_plans = [plan for outcome in outcomes if (plan := shapes.files(outcome.drift)) is not None]
        return Printed((plans.format_plans(file_plans, "text") + "\n" if file_plans else "") + _words(others))
    reports = [outcome.drift for outcome in outcomes if outcome.drift is not None]
    document = plans.format_reports(reports, form, profile_path) + "\n" if reports or form == "json" else ""
    if form == "json":
        return Printed(document, _words(others))
    return Printed(document + _words(outcome for outcome in others if outcome.drift is None))


def _words(outcomes: Iterable[Outcome]) -> str:
    return "".join(said(outcome) + "\n" for outcome in outcomes)


def diff_nothing_configured(form: str, why: str) -> Printed:
    """`diff` with no target configured: why, for people; an empty document for JSON; the reason in the comment."""
    return Printed({"json": "[]\n", "markdown": f"profilebot: {why}\n"}.get(form, ""), f"profilebot: {why}\n")
