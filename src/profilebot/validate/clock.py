"""The date that lint rules treat as today; one function, so tests can pin it with monkeypatch."""

from __future__ import annotations

import datetime


def today() -> datetime.date:
    return datetime.date.today()
