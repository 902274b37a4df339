"""Findings → `profile.yaml:12:5: error PB201 duplicate DOI … [duplicate-doi]` lines with hints."""

from __future__ import annotations

from collections import Counter
from typing import Iterable

from profilebot.findings import Finding


def format_findings(findings: Iterable[Finding], show_hints: bool = True) -> str:
    lines = []
    findings = list(findings)
    for f in findings:
        lines.append(f"{f.location}: {f.severity.value} {f.code} {f.message} [{f.rule}]")
        if show_hints and f.hint:
            lines.append(f"    hint: {f.hint}")
    counts = Counter(f.severity.value for f in findings)
    if findings:
        summary = ", ".join(f"{counts[s]} {s}{'s' if counts[s] != 1 else ''}" for s in ("error", "warning", "info")
                            if counts[s])
        lines.append(f"{summary} found.")
    return "\n".join(lines)
