"""Academic and social profile networks: person.profiles key → display label and the URL of an id."""

from __future__ import annotations

from urllib.parse import quote

# The schema stores ids (`github: hanxian97`), not URLs; every output builds the URL from this one table.
NETWORKS: dict[str, tuple[str, str]] = {
    "orcid": ("ORCID", "https://orcid.org/{}"),
    "scholar": ("Google Scholar", "https://scholar.google.com/citations?user={}"),
    "github": ("GitHub", "https://github.com/{}"),
    "gitlab": ("GitLab", "https://gitlab.com/{}"),
    "dblp": ("dblp", "https://dblp.org/pid/{}"),
    "semantic_scholar": ("Semantic Scholar", "https://www.semanticscholar.org/author/{}"),
    "researchgate": ("ResearchGate", "https://www.researchgate.net/profile/{}"),
    "linkedin": ("LinkedIn", "https://www.linkedin.com/in/{}"),
    "twitter": ("X", "https://x.com/{}"),
    "bluesky": ("Bluesky", "https://bsky.app/profile/{}"),
}


def label(key: str) -> str:
    return NETWORKS.get(key, (key.replace("_", " ").title(), ""))[0]


def url(key: str, handle: str) -> str | None:
    """The profile page of `handle` on network `key`; None for networks without a fixed URL form."""
    if key == "mastodon":  # @user@host
        user, _, host = handle.lstrip("@").partition("@")
        return f"https://{quote(host)}/@{quote(user)}" if user and host else None
    if key == "website":
        return handle
    pattern = NETWORKS.get(key, ("", ""))[1]
    return pattern.format(quote(handle, safe="-_.")) if pattern else None
