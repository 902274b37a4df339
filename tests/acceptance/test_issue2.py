"""Issue 2 (`profilebot check`): the must-show items no other test proved, and what a careful user tries."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from tests.acceptance.helpers import DEFAULT_PROFILE, ROOT, process

FINDING = re.compile(r"^(?P<file>[^:\n]+):(?P<line>\d+):(?P<col>\d+): (?P<severity>error|warning|info) "
                     r"(?P<code>PB\d{3}) .+ \[[a-z0-9-]+\]$", re.MULTILINE)


@pytest.mark.parametrize("fmt", ["text", "json", "github"])
def test_python_m_profilebot_check_passes_the_default_profile_in_every_format(fmt):
    run = process("check", str(DEFAULT_PROFILE), "--format", fmt, cwd=ROOT)
    assert run.code == 0, run.out
    assert run.no_traceback
    if fmt == "json":
        findings = json.loads(run.out)
        codes = {f["code"] for f in findings}
        assert {f["severity"] for f in findings} == {"warning"}
        assert all({"code", "severity", "message", "path", "line", "column"} <= set(f) for f in findings)
    elif fmt == "github":
        annotation = r"^::warning file=[^,]+,line=\d+,col=\d+,title=(PB\d{3})\b[^:]*::"
        codes = set(re.findall(annotation, run.out, re.MULTILINE))
        assert "::error" not in run.out
    else:
        codes = {m["code"] for m in FINDING.finditer(run.out)}
        assert " error " not in run.out
    # The default profile keeps the seed's two WASMREV titles on purpose (PB206); the seed's PhD end
    # "expected 2024-12" is honestly past on today's clock (PB302). Nothing else may be found.
    assert "PB206" in codes and codes <= {"PB206", "PB302"}, run.out


def test_check_without_an_argument_reads_profile_yaml_in_the_current_folder(tmp_path):
    (tmp_path / "profile.yaml").write_text("person: {name: Ada Lovelace}\npublications: [{id: x}]\n", "utf-8")
    run = process("check", cwd=tmp_path)
    assert run.code == 1 and run.no_traceback
    assert "profile.yaml:2:" in run.out, run.out


@pytest.mark.parametrize("text, expected", [
    ("", "PB001"),                          # an empty file
    ("# only a comment\n", "PB001"),        # a file with nothing but a comment
    ("- a\n- b\n", "PB001"),                # a list instead of a mapping
    ("person: {name: X}\n---\nperson: {name: Y}\n", "PB000"),  # two YAML documents
    ("person:\n  name: X\n\tkey: 1\n", "PB000"),               # a tab in the indentation
])
def test_degenerate_files_are_one_positioned_finding_and_exit_1(tmp_path, text, expected):
    profile = tmp_path / "profile.yaml"
    profile.write_text(text, "utf-8")
    run = process("check", str(profile))
    assert run.code == 1 and run.no_traceback, run.out
    found = [m.groupdict() for m in FINDING.finditer(run.out)]
    assert found and found[0]["code"] == expected, run.out
    assert found[0]["file"] == str(profile)


def test_a_profile_with_only_a_name_is_valid_and_builds(tmp_path):
    profile = tmp_path / "profile.yaml"
    profile.write_text("person: {name: X}\n", "utf-8")
    assert process("check", str(profile)).code == 0
    run = process("build", str(profile), "-o", str(tmp_path / "out"))
    assert run.code == 0 and run.no_traceback, run.out
    bib = (tmp_path / "out" / "publications.bib").read_text("utf-8")
    assert "@" not in bib  # no papers: an empty bibliography, not an invented entry
    assert json.loads((tmp_path / "out" / "resume.json").read_text("utf-8"))["basics"]["name"] == "X"


@pytest.mark.parametrize("kind", ["folder", "missing"])
def test_unreadable_input_exits_2_and_names_the_path(tmp_path, kind):
    target = tmp_path / "profile.yaml"
    if kind == "folder":
        target.mkdir()
    run = process("check", str(target))
    assert run.code == 2 and run.no_traceback, run.out
    assert str(target) in run.out


def test_an_unknown_key_in_profilebot_yaml_is_named_with_a_suggestion(tmp_path):
    (tmp_path / "profile.yaml").write_text("person: {name: X}\n", "utf-8")
    (tmp_path / "profilebot.yaml").write_text("rules:\n  PB206: off\nstie:\n  repo: a/b\n", "utf-8")
    run = process("check", str(tmp_path / "profile.yaml"))
    assert run.code in (1, 2) and run.no_traceback
    assert "profilebot.yaml:3:1" in run.out and "'stie'" in run.out and "'site'" in run.out, run.out


def test_check_does_not_import_network_libraries():
    """The issue's start-up budget rests on lazy imports: `check` must not load PyGithub or requests."""
    code = (f"import sys; from profilebot.cli import main; rc = main(['-q', 'check', {str(DEFAULT_PROFILE)!r}]);"
            "print(rc, sorted(m for m in ('github', 'requests', 'jwt', 'schedule') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                          env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"}, timeout=60, check=False)
    assert done.stdout.strip().splitlines()[-1] == "0 []", done.stdout + done.stderr


def test_benchmark_check_prints_both_profiles_against_the_import_floor():
    """benchmarks/check.py measures what issue 2 asks for; its figures are in the acceptance report."""
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "check.py")], capture_output=True,
                          text=True, cwd=ROOT, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert re.search(r"import yaml, jsonschema.*median [\d.]+ s.*peak RSS [\d.]+ MiB", out), out
    assert re.search(r"default .*profilebot check.*median [\d.]+ s.*the import floor.*exit 0.*peak RSS", out), out
    assert re.search(r"2,000 papers .*profilebot check.*median [\d.]+ s.*exit 0.*peak RSS", out), out
