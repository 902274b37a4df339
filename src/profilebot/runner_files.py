"""The GitHub Actions runner's files: append step outputs ($GITHUB_OUTPUT) and the job summary."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Mapping

from profilebot.errors import UsageError
from profilebot.redact import redact
from profilebot.report.actions import format_outputs


def _append(variable: str, text: str) -> bool:
    path = os.environ.get(variable)
    if not path:
        return False
    try:
        with Path(path).open("a", encoding="utf-8") as stream:
            stream.write(redact(text))
    except OSError as error:
        raise UsageError(f"cannot append to ${variable} ({path}): {error.strerror}.") from None
    return True


def write_outputs(values: Mapping[str, str]) -> bool:
    """Append step outputs when running under Actions; False (and nothing written) elsewhere."""
    return _append("GITHUB_OUTPUT", format_outputs(values))


def write_summary(markdown: str) -> bool:
    """Append Markdown to the job's summary page when running under Actions."""
    return _append("GITHUB_STEP_SUMMARY", markdown if markdown.endswith("\n") else markdown + "\n")
