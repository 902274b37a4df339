"""DBLP person files (XML, BibTeX) → publications; `import dblp PID|FILE` against the DBLP stand-in."""

from __future__ import annotations

import pytest

from profilebot.cli import main
from profilebot.errors import UsageError
from profilebot.importers import dblp
from profilebot.validate.pipeline import check
from tests.fakes.dblp_server import DblpFake
from tests.paths import FIXTURES

XML = (FIXTURES / "dblp" / "m-AndrewMcCallum.xml").read_text("utf-8")
BIB = FIXTURES / "dblp" / "ChangSRM23.bib"
PROFILE = "person:\n  name: Andrew McCallum\n\npublications:\n  - id: old2001\n    type: journal-article\n" \
          "    status: published\n    title: An Old Paper\n    authors: [A. McCallum]\n    date: 2001\n"
TITLE = "Multi-CLS BERT: An Efficient Alternative to Traditional Ensembling"


def test_the_person_file_gives_each_record_with_its_links():
    name, pid, works = dblp.parse_person(XML, "m-AndrewMcCallum.xml")
    assert (name, pid, len(works)) == ("Andrew McCallum", "m/AndrewMcCallum", 3)
    paper, preprint, other = works
    assert (paper.title, paper.year, paper.doi, paper.venue, paper.type) == (
        TITLE, 2023, "10.18653/v1/2023.acl-long.48", "ACL (1)", "conference-paper")
    assert (preprint.preprint, preprint.arxiv, preprint.doi) == (True, "2210.05043", None)
    assert paper.extra["mine"] and preprint.extra["mine"] and not other.extra["mine"]


def test_a_paper_and_its_corr_version_are_one_candidate_and_strangers_records_none(tmp_path):
    from profilebot.importers.propose import propose

    _, _, works = dblp.parse_person(XML, "x.xml")
    additions = propose(check(PROFILE).profile, dblp.candidates(works, "x.xml"))
    assert [(a.entry["title"], a.entry["status"]) for a in additions] == [(TITLE, "published")]
    assert additions[0].entry["doi"] == "10.18653/v1/2023.acl-long.48"


def test_homonym_numbers_never_reach_a_name():
    assert dblp.display_name("Wei Wang 0001") == "Wei Wang"
    assert dblp.display_name("Hanxian Huang") == "Hanxian Huang"


@pytest.mark.parametrize("text, says", [
    ("<dblpperson", "not well-formed XML"),
    ("<dblp><article/></dblp>", "root element is <dblp>"),
    ('<!DOCTYPE x [<!ENTITY a "aaaa">]><dblpperson/>', "DOCTYPE or entities"),
])
def test_not_a_person_file_is_a_clear_error(text, says):
    with pytest.raises(UsageError) as raised:
        dblp.parse_person(text, "bad.xml")
    assert says in raised.value.message and raised.value.message.startswith("bad.xml")


def workspace(tmp_path):
    (tmp_path / "profile.yaml").write_text(PROFILE, "utf-8")
    return tmp_path / "profile.yaml"


def test_import_dblp_by_pid_reads_one_file_from_the_stand_in(tmp_path, monkeypatch, capsys):
    with DblpFake() as fake:
        fake.add_person("m/AndrewMcCallum", XML)
        fake.fail(r"^/pid/", 429, times=1, retry_after=0)
        monkeypatch.setenv("DBLP_API_URL", fake.url)
        profile = workspace(tmp_path)
        assert main(["import", "dblp", "m/AndrewMcCallum", str(profile), "--write"]) == 0
        assert fake.count(r"^/pid/m/AndrewMcCallum\.xml$") == 2  # one 429, then the file
    text = profile.read_text("utf-8")
    assert text.startswith(PROFILE) and TITLE in text and "Ley" not in text
    assert not check(text).errors()
    assert main(["import", "dblp", str(FIXTURES / "dblp" / "m-AndrewMcCallum.xml"), str(profile), "--write"]) == 0
    assert profile.read_text("utf-8") == text  # the saved file knows nothing more: nothing changes


def test_import_dblp_bibtex_file(tmp_path):
    profile = workspace(tmp_path)
    assert main(["import", "dblp", str(BIB), str(profile), "--write"]) == 0
    added = check(profile.read_text("utf-8")).profile.publications[-1]
    assert added.title.startswith("Multi-CLS") and added.doi == "10.18653/v1/2023.acl-long.48"
    assert [a.name for a in added.authors][-1] == "McCallum, Andrew"  # the one stored form (names.stored_form)
    assert added.venue.name.startswith("Proceedings of the 61st Annual Meeting of the Association for Computational "
                                       "Linguistics (Volume 1")


def test_an_unknown_pid_is_a_clear_error(tmp_path, monkeypatch, capsys):
    with DblpFake() as fake:
        monkeypatch.setenv("DBLP_API_URL", fake.url)
        assert main(["import", "dblp", "123/4567", str(workspace(tmp_path))]) == 1
    assert "DBLP has no person 123/4567" in capsys.readouterr().err
