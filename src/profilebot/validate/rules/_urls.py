"""Which fields of a Profile hold links; shared by the two URL rules (model.urls says what a link may be)."""

from __future__ import annotations

from typing import Iterator

from profilebot.model.profile import Profile
from profilebot.findings import Path

# Fields that may also hold a path inside the website (files/paper.pdf), which the site resolves.
_RELATIVE_ALLOWED = ("photo", "slides")


def link_fields(profile: Profile) -> Iterator[tuple[Path, str, bool]]:
    """(path, value, must be absolute) for every field of the profile that holds a link.

    `url` and `website` fields must be absolute web addresses; a photo, slides and the entries of a
    work's or project's `links` may be site paths.
    """
    person = profile.person
    for name in ("website", "photo"):
        value = getattr(person, name)
        if value:
            yield ("person", name), value, name not in _RELATIVE_ALLOWED
    if person.profiles.get("website"):
        yield ("person", "profiles", "website"), person.profiles["website"], True
    for section in ("projects", "awards", "publications", "patents", "talks"):
        for index, entry in enumerate(getattr(profile, section)):
            if entry.url:
                yield (section, index, "url"), entry.url, True
            links = getattr(entry, "links", None)
            if links:
                for key, value in links.items():
                    yield (section, index, "links", key), value, False
            venue = getattr(entry, "venue", None)
            if venue is not None and venue.url:
                yield (section, index, "venue", "url"), venue.url, True
            slides = getattr(entry, "slides", None)
            if slides:
                yield (section, index, "slides"), slides, False
