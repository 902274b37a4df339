"""The dashboard issue on GitHub: found (never duplicated), read before the targets run, written after.

Requests: one listing per run (GET /issues by label) to read it; then nothing when nothing changed, one PATCH
when something did, or, the first time, one POST (the issue and its label in one request). The listing is
also what a retried POST looks at before sending again, so an answer lost on the way back never makes a
second dashboard (clients.github post_once).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Mapping, Sequence

from profilebot.config import Settings
from profilebot.diff.decisions import Memory
from profilebot.errors import ConfigError, ProfilebotError
from profilebot.report import dashboard as view
from profilebot.targets.base import Outcome, RunContext, repository
from profilebot.clients import shape
from profilebot.clients.github import GitHubApi
from profilebot.clients.http import Tally

SECTION = "dashboard"
LABEL = "profilebot-dashboard"


@dataclass(frozen=True)
class Issue:
    number: int
    body: str


@dataclass
class Board:
    """The dashboard of one run: where it lives, what it held, and the memory the targets get from it."""

    repo: str
    issue: Issue | None
    state: Mapping[str, Any]
    memory: dict[str, Memory]
    tally: Tally = field(default_factory=Tally)


def location(settings: Settings, environ: Mapping[str, str]) -> str | None:
    """The repository whose issue is the dashboard: dashboard.repo, else the workflow's repository, else the
    profile target's; None when switched off (`dashboard: {enabled: false}`) or there is no repository."""
    section = settings.section(SECTION)
    enabled = section.get("enabled", True)
    if not isinstance(enabled, bool):
        raise ConfigError(f"profilebot.yaml: dashboard.enabled is {enabled!r}; expected true or false.")
    if not enabled:
        return None
    fallback = environ.get("GITHUB_REPOSITORY") or (settings.section("profile").get("repo")
                                                    if "profile" in settings.sections else None)
    if not section.get("repo") and not fallback:
        return None
    return repository(section, SECTION, fallback)


def open_board(context: RunContext, repo: str) -> Board:
    """Find the dashboard and read the person's ticks into each target's memory (one request)."""
    tally = Tally()
    with _api(context, repo, tally) as api:
        issue = find(api)
    read = view.read(issue.body if issue else None)
    memories = _mapping(read.state.get("memory"))
    memory = {name: Memory.from_data(data).ticked(read.undo, read.propose) for name, data in memories.items()}
    memory.setdefault("profile", Memory().ticked((), read.propose))
    return Board(repo, issue, read.state, memory, tally)


def publish(context: RunContext, board: Board, runs: Sequence[tuple[Outcome, int]], names: Sequence[str],
            warnings: Sequence[str]) -> str:
    """Write the dashboard when what it shows changed: 'created', 'updated' or 'unchanged'. Its dates are the
    run's (`context.now`)."""
    with _api(context, board.repo, board.tally) as api:
        body = render(board, runs, names, warnings, context.now, board.tally.requests + 1)  # + the write below
        if board.issue is not None:
            if view.content(board.issue.body) == view.content(body):
                return "unchanged"
            api.patch(f"/issues/{board.issue.number}", "update the dashboard issue", {"body": body})
            return "updated"
        api.post_once("/issues", "open the dashboard issue", {"title": view.TITLE, "body": body, "labels": [LABEL]},
                      lambda: _as_answer(find(api)))
        return "created"


def render(board: Board, runs: Sequence[tuple[Outcome, int]], names: Sequence[str], warnings: Sequence[str],
           now: datetime, own_requests: int) -> str:
    """The body for this run's outcomes (`runs`: each target's outcome and its request count), as of `now` (the
    run's moment, aware): its day is the day a failure began, the day lint's dated rules use."""
    today = now.date().isoformat()
    return view.render(view.of_run(runs, names, board.memory, _mapping(board.state.get("failing")), today, warnings,
                                   now.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), own_requests))


def find(api: GitHubApi) -> Issue | None:
    """The dashboard: the oldest issue with the label and the marker (a pull request is never one)."""
    listed = api.get("/issues", "find the dashboard issue", ISSUES, labels=LABEL, state="all", per_page=100,
                     sort="created", direction="asc")
    ours = [item for item in listed if "pull_request" not in item and view.MARKER in (item.get("body") or "")]
    if not ours:
        return None
    first = min(ours, key=lambda item: item["number"])
    return Issue(first["number"], first.get("body") or "")


# What `find` reads out of GitHub's list of issues.
ISSUES = shape.ListOf(shape.Object(number=shape.INTEGER, body=shape.Optional(shape.TEXT)))


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, dict) else {}


def _as_answer(issue: Issue | None) -> dict[str, Any] | None:
    return None if issue is None else {"number": issue.number, "body": issue.body}


def _api(context: RunContext, repo: str, tally: Tally):
    from profilebot.targets import repository as repositories
    from profilebot.targets.base import Location

    return repositories.gateway(_with_tally(context, tally), Location(repo, None, ""))


def _with_tally(context: RunContext, tally: Tally) -> RunContext:
    import dataclasses

    return dataclasses.replace(context, tally=tally)


def safely(action, say) -> Any:
    """Run a dashboard step; a failure is a warning (the targets' own results stand), never a failed run."""
    from profilebot.clients.github import GitHubError

    try:
        return action()
    except GitHubError as error:
        hint = (" The workflow needs `issues: write` in its `permissions:` (the workflow `profilebot init` writes "
                "has it); a personal token or App needs Issues: Read and write." if error.status == 403 else "")
        say(f"warning: the dashboard issue: {error}{hint}")
    except ProfilebotError as error:
        say(f"warning: the dashboard issue: {error}")
    return None
