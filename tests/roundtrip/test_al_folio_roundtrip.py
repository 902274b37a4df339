"""al-folio round trip on real `_bibliography/papers.bib` files (tests/fixtures/realworld/al-folio, PROVENANCE.md).

import → build al-folio gives every entry back with the same key, abbr, selected, html and pdf; the
built file imports into an empty profile as the same works with the same fields; a second import of the
source adds nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from profilebot.commands.import_ import proposed_edit
from profilebot.importers import bibtex
from profilebot.render import outputs
from profilebot.validate.pipeline import check

AL_FOLIO = Path(__file__).resolve().parents[1] / "fixtures" / "realworld" / "al-folio"
SAMPLES = sorted(p.name for p in AL_FOLIO.glob("*.bib"))
# What al-folio shows and the round trip must keep, per entry.
KEPT = ("abbr", "selected", "html", "pdf", "code")
# A hand-written entry (not from a real site) with the al-folio keys none of the real samples uses.
EVERY_KEY = """---
---
@inproceedings{einstein1905badges,
  abbr={PhysRev},
  title={Every al-folio key at once},
  author={Einstein, Albert and Grossmann, Marcel},
  booktitle={Physical Review},
  year={1905},
  doi={https://doi.org/10.1103/PhysRev.47.777},
  selected={true},
  bibtex_show={false},
  award={Best paper},
  html={https://journals.aps.org/pr/abstract/10.1103/PhysRev.47.777},
  pdf={example_pdf.pdf},
  code={https://github.com/example/code},
  poster={poster.pdf},
  slides={slides.pdf},
  video={https://example.org/video},
  website={https://example.org/project},
  preview={brownian-motion.gif},
  altmetric={248277},
  dimensions={true},
  google_scholar_id={qyhmnyLat1gC}
}
"""


def imported(text: str, source: str) -> str:
    empty = "person:\n  name: Chenxi Qiu\n"
    _, result = proposed_edit(empty, check(empty).profile, "bibtex", source) if not text else (
        None, _import_text(empty, text, source))
    return result


def _import_text(profile_text: str, text: str, source: str) -> str:
    from profilebot.importers.propose import propose
    from profilebot.load import edit

    additions = propose(check(profile_text).profile, bibtex.candidates(text, source, "Chenxi Qiu"))
    return edit.append(profile_text, [(a.section, a.entry) for a in additions])


def built_bibliography(profile_text: str) -> str:
    profile = check(profile_text).profile
    site = {a.path: a.data for a in outputs.render_site(profile, {"template": "al-folio"})}  # with the PDF CV
    return site["_bibliography/papers.bib"].decode("utf-8")


def shown(text: str, source: str) -> dict[str, dict[str, str]]:
    return {e.key: {k: e.fields.get(k, "") for k in KEPT} for e in bibtex.parse(text, source)}


def sample(name: str) -> str:
    return (AL_FOLIO / name).read_text("utf-8") if name != "every-key" else EVERY_KEY


@pytest.mark.parametrize("name", SAMPLES + ["every-key"])
def test_import_then_build_gives_every_entry_back_with_its_key_abbr_selected_html_pdf(name):
    source = sample(name)
    profile_text = _import_text("person:\n  name: Chenxi Qiu\n", source, name)
    assert check(profile_text).errors() == () or not list(check(profile_text).errors())
    original, rebuilt = shown(source, name), shown(built_bibliography(profile_text), "built")
    assert set(rebuilt) == set(original)
    for key, fields in original.items():
        want = {k: v for k, v in fields.items() if v}
        if want.get("selected"):
            want["selected"] = "true"
        assert {k: v for k, v in rebuilt[key].items() if k in want} == want, key


@pytest.mark.parametrize("name", SAMPLES + ["every-key"])
def test_the_built_file_imports_as_the_same_works_and_a_second_import_adds_nothing(name):
    source = sample(name)
    first = _import_text("person:\n  name: Chenxi Qiu\n", source, name)
    assert _import_text(first, source, name) == first
    again = _import_text("person:\n  name: Chenxi Qiu\n", built_bibliography(first), "built")
    before, after = check(first).profile, check(again).profile
    fields = ("id", "title", "type", "doi", "venue", "selected", "links", "bibtex_show", "preview", "altmetric",
              "dimensions", "google_scholar_id", "date", "authors")
    assert [[getattr(p, f) for f in fields] for p in after.publications] == \
        [[getattr(p, f) for f in fields] for p in before.publications]
    assert [(a.title, a.publication) for a in after.awards] == [(a.title, a.publication) for a in before.awards]


def test_every_al_folio_key_lands_in_the_profile():
    profile = check(_import_text("person:\n  name: Albert Einstein\n", EVERY_KEY, "every-key")).profile
    paper = profile.publications[0]
    assert paper.id == "einstein1905badges" and paper.venue.short == "PhysRev" and paper.selected
    assert paper.doi == "10.1103/PhysRev.47.777" and paper.bibtex_show is False  # a DOI keeps its case
    assert paper.links == {"html": "https://journals.aps.org/pr/abstract/10.1103/PhysRev.47.777",
                           "pdf": "/assets/pdf/example_pdf.pdf", "code": "https://github.com/example/code",
                           "poster": "/assets/pdf/poster.pdf", "slides": "/assets/pdf/slides.pdf", "video": "https://example.org/video",
                           "project": "https://example.org/project"}
    assert (paper.preview, paper.altmetric, paper.dimensions, paper.google_scholar_id) == (
        "brownian-motion.gif", "248277", True, "qyhmnyLat1gC")
    assert [(a.title, a.publication) for a in profile.awards] == [("Best paper", "einstein1905badges")]
