"""The real sites whose round trip still loses something, by site and loss kind: strict xfails of
tests/roundtrip/test_realworld_sites.py.

THIS IS THE LIST TO SHRINK (issue 19). When your change makes a site's kind pass, its xfail turns into an
XPASS failure: remove that kind here (or the site, when nothing is left) in the same commit. Never add an
entry to make a new loss pass; `python benchmarks/roundtrip.py --known-losses` prints the list for the
current numbers, `python benchmarks/roundtrip.py SITE --details` says what each loss is.

EVERY: the round trip stops (import or build refuses the site), so no kind can pass yet.
"""

from __future__ import annotations

from tests.roundtrip.realworld import ALL_KINDS

EVERY = (*ALL_KINDS, "jekyll")

KNOWN_LOSSES: dict[str, tuple[str, ...]] = {}
