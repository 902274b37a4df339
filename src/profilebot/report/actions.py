"""Run results → GitHub Actions step outputs (`drift-found`, `pr-urls`, …) in $GITHUB_OUTPUT's format.

The composite action (action.yml) re-exports these outputs, so their names are a public interface:
rename none of them.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Iterable, Mapping

from profilebot.diff.outcome import Outcome


@dataclass(frozen=True)
class TargetOutput:
    """What one target's run means for a workflow: did it drift, which PR carries the change, did it fail."""

    target: str
    drift: bool
    pr_url: str | None = None
    failed: bool = False


def of_outcomes(outcomes: Iterable[Outcome]) -> dict[str, str]:
    """The step outputs of a run's outcomes: drifted or not, the pull request's address, failed or not."""
    return outputs(TargetOutput(o.target, o.drifted, o.url, o.failed) for o in outcomes)


def outputs(results: Iterable[TargetOutput]) -> dict[str, str]:
    """The step outputs of a `diff` or `sync` run; lists are sorted so reruns write the same values."""
    results = sorted(results, key=lambda r: r.target)
    return {
        "drift-found": "true" if any(r.drift for r in results) else "false",
        "drifted-targets": ",".join(r.target for r in results if r.drift),
        "failed-targets": ",".join(r.target for r in results if r.failed),
        "pr-urls": json.dumps({r.target: r.pr_url for r in results if r.pr_url}, sort_keys=True),
    }


def format_outputs(values: Mapping[str, str]) -> str:
    """`name=value` lines; a multi-line value uses the heredoc form with a delimiter absent from it."""
    lines = []
    for name, value in values.items():
        if "\n" not in value and "\r" not in value:
            lines.append(f"{name}={value}\n")
            continue
        delimiter = _delimiter(value)
        lines.append(f"{name}<<{delimiter}\n{value}\n{delimiter}\n")
    return "".join(lines)


def _delimiter(value: str) -> str:
    # Derived from the value (not random) so the same run writes the same bytes; the loop only
    # matters for a value crafted to contain its own hash.
    digest = hashlib.sha256(value.encode()).hexdigest()
    for length in range(16, 65):
        candidate = f"PROFILEBOT_{digest[:length]}"
        if candidate not in value:
            return candidate
    raise ValueError("no delimiter fits this value")


def parse_outputs(text: str) -> dict[str, str]:
    """Read $GITHUB_OUTPUT's format back, as the runner does (for steps that consume outputs)."""
    values: dict[str, str] = {}
    lines = iter(text.splitlines())
    for line in lines:
        if "<<" in line and ("=" not in line or line.index("<<") < line.index("=")):
            name, delimiter = line.split("<<", 1)
            body = []
            for inner in lines:
                if inner == delimiter:
                    break
                body.append(inner)
            values[name] = "\n".join(body)
        elif "=" in line:
            name, value = line.split("=", 1)
            values[name] = value
    return values
