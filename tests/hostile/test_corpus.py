"""The hostile corpus: each file in tests/hostile/files/ (and a few generated too large to keep) fails or
passes `profilebot check` with exactly the findings and exit code its header names, as a clear finding —
never a traceback, never a private value printed. Prints how many cases ran and passed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from profilebot import cli
from tests.cli.test_broken_corpus import header

FILES = Path(__file__).resolve().parent / "files"
PRIVATE = "8582140677"


def generated(folder: Path) -> dict[str, tuple[Path, tuple[str, int], int]]:
    """Cases built at test time: (file, (code, line) of the one expected finding, exit code)."""
    person = "person:\n  name: Ada Lovelace\n"
    cases = {
        # A 200 kB string named by 20,000 aliases: about 4 GB to walk; refused at the 11th alias.
        "alias-string-bomb": (person + "  bio: &s " + "x" * 200_000 + "\ninterests:\n" + "  - *s\n" * 20_000,
                              ("PB003", 15), 1),
        # A 1,000-author list named by 1,500 papers: 1.5 million authors from 130 kB.
        "alias-author-list": (person + "shared: &team [" + ", ".join(f"Author Number{i}" for i in range(1000))
                              + "]\npublications:\n" + "".join(f"  - {{id: p{i}, authors: *team}}\n"
                                                               for i in range(1500)), ("PB003", None), 1),
    }
    made = {}
    for name, (text, expected, code) in cases.items():
        path = folder / f"{name}.yaml"
        path.write_text(text, "utf-8")
        made[name] = (path, expected, code)
    return made


def run_case(path: Path, expected: list[tuple[str, int, int]], exit_code: int, args: list[str], capsys) -> None:
    code = cli.main(["check", "--format", "json", *args, str(path)])
    out, err = capsys.readouterr()
    assert code == exit_code, (out, err)
    assert "Traceback" not in out + err and "internal error" not in err and PRIVATE not in out + err
    findings = json.loads(out) if out.strip() else []
    assert sorted((f["code"], f["line"], f["column"]) for f in findings) == expected, findings


def test_every_hostile_case_ends_as_its_header_says(tmp_path: Path, capsys) -> None:
    passed, failures = 0, []
    files = sorted(FILES.glob("*.yaml"))
    made = generated(tmp_path)
    for path in files:
        expected, exit_code, args = header(path)
        try:
            run_case(path, expected, exit_code, args, capsys)
            passed += 1
        except AssertionError as error:
            failures.append(f"{path.name}: {error}")
    for name, (path, (code, line), exit_code) in made.items():
        assert cli.main(["check", "--format", "json", str(path)]) == exit_code
        findings = json.loads(capsys.readouterr().out)
        if [f["code"] for f in findings] == [code] and (line is None or findings[0]["line"] == line):
            passed += 1
        else:
            failures.append(f"{name}: {findings}")
    total = len(files) + len(made)
    print(f"\nhostile corpus: {total} cases, {passed} passed")
    assert not failures, "\n".join(failures)
    assert total >= 15


@pytest.mark.parametrize("path", sorted(FILES.glob("*.yaml")), ids=lambda p: p.stem)
def test_each_file_has_a_header(path: Path) -> None:
    expected, exit_code, _args = header(path)
    assert exit_code in (0, 1, 2) and (expected or exit_code == 0)
