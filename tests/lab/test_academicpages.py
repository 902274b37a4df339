"""The lab's pages on an academicpages site: a real Jekyll build (Debian's jekyll, with the theme's `single`
layout reduced to what it prints and its publications page's loop over the collection) opened in headless
Chromium, and a real academicpages site whose own files all stay byte for byte."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from profilebot.cli import main
from tests.lab.support import PRIVATE, write_lab
from tests.paths import REAL_SITES
from tests.render.site.headless_chromium import BINARY
from tests.render.site.headless_chromium import served as served_on_localhost

LAYOUT = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{{ page.title | strip_html }}</title></head>
<body><h1 class="title">{{ page.title | markdownify | remove: "<p>" | remove: "</p>" | strip }}</h1>
{% if page.citation %}<p class="citation">{{ page.citation }}</p>{% endif %}
<div class="body">{{ content }}</div></body></html>
"""
# The theme's _pages/publications.md: every page of the collection, newest first, with its citation.
PUBLICATIONS = """---
layout: single
title: Publications
permalink: /publications/
---
{% for post in site.publications reversed %}<div class="paper"><a href="{{ post.url }}">{{ post.title }}</a>
<p class="citation">{{ post.citation }}</p></div>
{% endfor %}"""
CONFIG = """title: Lab
include: ["_pages"]
collections:
  publications: {output: true, permalink: "/:collection/:path/"}
defaults:
  - scope: {path: "", type: publications}
    values: {layout: single}
"""


def jekyll(folder: Path) -> Path:
    if shutil.which("jekyll") is None:
        pytest.skip("Debian's jekyll is not installed (apt-get install -y jekyll)")
    for path, text in (("_layouts/single.html", LAYOUT), ("_pages/publications.md", PUBLICATIONS),
                       ("_config.yml", CONFIG)):
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_text(text, "utf-8")
    result = subprocess.run(["jekyll", "build", "--safe", "--source", str(folder), "--destination",
                             str(folder / "_site")], capture_output=True, text=True, timeout=240)
    assert result.returncode == 0, result.stdout + result.stderr
    return folder / "_site"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("lab")
    lab = write_lab(folder / "lab")
    assert main(["--quiet", "lab", "build", str(lab), "--template", "academicpages", "-o", str(folder / "site")]) == 0
    return folder / "site"


def test_the_lab_files_hold_no_private_value(built):
    for path in built.rglob("*"):
        if path.is_file():
            for value in PRIVATE:
                assert value not in path.read_text("utf-8"), (value, path)


@pytest.mark.jekyll
@pytest.mark.browser
def test_jekyll_builds_people_member_and_publication_pages_whose_links_resolve_in_chromium(built):
    if BINARY is None:
        pytest.skip("Debian's chromium is not installed (apt-get install -y chromium)")
    site = jekyll(built)

    def texts(browser, selector):
        expression = f"Array.from(document.querySelectorAll('{selector}')).map(e => e.textContent.trim())"
        return browser.call("Runtime.evaluate", {"expression": expression, "returnByValue": True})["result"]["value"]

    def hrefs(browser, selector):
        expression = f"Array.from(document.querySelectorAll('{selector}')).map(e => e.getAttribute('href'))"
        return browser.call("Runtime.evaluate", {"expression": expression, "returnByValue": True})["result"]["value"]

    with served_on_localhost(str(site)) as (base, browser):
        browser.open(base + "people/")
        assert texts(browser, ".body h2") == ["Principal investigator", "PhD student", "Alumni"]
        assert "Cy Hopper, PhD 2021, now at ETH (2016\u20132021)" in texts(browser, ".body li")
        browser.open(base + "people/cy/")
        assert texts(browser, "h1.title") == ["Cy Hopper"]
        (work,) = hrefs(browser, ".body li a")  # only the shared work: the paper after leaving is not the lab's
        browser.open(base + work.lstrip("/") + ".html")  # GitHub Pages serves /publication/x from x.html
        assert texts(browser, "h1.title") == ["Shared Work: Learning Systems"]
        assert hrefs(browser, ".citation a") == ["/people/ada/", "/people/bob/", "/people/cy/"]
        browser.open(base + "publications/")
        assert texts(browser, ".paper > a") == ["A paper of Bob alone", "Shared Work: Learning Systems"]
        for member in ("ada", "bob", "cy"):
            assert "Publications in the lab" in browser.open(base + f"people/{member}/")
        assert all(url.startswith(base) for url in browser.requests), browser.requests


def test_a_real_academicpages_site_keeps_every_file_of_its_own(tmp_path):
    """Alex Gauvain's site (27 publications, talks, a CV page, files): the lab's pages are added beside them,
    and a `_pages/people.md` the site already has is its own."""
    real = REAL_SITES / "academicpages" / "Alex-Gauvain__Alex-Gauvain.github.io"
    site = tmp_path / "site"
    shutil.copytree(real, site)
    (site / "_pages" / "people.md").write_text("---\ntitle: Our people\n---\nWritten by hand.\n", "utf-8")
    before = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    lab = write_lab(tmp_path / "lab")
    assert main(["--quiet", "lab", "build", str(lab), "--template", "academicpages", "-o", str(site)]) == 0
    after = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert {path: after.get(path) for path in before} == before
    added = sorted(set(after) - set(before))
    assert added == [".profilebot/publications.json", "_pages/people/ada.md", "_pages/people/bob.md",
                     "_pages/people/cy.md", "_publications/2021-05-01-lovelace2021shared.md",
                     "_publications/2022-01-01-babbage2022solo.md", "files/bibtex/babbage2022solo.bib",
                     "files/bibtex/lovelace2021shared.bib"]
    # A second build changes nothing and still leaves the site's people page alone.
    assert main(["--quiet", "lab", "build", str(lab), "--template", "academicpages", "-o", str(site)]) == 0
    assert {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()} == after


RENNES = """\
lab:
  name: Hydrogeology group
members:
  - {id: de-dreuzy, profile: people/de-dreuzy.yaml, role: Principal investigator, from: 2010-01}
  - {id: aquilina, profile: people/aquilina.yaml, role: Professor, from: 2010-01}
  - {id: roques, profile: people/roques.yaml, role: Researcher, from: 2019-01}
  - {id: abherve, profile: people/abherve.yaml, role: PhD student, from: 2020-09}
  - {id: gauvain, profile: people/gauvain.yaml, role: PhD student, from: 2015-01, until: 2022-12}
"""


def test_the_site_a_member_imported_from_becomes_the_lab_site_without_a_second_page(tmp_path):
    """Alexandre Gauvain's profile imported from his academicpages site, his colleagues named as his pages
    write them ("de Dreuzy, J.-R." and "Jean-Raynald de Dreuzy", "Aquilina, L." and "Luc Aquilina"): built into
    that site, every work is found on its own page (identity as in model/matching), so no page is added and
    every page keeps every byte; each colleague's page lists the works they wrote while both were in the lab."""
    from profilebot.commands.import_ import proposed_changes
    from profilebot.validate.pipeline import check

    real = REAL_SITES / "academicpages" / "Alex-Gauvain__Alex-Gauvain.github.io"
    empty = "person:\n  name: Alexandre Gauvain\n"
    profiles = {"gauvain": proposed_changes(empty, check(empty).profile, "academicpages", str(real))[2],
                "de-dreuzy": 'person:\n  name: Jean-Raynald de Dreuzy\n  name_variants: ["J.-R. de Dreuzy"]\n',
                "aquilina": "person:\n  name: Luc Aquilina\n",
                "roques": "person:\n  name: Clément Roques\n", "abherve": "person:\n  name: Ronan Abhervé\n"}
    lab = write_lab(tmp_path / "lab", RENNES, profiles)
    site = tmp_path / "site"
    shutil.copytree(real, site)
    before = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert main(["--quiet", "lab", "build", str(lab), "--template", "academicpages", "-o", str(site)]) == 0
    after = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert {path: after.get(path) for path in before} == before
    assert sorted(set(after) - set(before)) == [".profilebot/publications.json", "_pages/people.md",
                                                "_pages/people/abherve.md", "_pages/people/aquilina.md",
                                                "_pages/people/de-dreuzy.md", "_pages/people/gauvain.md",
                                                "_pages/people/roques.md"]

    def listed(member: str) -> list[str]:
        return re.findall(r'<li><a href="/publication/[^"]+">.*?</a> \((\d{4})\)</li>',
                          after[f"_pages/people/{member}.md"].decode("utf-8"))

    # "de Dreuzy, J.-R." (2017, 2018) is his by the form his profile lists; "Aquilina, L." (the same two papers)
    # is not Luc Aquilina's, whose profile does not write it: an initial alone could be someone else.
    assert listed("de-dreuzy") == ["2021", "2021", "2020", "2020", "2019", "2018", "2018", "2017"]
    assert listed("aquilina") == ["2021", "2021", "2020", "2018"]
    assert listed("roques") == ["2021"]  # from 2019: his 2023 and 2026 papers with Gauvain are after Gauvain left
    assert listed("abherve") == ["2021"]
    assert len(listed("gauvain")) == 11  # his works of 2015–2022; the later ones are not the lab's
    manifest = after[".profilebot/publications.json"].decode("utf-8")
    assert "_publications/" not in manifest.split('"files"')[1].split("]")[0]  # his pages stay his
