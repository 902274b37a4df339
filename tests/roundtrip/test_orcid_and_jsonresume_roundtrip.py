"""ORCID works JSON and JSON Resume, real samples (PROVENANCE.md files beside them): import twice, check.

An untouched ORCID import prefers the DOI over Scopus's http:// record links (no PB402), and nothing an
importer writes about an incomplete entry reaches a public field.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from profilebot.commands.import_ import proposed_edit
from profilebot.validate.pipeline import check

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SAMPLES = [("orcid", FIXTURES / "orcid" / "orcid-works-1.json", "Chiu Yu Ko"),
           ("jsonresume", FIXTURES / "realworld" / "resume-1.json", "Andreea Pocol")]


def imported(source: str, path: Path, owner: str, text: str | None = None) -> str:
    text = text or f"person:\n  name: {owner}\n"
    return proposed_edit(text, check(text).profile, source, str(path))[1]


@pytest.mark.parametrize(("source", "path", "owner"), SAMPLES)
def test_a_second_import_changes_nothing(source, path, owner):
    once = imported(source, path, owner)
    assert once != f"person:\n  name: {owner}\n"
    assert imported(source, path, owner, once) == once


def test_an_orcid_import_prefers_the_doi_to_scopus_links():
    findings = check(imported(*SAMPLES[0])).findings
    profile = check(imported(*SAMPLES[0])).profile
    assert [f for f in findings if f.code == "PB402"] == []
    assert all(p.url is None for p in profile.publications if p.doi)
    assert any(p.doi for p in profile.publications)


@pytest.mark.parametrize(("source", "path", "owner"), SAMPLES)
def test_incomplete_entries_say_so_privately(source, path, owner):
    profile = check(imported(source, path, owner)).profile
    todo = [p for p in profile.publications if p.todo]
    assert all(p.note is None or "complete" not in p.note for p in profile.publications)
    if source == "jsonresume":  # JSON Resume has no author lists: each entry holds only the owner
        assert todo and all([a.name for a in p.authors] == [owner] for p in todo)


def test_import_proposes_the_owners_spelling_when_the_owner_is_not_found_as_written(tmp_path):
    bib = tmp_path / "family-first.bib"
    bib.write_text("@article{a2020t, title={T one}, author={Huang Hanxian and Chen, Xin}, journal={J}, year={2020}}\n"
                   "@article{b2021t, title={T two}, author={Huang Hanxian and Zhao, J}, journal={J}, year={2021}}\n",
                   "utf-8")
    text = "person:\n  name: Hanxian Huang\n"
    edited = proposed_edit(text, check(text).profile, "bibtex", str(bib))[1]
    checked = check(edited)
    assert len(checked.profile.person.name_variants) == 1  # one spelling, added once for both works
    assert [f for f in checked.findings if f.code == "PB207"] == []


def test_json_resume_basics_fill_the_person_without_overwriting():
    profile = check(imported(*SAMPLES[1])).profile
    assert profile.person.website == "https://andreeapocol.github.io"
    assert profile.person.profiles == {"scholar": "T2VL0vgAAAAJ", "orcid": "0000-0002-6681-0335",
                                       "researchgate": "Andreea-Pocol", "github": "AndreeaPocol", "linkedin": "apocol"}
    assert profile.person.email is None  # "apocol[at]uwaterloo.ca" is not an address: left out
    own = "person:\n  name: Andreea Pocol\n  website: https://example.org/me\n"
    assert check(imported(*SAMPLES[1], text=own)).profile.person.website == "https://example.org/me"
