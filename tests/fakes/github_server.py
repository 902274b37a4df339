"""Entry point for the local GitHub fake (implementation in the ``fakes.github`` package).

    with GitHubFake() as fake:
        fake.create_repo("octo/site", {"index.md": "hello\\n"})
        g = Github(base_url=fake.api_url, auth=Auth.Token(fake.token), retry=None,
                   seconds_between_requests=None, seconds_between_writes=None)
        ...  # drive the code under test with g, then inspect fake.read_tree(), fake.open_pulls(), fake.requests
"""

from .github import GitHubFake, RecordedResponse
from .github.openapi import validate_response

__all__ = ["GitHubFake", "RecordedResponse", "validate_response"]
