"""academicpages groups the publications page itself: a paper is listed under its `category` only when the site's
`_config.yml` declares that category in `publication_category` (the theme's page loops over those keys). A new
page takes the category the site declares for the paper's kind — real sites declare theses, reports, arXiv —
and the theme's own books / conferences / manuscripts otherwise (issue 21: publications grouped by kind)."""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess

import pytest

from profilebot.model.dates import PartialDate
from profilebot.model.profile import Author, Profile, Publication, Venue
from profilebot.render.site import front_matter_edit
from tests.render.site.test_academicpages_in_place import AP, built, imported

# The upstream theme's _pages/publications.md loop (academicpages/academicpages.github.io), the part that groups.
PUBLICATIONS_PAGE = """---
permalink: /publications/
---
{% if site.publication_category %}{% for category in site.publication_category %}{% assign shown = false %}
{% for post in site.publications reversed %}{% if post.category != category[0] %}{% continue %}{% endif %}
{% unless shown %}<h2>{{ category[1].title }}</h2>{% assign shown = true %}{% endunless %}
<li>{{ post.title }}</li>
{% endfor %}{% endfor %}{% else %}{% for post in site.publications reversed %}<li>{{ post.title }}</li>{% endfor %}{% endif %}
"""


def with_new(profile: Profile, *papers: Publication) -> Profile:
    return dataclasses.replace(profile, publications=(*profile.publications, *papers))


def paper(id: str, title: str, kind: str, status: str = "published") -> Publication:
    return Publication(id, kind, status, title, (Author("Owner Person"),), Venue("Université de Rennes"),
                       PartialDate(2025, 6))


def category_of(files: dict[str, bytes], paper_id: str) -> str:
    (path,) = [p for p in files if p.startswith("_publications/") and p.endswith(f"-{paper_id}.md")]
    return front_matter_edit.parse(files[path].decode("utf-8"), path).data["category"]


NEW = (paper("owner2025thesis", "A New Thesis", "dissertation-thesis"),
       paper("owner2025report", "A New Report", "report"),
       paper("owner2025preprint", "A New Preprint", "preprint", "preprint"),
       paper("owner2025article", "A New Article", "journal-article"))


@pytest.mark.parametrize(("site", "expected"), [
    # declares manuscripts, conferences, reports, theses
    ("Alex-Gauvain__Alex-Gauvain.github.io", ["theses", "reports", "manuscripts", "manuscripts"]),
    # declares arXiv, manuscripts, conferences, books, thesis
    ("Jieli12__Jieli12.github.io", ["thesis", "manuscripts", "arXiv", "manuscripts"]),
    # the theme's three only
    ("MatteoMagnini__matteomagnini.github.io", ["manuscripts", "manuscripts", "manuscripts", "manuscripts"]),
])
def test_a_new_page_takes_the_category_the_site_declares_for_its_kind(site, expected):
    files = built(with_new(imported(AP / site), *NEW), AP / site)
    assert [category_of(files, p.id) for p in NEW] == expected


@pytest.mark.jekyll
def test_jekyll_lists_a_new_thesis_under_the_sites_own_theses_heading(tmp_path):
    if shutil.which("jekyll") is None:
        pytest.skip("Debian's jekyll is not installed (apt-get install -y jekyll)")
    site = AP / "Alex-Gauvain__Alex-Gauvain.github.io"
    files = built(with_new(imported(site), *NEW), site)
    copy = tmp_path / "site"
    shutil.copytree(site / "_publications", copy / "_publications")
    for path, data in files.items():  # build --site-only -o COPY
        (copy / path).parent.mkdir(parents=True, exist_ok=True)
        (copy / path).write_bytes(data)
    declared = re.search(r"^publication_category:\n(?:[ #].*\n|\n)*", (site / "_config.yml").read_text("utf-8"), re.M)
    (copy / "_config.yml").write_text("collections:\n  publications:\n    output: false\nfuture: true\n"
                                      + declared.group(0), "utf-8")
    (copy / "publications.md").write_text(PUBLICATIONS_PAGE, "utf-8")
    result = subprocess.run(["jekyll", "build", "--safe", "--source", str(copy), "--destination",
                             str(tmp_path / "_site")], capture_output=True, text=True, timeout=240)
    assert result.returncode == 0, result.stdout + result.stderr
    page = (tmp_path / "_site" / "publications" / "index.html").read_text("utf-8")
    sections = dict(re.findall(r"<h2>([^<]*)</h2>(.*?)(?=<h2>|\Z)", page, re.S))
    assert "<li>A New Thesis</li>" in sections["Theses and Dissertations"]
    assert "<li>A New Report</li>" in sections["Reports"]
    assert "<li>A New Preprint</li>" in sections["Journal Articles and Preprints"]
    for new in NEW:  # every new paper is listed once: none under a category the site does not declare
        assert page.count(f"<li>{new.title}</li>") == 1
