"""al-folio: papers.bib read by a real BibTeX parser with al-folio's keys, cv.yml against its format, coauthors."""

from __future__ import annotations

import dataclasses
import json

import bibtexparser
import jsonschema
import pytest
import yaml

from profilebot.model.profile import Author, Profile
from profilebot.render import outputs
from profilebot.render.site import al_folio
from tests.paths import FIXTURES

CV_SCHEMA = FIXTURES / "site" / "al-folio-cv.schema.json"


def _files(profile: Profile) -> dict[str, str]:
    return {a.path: a.data.decode() for a in al_folio.render(profile, {"template": "al-folio", "repo": "a/b"})}


def test_writes_exactly_the_owned_files(default_profile: Profile) -> None:
    # The PDF CV at al_folio.CV_PDF is added by outputs.render_site, which compiles it once for every output.
    assert sorted(_files(default_profile)) == sorted(p for p in al_folio.OWNED_PATHS if p != al_folio.CV_PDF)
    site = outputs.render_site(default_profile, {"template": "al-folio"})
    assert sorted(a.path for a in site) == sorted(al_folio.OWNED_PATHS)
    assert next(a for a in site if a.path == "assets/pdf/cv.pdf").data.startswith(b"%PDF-")
    assert al_folio.render(default_profile, {}) == al_folio.render(default_profile, {})


def test_papers_bib_parses_and_carries_al_folio_keys(default_profile: Profile) -> None:
    library = bibtexparser.parse_string(_files(default_profile)[al_folio.BIBLIOGRAPHY])
    assert library.failed_blocks == []
    # Keys are the BibTeX exporter's (Scholar-style), so entries are matched to papers by title.
    entries = {entry.fields_dict["title"].value: entry for entry in library.entries}
    assert len(library.entries) == len(default_profile.publications)
    for paper in default_profile.publications:
        fields = entries[paper.title].fields_dict
        assert fields["bibtex_show"].value == "true"
        assert "selected" not in fields  # nothing is marked selected in the default profile
        if paper.venue and paper.venue.short:
            assert fields["abbr"].value == paper.venue.short
    muti = entries["Muti-representation Learning for WebAssembly Reverse Engineering"].fields_dict
    assert muti["award_name"].value == "ACM SIGSOFT Distinguished Paper Award"
    assert muti["award"].value == "ACM SIGSOFT Distinguished Paper Award (ACM SIGSOFT)"


def test_links_selected_and_arxiv_become_al_folio_keys(default_profile: Profile) -> None:
    paper = dataclasses.replace(default_profile.publications[0], selected=True, arxiv="2401.01234",
                                links={"pdf": "chen2024.pdf", "code": "https://github.com/x/y_z%20",
                                       "slides": "javascript:alert(1)", "supplement": "https://x.org/s"},
                                abstract="We study {braces} & 50% of {unbalanced")
    library = bibtexparser.parse_string(_files(dataclasses.replace(default_profile, publications=(paper,)))[
        al_folio.BIBLIOGRAPHY])
    assert library.failed_blocks == []
    fields = library.entries[0].fields_dict
    assert fields["selected"].value == "true"
    assert fields["pdf"].value == "chen2024.pdf" and fields["code"].value == "https://github.com/x/y_z%20"
    assert fields["supp"].value == "https://x.org/s" and "slides" not in fields
    assert "2401.01234" in fields["arxiv"].value
    assert "abstract" in fields


def test_cv_yml_validates_against_al_folio_format(default_profile: Profile) -> None:
    sections = yaml.safe_load(_files(default_profile)[al_folio.CV])
    jsonschema.validate(sections, json.loads(CV_SCHEMA.read_text("utf-8")))
    by_title = {s["title"]: s for s in sections}
    # Every project of the default profile is done in a position, so it is listed there, not in "Projects".
    assert [s["title"] for s in sections] == ["General Information", "Research Interests", "Education",
                                              "Experience", "Patents", "Awards"]
    general = {row["name"]: row["value"] for row in by_title["General Information"]["contents"]}
    assert general["Email"] == "hah008@ucsd.edu" and "Phone" not in general
    experience = by_title["Experience"]["contents"]
    assert experience[1]["year"] == "Jun 2022 – Sep 2022 (full-time); Oct 2022 – May 2023 (part-time)"
    assert experience[5]["year"] == "Sep 2019 – Present"
    projects = [d["title"] for d in experience[5]["description"] if isinstance(d, dict)]
    assert "GeoT: Tensor Centric Library for Graph Neural Networks (mentor)" in projects
    assert by_title["Education"]["contents"][1]["year"] == "2019 –"
    assert by_title["Education"]["contents"][0]["year"] == "Dec 2024 (expected)"
    assert by_title["Education"]["contents"][0]["description"] == ["GPA: 4.00/4.00"]
    awards = by_title["Awards"]["contents"]
    assert [row["year"] for row in awards] == ["2024", "2019", "2018"]
    assert sum(len(row["items"]) for row in awards) == len(default_profile.awards)


def test_the_cv_schema_rejects_a_malformed_cv() -> None:
    schema = json.loads(CV_SCHEMA.read_text("utf-8"))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate([{"title": "X", "type": "map", "contents": [{"name": "only a name"}]}], schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate([{"title": "X", "type": "table", "contents": []}], schema)


def test_coauthors_keyed_by_folded_family_name_and_only_with_a_page(default_profile: Profile) -> None:
    assert yaml.safe_load(_files(default_profile)[al_folio.COAUTHORS]) == {}  # nobody has an ORCID iD
    paper = dataclasses.replace(default_profile.publications[3], authors=(
        Author("H. Huang", "H.", "Huang", orcid="0000-0002-1825-0097"),
        Author("J. Camacho-Rodríguez", "J.", "Camacho-Rodríguez", orcid="0000-0001-5109-3700"),
        Author("Jesús Camacho-Rodríguez", "Jesús", "Camacho-Rodríguez", orcid="0000-0001-5109-3700"),
        Author("Y. Tian", "Y.", "Tian")))
    data = yaml.safe_load(_files(dataclasses.replace(default_profile, publications=(paper,)))[al_folio.COAUTHORS])
    assert data == {"camacho-rodriguez": [{"firstname": ["J.", "Jesús"],
                                           "url": "https://orcid.org/0000-0001-5109-3700"}]}
