"""The dashboard issue: plain data → its Markdown body, and a body → the person's ticks and the bot's memory.

One issue per repository shows every target's state, the works waiting in the pull request with their
evidence, the works held back (tick to propose), the declined ones (tick to undo), and what the last run that
changed anything cost. The bot's memory (diff.decisions.Memory per target, when each failure began) rides in
one hidden line; the person's ticks are read from the checkbox lines. `content` is the body without the run
line, so a run that changes nothing else leaves the issue alone (no edit, no notification).
"""

from __future__ import annotations

import base64
import json
import re
import zlib
from dataclasses import dataclass, field
from typing import Any, Mapping, Sequence

from profilebot.diff.decisions import Memory
from profilebot.diff.entries import EntryAddition
from profilebot.diff.outcome import Outcome, Status
from profilebot.diff.review import Item  # a work (or fill) on the dashboard: key, title, evidence, source
from profilebot.diff.review import declined_words
from profilebot.report import drift as shapes
from profilebot.report.outcome import said

MARKER = "<!-- profilebot:dashboard -->"
TITLE = "profilebot dashboard"
_STATE = re.compile(r"<!-- profilebot:state ([A-Za-z0-9+/=]+) -->")
_TICK = re.compile(r"^\s*[-*] \[[xX]\] <!-- profilebot:(undo|propose) ([a-z0-9]+) -->", re.MULTILINE)
_RUN_LINE = re.compile(r"^<!-- profilebot:run -->.*$", re.MULTILINE)
MAX_LISTED = 200  # an issue body holds at most 65,536 characters


@dataclass(frozen=True)
class TargetState:
    """One target's line: in step, PR #n open, blocked, failing (since when, what, the fix), not configured."""

    name: str
    state: str  # in-step | pull-open | blocked | failing | drift | not-configured
    url: str | None = None
    pull: int | None = None
    since: str | None = None
    error: str = ""
    fix: str = ""
    requests: int = 0
    summary: str = ""


@dataclass(frozen=True)
class Dashboard:
    targets: tuple[TargetState, ...]
    pending: tuple[Item, ...] = ()
    held: tuple[Item, ...] = ()
    declined: tuple[Item, ...] = ()
    warnings: tuple[str, ...] = ()
    ran_at: str = ""  # "2026-12-05 05:17 UTC"
    own_requests: int = 0  # the dashboard's and the keep-alive's requests
    state: Mapping[str, Any] = field(default_factory=dict)  # the bot's memory, hidden


@dataclass(frozen=True)
class Read:
    """What a dashboard body holds: the bot's memory and the boxes the person ticked."""

    state: Mapping[str, Any]
    undo: frozenset[str]
    propose: frozenset[str]


def of_run(runs: Sequence[tuple[Outcome, int]], names: Sequence[str], memory: Mapping[str, Memory],
           failing_before: Mapping[str, Any], today: str, warnings: Sequence[str] = (), ran_at: str = "",
           own_requests: int = 0) -> Dashboard:
    """The dashboard of one run from its outcomes (`runs`: each target's outcome and its request count), the
    targets that could run (`names`), the memory the targets started from and the days failures began."""
    done = {outcome.target: (outcome, requests) for outcome, requests in runs}
    states: list[TargetState] = []
    failing: dict[str, str | None] = {}
    pending: list[Item] = []
    held: list[Item] = []
    declined: list[Item] = []
    kept = {name: m.data() for name, m in memory.items() if m.data() != Memory().data()}
    for name in names:
        if name not in done:
            states.append(TargetState(name, "not-configured"))
            continue
        outcome, requests = done[name]
        state = target_state(outcome, requests, str(failing_before.get(name) or today))
        if state.state == "failing":
            failing[name] = state.since
        states.append(state)
        plan = shapes.files(outcome.drift)
        if plan is not None and plan.additions and state.state in ("pull-open", "blocked"):
            pending += [Item("", _addition_title(a), a.evidence, a.source) for a in plan.additions]
        if plan is not None and plan.review is not None:
            held += [Item(i.key, i.title, i.evidence, i.source) for i in plan.review.held]
            declined += [Item(i.key, i.title) for i in plan.review.declined]
            data = plan.review.memory.data()
            if data != Memory().data():
                kept[name] = data
            else:
                kept.pop(name, None)
        elif name in memory:  # the target failed: its decisions still show, unchanged
            declined += [Item(d.key, declined_words(d)) for d in memory[name].declined]
    return Dashboard(tuple(states), tuple(pending), tuple(held), tuple(declined), tuple(warnings), ran_at,
                     own_requests, {"memory": kept, "failing": failing})


def target_state(outcome: Outcome, requests: int, since: str) -> TargetState:
    """An outcome as the dashboard's line for its target."""
    if outcome.failed:
        failure = outcome.failure
        # A failed record write (ORCID refused some works) has no error of its own: its report says which.
        error, fix = (failure.what, failure.hint or "") if failure is not None else (said(outcome), "")
        return TargetState(outcome.target, "failing", outcome.url, since=since, error=error, fix=fix,
                           requests=requests)
    if outcome.status is Status.BLOCKED:
        return TargetState(outcome.target, "blocked", outcome.url, outcome.pull, requests=requests)
    plan = shapes.files(outcome.drift)
    if outcome.pull is not None and outcome.status in (Status.OPENED, Status.UPDATED, Status.UNCHANGED) \
            and outcome.drifted:
        summary = f"{len(plan.additions)} entries" if plan is not None and plan.additions else ""
        return TargetState(outcome.target, "pull-open", outcome.url, outcome.pull, requests=requests, summary=summary)
    if plan is None and outcome.drifted:  # a record target's drift: its summary line
        return TargetState(outcome.target, "drift", requests=requests, summary=said(outcome).splitlines()[0])
    return TargetState(outcome.target, "in-step", requests=requests)


def _addition_title(addition: EntryAddition) -> str:
    year = f" ({addition.year})" if addition.year else ""
    change = f": {addition.change}" if addition.change else ""
    return f"{addition.title}{year}{change}"


def render(board: Dashboard) -> str:
    lines = [MARKER, "This issue lists what profilebot is waiting on, pending, declined or failing. It is edited "
             "in place by the scheduled sync, and only when something changed. Tick a box to act on the next run.",
             "", "## Targets", "", "| target | state |", "| --- | --- |"]
    lines += [f"| `{t.name}` | {_state_words(t)} |" for t in board.targets]
    failing = [t for t in board.targets if t.state == "failing"]
    for target in failing:
        lines += ["", f"### `{target.name}` is failing since {target.since}", "", f"> {_line(target.error)}"]
        if target.fix:
            lines += ["", f"**Fix:** {_line(target.fix)}"]
    if board.warnings:
        lines += ["", "## Warnings", ""] + [f"- {_line(w)}" for w in board.warnings]
    lines += ["", "## Pending review", ""]
    lines += [f"- {_work(w)}" for w in board.pending[:MAX_LISTED]] or ["Nothing is waiting in a pull request."]
    lines += _more(board.pending)
    lines += ["", "## Held back for review", "",
              "Only a name links these works to you. Tick one to have it proposed in the pull request.", ""]
    lines += [f"- [ ] <!-- profilebot:propose {w.key} --> {_work(w)}" for w in board.held[:MAX_LISTED]] or ["None."]
    lines += _more(board.held)
    lines += ["", "## Declined", "",
              "Closing a profilebot pull request without merging, or removing an entry from it, declines those "
              "works: they are not proposed again from any source. Tick one to undo.", ""]
    lines += [f"- [ ] <!-- profilebot:undo {w.key} --> {_line(w.title)}" for w in board.declined[:MAX_LISTED]] \
        or ["None."]
    lines += _more(board.declined)
    lines += ["", _run_line(board), _state_line(board.state)]
    return "\n".join(lines) + "\n"


def read(body: str | None) -> Read:
    """The hidden memory ({} when absent or unreadable) and the ticked boxes of a dashboard body."""
    text = body or ""
    state: Mapping[str, Any] = {}
    found = _STATE.search(text)
    if found:
        try:
            loaded = json.loads(zlib.decompress(base64.b64decode(found.group(1))))
            state = loaded if isinstance(loaded, dict) else {}
        except (ValueError, zlib.error):
            state = {}  # edited by hand beyond reading: start afresh rather than fail every run
    ticks = _TICK.findall(text)
    return Read(state, frozenset(k for kind, k in ticks if kind == "undo"),
                frozenset(k for kind, k in ticks if kind == "propose"))


def content(body: str | None) -> str:
    """The body without the run line: equal for two runs that found the same."""
    return _RUN_LINE.sub("", (body or "").replace("\r\n", "\n")).strip()


def _state_words(target: TargetState) -> str:
    link = f"[#{target.pull}]({target.url})" if target.pull and target.url else f"#{target.pull}" if target.pull \
        else ""
    if target.state == "in-step":
        return "in step"
    if target.state == "pull-open":
        return f"pull request {link} open" + (f": {_line(target.summary)}" if target.summary else "")
    if target.state == "blocked":
        return f"pull request {link} left alone: someone else pushed to its branch"
    if target.state == "failing":
        return f"**failing** since {target.since}"
    if target.state == "drift":
        return _line(target.summary) or "differs"
    return "not configured"


def _work(work: Item) -> str:
    why = f" — {_line(work.evidence)}" if work.evidence else ""
    source = f" [{_line(work.source)}]" if work.source else ""
    return f"{_line(work.title)}{why}{source}"


def _more(items: Sequence[Item]) -> list[str]:
    return [f"- … and {len(items) - MAX_LISTED} more"] if len(items) > MAX_LISTED else []


def _run_line(board: Dashboard) -> str:
    counts = ", ".join(f"{t.name} {t.requests}" for t in board.targets if t.state != "not-configured")
    own = f"; this issue and the keep-alive {board.own_requests}"
    return (f"<!-- profilebot:run -->Last changed by the run of {board.ran_at} (requests: {counts or 'none'}{own}). "
            "Runs that find nothing new leave this issue alone.")


def _state_line(state: Mapping[str, Any]) -> str:
    packed = zlib.compress(json.dumps(state, sort_keys=True, separators=(",", ":")).encode(), 9)
    return f"<!-- profilebot:state {base64.b64encode(packed).decode()} -->"


def _line(text: str) -> str:
    """One line of Markdown from any text: no line breaks, no pipes to split a table, no HTML comments."""
    flat = " ".join(str(text).split()).replace("|", "\\|").replace("<!--", "&lt;!--")
    return flat if len(flat) <= 500 else flat[:499] + "…"
