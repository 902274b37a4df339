"""Every real site under ../shared/realworld/sites/{academicpages,al-folio,hugo}/ survives import + build + diff.

One test per site and loss kind (site_compare.KINDS, plus `diff`: the files `diff` right after import would
change). Zero is the only passing count. The sites that still lose something are listed in known_losses.py as
strict xfails: a fix that makes one pass turns its xfail into a failure until the entry is removed from there.
Run `python benchmarks/roundtrip.py` for the table of numbers.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.roundtrip import realworld
from tests.roundtrip.known_losses import KNOWN_LOSSES

SITES = realworld.discover()


def _cases() -> list:
    cases = []
    for site in SITES:
        for kind in realworld.ALL_KINDS:
            marks = []
            if kind in KNOWN_LOSSES.get(site.name, ()):
                marks.append(pytest.mark.xfail(strict=True, reason="known loss (tests/roundtrip/known_losses.py)"))
            cases.append(pytest.param(site, kind, id=f"{site.name}:{kind}", marks=marks))
    return cases


def test_the_corpus_is_there():
    assert SITES, f"no real sites under {realworld.REAL_SITES}: the harness would test nothing"
    assert {site.kind for site in SITES} == set(realworld.KINDS)


def test_the_known_losses_name_real_sites_and_kinds():
    names = {site.name for site in SITES}
    assert set(KNOWN_LOSSES) <= names, set(KNOWN_LOSSES) - names
    assert all(set(kinds) <= {*realworld.ALL_KINDS, "jekyll"} for kinds in KNOWN_LOSSES.values())


@pytest.mark.parametrize(("site", "kind"), _cases())
def test_a_real_site_round_trip_loses_nothing(site: realworld.Site, kind: str, round_trips: Path) -> None:
    reason = realworld.skip_reason(site)
    if reason:
        pytest.skip(reason)
    outcome = realworld.cached(site, round_trips)
    assert outcome.error is None, outcome.error
    details = outcome.details(kind)
    assert outcome.count(kind) == 0, f"{outcome.count(kind)} {kind} lost:\n  " + "\n  ".join(details[:15])
