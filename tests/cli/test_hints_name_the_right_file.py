"""Every hint names the file or argument that is actually wrong."""

from __future__ import annotations

from profilebot import cli


def test_a_missing_profile_suggests_init(tmp_path, capsys):
    assert cli.main(["check", str(tmp_path / "profile.yaml")]) == 2
    err = capsys.readouterr().err
    assert "no such file" in err and "profilebot init" in err


def test_a_missing_import_file_is_not_blamed_on_the_profile(tmp_path, capsys):
    profile = tmp_path / "profile.yaml"
    profile.write_text("person:\n  name: Ada Lovelace\n", "utf-8")
    for source, expected in (("bibtex", "missing.bib: no such file"), ("jsonresume", "missing.bib: no such file"),
                             ("academicpages", "missing.bib: not a folder")):
        assert cli.main(["import", source, str(tmp_path / "missing.bib"), str(profile)]) == 2
        err = capsys.readouterr().err
        assert expected in err and "profile.yaml" not in err


def test_a_bad_orcid_id_typed_on_the_command_line_is_not_blamed_on_profilebot_yaml(tmp_path, capsys):
    profile = tmp_path / "profile.yaml"
    profile.write_text("person:\n  name: Ada Lovelace\n", "utf-8")
    assert cli.main(["import", "orcid", "0000-0002-1825-0098", str(profile)]) != 0
    err = capsys.readouterr().err
    assert "0000-0002-1825-0098" in err and "not a valid ORCID iD" in err and "profilebot.yaml" not in err
