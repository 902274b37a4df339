"""Today, read at the edge: the commands pass it into the pure core (lint's dated rules, the citation counts' batch)."""

from __future__ import annotations

import datetime


def today() -> datetime.date:
    return datetime.date.today()
