"""`import academicpages` on a real site (tests/fixtures/realworld/academicpages, PROVENANCE.md), and back.

The imported site's every old permalink is served by the site profilebot builds, DOI-only papers keep a
"Download Paper" link, a second import adds nothing, and the built site imports into an empty profile as
the same works with the same ids and fields. Broken input stops with one `file:line` line, writing nothing.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from profilebot import cli
from profilebot.commands.import_ import proposed_edit
from profilebot.render import outputs
from profilebot.validate.pipeline import check

SITE = Path(__file__).resolve().parents[1] / "fixtures" / "realworld" / "academicpages" / "andreeapocol.github.io"
EMPTY = "person:\n  name: Andreea Pocol\n"
FIELDS = ("id", "title", "type", "status", "authors", "venue", "date", "doi", "url", "links", "redirect_from")


def imported(site: Path, text: str = EMPTY) -> str:
    return proposed_edit(text, check(text).profile, "academicpages", str(site))[1]


def front_matter(text: str) -> dict:
    return yaml.safe_load(text.split("---\n")[1])


def built_site(profile_text: str, tmp_path: Path) -> Path:
    root = tmp_path / "built"
    for artifact in outputs.render_site(check(profile_text).profile, {"template": "academicpages"}):
        (root / artifact.path).parent.mkdir(parents=True, exist_ok=True)
        (root / artifact.path).write_bytes(artifact.data)
    return root


def test_every_page_is_imported_with_its_authors_venue_date_and_doi():
    profile = check(imported(SITE)).profile
    assert len(profile.publications) == len(list((SITE / "_publications").glob("*.md"))) == 8
    first = profile.publication("GI-number-1")
    assert [a.name for a in first.authors][:2] == ["Istead, L.", "Pocol, A."]  # from the APA citation
    assert first.doi == "10.20380/GI2021.20" and first.date.iso() == "2021-05-28"
    assert first.venue.name == "Proceedings of Graphics Interface 2021" and first.type == "conference-paper"
    poster = profile.publication("SIGGRAPH-number-7")
    assert poster.url == "https://dl.acm.org/doi/fullHtml/10.1145/3641234.3671049"
    assert not [f for f in check(imported(SITE)).findings if f.severity.value == "error"]


def test_a_second_import_adds_nothing():
    once = imported(SITE)
    assert imported(SITE, once) == once


def test_the_built_site_serves_every_old_permalink_and_gives_doi_papers_a_paperurl(tmp_path):
    profile = check(imported(SITE)).profile
    pages = [front_matter(a.data.decode("utf-8")) for a in outputs.render_site(profile, {"template": "academicpages"})
             if a.path.startswith("_publications/")]
    served = {page["permalink"] for page in pages} | {path for page in pages for path in page.get("redirect_from", [])}
    old = {front_matter(p.read_text("utf-8"))["permalink"] for p in (SITE / "_publications").glob("*.md")}
    assert old <= served
    # The ids keep the old file names, so the permalinks are the very same ones.
    assert old == {page["permalink"] for page in pages}
    assert all(page["paperurl"].startswith("https://") for page in pages)
    gi = next(page for page in pages if page["permalink"].endswith("GI-number-1"))
    assert gi["paperurl"] == "https://doi.org/10.20380/GI2021.20"  # its case kept


def test_the_built_site_imports_as_the_same_works(tmp_path):
    first = imported(SITE)
    again = imported(built_site(first, tmp_path))
    before, after = check(first).profile, check(again).profile
    assert [[getattr(p, f) for f in FIELDS] for p in after.publications] == \
        [[getattr(p, f) for f in FIELDS] for p in before.publications]


def test_talks_authors_fields_and_bibtex_blocks(tmp_path):
    site = tmp_path / "site"
    (site / "_publications").mkdir(parents=True)
    (site / "_talks").mkdir()
    (site / "_publications" / "2020-01-01-paper.md").write_text(
        "---\ntitle: \"A paper\"\ncollection: publications\npermalink: /publication/old-paper\ndate: 2020-01-01\n"
        "venue: 'Journal of Tests'\nauthors: 'Ada Lovelace and Charles Babbage'\nslidesurl: 'https://x.org/s.pdf'\n"
        "codeurl: 'https://github.com/ada/engine'\n---\nWe describe the engine.\n", "utf-8")
    (site / "_publications" / "2021-01-01-bib.md").write_text(
        "---\ntitle: \"From a block\"\ndate: 2021-01-01\n---\n```bibtex\n@article{calero2021block,\n"
        "  title={From a block}, author={Calero Valdez, Andr{\\'e} and Ziefle, Martina},\n"
        "  journal={J}, year={2021}, doi={10.1000/xyz}}\n```\n", "utf-8")
    (site / "_talks" / "2019-05-01-talk.md").write_text(
        "---\ntitle: \"A talk\"\ncollection: talks\ntype: \"Tutorial\"\npermalink: /talks/old-talk\nvenue: \"CHI\"\n"
        "date: 2019-05-01\nlocation: \"Glasgow, UK\"\n---\n", "utf-8")
    profile = check(imported(site, "person:\n  name: Ada Lovelace\n")).profile
    paper = profile.publication("paper")
    assert [a.name for a in paper.authors] == ["Lovelace, Ada", "Babbage, Charles"]
    assert paper.links == {"slides": "https://x.org/s.pdf", "code": "https://github.com/ada/engine"}
    assert paper.abstract == "We describe the engine." and paper.redirect_from == ("/publication/old-paper",)
    block = profile.publication("bib")
    assert [a.name for a in block.authors] == ["Calero Valdez, André", "Ziefle, Martina"] and block.doi == "10.1000/xyz"
    talk = profile.talks[0]
    assert (talk.title, talk.event, talk.type, talk.location, talk.redirect_from) == (
        "A talk", "CHI", "tutorial", "Glasgow, UK", ("/talks/old-talk",))


@pytest.mark.parametrize(("content", "where"), [
    ("---\ntitle: \"Broken\ndate: 2020-01-01\n---\n", "2020-01-01-broken.md:"),
    ("---\ntitle: never closed\n", "2020-01-01-broken.md:1:1: the front matter is never closed"),
])
def test_broken_front_matter_is_one_line_with_file_and_line_and_nothing_is_written(tmp_path, capsys, content, where):
    (tmp_path / "_publications").mkdir()
    (tmp_path / "_publications" / "2020-01-01-broken.md").write_text(content, "utf-8")
    profile = tmp_path / "profile.yaml"
    profile.write_text(EMPTY, "utf-8")
    assert cli.main(["import", "academicpages", str(tmp_path), str(profile), "--write"]) == 2
    error = [line for line in capsys.readouterr().err.splitlines() if "error:" in line]
    assert len(error) == 1 and where in error[0] and re.search(r"\.md:\d+", error[0])
    assert profile.read_text("utf-8") == EMPTY


def test_a_folder_without_publications_and_an_unclosed_brace_are_refused(tmp_path, capsys):
    profile = tmp_path / "profile.yaml"
    profile.write_text(EMPTY, "utf-8")
    assert cli.main(["import", "academicpages", str(tmp_path), str(profile), "--write"]) == 2
    assert "no _publications/ or _talks/ folder" in capsys.readouterr().err
    bib = tmp_path / "unclosed.bib"
    bib.write_text("@article{a,\n title={Open\n}\n\n@article{b, title={ok}, author={X, Y}, year={2020}}\n", "utf-8")
    assert cli.main(["import", "bibtex", str(bib), str(profile), "--write"]) == 2
    err = capsys.readouterr().err
    assert [line for line in err.splitlines() if "error:" in line] == [
        f"profilebot: error: {bib}:1: the entry starting here cannot be read (an unclosed brace, or a field without "
        "its closing comma); nothing was imported."]
    assert profile.read_text("utf-8") == EMPTY
    missing = tmp_path / "missing.bib"
    assert cli.main(["import", "bibtex", str(missing), str(profile)]) == 2
    err = capsys.readouterr().err
    assert f"{missing}: no such file" in err and "profile.yaml" not in err
