"""al-folio's bib.liquid prints a paper's award through kramdown: `{{ entry.award | markdownify }}`. An award
title or awarder written into papers.bib must reach the page as text, not as a `javascript:` link, a remote
image or an element — checked with Debian's real Jekyll (kramdown) after the BibTeX is read and decoded the way
jekyll-scholar reads it (issue 21)."""

from __future__ import annotations

import dataclasses
import html
import re
import shutil
import subprocess
from pathlib import Path

import bibtexparser
import pytest
import yaml

from profilebot.model.profile import Award, Profile
from profilebot.render.site import al_folio
from tests.render.readers import latex_decode
from tests.render.site.injections import INJECTIONS

pytestmark = pytest.mark.jekyll

LAYOUT = ('<!DOCTYPE html><html><body>{% for a in site.data.awards %}'
          '<div class="award">{{ a.award | markdownify }}</div><button class="name">{{ a.name }}</button>'
          '{% endfor %}</body></html>\n')


def test_award_titles_and_awarders_stay_text_through_real_kramdown(default_profile: Profile, tmp_path: Path) -> None:
    if shutil.which("jekyll") is None:
        pytest.skip("Debian's jekyll is not installed (apt-get install -y jekyll)")
    papers = default_profile.publications[: len(INJECTIONS)]
    awards = tuple(Award(id=f"award-{i}", title=text, awarder=INJECTIONS[-1 - i], publication=paper.id)
                   for i, (text, paper) in enumerate(zip(INJECTIONS, papers)))
    profile = dataclasses.replace(default_profile, publications=papers, awards=awards)
    files = {a.path: a.data.decode() for a in al_folio.render(profile, {})}
    library = bibtexparser.parse_string(files[al_folio.BIBLIOGRAPHY])
    decoded = [{"award": latex_decode(e.fields_dict["award"].value),
                "name": latex_decode(e.fields_dict["award_name"].value)} for e in library.entries if "award" in e.fields_dict]
    assert len(decoded) == len(awards)
    site = tmp_path / "site"
    (site / "_data").mkdir(parents=True)
    (site / "_layouts").mkdir()
    (site / "_data" / "awards.yml").write_text(yaml.safe_dump(decoded, allow_unicode=True), "utf-8")
    (site / "_layouts" / "page.html").write_text(LAYOUT, "utf-8")
    (site / "index.html").write_text("---\nlayout: page\n---\n", "utf-8")
    result = subprocess.run(["jekyll", "build", "--safe", "--source", str(site), "--destination", str(site / "_site")],
                            capture_output=True, text=True, timeout=240)
    assert result.returncode == 0, result.stdout + result.stderr
    page = (site / "_site" / "index.html").read_text("utf-8")
    blocks = re.findall(r'<div class="award">(.*?)</div>', page, re.S)
    assert len(blocks) == len(awards)
    for block, award in zip(blocks, awards):
        inner = re.sub(r"^\s*<p>|</p>\s*$", "", block.strip())
        assert "<" not in inner, inner  # no link, image, element or emphasis: kramdown saw only text
        assert " ".join(html.unescape(inner).split()) == " ".join(f"{award.title} ({award.awarder})".split())
    names = re.findall(r'<button class="name">(.*?)</button>', page, re.S)
    assert all("<" not in name for name in names) and len(names) == len(awards)
