"""`build` refuses outputs that collide or balloon, with a message naming what to change, and writes nothing."""

from __future__ import annotations

from pathlib import Path

from profilebot import cli
from profilebot.render import outputs
from tests.paths import ROOT


def test_build_refuses_outputs_larger_than_the_bound_and_names_the_largest(tmp_path: Path, monkeypatch, capsys):
    monkeypatch.setattr(outputs, "MAX_OUTPUT_BYTES", 100_000)  # the default profile writes more than this
    out = tmp_path / "out"
    assert cli.main(["build", str(ROOT / "profile.yaml"), "-o", str(out)]) == 1
    error = capsys.readouterr().err
    assert "more than the 100,000 a build writes; the largest:" in error and "Traceback" not in error
    assert not out.exists() or not any(out.rglob("*"))


def test_build_refuses_ids_that_become_one_file_naming_both(tmp_path: Path, capsys):
    paper = "  - {{id: '{}', type: journal-article, status: published, title: T{}, authors: [Ada], date: 2020}}\n"
    profile = tmp_path / "profile.yaml"
    profile.write_text("person: {name: Ada}\npublications:\n" + paper.format("paper.one", 1)
                       + paper.format("paper-one", 2), "utf-8")  # (paper_one keeps its name: paper_one.md)
    out = tmp_path / "out"
    assert cli.main(["build", str(profile), "-o", str(out), "--template", "academicpages"]) == 1
    error = capsys.readouterr().err
    assert "'paper-one' and the id 'paper.one' both become the file name 'paper-one'" in error
    assert not out.exists()
