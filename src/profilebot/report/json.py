"""Findings → a JSON list for other tools: code, rule, severity, message, hint, path, line, column."""

from __future__ import annotations

import json
from typing import Iterable

from profilebot.findings import Finding, format_path


def format_findings(findings: Iterable[Finding]) -> str:
    return json.dumps([
        {"code": f.code, "rule": f.rule, "severity": f.severity.value, "message": f.message, "hint": f.hint,
         "file": f.source, "path": format_path(f.path), "line": f.line, "column": f.column}
        for f in findings], indent=2, ensure_ascii=False)
