"""Every case of the hostile command matrix (tests/hostile/cases.py) ends as the table says: its exit code,
the words of its one clear error (or of its right output), no internal error and no traceback; an import that
writes leaves a profile `check` passes (issue 21, "Hostile input and faults")."""

from __future__ import annotations

from pathlib import Path

import pytest

from profilebot import cli
from tests.hostile.cases import CASES, INTERNAL, Case


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_each_hostile_command_ends_as_the_matrix_says(case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    for name, value in case.env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.chdir(tmp_path)
    args = case.make(tmp_path)
    code = cli.main(args)
    captured = capsys.readouterr()
    printed = captured.out + captured.err
    assert code == case.exit_code, printed[-2000:]
    for text in case.expected(tmp_path):
        assert text in printed, printed[-2000:]
    for text in (*INTERNAL, *case.never):
        assert text not in printed, printed[-2000:]
    if code != 0:  # one clear error: its first line says where and what, and is short enough to read
        first = next(line for line in printed.splitlines() if "error" in line)
        assert len(first) < 400
    if case.then is not None:
        assert cli.main(case.then(tmp_path)) == 0, capsys.readouterr()
