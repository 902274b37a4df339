"""The target contract: what every target provides, what a run hands it (RunContext), what it gives back (Outcome).

A target is a module listed in plugins.TARGETS that satisfies `Target`: NAME, configured(), label() and
run(context) -> Outcome. The run loop (targets/session.py) is the one place that turns a ProfilebotError
into a failed Outcome, so a target's run() simply raises. Repository targets (site, exports, profile)
hand their desired files to targets/repository.py; record targets (orcid, scholar) compare works and
report a WorksPlan. The Outcome is plain data (diff/outcome.py); report/outcome.py writes every view of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Callable, Mapping, Protocol

from profilebot.config import Settings
from profilebot.diff.decisions import Memory
from profilebot.diff.outcome import Outcome, Status  # Outcome: what every target.run returns
from profilebot.diff.works import Drift, WorksPlan, Written
from profilebot.errors import ConfigError
from profilebot.model.profile import Profile
from profilebot.clients.http import RetryPolicy, Tally

BOT_BRANCH_PREFIX = "profilebot/"
_REPO = re.compile(r"^[A-Za-z0-9-]+/[A-Za-z0-9._-]+$")


@dataclass(frozen=True)
class Location:
    """Where a target lives: OWNER/NAME, the base branch (None = the repository's default) and the bot branch."""

    repo: str
    branch: str | None
    bot_branch: str

    @property
    def owner(self) -> str:
        return self.repo.split("/")[0]


def _silent(line: str) -> None:
    """The default `say`: a run without a progress display keeps its notes to itself."""


@dataclass(frozen=True)
class RunContext:
    """Everything one target's run may use, passed explicitly rather than found in module globals.

    `write`: False for `diff` (read-only), True for `sync`/`watch`; `dry_run`: read what a sync must and
    write nothing; `say`: warnings for the progress display; `output`: where a target writes files instead
    of pushing them (orcid-missing.bib); `policy`: how every HTTP client retries; `tally`: the requests
    sent, counted by the clients themselves (the --verbose figures); `memory`: the dashboard's decisions;
    `now`: when the run began (aware, in the machine's zone; `today` is its day, the day lint's dated rules
    use), read once by the command (clock.py), so no target reads the clock (the profile target's
    dated rules and citation batches, the dashboard's dates) and a test gives a moment instead; `profile_path`:
    the profile the run reads, as the command was given it (`p.yaml`, `members/ada.yaml`), which a pull request
    names as what its files were generated from.
    """

    profile: Profile
    settings: Settings
    environ: Mapping[str, str]
    write: bool = False
    dry_run: bool = False
    say: Callable[[str], None] = _silent
    output: Path | None = None
    policy: RetryPolicy = field(default_factory=RetryPolicy)
    tally: Tally = field(default_factory=Tally)
    # What the dashboard issue remembers for this run (diff.decisions.Memory per target; None: no dashboard,
    # so nothing can wait there for a tick).
    memory: Mapping[str, Memory] | None = None
    now: datetime = field(kw_only=True)
    profile_path: str = field(default="profile.yaml", kw_only=True)

    @property
    def today(self) -> date:
        return self.now.date()


def works_outcome(target: str, remote: str, drift: Drift, status: Status = Status.PLANNED, *,
                  written: Written | None = None, needs_client_id: bool = False) -> Outcome:
    """A record target's Outcome: its works drift, and what a sync wrote (report/outcome.py words it)."""
    return Outcome(target, status, drift=WorksPlan(target, remote, drift), written=written,
                   needs_client_id=needs_client_id)


def settings(description: str, properties: dict[str, Any]) -> dict[str, Any]:
    """A target's `SETTINGS`: its section of profilebot.yaml as a JSON Schema (optional, a mapping of exactly
    these keys). python -m profilebot.schemas.generate writes it into schema/profilebot.schema.json, which config.py
    reads and docs/configuration.md explains key by key."""
    return {"description": description, "type": ["object", "null"], "additionalProperties": False,
            "properties": properties}


# The `branch` key of a target that proposes its changes to a repository's branch by pull request.
PROPOSED_BRANCH: dict[str, Any] = {
    "type": "string", "description": "The branch to propose changes to (default: the repository's default branch)."}


class Target(Protocol):
    """What every module in plugins.TARGETS provides (a module satisfies it structurally)."""

    NAME: str

    def configured(self, settings: Settings, environ: Mapping[str, str]) -> bool:
        """Whether profilebot.yaml (or the environment) asks for this target: `all` runs only these."""
        ...

    def label(self, settings: Settings, environ: Mapping[str, str]) -> str:
        """What the target reads, for its progress line ("octo/site", "ORCID record 0000-…"); may raise."""
        ...

    def run(self, context: RunContext) -> Outcome:
        """Compare (context.write False) or sync; a ProfilebotError raised here becomes a failed Outcome."""
        ...


def repository(section: Mapping[str, Any], key: str, fallback: str | None = None) -> str:
    """OWNER/NAME from `<section>.repo`, checked, with a hint naming the key."""
    value = section.get("repo") or fallback
    if not value:
        raise ConfigError(f"profilebot.yaml: {key}.repo is not set.", f"Add `{key}:\n  repo: OWNER/NAME`.")
    if not isinstance(value, str) or not _REPO.match(value.strip()):
        raise ConfigError(f"profilebot.yaml: {key}.repo is '{value}'; expected OWNER/NAME (e.g. ada/ada.github.io).")
    return value.strip()


def branch(section: Mapping[str, Any], key: str) -> str | None:
    value = section.get("branch")
    if value is None or value == "":
        return None
    if not isinstance(value, str) or value.startswith(("/", "refs/")) or ".." in value or " " in value:
        raise ConfigError(f"profilebot.yaml: {key}.branch is '{value}'; expected a branch name such as main.")
    return value


def folder(section: Mapping[str, Any], key: str, default: str = "") -> str:
    value = section.get("path", default)
    value = "" if value is None else value
    if not isinstance(value, str) or ".." in value.split("/") or value.startswith("/"):
        raise ConfigError(f"profilebot.yaml: {key}.path is '{value}'; expected a folder inside the repository "
                          "such as docs or exports/.")
    return value.strip("/")
