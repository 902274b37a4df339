"""The commands end to end: `diff --target orcid`, `sync --target orcid -o DIR`, `import orcid`."""

from __future__ import annotations

import shutil

from profilebot.cli import main
from tests.paths import FIXTURES
from tests.targets.orcid.orcid_seed import MISSING_FROM_PROFILE, MISSING_ON_ORCID, ORCID_ID, PROFILE


def workspace(tmp_path):
    shutil.copy(PROFILE, tmp_path / "profile.yaml")
    (tmp_path / "profilebot.yaml").write_text(f"orcid:\n  id: {ORCID_ID}\n", "utf-8")
    return tmp_path / "profile.yaml"


def test_diff_prints_the_missing_works_by_title(fake, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("ORCID_API_URL", fake.api_url)
    monkeypatch.delenv("ORCID_TOKEN", raising=False)
    assert main(["diff", str(workspace(tmp_path)), "--target", "orcid"]) == 0
    out = capsys.readouterr().out
    for title in MISSING_ON_ORCID | MISSING_FROM_PROFILE:
        assert title in out
    assert out.count("Neural Program Repair with Execution Traces") == 1  # two sources, one work


def test_sync_without_token_writes_the_import_file_in_the_chosen_folder(fake, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("ORCID_API_URL", fake.api_url)
    monkeypatch.delenv("ORCID_TOKEN", raising=False)
    assert main(["sync", str(workspace(tmp_path)), "--target", "orcid", "-o", str(tmp_path / "out")]) == 0
    assert (tmp_path / "out" / "orcid-missing.bib").read_text("utf-8").count("\n@") + 1 == len(MISSING_ON_ORCID)


def test_import_orcid_writes_the_works_the_profile_lacks(fake, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("ORCID_API_URL", fake.api_url)
    profile = workspace(tmp_path)
    before = profile.read_text("utf-8")
    assert main(["import", "orcid", ORCID_ID, str(profile)]) == 0
    assert profile.read_text("utf-8") == before  # without --write only the diff is printed
    printed = capsys.readouterr().out
    assert printed.startswith(f"--- a/{profile}") and "+  - id: " in printed
    assert main(["import", "orcid", ORCID_ID, str(profile), "--write"]) == 0
    after = profile.read_text("utf-8")
    assert after.startswith(before.rstrip("\n")[: before.index("patents:")])
    assert main(["check", str(profile)]) == 0
    titles = {t for t in MISSING_FROM_PROFILE if t in after}
    assert titles == MISSING_FROM_PROFILE and after.count("Neural Program Repair with Execution Traces") == 1


def test_import_of_a_saved_v2_record_is_refused_clearly(tmp_path, capsys):
    saved = FIXTURES / "realworld" / "orcid-works-2.json"
    assert main(["import", "orcid", str(saved), str(workspace(tmp_path))]) == 2
    assert "ORCID API v2.x response" in capsys.readouterr().err


def test_import_orcid_with_an_empty_argument_is_refused_clearly(tmp_path, capsys):
    assert main(["import", "orcid", "", str(workspace(tmp_path))]) == 2
    error = capsys.readouterr().err
    assert "needs an ORCID iD or a saved ORCID works JSON file" in error and "internal error" not in error


# --- every target's drift reaches --exit-code, JSON and Markdown (issue 15, item 1) ---------------------------


def test_diff_exit_code_is_1_when_orcid_has_drift(fake, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("ORCID_API_URL", fake.api_url)
    monkeypatch.delenv("ORCID_TOKEN", raising=False)
    profile = workspace(tmp_path)
    assert main(["diff", str(profile), "--target", "orcid"]) == 0  # without --exit-code drift is no failure
    assert main(["diff", str(profile), "--target", "orcid", "--exit-code"]) == 1


def test_diff_json_carries_the_orcid_works_each_side_lacks(fake, tmp_path, monkeypatch, capsys):
    import json

    monkeypatch.setenv("ORCID_API_URL", fake.api_url)
    monkeypatch.delenv("ORCID_TOKEN", raising=False)
    assert main(["diff", str(workspace(tmp_path)), "--target", "orcid", "--format", "json"]) == 0
    [entry] = json.loads(capsys.readouterr().out)
    assert entry["target"] == "orcid" and entry["drift"] is True
    works = entry["works"]
    assert {w["title"] for w in works["missing_remote"]} == MISSING_ON_ORCID
    assert {w["title"] for w in works["missing_local"]} == MISSING_FROM_PROFILE
    assert all(w["id"] for w in works["missing_remote"])


def test_diff_markdown_has_an_orcid_section_listing_the_works(fake, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("ORCID_API_URL", fake.api_url)
    monkeypatch.delenv("ORCID_TOKEN", raising=False)
    assert main(["diff", str(workspace(tmp_path)), "--target", "orcid", "--format", "markdown"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("### profilebot: `orcid`\n") and "#### Missing on ORCID" in out
    for title in MISSING_ON_ORCID | MISSING_FROM_PROFILE:
        assert f"“{title}”" in out
