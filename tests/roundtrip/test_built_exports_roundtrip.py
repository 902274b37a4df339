"""Build → import: the BibTeX and JSON Resume profilebot writes import back as the same works under the same keys.

BibTeX (Google Scholar's shape) has no place for a venue's short name or the work type of an unpublished
paper; everything it carries comes back: id (the BibTeX key), title, status (from the note profilebot
writes), date, DOI, arXiv id, pages, volume, publisher, authors.
"""

from __future__ import annotations

from profilebot.importers import bibtex, jsonresume
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
