"""Imports never publish their own words, and names are printed as people write them.

Everything is built — every export and every site template — from a profile whose entries carry the
private `todo:` an import writes and authors stored as "Family, Given"; then every output is searched.
"""

from __future__ import annotations

import re

import pytest

from profilebot.config import Settings
from profilebot.render import outputs
from profilebot.validate.pipeline import check

TODO = "PRIVATE-TODO-complete-the-author-list"
PROFILE = f"""person:
  name: André Calero Valdez
publications:
  - id: calero2010mental
    type: journal-article
    status: published
    title: Mental models of menu structures in diabetes assistants
    authors: ["Calero Valdez, André", "Ziefle, Martina", "van Beethoven, Ludwig", "Moore, III, Berrien"]
    venue: Computers Helping People with Special Needs
    date: 2010
    todo: "{TODO} 1"
patents:
  - id: valdez2020patent
    title: A patent
    inventors: ["Calero Valdez, André"]
    number: US11928446B2
    date: 2020
    todo: "{TODO} 2"
talks:
  - {{id: t1, title: A talk, event: CHI, date: 2019, todo: "{TODO} 3"}}
positions:
  - id: rwth
    kind: academic
    title: Postdoc
    organization: RWTH Aachen
    periods: [{{start: 2015, end: 2019}}]
    todo: "{TODO} 4"
education:
  - {{id: phd, degree: PhD, institution: RWTH Aachen, end: 2014, todo: "{TODO} 5"}}
"""
# Where "Family, Given" is the format's own convention (ORCID's payload embeds a BibTeX citation too).
FAMILY_FIRST = (".bib", ".ris", ".enw", ".rfw", "orcid-works.json", "orcid-works.xml")


def built(template: str, style: str | None = None) -> dict[str, str]:
    sections = {"site": {"template": template}, **({"names": {"style": style}} if style else {})}
    profile = check(PROFILE).profile
    assert profile is not None
    return {a.path: a.data.decode("utf-8", errors="replace") for a in outputs.render_all(profile, Settings(sections=sections))}


@pytest.mark.parametrize("template", ["static", "academicpages", "al-folio"])
def test_no_output_reads_the_private_todo(template):
    files = built(template)
    assert len(files) > 10
    leaking = sorted(path for path, text in files.items() if "PRIVATE-TODO" in text)
    assert leaking == []


@pytest.mark.parametrize("template", ["static", "academicpages", "al-folio"])
def test_names_are_printed_as_people_write_them_outside_bibtex_and_ris(template):
    files = built(template)
    # Google Scholar's citation_author meta tags are machine-read, where "Family, Given" keeps compounds whole.
    # The static site's "Cite" box shows the paper's BibTeX.
    shown = {p: re.sub(r'<meta name="citation_author"[^>]*>|<pre class="bibtex".*?</pre>', "", text, flags=re.S)
             for p, text in files.items()}
    family_first = sorted(p for p, text in shown.items() if "Calero Valdez, André" in text or "Ziefle, Martina" in text)
    assert family_first and all(p.endswith(FAMILY_FIRST) for p in family_first), family_first
    assert "André Calero Valdez" in files["cv.md"] and "Ludwig van Beethoven" in files["cv.md"]
    assert "Berrien Moore III" in files["cv.md"]
    assert "<work:credit-name>André Calero Valdez</work:credit-name>" in files["orcid-works.xml"]


def test_the_initials_style_is_chosen_in_profilebot_yaml():
    files = built("static", "initials")
    assert "A. Calero Valdez, M. Ziefle, L. van Beethoven, B. Moore III" in files["cv.md"].replace("**", "")
    assert "Calero Valdez, Andr{\\'e}" in files["publications.bib"]  # BibTeX keeps the full name


def test_check_warns_about_each_open_todo():
    codes = [f.code for f in check(PROFILE).findings]
    assert codes.count("PB213") == 5
