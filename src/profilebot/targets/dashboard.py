"""The dashboard issue on GitHub: found (never duplicated), read before the targets run, written after.

Requests: one listing per run (GET /issues by label) to read it; then nothing when nothing changed, one PATCH
when something did, or, the first time, one POST (the issue and its label in one request). The listing is
also what a retried POST looks at before sending again, so an answer lost on the way back never makes a
second dashboard (github_api.post_once).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Mapping, Sequence

from profilebot.config import Settings
from profilebot.diff.decisions import Memory
from profilebot.diff.review import Item, declined_words
from profilebot.errors import ConfigError, ProfilebotError
from profilebot.report import dashboard as view
from profilebot.targets.base import Outcome, RunContext, repository
from profilebot.targets.github_api import GitHubApi
from profilebot.targets.http import Tally

SECTION = "dashboard"
LABEL = "profilebot-dashboard"
_PULL_NUMBER = re.compile(r"/pull/(\d+)")
_HASH_NUMBER = re.compile(r"pull request #(\d+)")


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
    failing_before = _mapping(board.state.get("failing"))
    done = {outcome.target: (outcome, requests) for outcome, requests in runs}
    states: list[view.TargetState] = []
    failing: dict[str, str | None] = {}
    pending: list[Item] = []
    held: list[Item] = []
    declined: list[Item] = []
    memory = {name: m.data() for name, m in board.memory.items() if m.data() != Memory().data()}
    for name in names:
        if name not in done:
            states.append(view.TargetState(name, "not-configured"))
            continue
        outcome, requests = done[name]
        state = target_state(outcome, requests, str(failing_before.get(name) or today))
        if state.state == "failing":
            failing[name] = state.since
        states.append(state)
        if outcome.plan is not None and outcome.plan.additions and state.state in ("pull-open", "blocked"):
            pending += [Item("", _addition_title(a), a.evidence, a.source) for a in outcome.plan.additions]
        if outcome.review is not None:
            held += [Item(i.key, i.title, i.evidence, i.source) for i in outcome.review.held]
            declined += [Item(i.key, i.title) for i in outcome.review.declined]
            kept = outcome.review.memory.data()
            if kept != Memory().data():
                memory[name] = kept
            else:
                memory.pop(name, None)
        elif name in board.memory:  # the target failed: its decisions still show, unchanged
            declined += [Item(d.key, declined_words(d)) for d in board.memory[name].declined]
    board_view = view.Dashboard(tuple(states), tuple(pending), tuple(held), tuple(declined), tuple(warnings),
                                now.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), own_requests,
                                {"memory": memory, "failing": failing})
    return view.render(board_view)


def target_state(outcome: Outcome, requests: int, since: str) -> view.TargetState:
    """An outcome as the dashboard's line for its target."""
    if outcome.failed:
        error, _, fix = outcome.message.removeprefix("failed: ").partition("\n  hint: ")
        return view.TargetState(outcome.target, "failing", outcome.url, since=since, error=error, fix=fix,
                                requests=requests)
    pull = _pull_number(outcome)
    if outcome.status == "blocked":
        return view.TargetState(outcome.target, "blocked", outcome.url, pull, requests=requests)
    if pull is not None and outcome.status in ("opened", "updated", "unchanged") and outcome.drifted:
        summary = f"{len(outcome.plan.additions)} entries" if outcome.plan is not None and outcome.plan.additions \
            else ""
        return view.TargetState(outcome.target, "pull-open", outcome.url, pull, requests=requests, summary=summary)
    if outcome.works is not None and outcome.drifted:
        return view.TargetState(outcome.target, "drift", requests=requests, summary=outcome.message.splitlines()[0])
    return view.TargetState(outcome.target, "in-step", requests=requests)


def find(api: GitHubApi) -> Issue | None:
    """The dashboard: the oldest issue with the label and the marker (a pull request is never one)."""
    from profilebot.targets.github_repo import documented_shape

    listed = api.get("/issues", "find the dashboard issue", labels=LABEL, state="all", per_page=100,
                     sort="created", direction="asc")
    with documented_shape("find the dashboard issue", listed):
        ours = [item for item in listed if "pull_request" not in item and view.MARKER in str(item.get("body") or "")]
        if not ours:
            return None
        first = min(ours, key=lambda item: int(item["number"]))
        return Issue(int(first["number"]), str(first.get("body") or ""))


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, dict) else {}


def _as_answer(issue: Issue | None) -> dict[str, Any] | None:
    return None if issue is None else {"number": issue.number, "body": issue.body}


def _addition_title(addition: Any) -> str:
    year = f" ({addition.year})" if addition.year else ""
    change = f": {addition.change}" if addition.change else ""
    return f"{addition.title}{year}{change}"


def _pull_number(outcome: Outcome) -> int | None:
    for pattern, text in ((_PULL_NUMBER, outcome.url or ""), (_HASH_NUMBER, outcome.message)):
        found = pattern.search(text)
        if found:
            return int(found.group(1))
    return None


def _api(context: RunContext, repo: str, tally: Tally):
    from profilebot.targets import repository as repositories
    from profilebot.targets.base import Location

    return repositories.gateway(_with_tally(context, tally), Location(repo, None, ""))


def _with_tally(context: RunContext, tally: Tally) -> RunContext:
    import dataclasses

    return dataclasses.replace(context, tally=tally)


def safely(action, say) -> Any:
    """Run a dashboard step; a failure is a warning (the targets' own results stand), never a failed run."""
    from profilebot.targets.http import GitHubError

    try:
        return action()
    except GitHubError as error:
        hint = (" The workflow needs `issues: write` in its `permissions:` (the workflow `profilebot init` writes "
                "has it); a personal token or App needs Issues: Read and write." if error.status == 403 else "")
        say(f"warning: the dashboard issue: {error}{hint}")
    except ProfilebotError as error:
        say(f"warning: the dashboard issue: {error}")
    return None
