"""A local, stateful fake of the GitHub REST API for tests and benchmarks (see ``server.GitHubFake``)."""

from .server import GitHubFake, RecordedResponse

__all__ = ["GitHubFake", "RecordedResponse"]
