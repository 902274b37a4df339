"""A local GitHub per test and a retry policy with tiny waits, so fault tests take milliseconds."""

from __future__ import annotations

import pytest

from tests.fakes.github_server import GitHubFake
from profilebot.targets import session
from profilebot.clients.http import RetryPolicy

SITE_FILES = {"README.md": "# My site\n", "_config.yml": "title: mine\n", "pages/custom.md": "hand-written\n",
              "index.html": "<p>old home page</p>\n"}


@pytest.fixture
def sleeps():
    return []


@pytest.fixture
def policy(sleeps):
    return RetryPolicy(attempts=4, max_wait=10, base_delay=0.01, secondary_wait=0.02, timeout=2, write_interval=0,
                       sleep=sleeps.append)


@pytest.fixture
def fake(monkeypatch, policy):
    with GitHubFake(token="ghp_" + "S3cr3tT0k3nValue" * 3) as server:
        server.create_repo("octo/site", SITE_FILES)
        monkeypatch.setattr(session, "POLICY", policy)
        monkeypatch.setenv("GITHUB_TOKEN", server.token)
        monkeypatch.setenv("GITHUB_API_URL", server.api_url)
        for variable in ("PROFILEBOT_GITHUB_TOKEN", "GH_TOKEN", "PROFILEBOT_APP_ID", "GITHUB_REPOSITORY"):
            monkeypatch.delenv(variable, raising=False)
        yield server
