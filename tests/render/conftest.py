"""Render tests: the --update-golden option and the default profile's rendered outputs."""

from __future__ import annotations

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="rewrite tests/render/golden/ from the current exporters instead of comparing")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden", default=False))


@pytest.fixture
def outputs(default_profile) -> dict[str, str]:
    """DEFAULT_PATH → text for every exporter in plugins.EXPORTERS."""
    from profilebot import plugins
    return {module.DEFAULT_PATH: module.render(default_profile) for module in plugins.exporters()}
