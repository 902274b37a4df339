"""Issue 7 (running unattended): `init` where a person already has files, and the CLI's global flags."""

from __future__ import annotations

import pytest

from tests.acceptance.helpers import DEFAULT_PROFILE, FIXTURES, process


def snapshot(folder) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_init_in_a_folder_with_an_existing_profile_and_settings_keeps_both_byte_for_byte(tmp_path):
    mine = DEFAULT_PROFILE.read_bytes()
    (tmp_path / "profile.yaml").write_bytes(mine)
    (tmp_path / "profilebot.yaml").write_text("# mine\nsite:\n  repo: ada/ada.github.io\n", "utf-8")
    run = process("init", str(tmp_path), cwd=tmp_path)
    assert run.code == 0 and run.no_traceback, run.out
    assert (tmp_path / "profile.yaml").read_bytes() == mine
    assert (tmp_path / "profilebot.yaml").read_text("utf-8") == "# mine\nsite:\n  repo: ada/ada.github.io\n"
    assert (tmp_path / ".pre-commit-config.yaml").is_file()
    assert any((tmp_path / ".github" / "workflows").glob("*.yml"))
    first = snapshot(tmp_path)
    again = process("init", str(tmp_path), cwd=tmp_path)
    assert again.code == 0 and snapshot(tmp_path) == first  # a rerun changes nothing
    assert process("check", str(tmp_path / "profile.yaml")).code == 0


def test_init_from_bibtex_beside_an_existing_profile_says_it_did_not_import(tmp_path):
    (tmp_path / "profile.yaml").write_text("person: {name: Ada Lovelace}\n", "utf-8")
    run = process("init", str(tmp_path), "--from-bibtex", str(FIXTURES / "realworld" / "scholar-4.bib"), cwd=tmp_path)
    assert run.code == 0 and run.no_traceback
    assert (tmp_path / "profile.yaml").read_text("utf-8") == "person: {name: Ada Lovelace}\n"
    assert "import" in run.out.lower() and "scholar-4.bib" in run.out, run.out


@pytest.mark.parametrize("argv", [["-q", "build"], ["build", "-q"], ["--quiet", "build"]])
def test_quiet_build_prints_nothing_and_succeeds(tmp_path, argv):
    run = process(*argv, str(DEFAULT_PROFILE), "-o", str(tmp_path / "out"))
    assert run.code == 0 and run.out == "", run.out
    assert (tmp_path / "out" / "publications.bib").is_file()


def test_an_unknown_command_and_no_command_are_usage_errors():
    assert process("publish").code == 2
    bare = process()
    assert bare.code == 2 and "check" in bare.out and "sync" in bare.out
