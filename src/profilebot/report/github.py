"""Findings → GitHub Actions workflow commands (`::error file=…,line=…,col=…,title=PB201::…`)."""

from __future__ import annotations

from typing import Iterable

from profilebot.findings import Finding

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_findings(findings: Iterable[Finding]) -> str:
    lines = []
    for f in findings:
        properties = [f"file={_escape_property(f.source)}"]
        if f.line is not None:
            properties += [f"line={f.line}", f"col={f.column or 1}"]
        properties.append(f"title={_escape_property(f'{f.code} {f.rule}')}")
        message = f.message + (f"\n{f.hint}" if f.hint else "")
        lines.append(f"::{_LEVEL[f.severity.value]} {','.join(properties)}::{_escape_data(message)}")
    return "\n".join(lines)
