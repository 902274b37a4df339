"""The one place the report stage asks which shape a target's drift has (diff/outcome.TargetDrift).

A repository target's drift is a `Plan` of files, a record target's a `WorksPlan` of works (and OpenAlex's works
drift adds its own sections). Every view asks here, by these functions, rather than testing types itself; nothing
outside report/ asks at all (tests/test_outcome_boundary.py).
"""

from __future__ import annotations

from typing import Callable, TypeVar

from profilebot.diff import openalex as openalex_drift
from profilebot.diff import works as works_drift
from profilebot.diff.outcome import TargetDrift
from profilebot.diff.plan import Plan
from profilebot.diff.works import WorksPlan

T = TypeVar("T")


def files(drift: TargetDrift | None) -> Plan | None:
    """A repository target's plan of files; None for a record target's works or no drift."""
    return drift if isinstance(drift, Plan) else None


def works(drift: TargetDrift | None) -> WorksPlan | None:
    """A record target's works; None for a repository target's files or no drift."""
    return drift if isinstance(drift, WorksPlan) else None


def by_shape(drift: TargetDrift, on_files: Callable[[Plan], T], on_works: Callable[[WorksPlan], T]) -> T:
    """`on_files(plan)` or `on_works(works)`, whichever the drift is."""
    return on_files(drift) if isinstance(drift, Plan) else on_works(drift)


def openalex(drift: works_drift.Drift) -> openalex_drift.Drift | None:
    """OpenAlex's works drift (fills, promotions, misattributed works besides the common ones), else None."""
    return drift if isinstance(drift, openalex_drift.Drift) else None
