"""`profilebot import openalex ID [--write]` on the default profile, against the OpenAlex stand-in."""

from __future__ import annotations

import shutil

from tests.paths import DEFAULT_PROFILE
from tests.fakes.openalex_data import AUTHOR, ORCID

from profilebot.cli import main
from profilebot.validate.pipeline import check




def workspace(tmp_path):
    shutil.copy(DEFAULT_PROFILE, tmp_path / "profile.yaml")
    return tmp_path / "profile.yaml"


def changed_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    import difflib

    removed, added = [], []
    for line in difflib.ndiff(before.splitlines(), after.splitlines()):
        if line.startswith("- "):
            removed.append(line[2:])
        elif line.startswith("+ "):
            added.append(line[2:])
    return removed, added


def test_write_adds_missing_works_fills_identifiers_and_changes_only_one_existing_line(openalex, tmp_path, capsys):
    profile = workspace(tmp_path)
    before = profile.read_text("utf-8")
    assert main(["import", "openalex", AUTHOR, str(profile), "--write"]) == 0
    after = profile.read_text("utf-8")
    removed, added = changed_lines(before, after)
    assert removed == ["    status: under-review"]  # the promoted paper's status line, nothing else
    assert "    status: published" in added
    checked = check(after)
    assert not checked.errors()
    publications = {p.id: p for p in checked.profile.publications}
    titles = [p.title for p in checked.profile.publications]
    # The two works the profile lacked, once each; the misattributed one and TripLe's preprint never.
    assert "Compiler Autotuning with Large Language Models: An Empirical Study" in titles
    assert "WasmRev: Self-Supervised Learning for WebAssembly Binaries" in titles
    assert not any("Seismic" in t for t in titles)
    assert len(titles) == len(set(titles)) == 15 + 2
    triple = publications["fu2023triple"]
    assert (triple.doi, triple.arxiv) == ("10.5555/iccv51070.2023.01584", "2212.04051")
    towards = publications["huang2024towards"]
    assert towards.status == "published" and towards.doi == "10.5555/mlcad.2025.00012"
    assert towards.venue.name.endswith("(MLCAD)") and str(towards.date) == "2025-09-08"
    assert publications["yu2024geot"].status == "under-review" and publications["yu2024geot"].arxiv == "2404.03019"
    assert publications["huang2021ayudante"].doi is None  # USENIX has no DOI; nothing invented
    assert publications["zhang2018adaptive"].doi == "10.1145/3240765.3240774"
    # A second import changes nothing.
    assert main(["import", "openalex", AUTHOR, str(profile), "--write"]) == 0
    assert profile.read_text("utf-8") == after
    assert "Nothing to add" in capsys.readouterr().out


def test_without_write_prints_the_diff_and_leaves_the_file(openalex, tmp_path, capsys):
    profile = workspace(tmp_path)
    before = profile.read_text("utf-8")
    assert main(["import", "openalex", AUTHOR, str(profile)]) == 0
    assert profile.read_text("utf-8") == before
    out = capsys.readouterr().out
    assert out.startswith(f"--- a/{profile}")
    assert "-    status: under-review" in out and "| huang2024towards | status | published |" in out
    assert "OpenAlex W4415012014" in out


def test_an_orcid_id_finds_the_author_with_one_free_lookup(openalex, tmp_path):
    profile = workspace(tmp_path)
    assert main(["import", "openalex", ORCID, str(profile), "--write"]) == 0
    assert openalex.count(r"^/authors/orcid:") == 1
    assert openalex.list_calls() == 1  # every work in one list call (select=, per-page=200)
    assert len(openalex.log) == 2


def test_a_wrong_author_id_is_one_clear_error(openalex, tmp_path, capsys):
    profile = workspace(tmp_path)
    assert main(["import", "openalex", "A999", str(profile), "--write"]) == 1
    err = capsys.readouterr().err
    assert "OpenAlex has no author A999" in err and "Traceback" not in err


def test_not_an_author_id_is_a_usage_error(openalex, tmp_path, capsys):
    profile = workspace(tmp_path)
    assert main(["import", "openalex", "Hanxian Huang", str(profile)]) == 1
    assert "not an OpenAlex author id" in capsys.readouterr().err


def test_the_mailto_of_profilebot_yaml_is_sent(openalex, tmp_path):
    profile = workspace(tmp_path)
    (tmp_path / "profilebot.yaml").write_text("openalex:\n  mailto: ada@example.org\n", "utf-8")
    assert main(["import", "openalex", AUTHOR, str(profile)]) == 0
    assert {r.param("mailto") for r in openalex.requests()} == {"ada@example.org"}
