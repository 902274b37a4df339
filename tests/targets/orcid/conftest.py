"""Fixtures for the ORCID tests: the seeded local ORCID, the test profile and its settings."""

from __future__ import annotations

import pytest

from profilebot.config import Settings
from profilebot.targets import orcid
from profilebot.validate.pipeline import check
from tests.fakes.orcid_server import OrcidFake
from tests.targets.orcid.orcid_seed import BOT_CLIENT, ORCID_ID, PROFILE, TOKEN, seed


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
    """The run's retry policy with tiny waits (the ORCID client keeps its own bounds: 4 tries)."""
    from profilebot.targets import session
    from profilebot.clients.http import RetryPolicy

    monkeypatch.setattr(session, "POLICY", RetryPolicy(base_delay=0.01, secondary_wait=0.01, write_interval=0))
