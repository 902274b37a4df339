"""Hostile strings in what the lab's pages print (a role, a headline, a bio, a work's title) on the templates
whose pages Jekyll renders: built by Debian's jekyll with layouts that print as the themes do (academicpages'
`single` layout prints the body and the citation raw; al-folio's `profiles` layout runs the content file and
`more_info` through markdownify and raw), then opened in headless Chromium: nothing runs, nothing remote
loads, the text reads as written."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from profilebot.cli import main
from tests.lab import test_academicpages, test_al_folio
from tests.lab.support import LAB, PROFILES, write_lab
from tests.render.site.headless_chromium import BINARY
from tests.render.site.headless_chromium import served as served_on_localhost
from tests.render.site.injections import INJECTIONS

pytestmark = [pytest.mark.jekyll, pytest.mark.browser]
LIQUID = "{{ site.title }} {% raw %}"


def hostile_lab(folder: Path) -> Path:
    lab = LAB.replace("role: PhD student, from: 2020-09", f"role: {json.dumps(LIQUID + INJECTIONS[4])}, from: 2020-09")
    lab = lab.replace('alumni_role: "PhD 2021, now at ETH"', f"alumni_role: {json.dumps(INJECTIONS[7])}")
    bob = PROFILES["bob"].replace("  name: Bob Babbage\n", "  name: Bob Babbage\n"
                                  f"  headline: {json.dumps(INJECTIONS[0])}\n  bio: {json.dumps(INJECTIONS[3])}\n")
    bob = bob.replace("title: A paper of Bob alone", f"title: {json.dumps(INJECTIONS[1] + ' ' + LIQUID)}")
    return write_lab(folder, lab, {**PROFILES, "bob": bob})


def jekyll(site: Path) -> Path:
    result = subprocess.run(["jekyll", "build", "--safe", "--source", str(site), "--destination",
                             str(site / "_site")], capture_output=True, text=True, timeout=240)
    assert result.returncode == 0, result.stdout + result.stderr
    return site / "_site"


def check_pages(site: Path, pages: list[str]) -> list[str]:
    """Each page's visible text, after checking that nothing ran and nothing outside the site was asked for."""
    texts = []
    with served_on_localhost(str(site)) as (base, browser):
        for page in pages:
            browser.open(base + page)
            value = browser.call("Runtime.evaluate", {"expression": "[window.pwned === undefined, "
                                                      "document.querySelectorAll('script, img[onerror], a[href^=\"javascript\"]').length, "
                                                      "document.body.innerText]", "returnByValue": True})["result"]["value"]
            assert value[:2] == [True, 0], (page, value)
            texts.append(value[2])
        assert all(url.startswith(base) for url in browser.requests), browser.requests
    return texts


@pytest.fixture()
def tools():
    if shutil.which("jekyll") is None:
        pytest.skip("Debian's jekyll is not installed (apt-get install -y jekyll)")
    if BINARY is None:
        pytest.skip("Debian's chromium is not installed (apt-get install -y chromium)")


def test_academicpages_lab_pages_print_hostile_text_literally(tmp_path, tools):
    lab = hostile_lab(tmp_path / "lab")
    site = tmp_path / "site"
    assert main(["--quiet", "lab", "build", str(lab), "--template", "academicpages", "-o", str(site)]) == 0
    built = test_academicpages.jekyll(site)
    people, bob = check_pages(built, ["people/", "people/bob/"])
    assert LIQUID + INJECTIONS[4] in people and INJECTIONS[7] in people
    assert INJECTIONS[0] in bob and INJECTIONS[3] in bob and INJECTIONS[1] + " " + LIQUID in bob


def test_al_folio_lab_pages_print_hostile_text_literally(tmp_path, tools):
    lab = hostile_lab(tmp_path / "lab")
    site = tmp_path / "site"
    assert main(["--quiet", "lab", "build", str(lab), "--template", "al-folio", "-o", str(site)]) == 0
    (site / "_layouts").mkdir()
    (site / "_layouts" / "profiles.html").write_text(test_al_folio.PROFILES, "utf-8")
    (site / "_config.yml").write_text(test_al_folio.CONFIG, "utf-8")
    (people,) = check_pages(jekyll(site), ["people/"])
    assert LIQUID + INJECTIONS[4] in people and INJECTIONS[7] in people
    assert INJECTIONS[0] in people and INJECTIONS[3] in people and INJECTIONS[1] + " " + LIQUID in people
