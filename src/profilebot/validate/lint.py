"""Run the enabled lint rules on a Profile, apply severities from config, attach positions."""

from __future__ import annotations

import datetime
import functools
from types import ModuleType
from typing import Any, Callable, Iterable, Mapping

from profilebot.load.source_map import SourceMap
from profilebot.model.profile import Profile
from profilebot.validate import rules as registry
from profilebot.findings import Finding, Severity

OFF = "off"


def level_of(rule: ModuleType, levels: Mapping[str, str]) -> str:
    """The rule's level after profilebot.yaml's overrides (by code or by name)."""
    return levels.get(rule.CODE) or levels.get(rule.NAME) or rule.SEVERITY


def run(profile: Profile, source_map: SourceMap, levels: Mapping[str, str] | None = None,
        source: str = "profile.yaml", exists: Callable[[str], bool] | None = None,
        today: datetime.date | None = None) -> list[Finding]:
    """Findings of every rule not switched off. `levels` maps a code or name to error|warning|info|off.

    `exists(relative path)` answers whether a file is beside the profile; given it, the file rules run too.
    `today` is the day the dated rules (future dates, expected dates that passed, "present" ends) compare
    with; the command reads the clock and passes it, and the dated rules run only then.
    """
    levels = levels or {}
    findings = []
    checks: list[tuple[ModuleType, Callable[[Profile], Iterable[tuple[Any, dict[str, Any]]]]]] = [
        (rule, rule.check) for rule in registry.LINT_RULES if hasattr(rule, "check")]
    if exists is not None:
        checks += [(rule, functools.partial(rule.check_files, exists=exists)) for rule in registry.FILE_RULES]
    if today is not None:
        checks += [(rule, functools.partial(rule.check_on, today=today)) for rule in registry.DATED_RULES]
    for rule, check in checks:
        level = level_of(rule, levels)
        if level == OFF:
            continue
        for path, arguments in check(profile):
            position = source_map.position(path)
            findings.append(Finding(
                code=rule.CODE, rule=rule.NAME, severity=Severity(level), message=rule.MESSAGE.format(**arguments),
                hint=arguments.get("hint") or getattr(rule, "HINT", None), path=path, source=source,
                line=position[0] if position else None, column=position[1] if position else None))
    return sorted(findings, key=Finding.sort_key)
