"""Shared fixtures: the repository root, the default profile, a minimal profile."""

from __future__ import annotations

import pytest

from tests.paths import DEFAULT_PROFILE


@pytest.fixture
def default_profile_text() -> str:
    return DEFAULT_PROFILE.read_text("utf-8")


@pytest.fixture
def default_profile():
    from profilebot.validate.pipeline import check

    checked = check(DEFAULT_PROFILE.read_text("utf-8"))
    assert checked.profile is not None, checked.findings
    return checked.profile
