"""`check --fix` and `import --write` read profile.yaml, work, then replace it. An editor's save made while they
work must survive: the file is compared with what was read right before the rename, and a changed file is left
as the editor saved it, with one clear error (issue 21). The save is made from inside the command's own work
(at the step named), so the test waits on no schedule."""

from __future__ import annotations

from pathlib import Path

import pytest

from profilebot import cli
from tests.cli.test_check_fix import text
from tests.paths import REALWORLD

EDITOR = "# saved in an editor while profilebot worked\n"


def _save_during(monkeypatch: pytest.MonkeyPatch, module: object, name: str, path: Path) -> list[int]:
    """Make the editor's save at the moment `module.name` runs (once), then let it run."""
    original = getattr(module, name)
    saves: list[int] = []

    def saving(*args, **kwargs):
        if not saves:
            path.write_text(path.read_text("utf-8") + EDITOR, "utf-8")
            saves.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, saving)
    return saves


def test_check_fix_keeps_an_editors_save(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    from profilebot.validate import fixes

    profile = tmp_path / "profile.yaml"
    profile.write_text(text(doi="https://doi.org/10.1145/3313831"), "utf-8")
    saves = _save_during(monkeypatch, fixes, "plan", profile)
    assert cli.main(["check", "--fix", str(profile)]) == 1
    assert saves == [1]
    assert profile.read_text("utf-8").endswith(EDITOR)  # the editor's save, untouched
    assert "https://doi.org/10.1145/3313831" in profile.read_text("utf-8")
    err = capsys.readouterr().err
    assert "changed while profilebot was working on it" in err and "Traceback" not in err
    monkeypatch.undo()
    assert cli.main(["check", "--fix", str(profile)]) == 0  # run again: it fixes the file as it is now
    assert profile.read_text("utf-8").endswith(EDITOR) and "doi: 10.1145/3313831" in profile.read_text("utf-8")


def test_import_write_keeps_an_editors_save(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    from profilebot.importers import propose

    profile = tmp_path / "profile.yaml"
    profile.write_text("person:\n  name: Sean Crowell\n", "utf-8")
    saves = _save_during(monkeypatch, propose, "propose", profile)
    code = cli.main(["import", "bibtex", str(REALWORLD / "scholar" / "scholar-1.bib"), str(profile), "--write"])
    assert code == 1 and saves == [1]
    assert profile.read_text("utf-8") == "person:\n  name: Sean Crowell\n" + EDITOR
    assert "changed while profilebot was working on it" in capsys.readouterr().err


def test_an_unchanged_file_is_written(tmp_path: Path) -> None:
    from profilebot import files

    profile = tmp_path / "profile.yaml"
    profile.write_bytes(b"\xef\xbb\xbfperson: {name: A}\n")
    assert files.rewrite_text(profile, "person: {name: B}\n", "person: {name: A}\n")
    assert profile.read_bytes() == b"\xef\xbb\xbfperson: {name: B}\n"
