"""Run diff, sync or watch over the chosen targets: each target fails on its own, the others still run.

This is the one place that turns a ProfilebotError into a failed Outcome; targets raise and never catch.
"""

from __future__ import annotations

import dataclasses
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Iterator, Mapping, Sequence, cast

from profilebot import plugins
from profilebot.config import Settings
from profilebot.errors import ProfilebotError
from profilebot.model.profile import Profile
from profilebot.progress import Progress
from profilebot.redact import redact
from profilebot.diff.outcome import Failure
from profilebot.targets.base import Outcome, RunContext, Status, Target
from profilebot.clients.http import RetryPolicy, Tally

ALL = "all"
# The policy a command's run context gets. Tests swap it for one with tiny waits; production keeps each
# service's advice (see http.RetryPolicy). Targets never read it: they get context.policy.
POLICY = RetryPolicy()


def target(name: str) -> Target:
    """The target module registered under `name` (unknown names fail, listing the known ones)."""
    return cast(Target, plugins.load(plugins.TARGETS, name, "target"))


def selected(settings: Settings, environ: Mapping[str, str], choice: str | None) -> list[str]:
    """The target names to run: the ones asked for (`site`, `site,orcid` or `site orcid`, each once, in the
    order given), or every configured one for `all`, an empty choice (the action's default) and by default."""
    asked = list(dict.fromkeys((choice or "").replace(",", " ").split()))
    if asked and ALL not in asked:
        for name in asked:
            target(name)  # unknown names fail here, listing the known ones
        return asked
    # None configured is not an error: a repository that `init` just wrote has every target commented out,
    # and its scheduled sync and PR check should say so, not fail every day.
    return [name for name in plugins.TARGETS if target(name).configured(settings, environ)]


NOTHING_CONFIGURED = ("no target is configured in profilebot.yaml, so there is nothing to compare; add a "
                      + " or ".join(filter(None, [", ".join(f"`{name}:`" for name in list(plugins.TARGETS)[:-1]),
                                                  f"`{list(plugins.TARGETS)[-1]}:`"]))
                      + " section (see the README).")


def context(profile: Profile, settings: Settings, environ: Mapping[str, str], *, write: bool, now: datetime,
            dry_run: bool = False, output: Path | None = None, profile_path: Path | None = None) -> RunContext:
    """The run context a command hands to every target (each target's run gets its own request tally); `now`
    is the command's reading of the clock; `profile_path` the profile file as the command was given it."""
    made = RunContext(profile, settings, environ, write=write, dry_run=dry_run, output=output, policy=POLICY, now=now)
    return made if profile_path is None else dataclasses.replace(made, profile_path=profile_path.as_posix())


def run(name: str, context: RunContext) -> Outcome:
    """Run one target; a user-fixable failure becomes a failed Outcome (the only such catch)."""
    try:
        return target(name).run(context)
    except ProfilebotError as error:
        return Outcome(name, Status.FAILED, failure=failure(error))


def failure(error: ProfilebotError) -> Failure:
    """What failed, as data for every view: the error's words and its fix, with any secret taken out."""
    return Failure(redact(error.message), redact(error.hint) if error.hint else None, error.service)


@dataclass(frozen=True)
class Measured:
    """One target's outcome and what it cost: the figures --verbose prints."""

    outcome: Outcome
    requests: int
    seconds: float

    def figures(self) -> str:
        """`site: 9 requests, 4 files changed, 0.42s`."""
        from profilebot.report.outcome import figures

        return figures(self.outcome, self.requests, self.seconds)

    def costs(self) -> str:
        """`9 requests, 4 files changed, 0.42s`."""
        from profilebot.report.outcome import costs

        return costs(self.outcome, self.requests, self.seconds)


def run_each(names: Sequence[str], context: RunContext, progress: Progress) -> Iterator[Measured]:
    """`run` target by target, announcing each on `progress`; yields as each ends so results show at once."""
    for name in names:
        reads = label(name, context)
        progress.start(name, f"reading {reads}" if reads else "")
        started = time.monotonic()
        tally = Tally()  # the target's clients count every request they send into it
        outcome = run(name, dataclasses.replace(context, say=progress.note, tally=tally))
        progress.clear()
        yield Measured(outcome, tally.requests, time.monotonic() - started)


def label(name: str, context: RunContext) -> str:
    """What a target reads, for its progress line; empty when its configuration is wrong (the run says why)."""
    try:
        return target(name).label(context.settings, context.environ)
    except ProfilebotError:
        return ""


def action_outputs(outcomes: list[Outcome]) -> None:
    """Step outputs (drift-found, pr-urls, …) for a workflow, when running in GitHub Actions."""
    from profilebot import runner_files
    from profilebot.report.actions import of_outcomes

    runner_files.write_outputs(of_outcomes(outcomes))
