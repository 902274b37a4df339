"""Entry point for tests: ``from fakes.github_server import GitHubFake`` (implementation in ``fakes.github``)."""

from .github import GitHubFake, RecordedResponse
from .github.openapi import validate_response

__all__ = ["GitHubFake", "RecordedResponse", "validate_response"]
