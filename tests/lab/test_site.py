"""The lab's site: people and alumni, member pages with their lab-time works, one list with every member
marked, exports of the same list read back by real parsers, and no private value anywhere."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import bibtexparser
import jsonschema

from profilebot.lab import site
from tests.lab.support import PRIVATE, loaded
from tests.render import readers


def built(tmp_path: Path) -> dict[str, str]:
    lab, profiles = loaded(tmp_path)
    return {a.path: a.data.decode("utf-8") for a in site.render(lab, profiles)}


def test_no_private_value_of_any_member_reaches_any_file(tmp_path):
    for path, text in built(tmp_path).items():
        for value in PRIVATE:
            assert value not in text, f"{value} in {path}"


def test_people_page_lists_current_members_by_role_and_alumni_apart_with_their_years(tmp_path):
    people = built(tmp_path)["people.html"]
    headings = re.findall(r"<h2 id=\"[^\"]+\">([^<]+)</h2>", people)
    assert headings == ["Principal investigator", "PhD student", "Alumni"]
    current, alumni = people.split('id="alumni"')
    assert "Ada Lovelace" in current and "Bob Babbage" in current and "Cy Hopper" not in current
    assert "Cy Hopper</a> · PhD 2021, now at ETH <span class=\"quiet\">(2016\u20132021)</span>" in alumni


def test_one_entry_for_the_shared_work_with_every_member_marked(tmp_path):
    page = built(tmp_path)["publications.html"]
    entries = re.findall(r'<li class="paper"[^>]*>.*?</li>', page, re.S)
    shared = [e for e in entries if "Shared" in e]
    assert len(shared) == 1 and 'data-members="ada bob cy"' in shared[0]
    authors = re.search(r'<p class="authors">(.*?)</p>', shared[0]).group(1)
    assert authors.count('class="me"') == 3  # each member's name in the author list links to their page
    assert 'href="https://doi.org/10.1145/1000001"' in shared[0]
    assert len(entries) == 2  # the shared work and bob's 2022 paper; nothing from outside a tenure


def test_member_pages_hold_their_bio_and_only_their_lab_time_works(tmp_path):
    files = built(tmp_path)
    ada, cy = files["members/ada.html"], files["members/cy.html"]
    assert "Ada leads the lab." in ada and "Professor of Computing" in ada
    assert "Before the lab existed" not in ada and "Shared Work" in ada
    assert "After leaving" not in cy and "Alumni · PhD 2021, now at ETH · 2016\u20132021" in cy
    assert "A paper of Bob alone" in files["members/bob.html"] and "A paper of Bob alone" not in ada


def test_every_page_is_well_formed_html_whose_links_resolve(tmp_path):
    files = built(tmp_path)
    for path, text in files.items():
        if not path.endswith(".html"):
            continue
        links = _links(text)
        for link in links:
            if link.startswith(("http://", "https://", "#")):
                continue
            target = (Path(path).parent / link.split("#")[0]).as_posix()
            normal = re.sub(r"[^/]+/\.\./", "", target)
            assert normal in files, f"{path} links {link}, which the site does not have"


def test_the_exports_hold_the_same_list_and_parse(tmp_path):
    files = built(tmp_path)
    entries = bibtexparser.parse_string(files["publications.bib"]).entries
    assert [e.key for e in entries] == ["babbage2022solo", "lovelace2021shared"]
    csl = json.loads(files["publications.csl.json"])
    jsonschema.validate(csl, readers.schema("csl/csl-data.json"))
    assert sorted(item["id"] for item in csl) == sorted(e.key for e in entries)


def _links(text: str) -> list[str]:
    found: list[str] = []

    class Parser(HTMLParser):
        def handle_starttag(self, tag, attrs):
            for name, value in attrs:
                if name in ("href", "src") and value:
                    found.append(value)

    Parser().feed(text)
    return found
