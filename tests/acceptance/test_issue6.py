"""Issue 6 (ORCID, Scholar, `import`): real Scholar exports imported as a person would, and ORCID set-up mistakes."""

from __future__ import annotations

import difflib
import json
import re
import shutil
import socket
import subprocess
import sys

import pytest

from tests.acceptance.helpers import FIXTURES, ROOT, cli, copy_default_profile, process

SCHOLAR = FIXTURES / "realworld"  # byte copies of real Scholar exports; provenance in its PROVENANCE.md


def removed_lines(before: str, after: str) -> list[str]:
    return [line for line in difflib.ndiff(before.splitlines(), after.splitlines()) if line.startswith("- ")]


def errors_of(profile) -> list[dict]:
    run = process("check", str(profile), "--format", "json")
    assert run.no_traceback, run.out
    return [f for f in json.loads(run.out) if f["severity"] == "error"]


SCHOLAR_EXPORTS = [
    "scholar-1.bib",
    "scholar-4.bib",
    "scholar-5.bib",
]


@pytest.mark.parametrize("export", SCHOLAR_EXPORTS)
def test_import_bibtex_of_a_real_scholar_export_only_adds_lines_and_passes_check(tmp_path, export):
    profile = copy_default_profile(tmp_path)
    before = profile.read_text("utf-8")
    source = tmp_path / export
    shutil.copy(SCHOLAR / export, source)
    preview = process("import", "bibtex", str(source), str(profile))
    assert preview.code == 0 and preview.no_traceback, preview.out
    assert profile.read_text("utf-8") == before  # without --write: only the diff is printed
    assert re.search(r"^\+\s+- id: ", preview.out, re.MULTILINE), preview.out
    run = process("import", "bibtex", str(source), str(profile), "--write")
    assert run.code == 0 and run.no_traceback, run.out
    after = profile.read_text("utf-8")
    assert after != before and removed_lines(before, after) == []
    assert errors_of(profile) == []
    again = process("import", "bibtex", str(source), str(profile), "--write")
    assert again.code == 0 and profile.read_text("utf-8") == after  # a second import adds nothing


@pytest.mark.parametrize("export", ["scholar-4.bib", "scholar-5.bib"])
def test_import_into_a_profile_with_only_a_name(tmp_path, export):
    profile = tmp_path / "profile.yaml"
    profile.write_text("# my profile\nperson: {name: Ada Lovelace}  # me\n", "utf-8")
    run = process("import", "bibtex", str(SCHOLAR / export), str(profile), "--write")
    assert run.code == 0 and run.no_traceback, run.out
    after = profile.read_text("utf-8")
    assert after.startswith("# my profile\nperson: {name: Ada Lovelace}  # me\n")
    assert errors_of(profile) == []


def test_import_of_a_file_that_is_not_bibtex_is_a_clear_error(tmp_path):
    profile = copy_default_profile(tmp_path)
    before = profile.read_bytes()
    run = process("import", "bibtex", str(FIXTURES / "realworld" / "resume-1.json"), str(profile), "--write")
    assert run.code in (1, 2) and run.no_traceback and "resume-1.json" in run.out, run.out
    assert profile.read_bytes() == before


def test_import_jsonresume_of_invalid_json_names_the_position(tmp_path):
    profile = copy_default_profile(tmp_path)
    before = profile.read_bytes()
    run = process("import", "jsonresume", str(FIXTURES / "realworld" / "resume-2.json"), str(profile), "--write")
    assert run.code in (1, 2) and run.no_traceback, run.out
    assert re.search(r"resume-2\.json:\d+:\d+", run.out), run.out
    assert profile.read_bytes() == before


def test_benchmark_orcid_diff_of_300_works_needs_at_most_four_requests():
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "orcid.py")], capture_output=True, text=True,
                          cwd=ROOT, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    counts = [int(n) for n in re.findall(r"300-work record.*?: (\d+) requests", done.stdout)]
    assert len(counts) == 2 and max(counts) <= 4, done.stdout


def test_a_wrong_orcid_id_in_profilebot_yaml_is_a_clear_error(tmp_path, monkeypatch, capsys):
    profile = copy_default_profile(tmp_path, "orcid:\n  id: 0000-0002-1825-0098\n")
    monkeypatch.setenv("ORCID_API_URL", "http://127.0.0.1:9/v3.0")  # never reached
    run = cli(capsys, "diff", "--target", "orcid", str(profile))
    assert run.code == 1 and run.no_traceback and "0000-0002-1825-0098" in run.out, run.out


def test_an_unreachable_orcid_api_fails_cleanly_and_names_orcid_api_url(tmp_path, monkeypatch, capsys):
    from profilebot.targets import session
    from profilebot.clients.http import RetryPolicy

    monkeypatch.setattr(session, "POLICY", RetryPolicy(base_delay=0.01, write_interval=0))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setenv("ORCID_API_URL", f"http://127.0.0.1:{port}/v3.0")
    monkeypatch.delenv("ORCID_TOKEN", raising=False)
    profile = copy_default_profile(tmp_path, "orcid:\n  id: 0000-0002-1825-0097\n")
    for command in ("diff", "sync"):
        run = cli(capsys, command, "--target", "orcid", str(profile), *(["-o", str(tmp_path / "o")]
                                                                       if command == "sync" else []))
        assert run.code == 1 and run.no_traceback and "ORCID_API_URL" in run.out, run.out
    assert not (tmp_path / "o").exists()  # nothing written when the record could not be read
