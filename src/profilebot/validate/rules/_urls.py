"""Which fields of a Profile hold links, and what scheme a link has; shared by the two URL rules."""

from __future__ import annotations

import re
from typing import Iterator

from profilebot.model.profile import Profile
from profilebot.validate.findings import Path
from profilebot.validate.rules._fields import leaves

# Fields that must be absolute web addresses; `photo` and the `links` of a work may also be paths
# inside the website (files/paper.pdf), which the site template resolves.
ABSOLUTE = frozenset({"url", "website"})
RELATIVE_ALLOWED = frozenset({"photo", "slides"})
_SCHEME = re.compile(r"([a-z][a-z0-9+.\-]*):", re.IGNORECASE)
# Browsers drop ASCII tabs and newlines inside a URL and ignore leading spaces and control characters,
# so "java\tscript:" and " javascript:" run as scripts; the scheme is read the way a browser reads it.
_IGNORED = re.compile(r"[\x00-\x20\x7f]")


def link_fields(profile: Profile) -> Iterator[tuple[Path, str, bool]]:
    """(path, value, must be absolute) for every field of the profile that holds a link."""
    for path, value in leaves(profile):
        if not isinstance(value, str) or len(path) < 2:
            continue
        key, parent = path[-1], path[-2]
        if parent == "links" or key in RELATIVE_ALLOWED:
            yield path, value, False
        elif key in ABSOLUTE and parent != "profiles" or path == ("person", "profiles", "website"):
            yield path, value, True


def scheme(value: str) -> str | None:
    """The lower-case scheme as a browser would see it ('https', 'javascript'), or None for a relative link."""
    match = _SCHEME.match(_IGNORED.sub("", value))
    return match.group(1).lower() if match else None
