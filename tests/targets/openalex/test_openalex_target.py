"""`diff --target openalex` and `sync` with the OpenAlex target, against the stand-in."""

from __future__ import annotations

import json
import shutil

from profilebot.cli import main
from tests.fakes.openalex_data import AUTHOR, ORCID
from tests.fakes.openalex_server import OpenAlexFake
from tests.paths import DEFAULT_PROFILE


def workspace(tmp_path, settings=f"openalex:\n  author: {AUTHOR}\n"):
    shutil.copy(DEFAULT_PROFILE, tmp_path / "profile.yaml")
    (tmp_path / "profilebot.yaml").write_text(settings, "utf-8")
    return tmp_path / "profile.yaml"


def test_diff_reports_missing_published_fills_differences_and_misattributed(openalex, tmp_path, capsys):
    assert main(["diff", str(workspace(tmp_path)), "--target", "openalex"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("OpenAlex: 2 missing from the profile, 1 published since, 10 identifier(s) to fill, "
                          "3 field difference(s) (2 preprint/published pair(s) linked).")
    assert "  - Compiler Autotuning with Large Language Models: An Empirical Study (2025)  [OpenAlex W4415012014]" in out
    assert "  ^ [huang2024towards] under-review → published in 2025 ACM/IEEE International Symposium on Machine " \
           "Learning for CAD (MLCAD), 2025-09-08, DOI 10.5555/mlcad.2025.00012" in out
    assert "  + [fu2023triple] arxiv: 2212.04051  [OpenAlex W4311812006]" in out
    assert "Attributed to you by OpenAlex, but you are not in its author list (never added):\n  ? Seismic" in out
    assert "TripLe" not in out.split("Identifiers the profile lacks:")[0]  # the preprint is TripLe, never new


def test_exit_code_json_and_markdown(openalex, tmp_path, capsys):
    profile = str(workspace(tmp_path))
    assert main(["diff", profile, "--target", "openalex", "--exit-code"]) == 1
    capsys.readouterr()
    assert main(["diff", profile, "--target", "openalex", "--format", "json"]) == 0
    [entry] = json.loads(capsys.readouterr().out)
    works = entry["works"]
    assert entry["target"] == "openalex" and entry["drift"] is True
    assert [w["title"] for w in works["missing_local"]][0].startswith("Compiler Autotuning")
    assert works["published_since"][0]["id"] == "huang2024towards"
    assert {"id": "fu2023triple", "field": "arxiv", "value": "2212.04051", "openalex": "W4311812006"} in works["fills"]
    assert works["misattributed"][0]["authors"] == ["Wei Li", "Qiang Huang"]
    assert main(["diff", profile, "--target", "openalex", "--format", "markdown"]) == 0
    markdown = capsys.readouterr().out
    assert "#### Published since" in markdown and "#### Attributed to you by OpenAlex" in markdown


def test_the_author_is_found_from_the_orcid_id(openalex, tmp_path, capsys):
    profile = workspace(tmp_path, f"orcid:\n  id: {ORCID}\nopenalex: {{}}\n")
    assert main(["diff", profile.as_posix(), "--target", "openalex"]) == 0
    assert openalex.count(rf"^/authors/orcid:{ORCID}") == 1 and openalex.list_calls() == 1


def test_after_import_only_disagreements_remain_and_the_misattributed_work_is_still_named(openalex, tmp_path,
                                                                                          capsys):
    profile = workspace(tmp_path)
    assert main(["import", "openalex", AUTHOR, str(profile), "--write"]) == 0
    capsys.readouterr()
    assert main(["diff", str(profile), "--target", "openalex"]) == 0
    out = capsys.readouterr().out
    # Import adds and fills; it never rewrites a title or venue the person wrote: those stay reported.
    assert out.startswith("OpenAlex: 0 missing from the profile, 0 published since, 0 identifier(s) to fill, "
                          "3 field difference(s)")
    assert "Seismic" in out


def test_an_unreachable_api_is_one_line_and_the_other_targets_still_run(tmp_path, monkeypatch, capsys, sleeps):
    with OpenAlexFake() as gone:
        url = gone.url
    monkeypatch.setenv("OPENALEX_API_URL", url)
    (tmp_path / "scholar.bib").write_text("@article{x2020y, title={Y}, author={Huang, Hanxian}, journal={J}, "
                                          "year={2020}}\n", "utf-8")
    profile = workspace(tmp_path, f"openalex:\n  author: {AUTHOR}\nscholar:\n  export: scholar.bib\n")
    assert main(["diff", str(profile)]) == 1
    captured = capsys.readouterr()
    failures = [line for line in captured.err.splitlines() if line.startswith("profilebot: openalex")]
    assert failures == [f"profilebot: openalex: failed: Could not reach OpenAlex to read OpenAlex author {AUTHOR}: "
                        "the connection was refused."], captured.err
    assert "Traceback" not in captured.err
    assert "Google Scholar:" in captured.out  # the scholar target still ran and reported


def test_a_wrong_author_id_is_a_clear_error(openalex, tmp_path, capsys):
    profile = workspace(tmp_path, "openalex:\n  author: A404\n")
    assert main(["diff", str(profile), "--target", "openalex"]) == 1
    err = capsys.readouterr().err
    assert "OpenAlex has no author A404" in err and "Traceback" not in err


def test_429s_are_survived_in_a_diff(openalex, tmp_path, capsys, sleeps):
    openalex.fail(r"^/works\?", 429, times=2, retry_after=5)
    assert main(["diff", str(workspace(tmp_path)), "--target", "openalex"]) == 0
    assert sleeps == [5, 5] and "2 missing from the profile" in capsys.readouterr().out
