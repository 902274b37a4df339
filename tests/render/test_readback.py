"""Each publication format of the default profile, read back by a real reader, agrees field by field with the profile."""

from __future__ import annotations

import jsonschema
import pytest
from tests.render import readers

from profilebot.render import citations

STATUS = {"under-review": "Under review", "in-preparation": "In preparation"}


def _expected(profile):
    """(key, title, [(family, given)], venue or None, year or None, status label or None, patent label)."""
    rows = []
    for work in citations.works(profile):
        pub = work.publication
        rows.append({
            "key": work.key,
            "title": work.title,
            "authors": [(a.family, a.given) for a in work.authors],
            "venue": pub.venue.name if pub and pub.venue else None,
            "year": work.date.year if work.date else None,
            "status": STATUS.get(pub.status) if pub else None,
            "patent": citations.patent_label(work.patent) if work.patent else None,
        })
    return rows


def test_default_profile_has_what_the_checks_need(default_profile):
    rows = _expected(default_profile)
    assert len(rows) == 17
    assert sum(1 for r in rows if r["status"] == "Under review") == 4
    assert sum(1 for r in rows if r["patent"]) == 2


def test_scholar_keys_match_the_profile_ids_for_dated_works(default_profile):
    for work in citations.works(default_profile):
        if work.date is not None:
            assert work.key == work.item.id


def test_bibtex_reads_back(default_profile, outputs):
    entries = readers.read_bibtex(outputs["publications.bib"])
    rows = _expected(default_profile)
    assert [e.key for e in entries] == [r["key"] for r in rows]
    assert len({e.key for e in entries}) == len(entries)
    for entry, row in zip(entries, rows):
        assert entry.text("title") == row["title"]
        assert entry.authors == row["authors"]
        if row["patent"]:
            assert entry.entry_type == "misc"
            assert entry.fields["publisher"] == "Google Patents"
            assert entry.text("note") == row["patent"]
            assert entry.fields["year"] == str(row["year"])
        elif row["status"]:
            assert entry.entry_type == "unpublished"
            assert entry.text("note").startswith(row["status"])
            assert "year" not in entry.fields
        else:
            assert entry.entry_type == "inproceedings"
            assert entry.text("booktitle") == row["venue"]
            assert entry.fields["year"] == str(row["year"])


def test_bibtex_layout_is_scholars(outputs):
    text = outputs["publications.bib"]
    assert text.startswith("@inproceedings{chen2024learning,\n  title={Learning to Maximize")
    for line in text.splitlines():
        assert line == "" or line.startswith("@") or line == "}" or line.startswith("  ") and "={" in line or \
            line.startswith("  month=")
    assert ",\n}" not in text  # no trailing comma
    assert "Camacho-Rodr{\\'\\i}guez, J." in text
    assert 'month=mar # "~12"' in text
    assert "note={US Patent 11,928,446}" in text and "note={CN Patent 108,765,282}" in text


def test_bibtex_carries_awards_workshops_and_notes(outputs):
    entries = {e.key: e for e in readers.read_bibtex(outputs["publications.bib"])}
    assert entries["huang2024muti"].text("note") == "ACM SIGSOFT Distinguished Paper Award"
    assert entries["fu2021learn"].text("note") == "Long Presentation"
    assert "Workshop" in entries["fu2021gatenet"].text("booktitle")


def test_ris_reads_back(default_profile, outputs):
    assert outputs["publications.ris"].count("ER  - \n") == 17
    records = readers.read_ris(outputs["publications.ris"])
    for record, row in zip(records, _expected(default_profile), strict=True):
        assert record["primary_title"] == row["title"]
        assert record["first_authors"] == [f"{f}, {g}" for f, g in row["authors"]]
        if row["patent"]:
            assert record["type_of_reference"] == "PAT"
            assert row["patent"] in record["notes"]
        elif row["status"]:
            assert record["type_of_reference"] == "UNPB"
            assert record["notes"] == [row["status"]]
        else:
            assert record["type_of_reference"] == "CONF"
            assert record["journal_name"] == row["venue"]
        assert record.get("publication_year") == (str(row["year"]) if row["year"] else None)


@pytest.mark.parametrize("path, reader, tags", [
    ("publications.enw", readers.read_endnote,
     {"type": "%0", "title": "%T", "author": "%A", "venue": "%B", "year": "%D", "note": "%Z",
      "types": ("Conference Proceedings", "Unpublished Work", "Patent")}),
    ("publications.rfw", readers.read_refworks,
     {"type": "RT", "title": "T1", "author": "A1", "venue": "T2", "year": "YR", "note": "NO",
      "types": ("Conference Proceedings", "Unpublished Material", "Patent")}),
])
def test_tagged_formats_read_back(default_profile, outputs, path, reader, tags):
    records = reader(outputs[path])
    conference, unpublished, patent = tags["types"]
    for record, row in zip(records, _expected(default_profile), strict=True):
        assert readers.values(record, tags["title"]) == [row["title"]]
        assert readers.values(record, tags["author"]) == [f"{f}, {g}" for f, g in row["authors"]]
        year = readers.values(record, tags["year"])
        assert year == ([str(row["year"])] if row["year"] else [])
        kind = readers.values(record, tags["type"])
        if row["patent"]:
            assert kind == [patent] and row["patent"] in readers.values(record, tags["note"])
        elif row["status"]:
            assert kind == [unpublished] and readers.values(record, tags["note"]) == [row["status"]]
        else:
            assert kind == [conference] and readers.values(record, tags["venue"]) == [row["venue"]]


def test_csl_json_is_valid_and_reads_back(default_profile, outputs):
    items = readers.read_json(outputs["publications.csl.json"])
    jsonschema.validate(items, readers.schema("csl/csl-data.json"))
    for item, row in zip(items, _expected(default_profile), strict=True):
        assert item["id"] == item["citation-key"] == row["key"]
        assert item["title"] == row["title"]
        assert [(a["family"], a.get("given", "")) for a in item["author"]] == row["authors"]
        assert item.get("issued", {}).get("date-parts", [[None]])[0][0] == row["year"]
        if row["patent"]:
            assert item["type"] == "patent" and item["number"] in ("CN108765282B", "US11928446B2")
        elif row["status"]:
            assert item["type"] == "manuscript" and item["status"] == row["status"]
        else:
            assert item["type"] == "paper-conference" and item["container-title"] == row["venue"]


def test_json_resume_is_valid_and_complete(default_profile, outputs):
    resume = readers.read_json(outputs["resume.json"])
    jsonschema.validate(resume, readers.schema("jsonresume/schema.json"),
                        format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    assert resume["basics"]["name"] == "Hanxian Huang"
    assert resume["basics"]["email"] == "hah008@ucsd.edu"
    assert "phone" not in resume["basics"]
    assert [w["name"] for w in resume["work"]] == [p.organization for p in default_profile.positions]
    assert [e["studyType"] for e in resume["education"]] == ["Ph.D.", "M.S.", "B.S."]
    assert [a["title"] for a in resume["awards"]] == [a.title for a in default_profile.awards]
    assert "Muti-representation" in resume["awards"][0]["summary"]
    assert [i["name"] for i in resume["interests"]] == list(default_profile.interests)
    assert len(resume["projects"]) == len(default_profile.projects)
    for publication, row in zip(resume["publications"], _expected(default_profile), strict=True):
        assert publication["name"] == row["title"]
        assert publication["summary"].startswith(("Authors: ", "Inventors: "))
        work = next(w for w in citations.works(default_profile) if w.key == row["key"])
        printed = ", ".join(a.name + ("*" if a.equal_contribution else "") for a in work.authors)
        listed = publication["summary"].split(": ", 1)[1]
        assert listed == printed or listed.startswith(printed + ". ")
        assert publication.get("publisher") == (row["patent"] or row["venue"])
        if row["status"]:
            assert row["status"] in publication["summary"]


def _orcid_rows(profile):
    keep = {w.key for w in citations.orcid_works(profile)}
    return [r for r in _expected(profile) if r["key"] in keep]


def test_orcid_works_go_to_orcid_only_when_they_belong(default_profile):
    rows = _orcid_rows(default_profile)
    assert len(rows) == 13  # 11 published papers + 2 patents; the 4 under review stay off ORCID
    assert not any(r["status"] for r in rows)


def test_orcid_xml_is_valid_against_bulk_xsd_and_matches_the_json(default_profile, outputs):
    readers.orcid_xsd().validate(outputs["orcid-works.xml"])
    root = readers.read_orcid_xml(outputs["orcid-works.xml"])
    works_xml = root.findall("work:work", readers.NS)
    works_json = [item["work"] for item in readers.read_json(outputs["orcid-works.json"])["bulk"]]
    rows = _orcid_rows(default_profile)
    assert len(works_xml) == len(works_json) == len(rows)
    for xml_work, json_work, row in zip(works_xml, works_json, rows):
        title = xml_work.findtext("work:title/common:title", namespaces=readers.NS)
        assert title == json_work["title"]["title"]["value"] == row["title"]
        names = [c.findtext("work:credit-name", namespaces=readers.NS)
                 for c in xml_work.findall("work:contributors/work:contributor", readers.NS)]
        assert names == [c["credit-name"]["value"] for c in json_work["contributors"]["contributor"]]
        assert len(names) == len(row["authors"])
        year = xml_work.findtext("common:publication-date/common:year", namespaces=readers.NS)
        assert year == json_work["publication-date"]["year"]["value"] == str(row["year"])
        ids = json_work["external-ids"]["external-id"]
        assert any(i["external-id-relationship"] == "self" for i in ids)
        if row["patent"]:
            assert json_work["type"] == "patent"
            assert ids[0]["external-id-type"] == "pat"
        else:
            assert json_work["type"] == "conference-paper"
            assert json_work["journal-title"]["value"] == row["venue"]
            assert ids == [{"external-id-type": "source-work-id", "external-id-value": row["key"],
                            "external-id-relationship": "self"}]


def _shape(value):
    """The structure of a JSON value: keys and nesting, leaves reduced to their type."""
    if isinstance(value, dict):
        return {k: _shape(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_shape(value[0])] if value else []
    return type(value).__name__


def _conforms(ours, theirs, path="work"):
    """Every key we emit exists in ORCID's sample at the same place, with the same kind of value."""
    if isinstance(ours, dict):
        assert isinstance(theirs, dict), path
        for key, value in ours.items():
            assert key in theirs, f"{path}.{key} is not in ORCID's sample"
            _conforms(value, theirs[key], f"{path}.{key}")
    elif isinstance(ours, list):
        assert isinstance(theirs, list) and theirs, path
        for item in ours:
            _conforms(item, theirs[0], path + "[]")
    else:
        assert ours == theirs, f"{path}: {ours} vs {theirs}"


def test_orcid_json_has_the_structure_of_orcids_samples(outputs):
    import json
    from pathlib import Path
    samples = Path(__file__).resolve().parent.parent / "fixtures" / "orcid"
    work_full = _shape(json.loads((samples / "work-full-3.0.json").read_text("utf-8")))
    bulk_sample = json.loads((samples / "bulk-work-3.0.json").read_text("utf-8"))
    ours = readers.read_json(outputs["orcid-works.json"])
    assert set(ours) == set(bulk_sample) == {"bulk"}
    assert all(set(item) == {"work"} for item in ours["bulk"])
    for item in ours["bulk"]:
        _conforms(_shape(item["work"]), work_full)


def test_orcid_import_bib_is_shaped_for_orcids_importer(default_profile, outputs):
    entries = readers.read_bibtex(outputs["orcid-import.bib"])
    rows = _orcid_rows(default_profile)
    assert [e.key for e in entries] == [r["key"] for r in rows]
    orcid_types = {"inproceedings", "article", "book", "incollection", "phdthesis", "techreport", "misc",
                   "unpublished"}
    for entry, row in zip(entries, rows):
        assert entry.entry_type in orcid_types
        assert entry.text("title") == row["title"]
        assert entry.authors == row["authors"]
        assert entry.fields["year"].isdigit() and int(entry.fields["year"]) == row["year"]
        assert entry.fields.get("month", "jan")[:3] in ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
                                                          "sep", "oct", "nov", "dec")
    # UTF-8 kept: ORCID decodes LaTeX in titles but not in author names.
    assert "Camacho-Rodríguez" in outputs["orcid-import.bib"] or "Camacho" not in outputs["orcid-import.bib"]


def test_cv_has_every_section_and_marks(default_profile, outputs):
    cv = outputs["cv.md"]
    headings = [line for line in cv.splitlines() if line.startswith("#")]
    assert headings[:5] == ["# Hanxian Huang", "## Research Interests", "## Education", "## Experience",
                            "### Research Intern, Meta"]
    order = [cv.index(h) for h in ("## Education", "## Experience", "## Publications",
                                   "### Conference Papers", "### Preprints and Work under Review", "## Patents",
                                   "## Awards")]
    assert order == sorted(order)
    for row in _expected(default_profile):
        line = next(line for line in cv.splitlines() if f"“{row['title']}”" in line)
        assert "**H. Huang**" in line
        if row["venue"]:
            assert row["venue"] in line
    assert "W. Zhang\\*, **H. Huang**\\*" in cv
    assert "\\* Equal contribution." in cv
    assert "Jun 2022 – Sep 2022 (full-time)" in cv and "Oct 2022 – May 2023 (part-time)" in cv
    assert "Supervisors: Dr. Yuanyuan Tian" in cv
    assert "for “Muti-representation Learning for WebAssembly Reverse Engineering”" in cv
    rendered = " ".join(readers.markdown_text_tokens(cv))
    assert "W. Zhang*, H. Huang*" in rendered


def test_every_paper_and_patent_in_every_publication_format(default_profile, outputs):
    """Titles, every author's family name, and year or status, searched in each file's own syntax."""
    from profilebot.render.escaping import bibtex_text
    for path in ("publications.bib", "publications.ris", "publications.enw", "publications.rfw",
                 "publications.csl.json", "resume.json", "cv.md"):
        text = outputs[path]
        for row in _expected(default_profile):
            title = bibtex_text(row["title"]) if path.endswith(".bib") else row["title"]
            assert title in text, (path, row)
            for family, _ in row["authors"]:
                shown = bibtex_text(family) if path.endswith(".bib") else family
                assert shown in text, (path, family)
