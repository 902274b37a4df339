"""Every profile in tests/fixtures/broken/ fails `profilebot check` with exactly the findings its header names.

Each file starts with comment lines: `# expect: CODE LINE:COL` (one per expected finding, all of
them), `# exit: N`, and optionally `# args: --strict`. The test runs the command in-process through
profilebot.cli.main for every file, and as a real `python -m profilebot` process for a sample, and
checks the exact codes and positions, the exit code, and that no traceback reaches the user.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from profilebot import cli
from profilebot import clock

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "fixtures" / "broken"
FILES = sorted(CORPUS.glob("*.yaml"))
SUBPROCESS_SAMPLE = ("syntax-unclosed-flow.yaml", "hostile-alias-bomb.yaml", "hostile-deep-nesting.yaml",
                     "hostile-python-object-tag.yaml", "non-utf8-bytes.yaml", "unknown-key-titel.yaml",
                     "lint-orcid-checksum.yaml", "lint-project-title-mismatch.yaml", "valid-bom-crlf.yaml")


def header(path: Path) -> tuple[list[tuple[str, int, int]], int, list[str]]:
    """(expected findings, expected exit code, extra arguments) from the file's leading comments."""
    expected, exit_code, args = [], None, []
    for raw in path.read_bytes().lstrip(b"\xef\xbb\xbf").splitlines():
        line = raw.decode("utf-8", "replace").strip()
        if not line.startswith("#"):
            break
        if match := re.fullmatch(r"# expect: (PB\d{3}) (\d+):(\d+)", line):
            expected.append((match.group(1), int(match.group(2)), int(match.group(3))))
        elif match := re.fullmatch(r"# exit: (\d)", line):
            exit_code = int(match.group(1))
        elif line.startswith("# args: "):
            args = line[len("# args: "):].split()
    assert exit_code is not None, f"{path.name} has no '# exit:' line"
    return sorted(expected), exit_code, args


def test_the_corpus_is_large_and_covers_every_lint_rule():
    from profilebot.validate import rules

    assert len(FILES) >= 40
    codes = {code for path in FILES for code, _, _ in header(path)[0]}
    assert {rule.CODE for rule in rules.LINT_RULES} <= codes
    assert {"PB000", "PB001", "PB002", "PB003", "PB004"} <= codes


def _positions_from_text(output: str) -> list[tuple[str, int, int]]:
    """Findings as text (`file:L:C: severity CODE …`) or as a refusal (`error: file:L:C: CODE …`)."""
    return sorted((code, int(line), int(column)) for line, column, code in
                  re.findall(r":(\d+):(\d+): (?:error |warning |info )?(PB\d{3})\b", output))


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_in_process(path, capsys):
    expected, exit_code, args = header(path)
    code = cli.main(["check", "--format", "json", *args, str(path)])
    out, err = capsys.readouterr()
    assert code == exit_code, (out, err)
    assert "Traceback" not in out + err
    if exit_code == 2 and not out.strip():  # input that cannot be read at all: one refusal on stderr
        assert _positions_from_text(err) == expected, err
        return
    findings = json.loads(out) if out.strip() else []
    assert sorted((f["code"], f["line"], f["column"]) for f in findings) == expected, findings
    for finding in findings:
        assert finding["message"] and finding["hint"], finding


@pytest.mark.parametrize("name", SUBPROCESS_SAMPLE)
def test_as_a_real_process(name):
    path = CORPUS / name
    expected, exit_code, args = header(path)
    completed = subprocess.run([sys.executable, "-m", "profilebot", "check", *args, str(path)], capture_output=True,
                               text=True, timeout=60, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    assert completed.returncode == exit_code, completed
    assert "Traceback" not in completed.stdout + completed.stderr
    assert _positions_from_text(completed.stdout + completed.stderr) == expected, completed


def test_the_typo_hint_suggests_the_right_key(capsys):
    cli.main(["check", "--format", "json", str(CORPUS / "unknown-key-titel.yaml")])
    finding = next(f for f in json.loads(capsys.readouterr().out) if f["code"] == "PB004")
    assert finding["hint"] == "Did you mean 'title'?"


def test_a_file_over_ten_megabytes_is_refused_without_reading_it(tmp_path, capsys):
    big = tmp_path / "profile.yaml"
    with big.open("w") as stream:
        stream.write("person: {name: Ada Lovelace}\ninterests:\n")
        line = "  - " + "x" * 95 + "\n"
        stream.write(line * (10 * 1024 * 1024 // len(line) + 1))
    assert big.stat().st_size > 10 * 1024 * 1024
    assert cli.main(["check", str(big)]) == 2
    err = capsys.readouterr().err
    assert "the limit is 10,485,760" in err and "Traceback" not in err


def test_clock_is_not_needed_to_pass_the_corpus(monkeypatch, capsys):
    """The date rules' corpus files use dates far from any plausible today; pinning it changes nothing."""
    import datetime

    monkeypatch.setattr(clock, "today", lambda: datetime.date(2030, 1, 1))
    for name in ("lint-expected-date-past.yaml", "lint-future-date.yaml"):
        expected, exit_code, args = header(CORPUS / name)
        assert cli.main(["check", "--format", "json", *args, str(CORPUS / name)]) == exit_code
        found = sorted((f["code"], f["line"], f["column"]) for f in json.loads(capsys.readouterr().out))
        assert found == expected
