"""The pure comparison of the default profile with OpenAlex's record of its owner (no network)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.fakes.openalex_data import default_profile_works

from profilebot.diff import openalex as drift_of
from profilebot.importers import openalex as openalex_json
from profilebot.model.matching import VERSION


def drift(profile):
    return drift_of.compare(profile, [openalex_json.work_of(record) for record in default_profile_works()])


def test_every_known_paper_is_matched_and_none_is_proposed_twice(default_profile):
    found = drift(default_profile)
    assert [w.title for w in found.missing] == ["Compiler Autotuning with Large Language Models: An Empirical Study",
                                                "WasmRev: Self-Supervised Learning for WebAssembly Binaries"]
    paired = {pair.ours.key for pair in found.linked}
    published = {p.id for p in default_profile.publications if p.status == "published" and not p.workshop}
    assert published <= paired


def test_triples_preprint_is_triple(default_profile):
    found = drift(default_profile)
    triple = [pair for pair in found.linked if pair.ours.key == "fu2023triple"]
    assert sorted(pair.kind for pair in triple) == ["same", VERSION]
    assert not any("TripLe" in w.title for w in found.missing + found.misattributed)


def test_a_work_whose_author_list_lacks_the_owner_is_set_apart(default_profile):
    found = drift(default_profile)
    assert [w.key for w in found.misattributed] == ["W4380012016"]
    assert "Qiang Huang" in found.misattributed[0].extra["authors"]
    assert all(e.entry_id != "W4380012016" for e in drift_of.edits(found))


def test_under_review_paper_now_published_is_a_promotion_with_venue_date_and_doi(default_profile):
    found = drift(default_profile)
    assert [(p.work, p.status, p.date, p.doi) for p in found.promotions] == [
        ("huang2024towards", "under-review", "2025-09-08", "10.5555/mlcad.2025.00012")]
    assert not [d for d in found.differences if d.work == "huang2024towards"]  # the promotion says it all
    edits = [(e.entry_id, e.key, e.replace) for e in drift_of.edits(found) if e.entry_id == "huang2024towards"]
    assert edits == [("huang2024towards", "status", True), ("huang2024towards", "venue", False),
                     ("huang2024towards", "date", False), ("huang2024towards", "doi", False)]


def test_an_arxiv_only_version_of_an_under_review_paper_fills_its_arxiv_id_not_its_status(default_profile):
    found = drift(default_profile)
    assert not [p for p in found.promotions if p.work == "yu2024geot"]
    assert [(f.field, f.value) for f in found.fills if f.work == "yu2024geot"] == [("arxiv", "2404.03019")]


def test_fills_take_the_doi_from_the_published_version_and_the_arxiv_id_from_the_preprint(default_profile):
    fills = {(f.work, f.field): f.value for f in drift(default_profile).fills}
    assert fills[("fu2023triple", "doi")] == "10.5555/iccv51070.2023.01584"
    assert fills[("fu2023triple", "arxiv")] == "2212.04051"
    assert ("huang2021ayudante", "doi") not in fills


def test_field_disagreements_title_venue_and_authors(default_profile):
    differences = {(d.work, d.field): (d.ours, d.theirs) for d in drift(default_profile).differences}
    assert differences[("huang2024muti", "title")] == (
        "Muti-representation Learning for WebAssembly Reverse Engineering",
        "Muti-Representation Learning for WebAssembly Reverse Engineering")
    assert differences[("huang2024sibyl", "venue")][1] == "Proceedings of the ACM on Management of Data"
    # "ICS" inside "Proceedings of the 38th ACM International Conference on Supercomputing" is no drift.
    assert ("huang2024fasor", "venue") not in differences
    # 'H. Huang' and 'Hanxian Huang' are one author; a DOI the profile lacks is a fill, not a disagreement.
    assert not [key for key in differences if key[1] in ("authors", "doi")]


def test_an_author_list_that_differs_is_reported(default_profile):
    records = default_profile_works()
    records[1]["authorships"] = records[1]["authorships"][:2]  # OpenAlex lost Fasor's last author
    found = drift_of.compare(default_profile, [openalex_json.work_of(r) for r in records])
    assert [(d.field, d.ours, d.theirs) for d in found.differences if d.work == "huang2024fasor"] == [
        ("authors", "H. Huang, X. Chen, J. Zhao", "Hanxian Huang, Xinyun Chen")]


def test_after_the_import_the_profile_is_in_step(default_profile_text, default_profile):
    from profilebot.importers.propose import propose
    from profilebot.load import edit
    from profilebot.validate.pipeline import check

    found = drift(default_profile)
    additions = propose(default_profile, openalex_json.candidates(found.missing, default_profile.person.name))
    text = edit.update(edit.append(default_profile_text, [(a.section, a.entry) for a in additions]),
                       drift_of.edits(found))
    again = drift(check(text).profile)
    assert not again.missing and not again.fills and not again.promotions
    assert [w.key for w in again.misattributed] == ["W4380012016"]


def test_work_of_reads_the_real_shape(default_profile):
    record = default_profile_works()[5]  # TripLe's arXiv preprint
    work = openalex_json.work_of(record)
    assert (work.key, work.preprint, work.arxiv, work.doi, work.venue, work.type) == (
        "W4311812006", True, "2212.04051", None, None, "preprint")
    assert work.extra["authors"][1] == "Hanxian Huang" and work.extra["cited_by"] == 1


def test_a_real_response_with_no_source_and_a_year_only_date():
    import json

    from profilebot.model.profile import Person
    from tests.paths import FIXTURES

    record = json.loads((FIXTURES / "openalex" / "W4401632393.json").read_text("utf-8"))
    work = openalex_json.work_of(record)
    assert (work.key, work.type, work.venue, work.doi, work.year) == (
        "W4401632393", "dissertation-thesis", None, "10.22215/etd/2024-16003", 2024)
    assert openalex_json.profile_date(work) == 2024  # "2024-01-01" is OpenAlex's year-only placeholder
    assert work.extra["authors"] == ["Nabil Allam Shawwa"]  # as printed, not the display name
    assert openalex_json.names_owner(work, Person(name="Nabil A. Shawwa"))
    assert not openalex_json.names_owner(work, Person(name="Hanxian Huang"))
    entry = openalex_json.candidate(work, "Nabil A. Shawwa").entry
    assert entry == {"type": "dissertation-thesis", "status": "published", "title": record["display_name"],
                     "authors": ["Nabil Allam Shawwa"], "date": 2024, "doi": "10.22215/etd/2024-16003"}


def test_citation_counts_come_from_the_version_the_profile_describes(default_profile):
    counts = drift_of.citation_counts(drift(default_profile))
    assert counts["fu2023triple"] == (9, "W4390872005")  # the ICCV paper's 9, not its preprint's 1, not 10
    assert counts["yu2024geot"] == (0, "W4392112013")  # only the preprint is known
    assert counts["chen2024learning"] == (31, "W4402914001")
    assert "W4380012016" not in {record for _, record in counts.values()}  # misattributed: not ours


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=8),
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner,
                                                                                       max_size=3), max_leaves=12)


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(st.sampled_from(["id", "doi", "display_name", "publication_year", "publication_date", "type",
                                        "primary_location", "locations", "authorships", "cited_by_count"]),
                       json_values, max_size=10))
def test_any_server_answer_becomes_a_work_or_nothing_never_a_crash(record):
    from profilebot.model.profile import Person

    work = openalex_json.work_of(record)
    assert isinstance(work.title, str) and all(isinstance(a, str) for a in work.extra["authors"])
    assert work.extra["cited_by"] is None or work.extra["cited_by"] >= 0
    openalex_json.names_owner(work, Person(name="Hanxian Huang"))
    openalex_json.candidate(work, "Hanxian Huang")
