"""A complete exporter that is not in the product: a plain-text reading list, one title a line, registered by
tests/render/test_exporter_contract.py with one line in plugins.EXPORTERS. It is what a new export format costs:
this module (and, in the product, its golden file)."""

from __future__ import annotations

from profilebot.model.profile import Profile

NAME = "titles"
DEFAULT_PATH = "publications.txt"
MEDIA_TYPE = "text/plain"
WORKS = "all"


def render(profile: Profile) -> str:
    return "".join(f"{publication.title}\n" for publication in profile.publications)
