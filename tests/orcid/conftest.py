"""Fixtures for the ORCID tests: the seeded local ORCID, the test profile and its settings."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # `fakes` lives in tests/

from fakes.orcid_server import OrcidFake  # noqa: E402
from orcid_seed import BOT_CLIENT, ORCID_ID, PROFILE, TOKEN, seed  # noqa: E402
from profilebot.config import Settings  # noqa: E402
from profilebot.targets import orcid  # noqa: E402
from profilebot.validate.pipeline import check  # noqa: E402


@pytest.fixture
def fake():
    with OrcidFake() as server:
        seed(server)
        server.add_token(TOKEN, ORCID_ID, BOT_CLIENT, client_name="profilebot")
        yield server


@pytest.fixture
def profile():
    checked = check(PROFILE.read_text("utf-8"), str(PROFILE))
    assert checked.profile is not None and not checked.errors(), checked.findings
    return checked.profile


@pytest.fixture
def settings(tmp_path):
    return Settings(root=tmp_path, sections={"orcid": {"id": ORCID_ID}})


@pytest.fixture(autouse=True)
def quick_retries(monkeypatch):
    monkeypatch.setattr(orcid, "RETRY_BASE_DELAY", 0.01)
