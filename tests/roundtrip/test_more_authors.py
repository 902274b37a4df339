"""A truncated author list (BibTeX's `and others`, a citation's "et al.") is a fact of the entry, kept through
import → build → read back (issue 19): `more_authors` in the profile, `and others` in BibTeX, "et al." in the
CV and on the sites; no private todo for it; the Scholar drift of the export it came from stays empty. Real
files: a Google Scholar export (../shared/realworld/scholar), al-folio and academicpages sites."""

from __future__ import annotations

import dataclasses
import re

import pytest
from tests.render import readers
from tests.render.site.test_academicpages_in_place import imported as academicpages_import
from tests.render.site.test_al_folio_in_place import BIB, built, imported as al_folio_import, site_bib

from profilebot.commands.import_ import proposed_edit
from profilebot.importers import bibtex
from profilebot.render import outputs
from profilebot.render.site import academicpages
from profilebot.targets import scholar
from profilebot.validate.pipeline import check
from tests.paths import REAL_SITES, REALWORLD

EXPORT = REALWORLD / "scholar" / "scholar-1.bib"  # 39 of its entries end in `and others`


def _scholar_profile():
    empty = "person:\n  name: Sean Crowell\n"
    _, text = proposed_edit(empty, check(empty).profile, "bibtex", str(EXPORT))
    return text, check(text).profile


def _folded(title: str) -> str:
    """Scholar lists one paper twice ("CO2" / "CO₂"): import keeps it once."""
    return title.casefold().replace("₂", "2")


def _truncated_titles() -> set[str]:
    return {_folded(e.fields["title"]) for e in bibtex.parse(EXPORT.read_text("utf-8"), str(EXPORT))
            if re.search(r"\band others\s*$", e.fields.get("author", ""))}


def test_a_scholar_export_keeps_and_others_through_import_build_and_readback():
    text, profile = _scholar_profile()
    titles = _truncated_titles()
    assert len(titles) >= 30
    papers = {p.id: p for p in profile.publications}
    truncated = {i for i, p in papers.items() if p.more_authors}
    assert {_folded(papers[i].title) for i in truncated} == titles
    assert not any(p.todo for p in papers.values() if p.more_authors)  # a fact, not a to-do
    assert "more_authors: true" in text
    files = {a.path: a.data.decode("utf-8") for a in outputs.render_exports(profile)}
    read = {e.key: e for e in readers.read_bibtex(files["publications.bib"])}
    for key in truncated:  # bibtexparser reads BibTeX's `others` as the last name
        assert read[key].authors[-1] == ("others", ""), key
        assert len(read[key].authors) == len(papers[key].authors) + 1
    assert all(("others", "") not in read[key].authors for key in set(papers) - truncated)
    # Read back by profilebot's own importer: the same fact, nothing more.
    again = {c.entry.get("title"): c.entry for c in bibtex.candidates(files["publications.bib"], "out.bib", "")}
    assert {_folded(t) for t, e in again.items() if e.get("more_authors")} == titles


def test_the_cv_prints_et_al_after_a_truncated_list():
    _, profile = _scholar_profile()
    files = {a.path: a.data.decode("utf-8") for a in outputs.render_exports(profile)}
    cv = files["cv.md"]
    line = next(line for line in cv.splitlines() if "A novel data-driven global model" in line)
    assert "Philipp Köhler, Christian Frankenberg, et al., “A novel" in line
    moore = next(line for line in cv.splitlines() if "Geostationary Carbon Cycle Observatory (GeoCarb) to" in line)
    assert "et al." not in moore  # a complete list says nothing more
    assert "Christian Frankenberg, et al. Preprint" in files["resume.json"]  # one period, not "et al.."


def test_the_scholar_drift_of_that_export_stays_empty():
    _, profile = _scholar_profile()
    drift = scholar.plan(profile, scholar.works_of(EXPORT.read_text("utf-8"), str(EXPORT)))
    assert drift.missing_remote == () and drift.missing_local == () and drift.differences == ()


@pytest.mark.parametrize("site", ["444thLiao__mypage", "sahirbhatnagar__sahirbhatnagar.github.io",
                                  "zrqiao__zrqiao.github.io"])
def test_al_folio_keeps_and_others_byte_for_byte_and_writes_it_for_the_profile(site):
    original = site_bib(site)
    profile = al_folio_import(original)
    assert any(p.more_authors for p in profile.publications)
    assert built(profile, original) == original
    # The profile's value is what the entry says: cleared, the `and others` goes; set again, it comes back.
    paper = next(p for p in profile.publications if p.more_authors)
    cleared = dataclasses.replace(profile, publications=tuple(
        dataclasses.replace(p, more_authors=False) if p is paper else p for p in profile.publications))
    edited = built(cleared, original).decode("utf-8")
    assert edited.count("and others") == original.decode("utf-8").count("and others") - 1
    assert built(cleared, edited.encode("utf-8")) == edited.encode("utf-8")
    assert built(profile, edited.encode("utf-8")).decode("utf-8").count("and others") == \
        original.decode("utf-8").count("and others")


def test_academicpages_et_al_author_lists_are_kept_and_printed():
    """Most of this site's pages list every author in `authors:` (their citation's "et al." is a style); two
    end the list itself in "et al.": those are truncated, and a page made anew says so in both keys."""
    site = REAL_SITES / "academicpages" / "Alex-Gauvain__Alex-Gauvain.github.io"
    profile = academicpages_import(site)
    truncated = {p.id for p in profile.publications if p.more_authors}
    assert truncated == {"gauvain2023hydromodpy", "forget2024mars"}
    assert not any(p.todo for p in profile.publications if p.more_authors)
    fresh = {a.path: a.data.decode("utf-8") for a in academicpages.render(outputs.with_printed_names(profile), {})}
    page = next(text for path, text in fresh.items() if path.startswith("_publications/")
                and "forget2024mars" in path)
    assert re.search(r"^citation: .*F\. Lefevre, et al\. \(2024\)", page, re.M), page


def test_a_mixed_case_doi_keeps_its_case_on_the_academicpages_page():
    site = REAL_SITES / "academicpages" / "Alex-Gauvain__Alex-Gauvain.github.io"
    profile = academicpages_import(site)
    paper = next(p for p in profile.publications if p.doi and p.doi.lower() == "10.1029/2020wr029463")
    assert paper.doi == "10.1029/2020WR029463"  # as the page's paperurl writes it
    fresh = {a.path: a.data.decode("utf-8") for a in academicpages.render(outputs.with_printed_names(profile), {})}
    page = next(text for text in fresh.values() if "10.1029/" in text)
    assert "https://doi.org/10.1029/2020WR029463" in page and "2020wr029463" not in page
