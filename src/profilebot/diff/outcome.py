"""Outcome: what one target's run found and did, as plain data; report/outcome.py writes every view of it.

It holds facts only — the status, the one drift value, the pull request, what failed — and no sentence: the
text line, `sync --quiet`, `diff`'s text, JSON and Markdown, the dashboard's line and the step outputs are all
rendered from these fields in report/, so no view picks words out of another view's text. It lives in diff/,
beside the drift shapes it carries, because report/ may import diff/ but never targets/ (which build it).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TypeAlias

from profilebot.diff.plan import Plan
from profilebot.diff.works import WorksPlan, Written


class Status(StrEnum):
    """What happened to a target (a str, so `status == "opened"` and printing it read as before)."""

    UNCHANGED = "unchanged"  # nothing to do: no drift, an up-to-date pull request, or not configured
    OPENED = "opened"
    UPDATED = "updated"
    CLOSED = "closed"
    BLOCKED = "blocked"  # someone else pushed to the bot branch: left alone
    PLANNED = "planned"  # diff, or a dry run: compared, nothing written
    FAILED = "failed"


# The one drift value a target reports: a repository target's files (Plan: the site, the exports, the profile,
# whose Plan also carries its review) or a record target's works (WorksPlan: ORCID, Scholar, OpenAlex). The
# report stage dispatches on it; nothing outside report/ asks which one it is.
TargetDrift: TypeAlias = Plan | WorksPlan


@dataclass(frozen=True)
class Failure:
    """Why a target failed: the error's own words (`what`), the service that answered (when one did) and the fix."""

    what: str
    hint: str | None = None
    service: str | None = None


@dataclass(frozen=True)
class Proposed:
    """A dry run's commit that was not made: onto `repo`'s `base` branch at `base_sha`, `branch` pointed at it,
    and the outcome's pull request updated (or, when it has none, one opened with `label`)."""

    repo: str
    base: str
    base_sha: str
    branch: str
    label: str


@dataclass(frozen=True)
class Outcome:
    """One target's run: the facts every view is rendered from (report/outcome.py), never pre-written text.

    `pull`: the bot's pull request the run found, acted on or (dry run) would act on; `branch`: the bot branch someone
    else pushed to (BLOCKED); `proposed`: what a dry run would have committed; `labelled`: an UPDATED run that only
    added the missing label; `written`: what a record target's sync wrote (ORCID's works or its import file);
    `setup`: an unconfigured target's missing section, e.g. "orcid: {id: 0000-…}"; `needs_client_id`: ORCID works
    of our own drifted and only orcid.client_id would let a sync update them; `failure`: why it failed.
    """

    target: str
    status: Status
    url: str | None = None
    drift: TargetDrift | None = None
    pull: int | None = None
    branch: str | None = None
    proposed: Proposed | None = None
    labelled: bool = False
    written: Written | None = None
    setup: str | None = None
    needs_client_id: bool = False
    failure: Failure | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "status", Status(self.status))  # "opened" is read as Status.OPENED

    @property
    def failed(self) -> bool:
        return self.status is Status.FAILED

    @property
    def drifted(self) -> bool:
        """The target differs from the profile (files or works), whatever was done about it."""
        return self.drift is not None and not self.drift.is_empty
