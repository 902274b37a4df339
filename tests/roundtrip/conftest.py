"""The real-site round trips (realworld.py), run once per test session and shared by the xdist workers."""

from __future__ import annotations

import os
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def round_trips(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One folder per test run, shared by the pytest-xdist workers (each site is imported once per run)."""
    base = tmp_path_factory.getbasetemp()
    return (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / "realworld-roundtrips"
