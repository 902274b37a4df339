"""academicpages: file names, the theme's front matter, safe YAML, and a real Jekyll build showing titles literally."""

from __future__ import annotations

import datetime
import html
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from profilebot.model.profile import Profile
from profilebot.render.site import academicpages
from tests.render.site.support import HOSTILE_TITLES, write

FIELDS = {"title", "collection", "category", "permalink", "excerpt", "date", "venue", "slidesurl", "paperurl",
          "bibtexurl", "citation"}


def _front_matter(text: str) -> dict:
    assert text.startswith("---\n")
    head, _, _body = text[4:].partition("\n---\n")
    return yaml.safe_load(head)


def test_one_document_per_paper_with_the_theme_fields(default_profile: Profile) -> None:
    artifacts = academicpages.render(default_profile, {"repo": "me/me.github.io", "branch": "main"})
    documents = {a.path: a.data.decode() for a in artifacts if a.path.startswith("_publications/")}
    assert len(documents) == len(default_profile.publications)
    assert "_publications/2024-01-01-huang2024sibyl.md" in documents
    for path, text in documents.items():
        assert re.fullmatch(r"_publications/\d{4}-\d{2}-\d{2}-[a-z0-9-]+\.md", path)
        fields = _front_matter(text)
        assert set(fields) <= FIELDS and {"title", "collection", "category", "permalink", "date"} <= set(fields)
        assert fields["collection"] == "publications"
        assert fields["permalink"] == "/publication/" + Path(path).stem
        assert isinstance(fields["date"], datetime.date) and path[14:24] == fields["date"].isoformat()
    sibyl = _front_matter(documents["_publications/2024-01-01-huang2024sibyl.md"])
    assert sibyl["category"] == "conferences"
    assert sibyl["venue"] == "ACM SIGMOD International Conference on Management of Data"
    assert sibyl["bibtexurl"] == "/files/bibtex/huang2024sibyl.bib"
    assert sibyl["citation"].startswith("H. Huang, T. Siddiqui, ")  # as people write names, not "Huang, H."
    assert "<i>ACM SIGMOD International Conference on Management of Data</i>" in sibyl["citation"]


def test_under_review_papers_get_the_newest_date_and_manuscripts(default_profile: Profile) -> None:
    documents = {a.path: a.data.decode() for a in academicpages.render(default_profile, {})}
    fields = _front_matter(documents["_publications/2024-01-01-huang2024neural.md"])
    assert fields["category"] == "manuscripts" and "venue" not in fields
    assert fields["excerpt"] == "Under review." and fields["citation"].endswith("Under review.")


def test_bibtex_files_and_relative_links_are_rooted(hostile_profile: Profile) -> None:
    artifacts = {a.path: a.data.decode() for a in academicpages.render(hostile_profile, {"baseurl": "/site"})}
    first = hostile_profile.publications[0]
    doc = next(text for path, text in artifacts.items() if path.endswith(f"-{first.id}.md"))
    fields = _front_matter(doc)
    assert fields["paperurl"] == "/site/papers/first.pdf"
    assert fields["bibtexurl"] == f"/site/files/bibtex/{first.id}.bib"
    assert f"files/bibtex/{first.id}.bib" in artifacts
    assert all(any(p.startswith(o) for o in academicpages.OWNED_PATHS) for p in artifacts)


def test_output_is_byte_identical(default_profile: Profile) -> None:
    assert academicpages.render(default_profile, {}) == academicpages.render(default_profile, {})


def test_talks_are_written_with_the_talk_fields(default_profile: Profile) -> None:
    import dataclasses

    from profilebot.model.dates import PartialDate
    from profilebot.model.profile import Talk

    talk = Talk(id="mlsys-rising-stars-2024", title="Learning {{ WebAssembly }}", event="MLSys Rising Stars",
                type="invited-talk", date=PartialDate(2024, 5), location="Santa Clara, CA, USA")
    profile = dataclasses.replace(default_profile, talks=(talk,))
    documents = {a.path: a.data.decode() for a in academicpages.render(profile, {})}
    fields = _front_matter(documents["_talks/2024-05-01-mlsys-rising-stars-2024.md"])
    fields["title"] = html.unescape(fields["title"])
    assert fields == {"title": "Learning {{ WebAssembly }}", "collection": "talks", "type": "Invited talk",
                      "permalink": "/talks/2024-05-01-mlsys-rising-stars-2024", "venue": "MLSys Rising Stars",
                      "date": datetime.date(2024, 5, 1), "location": "Santa Clara, CA, USA"}


# The theme's own printing: _layouts/single.html and _includes/archive-single.html run the title and the
# excerpt through markdownify (kramdown) and print venue, citation and the rest raw.
LAYOUT = """<!DOCTYPE html>
<html><head><title>{{ page.title | strip_html }}</title></head>
<body>
<h1 class="title">{{ page.title | markdownify | remove: "<p>" | remove: "</p>" | strip }}</h1>
<p class="venue">{{ page.venue }}</p>
<p class="date">{{ page.date | date: "%Y-%m-%d" }}</p>
<p class="category">{{ site.publication_category[page.category].title }}</p>
<p class="citation">{{ page.citation }}</p>
<div class="excerpt">{{ page.excerpt | markdownify }}</div>
<a class="bib" href="{{ page.bibtexurl }}">BibTeX</a>
<div class="body">{{ content }}</div>
</body></html>
"""
CONFIG = """title: "Site title that must not leak"
collections:
  publications: {output: true, permalink: "/:collection/:path/"}
  talks: {output: true, permalink: "/:collection/:path/"}
defaults:
  - scope: {path: "", type: publications}
    values: {layout: single}
  - scope: {path: "", type: talks}
    values: {layout: single}
publication_category:
  books: {title: "Books"}
  manuscripts: {title: "Journal Articles"}
  conferences: {title: "Conference Papers"}
"""


def shown(page: str, tag: str, css_class: str = "title") -> str:
    """The text a reader sees in <tag class=css_class>: no element inside it, entities decoded."""
    inner = re.search(rf'<{tag} class="{css_class}">(.*?)</{tag}>', page, re.S).group(1)
    assert "<" not in inner, inner  # markup inside would be live: a link, an image, emphasis
    return html.unescape(inner)


def _jekyll_build(profile: Profile, folder: Path) -> Path:
    if shutil.which("jekyll") is None:
        pytest.skip("Debian's jekyll is not installed (apt-get install -y jekyll)")
    (folder / "_layouts").mkdir(parents=True)
    (folder / "_layouts" / "single.html").write_text(LAYOUT, "utf-8")
    (folder / "_config.yml").write_text(CONFIG, "utf-8")
    write(academicpages.render(profile, {}), folder)
    result = subprocess.run(["jekyll", "build", "--safe", "--source", str(folder), "--destination",
                             str(folder / "_site")], capture_output=True, text=True, timeout=240)
    assert result.returncode == 0, result.stdout + result.stderr
    return folder / "_site"


@pytest.mark.jekyll
def test_jekyll_builds_every_paper_with_title_venue_and_date(default_profile: Profile, tmp_path: Path) -> None:
    built = _jekyll_build(default_profile, tmp_path / "site")
    pages = {p.stem: p.read_text("utf-8") for p in (built / "publication").rglob("*.html")}
    assert len(pages) == len(default_profile.publications)
    for paper in default_profile.publications:
        (text,) = [t for stem, t in pages.items() if stem.endswith(paper.id)]
        assert shown(text, "h1") == paper.title
        if paper.venue:
            assert shown(text, "p", "venue") == paper.venue.name
        if paper.date:
            assert f'<p class="date">{paper.year}-01-01</p>' in text
        assert '<p class="category">' + ("Journal Articles" if paper.status == "under-review"
                                         else "Conference Papers") + "</p>" in text
    assert (built / "files" / "bibtex" / "huang2024sibyl.bib").read_text("utf-8").startswith("@inproceedings")


@pytest.mark.jekyll
def test_jekyll_prints_liquid_and_html_in_titles_literally(hostile_profile: Profile, tmp_path: Path) -> None:
    import dataclasses

    first = dataclasses.replace(hostile_profile.publications[0],
                                abstract="Body {{ site.title }} {% endraw %} {% raw %} <i>x</i> *not emphasis*")
    profile = dataclasses.replace(hostile_profile, publications=(first, *hostile_profile.publications[1:]))
    built = _jekyll_build(profile, tmp_path / "site")
    texts = "\n".join(p.read_text("utf-8") for p in (built / "publication").rglob("*.html"))
    assert "Site title that must not leak" not in texts
    shown_titles = {shown(p.read_text("utf-8"), "h1") for p in (built / "publication").rglob("*.html")}
    for title in HOSTILE_TITLES:
        # What a reader sees (the text after the browser decodes entities) is the title exactly.
        assert title in shown_titles, title
    assert "<b>bold</b>" not in texts and "<script>alert(1)</script>" not in texts
    (page,) = (built / "publication").glob(f"*-{first.id}.html")
    body = re.search(r'<div class="body">(.*?)</div>', page.read_text("utf-8"), re.S).group(1)
    assert html.unescape(re.sub(r"<[^>]+>", "", body)).strip() == first.abstract
