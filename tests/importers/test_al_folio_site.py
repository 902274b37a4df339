"""`profilebot import al-folio SITE` on real al-folio sites (../shared/realworld/sites/al-folio): the whole site,
papers.bib with each entry's origin, the CV page's data (resume.json, else cv.yml; al-folio's sample skipped)
and coauthors.yml (issue 19)."""

from __future__ import annotations

import pytest

from profilebot.commands.import_ import proposed_changes
from profilebot.errors import UsageError
from profilebot.importers import al_folio
from profilebot.validate.pipeline import check
from tests.paths import REAL_SITES

AL_FOLIO = REAL_SITES / "al-folio"


def imported(site: str, owner: str):
    text = f"person:\n  name: {owner}\n"
    additions, _updates, edited = proposed_changes(text, check(text).profile, "al-folio", str(AL_FOLIO / site))
    checked = check(edited)
    assert not list(checked.errors())
    return additions, checked.profile


def test_the_whole_site_comes_in_papers_with_their_origin_and_the_cv_page():
    additions, profile = imported("444thLiao__mypage", "Tianhua Liao")
    assert len(profile.publications) == 7 and all(p.origin and p.origin.template == "al-folio"
                                                   for p in profile.publications)
    assert [(e.degree, e.institution, e.end.date.year) for e in profile.education] == [
        ("PhD in Biology", "The Chinese University of Hong Kong, China", 2019),
        ("BSc in Chemical Biology", "Sun Yat-sen University, Guangzhou, China", 2012)]
    assert profile.education[0].note.startswith("Date awarded, 31/07/2024; Dissertation, Dating")
    assert [(p.title, p.organization) for p in profile.positions][2] == (
        "Research Assistant", "The Shenzhen Institutes of Advanced Technology")
    assert (profile.positions[2].periods[0].start.date.year, profile.positions[2].periods[0].end.date.year) == (2016, 2019)
    assert [a.title for a in profile.awards] == ["SMBE Young Investigator Travel Award", "Postgraduate Teaching Award",
                                                 "Four-year PhD fellowship"]
    assert {a.origin.split(": ")[0].rsplit("/", 2)[-2] for a in additions} == {"_bibliography", "_data"}


def test_a_cv_page_with_html_and_ongoing_positions_reads_as_text():
    _, profile = imported("joahannes__joahannes.github.io", "Joahannes B. D. da Costa")
    adjunct = next(p for p in profile.positions if p.title == "Adjunct Professor")
    assert adjunct.organization == "Federal University of São Paulo (UNIFESP), Brazil"
    assert adjunct.periods[0].end.present and adjunct.highlights[1] == "More information on the contact page."
    phd = next(e for e in profile.education if e.degree == "Ph.D. in Computer Science")
    assert (phd.start.date.year, phd.end.date.year) == (2018, 2023) and "<span>" not in (phd.note or "")


def test_al_folio_sample_cv_entries_are_not_imported():
    # 0xtob keeps al-folio's sample cv.yml (Albert Einstein) untouched: nothing of it is the owner's.
    _, profile = imported("0xtob__0xtob.github.io", "Tobias Weyand")
    assert profile.education == () and profile.positions == () and profile.awards == ()
    assert len(profile.publications) == 16


def test_resume_json_is_the_cv_page_when_the_site_has_one_and_its_papers_come_from_papers_bib():
    # sahirbhatnagar's cv.yml keeps some of the sample's entries; al-folio shows its resume.json instead.
    _, profile = imported("sahirbhatnagar__sahirbhatnagar.github.io", "Sahir Bhatnagar")
    assert [p.organization for p in profile.positions][0] == "5 Prime Sciences"
    assert not any("Zurich" in e.institution for e in profile.education)
    assert len(profile.publications) == 34  # from papers.bib: resume.json's publications are not added twice
    _, younghan = imported("201younghanlee__201younghanlee.github.io", "Younghan Lee")
    assert ("Seoul National University", "Ph.D.") in {(e.institution, e.degree) for e in younghan.education}
    assert len(younghan.publications) == 8 and all(p.origin for p in younghan.publications)


def test_coauthors_yml_gives_an_orcid_to_the_matching_author():
    text = (AL_FOLIO / "K-Wu__K-Wu.github.io" / "_data" / "coauthors.yml").read_text("utf-8")
    table = al_folio.coauthor_orcids(text, "coauthors.yml")
    assert table == {}  # the site links personal pages, which the profile has no field for
    linked = al_folio.coauthor_orcids(text.replace("http://sitaohuang.com/", "https://orcid.org/0000-0002-1825-0097"),
                                      "coauthors.yml")
    assert linked == {"huang": [(frozenset({"Sitao", "S.", "S. T."}), "0000-0002-1825-0097")]}
    from profilebot.importers import bibtex

    bib = (AL_FOLIO / "K-Wu__K-Wu.github.io" / "_bibliography" / "papers.bib").read_text("utf-8")
    papers = al_folio.with_orcids(bibtex.candidates(bib, "papers.bib", "Kun Wu", "_bibliography/papers.bib"), linked)
    huang = [a for c in papers for a in c.entry.get("authors", []) if isinstance(a, dict) and "orcid" in a]
    assert huang and all(a["name"] == "Huang, Sitao" for a in huang)


def test_a_folder_that_is_not_an_al_folio_site_is_one_clear_error(tmp_path):
    text = "person:\n  name: Someone\n"
    with pytest.raises(UsageError, match="no _bibliography/papers.bib or _data/cv.yml here"):
        proposed_changes(text, check(text).profile, "al-folio", str(tmp_path))
    (tmp_path / "_data").mkdir()
    (tmp_path / "_data" / "cv.yml").write_text("- title: Education\n  contents: [\n", "utf-8")
    with pytest.raises(UsageError, match=r"cv\.yml:\d+:\d+: not valid YAML"):
        proposed_changes(text, check(text).profile, "al-folio", str(tmp_path))


def test_an_al_folio_pdf_name_is_a_working_link_in_the_cv_and_on_another_site():
    # 594zyc: pdf={aaai20_damd.pdf}, served by al-folio at /assets/pdf/; _config.yml url: https://594zyc.github.io
    import dataclasses

    from profilebot.render import cv_view
    from profilebot.render.site import static

    _, profile = imported("594zyc__594zyc.github.io", "Yichi Zhang")
    assert profile.person.website == "https://594zyc.github.io"
    aaai = next(p for p in profile.publications if p.id == "zhang2020task")
    pdf = "https://594zyc.github.io/assets/pdf/aaai20_damd.pdf"
    entry = next(e for s in cv_view.build(profile).sections for g in s.groups for e in g.entries if e.id == aaai.id)
    assert ("PDF", pdf) in {(link.label, link.url) for link in entry.links}
    assert ("citation_pdf_url", pdf) in static.citation_meta(aaai, None, "../", profile.person.website)
    # Without the site's address a root path is no link at all in a CV (never a dead relative one).
    anonymous = dataclasses.replace(profile, person=dataclasses.replace(profile.person, website=None))
    entry = next(e for s in cv_view.build(anonymous).sections for g in s.groups for e in g.entries if e.id == aaai.id)
    assert all(not link.url.startswith("/") for link in entry.links) and entry.links


def test_published_papers_with_an_arxiv_id_are_exported_and_listed_as_published():
    # 594zyc: AAAI, CVPR, ACL Findings, COLM and a journal paper with `arxiv=` and no DOI were printed as
    # journal={arXiv preprint …} and listed under "Preprints" in the CV.
    import bibtexparser

    from profilebot.render import bibtex as exporter
    from profilebot.render import cv_view

    _, profile = imported("594zyc__594zyc.github.io", "Yichi Zhang")
    exported = bibtexparser.parse_string(exporter.render(profile))
    assert exported.failed_blocks == []
    printed = {e.key: e for e in exported.entries}
    assert printed["zhang2020task"].entry_type == "inproceedings"
    assert printed["zhang2020task"]["booktitle"] == "Proceedings of the AAAI Conference on Artificial Intelligence"
    assert not any("arXiv preprint" in e.fields_dict.get("journal", e.fields_dict.get("booktitle")).value
                   for e in exported.entries if "journal" in e.fields_dict or "booktitle" in e.fields_dict)
    works = next(s for s in cv_view.build(profile).sections if s.key == "publications")
    assert all(group.title != "Preprints" for group in works.groups)
