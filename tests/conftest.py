"""Shared fixtures: the repository root, the default profile, a minimal profile."""

from __future__ import annotations

import os

import pytest
from hypothesis import settings

from tests.paths import DEFAULT_PROFILE

# CI explores the same examples every run (a property test must not go red by the luck of one draw there);
# a developer's machine keeps drawing new ones, and a failure it finds becomes a fixed case in the test.
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture
def default_profile_text() -> str:
    return DEFAULT_PROFILE.read_text("utf-8")


@pytest.fixture
def default_profile():
    from profilebot.validate.pipeline import check

    checked = check(DEFAULT_PROFILE.read_text("utf-8"))
    assert checked.profile is not None, checked.findings
    return checked.profile
