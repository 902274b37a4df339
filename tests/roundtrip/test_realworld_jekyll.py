"""Debian's Jekyll builds every academicpages round-trip copy, and every URL the original served still resolves
(the page's permalink, the `_config.yml` collection permalink, or a redirect_from). See jekyll_site.py."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.roundtrip import jekyll_site, realworld
from tests.roundtrip.known_losses import KNOWN_LOSSES

pytestmark = pytest.mark.jekyll
SITES = [site for site in realworld.discover() if site.kind == "academicpages"]


def _cases() -> list:
    return [pytest.param(site, id=site.name, marks=[pytest.mark.xfail(
        strict=True, reason="known loss (tests/roundtrip/known_losses.py)")] if "jekyll" in KNOWN_LOSSES.get(
            site.name, ()) else []) for site in SITES]


@pytest.mark.parametrize("site", _cases())
def test_jekyll_builds_the_round_trip_and_serves_every_original_url(site: realworld.Site, round_trips: Path,
                                                                    tmp_path: Path) -> None:
    if shutil.which("jekyll") is None:
        pytest.skip("Debian's jekyll is not installed (apt-get install -y jekyll)")
    reason = realworld.skip_reason(site)
    if reason:
        pytest.skip(reason)
    outcome = realworld.cached(site, round_trips)
    assert outcome.error is None, outcome.error
    built, error = jekyll_site.build(Path(outcome.copy), site.root, tmp_path)
    assert built is not None, error
    missing = jekyll_site.missing_urls(built, site.root)
    assert not missing, f"{len(missing)} original URLs not served:\n  " + "\n  ".join(missing[:15])
