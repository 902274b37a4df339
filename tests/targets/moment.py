"""The moment a test's run begins (RunContext.now): targets never read the clock, the command does, so a test
gives the moment itself instead of patching the clock."""

from __future__ import annotations

import datetime

NOW = datetime.datetime(2026, 12, 1, 9, 30, tzinfo=datetime.timezone.utc)
