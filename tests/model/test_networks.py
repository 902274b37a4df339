"""Profile networks: one table turns person.profiles ids into labels and URLs for every output."""

from __future__ import annotations

import pytest

from profilebot.model import networks


@pytest.mark.parametrize("key, handle, url", [
    ("github", "hanxian97", "https://github.com/hanxian97"),
    ("orcid", "0000-0002-1825-0097", "https://orcid.org/0000-0002-1825-0097"),
    ("scholar", "AbC_12-x", "https://scholar.google.com/citations?user=AbC_12-x"),
    ("twitter", "a b", "https://x.com/a%20b"),  # a handle cannot break out of its URL
    ("mastodon", "@ada@hachyderm.io", "https://hachyderm.io/@ada"),
    ("mastodon", "ada", None),  # no host: no URL rather than a wrong one
    ("website", "https://ada.example", "https://ada.example"),
    ("unknown_network", "ada", None),
])
def test_url(key, handle, url):
    assert networks.url(key, handle) == url


def test_labels_for_known_and_unknown_networks():
    assert networks.label("semantic_scholar") == "Semantic Scholar"
    assert networks.label("my_lab_page") == "My Lab Page"
