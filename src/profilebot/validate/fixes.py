"""The mechanical fixes `check --fix` makes: what each fixable rule would change, as patch changes.

A rule is fixable when its module says `FIXABLE = True` and has `fix(profile, path, arguments)`
returning a `load.patch` change (Replace a value, Append to a list) or None when this finding has no
safe mechanical fix. Only findings of rules that are not switched off are fixed. Pure: the command
applies the changes to the file's text with load/patch.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Mapping

from profilebot.load.patch import Append, Change
from profilebot.model.profile import Profile
from profilebot.validate import lint
from profilebot.validate import rules as registry
from profilebot.findings import Path


@dataclass(frozen=True)
class Fix:
    code: str
    rule: str
    path: Path  # where the finding is
    change: Change


def plan(profile: Profile, levels: Mapping[str, str] | None = None) -> list[Fix]:
    """One fix per value (the first rule to claim a value wins; two would undo each other) and per added item."""
    chosen: dict[tuple[Path, str | None], Fix] = {}
    for fix in _candidates(profile, levels or {}):
        item = fix.change.value if isinstance(fix.change, Append) else None
        chosen.setdefault((fix.change.path, item), fix)
    return list(chosen.values())


def _candidates(profile: Profile, levels: Mapping[str, str]) -> Iterator[Fix]:
    for rule in registry.LINT_RULES:
        if not rule.FIXABLE or lint.level_of(rule, levels) == lint.OFF:
            continue
        for path, arguments in rule.check(profile):
            change = rule.fix(profile, path, arguments)
            if change is not None:
                yield Fix(rule.CODE, rule.NAME, path, change)
