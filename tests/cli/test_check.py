"""`profilebot check` and `profilebot rules` as a person and a CI job use them: formats, exit codes, config."""

from __future__ import annotations

import datetime
import json
import re
import shutil
from pathlib import Path

import pytest

from profilebot import cli
from profilebot import clock

ROOT = Path(__file__).resolve().parents[2]
DEFAULT = ROOT / "profile.yaml"
WASMREV = ("PB206", 237, 11)  # the seed's two titles of one paper: the default profile's one finding


@pytest.fixture(autouse=True)
def cv_date(monkeypatch):
    """Pin today to the CV's own time (its latest entry ends September 2024)."""
    monkeypatch.setattr(clock, "today", lambda: datetime.date(2024, 10, 1))
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)


@pytest.fixture
def profile(tmp_path) -> Path:
    """A copy of the default profile in its own folder, so a profilebot.yaml can sit beside it."""
    copy = tmp_path / "profile.yaml"
    shutil.copyfile(DEFAULT, copy)
    return copy


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def test_default_profile_passes_with_its_one_warning(capsys):
    code, out, _ = run(capsys, "check", str(DEFAULT))
    assert code == 0
    assert f"{DEFAULT}:237:11: warning PB206 project 'wasmrev'" in out
    assert "[project-title-mismatch]" in out and "    hint: " in out
    assert "1 warning found." in out


def test_clean_profile_says_so(tmp_path, capsys):
    clean = tmp_path / "profile.yaml"
    clean.write_text("person: {name: Ada Lovelace, email: ada@example.org}\n", "utf-8")
    code, out, _ = run(capsys, "check", str(clean))
    assert code == 0 and "no problems found" in out


def test_error_findings_exit_1(tmp_path, capsys):
    broken = tmp_path / "profile.yaml"
    broken.write_text("person:\n  name: Ada\n  profiles: {orcid: 0000-0002-1825-0098}\n", "utf-8")
    code, out, _ = run(capsys, "check", str(broken))
    assert code == 1
    assert f"{broken}:3:21: error PB101 the ORCID iD 0000-0002-1825-0098 has a wrong check digit." in out


def test_missing_file_exits_2_with_a_clear_message(tmp_path, capsys):
    code, out, err = run(capsys, "check", str(tmp_path / "nope.yaml"))
    assert code == 2 and out == ""
    assert f"{tmp_path / 'nope.yaml'}: no such file." in err and "hint:" in err


def test_a_folder_instead_of_a_file_exits_2(tmp_path, capsys):
    code, _, err = run(capsys, "check", str(tmp_path))
    assert code == 2 and "is a folder" in err


def test_json_format(capsys):
    code, out, _ = run(capsys, "check", "--format", "json", str(DEFAULT))
    findings = json.loads(out)
    assert code == 0 and isinstance(findings, list) and len(findings) == 1
    finding = findings[0]
    assert {"code", "severity", "message", "path", "line", "column"} <= set(finding)
    assert (finding["code"], finding["line"], finding["column"]) == WASMREV
    assert finding["severity"] == "warning" and finding["path"] == "projects[8].name"


def test_json_of_a_clean_profile_is_an_empty_list(tmp_path, capsys):
    clean = tmp_path / "profile.yaml"
    clean.write_text("person: {name: Ada Lovelace}\n", "utf-8")
    assert run(capsys, "check", "--format", "json", str(clean))[:2] == (0, "[]\n")


def test_github_format(capsys):
    code, out, _ = run(capsys, "check", "--format", "github", str(DEFAULT))
    assert code == 0
    line = out.strip()
    assert re.fullmatch(r"::warning file=[^,]+,line=237,col=11,title=PB206 project-title-mismatch::.+", line), line
    assert "%0A" in line  # the hint rides on a second line, escaped as the workflow-command syntax wants


def test_github_format_for_errors(tmp_path, capsys):
    broken = tmp_path / "profile.yaml"
    broken.write_text("person: {name: Ada, email: 'ada@example,org'}\n", "utf-8")
    code, out, err = run(capsys, "check", "--format", "github", str(broken))
    assert code == 1
    assert out.startswith(f"::error file={broken},line=1,col=28,title=PB102 email-syntax::")
    assert "1 failing finding" in err


def test_github_actions_makes_github_the_default(monkeypatch, capsys):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    _, out, _ = run(capsys, "check", str(DEFAULT))
    assert out.startswith("::warning file=")
    assert run(capsys, "check", "--format", "text", str(DEFAULT))[1].startswith(f"{DEFAULT}:237:11:")


def test_strict_turns_the_warning_into_a_failure(capsys):
    assert run(capsys, "check", "--strict", str(DEFAULT))[0] == 1


def test_config_switches_a_rule_off(profile, capsys):
    (profile.parent / "profilebot.yaml").write_text("rules:\n  PB206: off\n", "utf-8")
    code, out, _ = run(capsys, "check", "--strict", str(profile))
    assert code == 0 and "no problems found" in out


def test_config_raises_a_rule_to_error_by_name(profile, capsys):
    (profile.parent / "profilebot.yaml").write_text("rules:\n  project-title-mismatch: error\n", "utf-8")
    code, out, _ = run(capsys, "check", str(profile))
    assert code == 1 and ":237:11: error PB206" in out


@pytest.mark.parametrize(("config", "message"), [
    ("rules:\n  PB999: off\n", "no such rule 'PB999'"),
    ("rules:\n  PB206: loud\n", "rules.PB206 is 'loud'; expected one of error, warning, info, off"),
    ("rulez:\n  PB206: off\n", "profilebot.yaml:1:1: unknown section 'rulez'"),
    ("rules: [PB206\n", "YAML syntax error"),
])
def test_a_bad_config_is_a_clear_error(profile, capsys, config, message):
    (profile.parent / "profilebot.yaml").write_text(config, "utf-8")
    code, out, err = run(capsys, "check", str(profile))
    assert code == 1 and out == ""
    assert message in err and err.startswith("profilebot: error: ")


def test_rules_lists_every_rule(capsys):
    from profilebot.validate import rules

    code, out, _ = run(capsys, "rules")
    assert code == 0
    for rule in rules.RULES:
        assert re.search(rf"^{rule.CODE}\s+{rule.NAME}\s+{rule.SEVERITY}\s+\S", out, re.MULTILINE), rule.CODE


@pytest.mark.parametrize("name", ["PB101", "pb101", "orcid-checksum"])
def test_rules_explains_one_rule(capsys, name):
    code, out, _ = run(capsys, "rules", name)
    assert code == 0
    assert out.startswith("PB101 orcid-checksum (default severity: error)")
    assert "PASS:" in out and "FAIL:" in out and "0000-0002-1825-0098" in out


def test_unknown_rule_exits_2(capsys):
    code, out, err = run(capsys, "rules", "PB999")
    assert code == 2 and out == "" and "no such rule 'PB999'" in err


def test_unknown_format_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["check", "--format", "xml", str(DEFAULT)])
    assert exit_info.value.code == 2
