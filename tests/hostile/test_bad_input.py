"""Bad input ends in a clear error (exit 1 or 2) with where and what, never an internal error (exit 3)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from profilebot import cli
from tests.paths import ROOT

DEEP = "[" * 100_000 + "]" * 100_000
BIG_INT = '{"basics": {"name": ' + "9" * 5000 + "}}"
ORCID_JUNK = [
    {"group": [1, "x"]},
    {"group": [{"work-summary": "junk"}]},
    {"group": [{"work-summary": [None]}]},
    {"group": [{"work-summary": [{"title": 7, "external-ids": "x", "publication-date": [1]}]}]},
]


@pytest.fixture
def profile(tmp_path: Path) -> Path:
    path = tmp_path / "profile.yaml"
    path.write_bytes((ROOT / "profile.yaml").read_bytes())
    return path


def run(capsys, *args: str) -> tuple[int, str]:
    code = cli.main(list(args))
    out = capsys.readouterr()
    return code, out.out + out.err


@pytest.mark.parametrize("source,text", [("jsonresume", DEEP), ("orcid", DEEP), ("jsonresume", BIG_INT)])
def test_hostile_json_imports_are_refused_clearly(tmp_path: Path, profile: Path, capsys, source: str, text: str):
    data = tmp_path / "input.json"
    data.write_text(text, "utf-8")
    code, printed = run(capsys, "import", source, str(data), str(profile))
    assert code == 2 and "internal error" not in printed and str(data) in printed
    errors = [line for line in printed.splitlines() if line.startswith("profilebot: error")]
    assert len(errors) == 1 and len(errors[0]) < 400


@pytest.mark.parametrize("answer", ORCID_JUNK)
def test_orcid_works_json_in_the_wrong_shape_is_one_clear_line(tmp_path: Path, profile: Path, capsys, answer):
    data = tmp_path / "works.json"
    data.write_text(json.dumps(answer), "utf-8")
    code, printed = run(capsys, "import", "orcid", str(data), str(profile))
    assert code == 2 and "not in ORCID's /works shape" in printed and "internal error" not in printed


def test_a_five_thousand_digit_integer_in_a_profile_is_a_finding(tmp_path: Path, capsys):
    path = tmp_path / "profile.yaml"
    path.write_text("person:\n  name: Ada\npublications:\n  - id: p\n    type: journal-article\n    status: published\n"
                    "    title: T\n    authors: [Ada]\n    date: " + "9" * 5000 + "\n", "utf-8")
    code, printed = run(capsys, "check", str(path))
    assert code == 1 and f"{path}:9:11" in printed and "internal error" not in printed
    assert max(len(line) for line in printed.splitlines()) < 400


def test_a_latin_1_bibtex_export_is_decoded_not_turned_into_replacement_characters(tmp_path, profile, capsys):
    bib = tmp_path / "scholar.bib"
    bib.write_bytes("@article{mueller2001,\n  title = {Études sur la région de Zürich},\n  author = {Müller, "
                    "Jürgen},\n  journal = {Revue},\n  year = {2001}\n}\n".encode("latin-1"))
    code, printed = run(capsys, "import", "bibtex", str(bib), str(profile))
    assert code == 0 and "Études sur la région de Zürich" in printed and "\ufffd" not in printed


def test_check_format_json_prints_json_for_a_file_that_is_not_utf_8(tmp_path, capsys):
    path = tmp_path / "profile.yaml"
    path.write_bytes("person:\n  name: Adé\n".encode("latin-1"))
    code, printed = run(capsys, "check", "--format", "json", str(path))
    findings = json.loads(printed[: printed.rindex("]") + 1])
    assert code == 2 and [(f["code"], f["line"], f["column"]) for f in findings] == [("PB000", 2, 11)]
