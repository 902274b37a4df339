"""The lab's pages on an al-folio site: the `profiles` people page built by Debian's jekyll (the template's
layout reduced to what it does: each profile's `more_info` and its `include_relative`d content file run through
markdownify) and opened in headless Chromium; papers.bib read back by bibtexparser and every member among its
authors found in coauthors.yml the way al-folio's bib.liquid looks co-authors up; a real al-folio site whose
own entries and co-authors stay byte for byte.

jekyll-scholar (al-folio's bibliography plugin) is not packaged in Debian, so the publication list itself is
checked as the plugin reads it, not rendered."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import bibtexparser
import pytest
import yaml

from profilebot.cli import main
from tests.lab.support import PRIVATE, write_lab
from tests.paths import REAL_SITES
from tests.render.readers import latex_decode
from tests.render.site.headless_chromium import BINARY
from tests.render.site.headless_chromium import served as served_on_localhost

PROFILES = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{{ page.title }}</title></head><body><article>
{% for profile in page.profiles %}<div class="profile"><div class="more-info">{{ profile.more_info }}</div>
<div class="clearfix">{% capture profile_content %}{% include_relative {{ profile.content }} %}{% endcapture %}{{ profile_content | markdownify }}</div></div>
{% endfor %}</article></body></html>
"""
CONFIG = 'title: Lab\ninclude: ["_pages"]\n'


def build(folder: Path, site: Path) -> None:
    lab = write_lab(folder)
    assert main(["--quiet", "lab", "build", str(lab), "--template", "al-folio", "-o", str(site)]) == 0


def coauthor_url(coauthors: dict, last: str, first: str) -> str | None:
    """al-folio's _includes/bib.liquid: the entry of the lower-cased family name whose firstname list holds the
    given name as jekyll-scholar parsed it."""
    for coauthor in coauthors.get(last.lower(), ()):
        if first in coauthor["firstname"]:
            return coauthor["url"]
    return None


def test_every_member_on_the_list_links_their_profile_block_and_nothing_private(tmp_path):
    site = tmp_path / "site"
    build(tmp_path / "lab", site)
    for path in site.rglob("*"):
        if path.is_file():
            for value in PRIVATE:
                assert value not in path.read_text("utf-8"), (value, path)
    library = bibtexparser.parse_string((site / "_bibliography" / "papers.bib").read_text("utf-8"))
    assert [e.key for e in library.entries] == ["babbage2022solo", "lovelace2021shared"]
    coauthors = yaml.safe_load((site / "_data" / "coauthors.yml").read_text("utf-8"))
    shared = library.entries_dict["lovelace2021shared"]
    urls = []
    for name in latex_decode(shared.fields_dict["author"].value).split(" and "):
        last, first = (part.strip() for part in name.split(",", 1))
        urls.append(coauthor_url(coauthors, last, first))
    assert urls == ["/people/#member-ada", "/people/#member-bob", "/people/#member-cy"]


@pytest.mark.jekyll
@pytest.mark.browser
def test_jekyll_builds_the_people_page_with_every_member_block_and_anchor(tmp_path):
    if shutil.which("jekyll") is None:
        pytest.skip("Debian's jekyll is not installed (apt-get install -y jekyll)")
    if BINARY is None:
        pytest.skip("Debian's chromium is not installed (apt-get install -y chromium)")
    site = tmp_path / "site"
    build(tmp_path / "lab", site)
    (site / "_layouts").mkdir()
    (site / "_layouts" / "profiles.html").write_text(PROFILES, "utf-8")
    (site / "_config.yml").write_text(CONFIG, "utf-8")
    result = subprocess.run(["jekyll", "build", "--safe", "--source", str(site), "--destination",
                             str(site / "_site")], capture_output=True, text=True, timeout=240)
    assert result.returncode == 0, result.stdout + result.stderr
    with served_on_localhost(str(site / "_site")) as (base, browser):
        browser.open(base + "people/")

        def value(expression):
            return browser.call("Runtime.evaluate", {"expression": expression, "returnByValue": True})["result"]["value"]

        assert value("Array.from(document.querySelectorAll('.clearfix h2')).map(h => h.id + '|' + h.textContent)") == [
            "member-ada|Ada Lovelace", "member-bob|Bob Babbage", "member-cy|Cy Hopper"]
        assert value("document.querySelectorAll('.more-info p')[2].textContent") == \
            "Alumni, PhD 2021, now at ETH (2016\u20132021)"
        cy = value("document.getElementById('member-cy').parentElement.textContent")
        assert "Shared Work: Learning Systems (2021)" in cy and "After leaving" not in cy
        assert value("document.getElementById('member-bob').parentElement.querySelectorAll('li').length") == 2


def test_a_real_al_folio_site_keeps_its_entries_and_coauthors(tmp_path):
    """0jaehunny0's site (13 entries, 7 of them `@articlebold`, the template's coauthors.yml): its papers.bib
    gains the lab's entries with its own unchanged, and its coauthors.yml gains the members at its end."""
    real = REAL_SITES / "al-folio" / "0jaehunny0__0jaehunny0.github.io"
    site = tmp_path / "site"
    shutil.copytree(real, site)
    before = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    build(tmp_path / "lab", site)
    papers = (site / "_bibliography" / "papers.bib").read_text("utf-8")
    own = before["_bibliography/papers.bib"].decode("utf-8")
    for entry in bibtexparser.parse_string(own).entries:
        assert entry.raw in papers, entry.key
    keys = [e.key for e in bibtexparser.parse_string(papers).entries]
    assert {"babbage2022solo", "lovelace2021shared"} <= set(keys)
    assert len(keys) == len(bibtexparser.parse_string(own).entries) + 2
    coauthors = (site / "_data" / "coauthors.yml").read_text("utf-8")
    assert coauthors.startswith(before["_data/coauthors.yml"].decode("utf-8"))
    assert yaml.safe_load(coauthors)["lovelace"] == [{"firstname": ["A.", "Ada"], "url": "/people/#member-ada"}]
    for path in ("_config.yml", "_pages/publications.md"):
        assert (site / path).read_bytes() == before[path]
