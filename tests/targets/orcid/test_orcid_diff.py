"""`diff --target orcid` against a local ORCID: exactly the missing works on each side, no false duplicates."""

from __future__ import annotations

from profilebot.model.matching import VERSION, representative
from profilebot.targets import orcid
from profilebot.targets import session
from profilebot.report.outcome import said
from tests.targets.orcid.orcid_seed import MISSING_FROM_PROFILE, MISSING_ON_ORCID, ORCID_ID
from tests.targets.moment import NOW


def diff(fake, profile):
    settings = orcid.configure({"id": ORCID_ID}, {"ORCID_API_URL": fake.api_url})
    http = orcid.client(settings, session.POLICY)
    return orcid.plan(profile, orcid.fetch(settings, profile, http)), http


def test_diff_lists_exactly_the_missing_works_on_each_side(fake, profile):
    drift, _ = diff(fake, profile)
    assert {w.title for w in drift.missing_remote} == MISSING_ON_ORCID
    assert len(drift.missing_remote) == len(MISSING_ON_ORCID)
    # The work held by two sources is one missing work, not two.
    assert sorted(representative(group).title for group in drift.missing_local) == sorted(MISSING_FROM_PROFILE)


def test_variants_match_without_duplicates(fake, profile):
    drift, _ = diff(fake, profile)
    linked = {(pair.ours.key, pair.kind, pair.by) for pair in drift.linked}
    assert ("huang2024fasor", "same", "title") in linked  # other capitalisation, no identifier
    assert ("huang2024sibyl", VERSION, "title") in linked  # the arXiv preprint of the published paper
    assert ("huang2021ayudante", "same", "doi") in linked  # upper-case DOI behind https://doi.org/
    assert ("peng2024multi", "same", "patent") in linked


def test_field_differences_name_the_source_holding_them(fake, profile):
    drift, _ = diff(fake, profile)
    by_work = {(d.work, d.field): d for d in drift.differences}
    title = by_work[("huang2024fasor", "title")]
    assert title.theirs.startswith("FASOR: a fast") and title.source == "Hanxian Huang"
    # Crossref's venue name contains the profile's: a renaming, not drift.
    assert ("huang2021ayudante", "venue") not in by_work
    assert not any(d.work == "huang2024sibyl" for d in drift.differences)  # versions are linked, not compared


def test_under_review_papers_stay_off_orcid(fake, profile):
    drift, _ = diff(fake, profile)
    assert "huang2024towards" not in {w.key for w in drift.missing_remote}


def test_reads_summaries_once_and_details_only_where_needed(fake, profile):
    fake.reset_log()
    _, http = diff(fake, profile)
    assert fake.count("GET", r"/works$") == 1
    # Only the capitalisation variant and the preprint match on title alone: one bulk read of those two.
    assert fake.count("GET", r"/works/[\d,]+$") == 1 and http.sent == 2
    bulk_path = next(e.path for e in fake.log if e.path.split("/")[-2] == "works")
    assert len(bulk_path.rsplit("/", 1)[1].split(",")) == 2


def test_a_503_burst_is_retried_with_backoff(fake, profile):
    fake.fail("GET", r"/works$", status=503, times=2)
    drift, http = diff(fake, profile)
    assert {w.title for w in drift.missing_remote} == MISSING_ON_ORCID
    assert fake.count("GET", r"/works$", status=503) == 2 and fake.count("GET", r"/works$", status=200) == 1


def test_retries_are_bounded_and_end_in_a_clear_error(fake, profile):
    import pytest

    from profilebot.errors import TargetError

    fake.fail("GET", r"/works$", status=500, times=None)
    with pytest.raises(TargetError, match="ORCID failed while trying to read the works on ORCID: 500"):
        diff(fake, profile)
    assert fake.count("GET", r"/works$") == 4


def test_without_an_orcid_id_the_target_is_not_configured(profile, tmp_path):
    from profilebot.config import Settings

    outcome = session.run("orcid", session.context(profile, Settings(root=tmp_path), {}, write=False, now=NOW))
    assert not outcome.failed and "not configured" in said(outcome)
