"""Build → import: the BibTeX and JSON Resume profilebot writes import back as the same works under the same keys.

BibTeX (Google Scholar's shape) has no place for a venue's short name or the work type of an unpublished
paper; everything it carries comes back: id (the BibTeX key), title, status (from the note profilebot
writes), date, DOI, arXiv id, pages, volume, publisher, authors.
"""

from __future__ import annotations

from profilebot.importers import bibtex, csl_json, jsonresume
from profilebot.importers.propose import propose
from profilebot.load import edit
from profilebot.render import outputs
from profilebot.validate.pipeline import check

FIELDS = ("id", "title", "status", "date", "doi", "arxiv", "pages", "volume", "issue", "publisher", "url")


def into_empty(owner: str, candidates) -> object:
    empty = f"person:\n  name: {owner}\n"
    additions = propose(check(empty).profile, candidates)
    checked = check(edit.append(empty, [(a.section, a.entry) for a in additions]))
    assert not checked.errors()
    return checked.profile


def test_built_bibtex_imports_as_the_same_works_and_keys(default_profile):
    built = {a.path: a.data for a in outputs.render_exports(default_profile)}  # cv.pdf is binary
    owner = default_profile.person.name
    again = into_empty(owner, bibtex.candidates(built["publications.bib"].decode(), "publications.bib", owner))
    assert [[getattr(p, f) for f in FIELDS] for p in again.publications] == \
        [[getattr(p, f) for f in FIELDS] for p in default_profile.publications]
    assert [[(a.given, a.family) for a in p.authors] for p in again.publications] == \
        [[(a.given, a.family) for a in p.authors] for p in default_profile.publications]
    assert [(p.id, p.title, p.number[:10]) for p in again.patents] == \
        [(p.id, p.title, p.number[:10]) for p in default_profile.patents]


def test_built_json_resume_imports_as_the_same_works(default_profile):
    built = {a.path: a.data for a in outputs.render_exports(default_profile)}  # cv.pdf is binary
    owner = default_profile.person.name
    again = into_empty(owner, jsonresume.candidates(built["resume.json"].decode(), "resume.json", owner))
    # resume.json lists patents among its publications too; every paper comes back with its DOI.
    back = {p.title: p.doi for p in again.publications}
    assert {p.title: p.doi for p in default_profile.publications}.items() <= back.items()
    assert set(back) - {p.title for p in default_profile.publications} <= {p.title for p in default_profile.patents}


def test_built_csl_json_imports_as_the_same_works_keys_and_fields(default_profile):
    built = {a.path: a.data for a in outputs.render_exports(default_profile)}  # cv.pdf is binary
    owner = default_profile.person.name
    again = into_empty(owner, csl_json.candidates(built["publications.csl.json"].decode(), "publications.csl.json",
                                                  owner))
    assert [[getattr(p, f) for f in FIELDS] for p in again.publications] == \
        [[getattr(p, f) for f in FIELDS] for p in default_profile.publications]
    # CSL writes an unpublished work as a "manuscript" whatever it will be; every other type comes back.
    assert [p.type for p in again.publications if p.is_published] == \
        [p.type for p in default_profile.publications if p.is_published]
    assert [[(a.given, a.family) for a in p.authors] for p in again.publications] == \
        [[(a.given, a.family) for a in p.authors] for p in default_profile.publications]
    assert [p.venue and (p.venue.name, p.venue.short) for p in again.publications] == \
        [p.venue and (p.venue.name, p.venue.short) for p in default_profile.publications]


def test_csl_json_that_is_not_json_is_one_line_with_its_position():
    import pytest

    from profilebot.errors import ProfilebotError

    with pytest.raises(ProfilebotError) as caught:
        csl_json.candidates('[{"id": "a",\n  "title": }]', "refs.json", "A. Owner")
    assert str(caught.value).startswith("refs.json:2:12: not valid JSON")
    with pytest.raises(ProfilebotError):  # nested past Python's recursion limit: bad input, not a crash
        csl_json.candidates("[" * 100_000 + "]" * 100_000, "deep.json", "A. Owner")


def test_a_real_site_dois_keep_their_case_through_every_export_and_back():
    # 0xAdriaTorralba's al-folio papers.bib: doi={https://doi.org/10.4230/LIPIcs.AFT.2024.6} (issue 19: DOIs were
    # lower-cased in every output, drift noise against the person's own site and Crossref's form).
    from tests.paths import REAL_SITES

    bib = (REAL_SITES / "al-folio" / "0xAdriaTorralba__0xAdriaTorralba.github.io" / "_bibliography" / "papers.bib")
    profile = into_empty("Adrià Torralba-Agell", bibtex.candidates(bib.read_text("utf-8"), str(bib), "Adrià"))
    assert "10.4230/LIPIcs.AFT.2024.6" in {p.doi for p in profile.publications}
    built = {a.path: a.data for a in outputs.render_exports(profile)}
    for name in ("publications.bib", "publications.csl.json", "publications.ris", "resume.json"):
        assert b"10.4230/LIPIcs.AFT.2024.6" in built[name], name
    for reader, name in ((bibtex, "publications.bib"), (csl_json, "publications.csl.json")):
        again = into_empty("Adrià Torralba-Agell", reader.candidates(built[name].decode(), name, "Adrià"))
        assert "10.4230/LIPIcs.AFT.2024.6" in {p.doi for p in again.publications}, name
