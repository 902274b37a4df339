"""One venue short name stands for one venue: "ICS" cannot be two different full names.

Short names are what the website and the CV print ("ICS '24"); when the same abbreviation is given
with two different full names, one of them is a typo, or two venues share an abbreviation and readers
cannot tell them apart. Full names are compared ignoring case, accents and punctuation.

PASS:
    person:
      name: Ada Lovelace
    publications:
      - id: a
        type: conference-paper
        status: published
        title: First Notes
        authors: [Ada Lovelace]
        venue: {name: International Conference on Supercomputing, short: ICS}
        date: 1843
      - id: b
        type: conference-paper
        status: published
        title: Second Notes
        authors: [Ada Lovelace]
        venue: {name: "International conference on supercomputing.", short: ICS}
        date: 1844

FAIL:
    person:
      name: Ada Lovelace
    publications:
      - id: a
        type: conference-paper
        status: published
        title: First Notes
        authors: [Ada Lovelace]
        venue: {name: International Conference on Supercomputing, short: ICS}
        date: 1843
      - id: b
        type: conference-paper
        status: published
        title: Second Notes
        authors: [Ada Lovelace]
        venue: {name: International Conference on Software, short: ICS}
        date: 1844
"""

from __future__ import annotations

from typing import Any, Iterator

from profilebot.model.names import fold
from profilebot.model.profile import Profile
from profilebot.findings import Path

CODE = "PB210"
NAME = "venue-short-name-conflict"
SEVERITY = "warning"
FIXABLE = False  # `check --fix` has no mechanical fix for this
MESSAGE = "the short name {short!r} stands for {name!r} here but for {first!r} in '{first_id}'."
HINT = "Use one full name for each short name (or give the two venues different short names)."


def check(profile: Profile) -> Iterator[tuple[Path, dict[str, Any]]]:
    seen: dict[str, tuple[str, str, str]] = {}  # folded short name → (folded full name, full name, paper id)
    for index, paper in enumerate(profile.publications):
        venue = paper.venue
        if venue is None or not venue.short:
            continue
        short, name = fold(venue.short), fold(venue.name)
        first = seen.setdefault(short, (name, venue.name, paper.id))
        if first[0] != name:
            yield ("publications", index, "venue", "short"), {"short": venue.short, "name": venue.name,
                                                              "first": first[1], "first_id": first[2]}
