"""Work identity: identifiers first, then title + year + first author; preprints link to their papers."""

from __future__ import annotations

import json

import pytest

from profilebot.importers import bibtex, orcid as orcid_json
from profilebot.model.matching import SAME, VERSION, Work, cluster, match, normalize_title, relation
from tests.paths import FIXTURES



def work(key: str, title: str, year: int | None = 2020, author: str = "Huang", **fields) -> Work:
    return Work(key=key, title=title, year=year, first_author=author, **fields)


@pytest.mark.parametrize(("ours", "theirs", "expected"), [
    # ORCID lower-cases a DOI and strips the resolver: an upper-case DOI behind https://doi.org/ is the same work.
    (work("a", "X", doi="10.1145/ABC.1"), work("b", "Y", doi="https://doi.org/10.1145/abc.1"), (SAME, "doi")),
    # arXiv versions of one title are one work; the arXiv id (or ISBN) is the evidence named.
    (work("a", "X", arxiv="2401.01234v2"), work("b", "x", arxiv="arXiv:2401.01234"), (SAME, "arxiv")),
    (work("a", "X", isbn="978-3-16-148410-0"), work("b", "X.", isbn="9783161484100"), (SAME, "isbn")),
    (work("a", "X", patent="US11928446B2"), work("b", "Y", patent="US Patent 11,928,446"), (SAME, "patent")),
    # Capitalisation and punctuation of a title do not make a second work.
    (work("a", "Fasor: A Fast Tensor Program"), work("b", "FASOR - a fast tensor program"), (SAME, "title")),
    (work("a", "Title", author="H. Huang"), work("b", "title", author="Huang, Hanxian"), (SAME, "title")),
    # A preprint a year before the paper is a version of it, not another work.
    (work("a", "Deep Nets", 2021), work("b", "Deep nets", 2020, preprint=True), (VERSION, "title")),
    # Working papers often come out years before the journal version (SSRN 2017, journal 2021).
    (work("a", "Deep Nets", 2021), work("b", "Deep nets", 2017, preprint=True), (VERSION, "title")),
])
def test_same_work(ours, theirs, expected):
    assert relation(ours, theirs) == expected


@pytest.mark.parametrize(("ours", "theirs"), [
    (work("a", "Deep Nets", 2021), work("b", "Deep nets", 2020)),  # a year apart, neither a preprint
    (work("a", "Deep Nets", 2020), work("b", "Deep nets", 2022, preprint=True)),  # a preprint 2 years after
    (work("a", "Deep Nets", author="Huang"), work("b", "Deep Nets", author="Zhao")),  # other first author
    (work("a", "Introduction"), work("b", "Conclusion")),
    # A shared arXiv id alone is no proof: two papers of one al-folio site (594zyc) carry one mistyped id.
    (work("a", "Elastic CRFs for Open-Ontology Slot Filling", arxiv="1811.01331"),
     work("b", "Improved Learning of Word Embeddings with Word Definitions", arxiv="1811.01331")),
    # Nor is an ISBN: the chapters of one book share it.
    (work("a", "Chapter one", isbn="9783161484100"), work("b", "Chapter two", isbn="9783161484100")),
    # A bioRxiv preprint whose authors are not the paper's is another work, though the title is the same.
    (work("a", "Deep Nets", 2021, authors=("Huang, H.", "Zhao, Y.")),
     work("b", "Deep nets", 2020, preprint=True, authors=("Huang, H.", "Lee, K."))),
])
def test_different_works(ours, theirs):
    assert relation(ours, theirs) is None


def test_equal_titles_with_different_dois_are_two_works():
    found = match([work("a", "Editorial", doi="10.1000/a")], [work("b", "Editorial", doi="10.1000/b")])
    assert not found.pairs and len(found.only_theirs) == 1


def test_latex_and_unicode_titles_fold_alike():
    assert normalize_title(r"K{\"o}hler and Ho{\ss}feld: {GeoCarb}") == normalize_title("Köhler & Hoßfeld — GeoCarb")


def test_others_is_not_a_first_author():
    assert relation(work("a", "T", author="others"), work("b", "T", author="Crowell")) == (SAME, "title")


def test_match_pairs_versions_with_one_profile_work_and_reports_the_rest():
    paper = work("paper", "Deep Nets", 2021, doi="10.1000/x")
    found = match([paper, work("lonely", "Nobody Has This")],
                  [work("o1", "Deep nets", 2021, doi="https://doi.org/10.1000/X"),
                   work("o2", "Deep Nets", 2020, preprint=True, arxiv="2001.00001"),
                   work("o3", "New One"), work("o4", "new one")])
    assert {(p.theirs.key, p.kind) for p in found.pairs} == {("o1", SAME), ("o2", VERSION)}
    assert [w.key for w in found.only_ours] == ["lonely"]
    assert [[w.key for w in group] for group in found.only_theirs] == [["o3", "o4"]]


def test_scholar_export_duplicate_keys_stay_separate_works_and_yearless_duplicate_merges():
    text = (FIXTURES / "realworld" / "scholar-1.bib").read_text("utf-8")
    works = [c.work for c in bibtex.candidates(text, "scholar-1.bib")]
    assert len(works) == 82  # 7 duplicate keys are kept: Scholar reuses keys for different papers
    groups = cluster(works)
    merged = [sorted(w.key for w in group) for group in groups if len(group) > 1]
    # The real duplicates: one paper listed with and without a year, and one listed twice under one key,
    # once with a garbled author list ("Shi Zheng, Shi Zheng" for "Shi, Zheng"): import and diff see one work.
    assert merged == [["shi2018model", "shi2018model"], ["zhang2022multi", "zhangmulti"]]


def test_orcid_groups_are_one_work_each_whatever_their_sources():
    data = json.loads((FIXTURES / "orcid" / "orcid-works-1.json").read_text("utf-8"))
    works = orcid_json.parse_works(data)
    # ORCID groups by identifier only (24 groups); its SSRN working paper (2017, its own DOI) and the
    # journal article (2021) share title and first author, so they are one work in two versions here.
    groups = cluster(works)
    assert len(works) == 34 and len(groups) == 23
    competitive = [g for g in groups if any("competitive screening" in w.title.lower() for w in g)]
    assert len(competitive) == 1 and {w.year for w in competitive[0]} >= {2017, 2021}
    sources = {w.source for w in works}
    assert {"Crossref", "Scopus - Elsevier", "Chiu Yu Ko"} <= sources


def test_orcid_v2_response_is_refused_with_a_clear_message():
    from profilebot.errors import UsageError

    data = json.loads((FIXTURES / "realworld" / "orcid-works-2.json").read_text("utf-8"))
    with pytest.raises(UsageError, match=r"v2\.x response .*JOURNAL_ARTICLE.*reads API v3\.0"):
        orcid_json.parse_works(data, "orcid-works-2.json")
