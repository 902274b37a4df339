"""Run diff or sync over the chosen targets: each target fails on its own, the others still run."""

from __future__ import annotations

import importlib
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator, Mapping, Sequence

from profilebot import plugins
from profilebot.config import Settings
from profilebot.errors import ProfilebotError
from profilebot.model.profile import Profile
from profilebot.progress import Progress
from profilebot.redact import redact
from profilebot.targets.base import Outcome
from profilebot.targets.http import RetryPolicy

ALL = "all"
# Tests swap this for one with tiny waits; production keeps GitHub's advice (see http.RetryPolicy).
POLICY = RetryPolicy()


def selected(settings: Settings, environ: Mapping[str, str], choice: str | None) -> list[str]:
    """The target names to run: the one asked for, or every configured one for `all` (and by default)."""
    if choice and choice != ALL:
        plugins.load(plugins.TARGETS, choice, "target")  # unknown names fail here, listing the known ones
        return [choice]
    # None configured is not an error: a repository that `init` just wrote has every target commented out,
    # and its scheduled sync and PR check should say so, not fail every day.
    return [name for name in plugins.TARGETS if _module(name).configured(settings, environ)]


NOTHING_CONFIGURED = ("no target is configured in profilebot.yaml, so there is nothing to compare; add a `site:`, "
                      "`exports:`, `orcid:`, `scholar:` or `profile:` section (see the README).")


def run(name: str, profile: Profile, settings: Settings, environ: Mapping[str, str], *, write: bool,
        dry_run: bool = False, say: Callable[[str], None] = lambda line: None, output: Path | None = None) -> Outcome:
    """Fetch, plan and (when `write`) apply one target; a user-fixable failure becomes a failed Outcome."""
    from profilebot.targets import github_repo
    from profilebot.targets.github_api import GitHubApi, credentials

    try:
        target = _module(name)
        if hasattr(target, "run"):  # ORCID and Scholar are records, not repositories: they run themselves
            return target.run(profile, settings, environ, write=write, dry_run=dry_run, say=say, output=output)
        location = target.location(settings, environ)
        desired = target.desired(profile, settings)
        api = GitHubApi(*credentials(environ, location.repo), location.repo, POLICY)
        try:
            return github_repo.run(api, location, name, desired, write=write, dry_run=dry_run, say=say)
        finally:
            api.close()
    except ProfilebotError as error:
        return Outcome(name, "failed", redact(f"failed: {error}"))


@dataclass(frozen=True)
class Measured:
    """One target's outcome and what it cost: the figures --verbose prints."""

    outcome: Outcome
    requests: int
    seconds: float

    def figures(self) -> str:
        """`site: 9 requests, 4 files changed, 0.42s`."""
        return f"{self.outcome.target}: {self.costs()}"

    def costs(self) -> str:
        parts = [f"{self.requests} request{'s' * (self.requests != 1)}"]
        plan = self.outcome.plan
        if plan is not None:
            applied = self.outcome.status in ("opened", "updated")
            count = len(plan.files)
            parts.append(f"{count} file{'s' * (count != 1)} {'changed' if applied else 'differ'}")
        parts.append(f"{self.seconds:.2f}s")
        return ", ".join(parts)


def run_each(names: Sequence[str], profile: Profile, settings: Settings, environ: Mapping[str, str],
             progress: Progress, *, write: bool, dry_run: bool = False,
             output: Path | None = None) -> Iterator[Measured]:
    """`run` target by target, announcing each on `progress`; yields as each ends so results show at once."""
    from profilebot.targets import traffic

    for name in names:
        reads = source(name, settings, environ)
        progress.start(name, f"reading {reads}" if reads else "")
        started = time.monotonic()
        with traffic.counted() as tally:
            outcome = run(name, profile, settings, environ, write=write, dry_run=dry_run, say=progress.note,
                          output=output)
        progress.clear()
        yield Measured(outcome, tally.requests, time.monotonic() - started)


def source(name: str, settings: Settings, environ: Mapping[str, str]) -> str:
    """What a target reads, for its progress line: a repository, an ORCID record or an export file."""
    try:
        target = _module(name)
        if hasattr(target, "location"):
            return target.location(settings, environ).repo
        value = settings.section(name).get("id" if name == "orcid" else "export")
    except ProfilebotError:
        return ""  # the run itself reports the configuration error, with its hint
    if not value:
        return ""
    return f"ORCID record {value}" if name == "orcid" else str(value)


def action_outputs(outcomes: list[Outcome]) -> None:
    """Step outputs (drift-found, pr-urls, …) for a workflow, when running in GitHub Actions."""
    from profilebot import runner_files
    from profilebot.report.actions import TargetOutput, outputs

    runner_files.write_outputs(outputs(TargetOutput(o.target, bool(o.plan and not o.plan.is_empty), o.url, o.failed)
                                       for o in outcomes))


def _module(name: str):
    return importlib.import_module(plugins.TARGETS[name])
