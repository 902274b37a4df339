"""The OpenAlex stand-in seeded with the default profile's record, and a retry policy that never sleeps."""

from __future__ import annotations

import pytest
from tests.fakes import openalex_data
from tests.fakes.openalex_server import OpenAlexFake

from profilebot.targets import session
from profilebot.clients.http import RetryPolicy


class Sleeps(list):
    """Records each wait the retry policy asks for instead of sleeping (tests never wait on a clock)."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


@pytest.fixture
def sleeps(monkeypatch) -> Sleeps:
    waits = Sleeps()
    monkeypatch.setattr(session, "POLICY", RetryPolicy(attempts=4, base_delay=0.01, sleep=waits, max_wait=60))
    return waits


@pytest.fixture
def openalex(monkeypatch, sleeps):
    with OpenAlexFake() as fake:
        openalex_data.seed(fake)
        monkeypatch.setenv("OPENALEX_API_URL", fake.url)
        monkeypatch.delenv("OPENALEX_API_KEY", raising=False)
        yield fake
