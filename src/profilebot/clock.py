"""Now and today, read at the edge: the commands pass them into the pure core (lint's dated rules, the citation
counts' batch) and into the targets (RunContext.now). Only commands/ import this module (tests/test_architecture.py)."""

from __future__ import annotations

import datetime


def now() -> datetime.datetime:
    """This moment, aware, in the machine's zone."""
    return datetime.datetime.now().astimezone()


def today() -> datetime.date:
    """The day of `now()`: one clock for the rules and the targets."""
    return now().date()
