"""diff.works.compare with an owner: our own versions are held against what we would write; others only reported."""

from __future__ import annotations

from profilebot.diff.works import CLIENT, USER, compare
from profilebot.model.matching import Work

BOT = "APP-PROFILEBOT0001"


def profile_work(**fields) -> Work:
    values = {"key": "huang2024x", "title": "A Paper", "year": 2024, "first_author": "Huang",
              "type": "conference-paper", "doi": "10.5555/x", "venue": "ICS", "source": "profile"}
    return Work(**(values | fields))


def orcid_version(put_code: int, source_kind: str, source_id: str, source: str, **fields) -> Work:
    values = {"key": str(put_code), "title": "A Paper", "year": 2024, "type": "conference-paper",
              "doi": "10.5555/x", "venue": "ICS", "source": source}
    extra = {"put_code": put_code, "source_kind": source_kind, "source_id": source_id} | fields.pop("extra", {})
    return Work(**(values | fields), extra=extra)


def ours(**fields) -> Work:
    return orcid_version(11, CLIENT, BOT, "profilebot", **fields)


def crossrefs(**fields) -> Work:
    return orcid_version(12, CLIENT, "0000-0001-9884-1913", "Crossref", **fields)


def test_a_drifted_version_of_our_own_client_is_one_update_and_a_crossref_one_only_a_report():
    drift = compare([profile_work(title="A Better Paper")], [ours(), crossrefs()], owner=BOT)
    assert [(u.work, u.put_code, [d.field for d in u.differences]) for u in drift.updates] == [
        ("huang2024x", "11", ["title"])]
    foreign = drift.foreign_differences
    assert [(d.put_code, d.source, d.held_by, d.owned) for d in foreign] == [("12", "Crossref", CLIENT, False)]


def test_without_an_owner_nothing_is_ours():
    drift = compare([profile_work(title="A Better Paper")], [ours()])
    assert drift.updates == () and len(drift.foreign_differences) == 1


def test_our_version_is_compared_with_what_we_write_not_with_the_profile_reading():
    # An under-review paper pushed with on_orcid goes out as working-paper: that is not drift.
    desired = profile_work(type="conference-paper")
    written = {"huang2024x": profile_work(type="working-paper")}
    drift = compare([desired], [ours(type="working-paper")], owner=BOT, written=written)
    assert drift.is_empty
    # The same difference on the person's own version is reported (theirs to fix).
    person = orcid_version(13, USER, "0000-0002-1825-0097", "Hanxian Huang", type="working-paper")
    drift = compare([desired], [person], owner=BOT, written=written)
    assert [(d.field, d.held_by, d.owned) for d in drift.differences] == [("type", USER, False)]


def test_a_field_we_write_and_our_version_lacks_is_completed_but_not_demanded_of_others():
    drift = compare([profile_work()], [ours(venue=None), crossrefs(venue=None)], owner=BOT)
    assert [(u.put_code, [(d.field, d.theirs) for d in u.differences]) for u in drift.updates] == [
        ("11", [("venue", "(none)")])]
    assert drift.foreign_differences == ()


def test_our_version_is_paired_by_the_profile_id_it_carries_when_no_identifier_or_title_matches():
    desired = profile_work(doi=None, title="Retitled Paper")
    version = ours(doi=None, extra={"source_work_id": "huang2024x"})
    drift = compare([desired], [version], owner=BOT)
    assert drift.missing_remote == () and drift.missing_local == ()
    assert [(u.put_code, [d.field for d in u.differences]) for u in drift.updates] == [("11", ["title"])]
    # Someone else's source-work-id proves nothing about our profile.
    other = crossrefs(doi=None, extra={"source_work_id": "huang2024x"})
    drift = compare([desired], [other], owner=BOT)
    assert len(drift.missing_remote) == 1 and len(drift.missing_local) == 1
