"""The importers on real files: Scholar BibTeX quirks, JSON Resume (valid and broken), saved ORCID JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from profilebot.errors import UsageError
from profilebot.importers import bibtex, jsonresume, orcid as orcid_json

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def scholar(name: str):
    return bibtex.candidates((FIXTURES / "realworld" / name).read_text("utf-8"), name)


def test_scholar_patents_become_patents_with_number_and_day():
    patents = scholar("scholar-4.bib")
    assert len(patents) == 9 and {c.section for c in patents} == {"patents"}
    first = patents[0].entry
    assert first["number"] == "US11899114" and first["date"] == "2024-02-13"
    assert first["inventors"] == ["Kroeger, Till", "Taranalli, Veeresh", "Bosse, Michael Carsten"]


def test_scholar_latex_others_and_missing_years():
    entries = scholar("scholar-1.bib")
    doughty = entries[0].entry
    assert "Köhler, Philipp" in doughty["authors"] and "others" not in doughty["authors"]
    assert doughty["more_authors"] is True and "todo" not in doughty and "note" not in doughty
    assert doughty["type"] == "preprint"  # journal={Authorea Preprints}
    assert sum("date" not in c.entry for c in entries) == 11


def test_scholar_proceedings_organization_is_the_publisher():
    chatila = next(c.entry for c in scholar("scholar-5.bib") if c.entry["title"].startswith("Position referencing"))
    assert chatila["type"] == "conference-paper" and chatila["publisher"] == "IEEE"
    assert chatila["venue"] == {"name": "Robotics and Automation. Proceedings. 1985 IEEE International Conference on"}
    assert chatila["pages"] == "138-145"


def test_broken_bibtex_is_a_usage_error():
    with pytest.raises(UsageError, match="no BibTeX entry could be read"):
        bibtex.candidates("this is not bibtex at all {", "notes.txt")


def test_json_resume_publications_and_education():
    found = jsonresume.candidates((FIXTURES / "realworld" / "resume-1.json").read_text("utf-8"), "resume-1.json",
                                  "Andreea Pocol")
    publications = [c for c in found if c.section == "publications"]
    education = [c.entry for c in found if c.section == "education"]
    assert len(publications) == 10
    assert publications[0].entry["doi"] == "10.20380/GI2021.20" and publications[0].entry["date"] == "2021-05-28"
    assert education == [{"degree": "Ph.D in Computer Science", "institution": "University of Waterloo", "end": 2026},
                         {"degree": "B.C.S. in Computer Science", "institution": "University of Waterloo", "end": 2021}]


def test_invalid_json_resume_names_the_position():
    text = (FIXTURES / "realworld" / "resume-2.json").read_text("utf-8")
    with pytest.raises(UsageError, match=r"^resume-2\.json:\d+:\d+: not valid JSON") as raised:
        jsonresume.candidates(text, "resume-2.json", "Someone")
    assert "no comments" in str(raised.value)


def test_orcid_candidates_keep_identifiers_and_sources():
    works = orcid_json.parse_works(json.loads((FIXTURES / "orcid" / "orcid-works-1.json").read_text("utf-8")))
    candidate = orcid_json.candidates([works[0]], "Chiu Yu Ko", "0000-0001-8590-6159")[0]
    assert candidate.entry["doi"] == "10.1016/j.econmod.2026.107716" and candidate.entry["date"] == "2026-10"
    assert candidate.entry["authors"] == ["Chiu Yu Ko"] and "no contributors" in candidate.entry["todo"] and "note" not in candidate.entry
    assert "Crossref" in candidate.origin
