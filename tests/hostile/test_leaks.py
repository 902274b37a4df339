"""No token and no private value in any output, however they are mangled on the way."""

from __future__ import annotations

from pathlib import Path

from profilebot import cli
from profilebot.redact import redact
from tests.paths import ROOT

TOKEN = "ghp_FirstHalfOfToken\nSecondHalfOfToken123"


def test_a_token_with_a_line_break_is_refused_and_never_printed(tmp_path: Path, monkeypatch, capsys):
    monkeypatch.setenv("GITHUB_TOKEN", TOKEN)
    monkeypatch.setenv("GITHUB_API_URL", "http://127.0.0.1:9/api/v3")
    for variable in ("PROFILEBOT_GITHUB_TOKEN", "GH_TOKEN", "PROFILEBOT_APP_ID"):
        monkeypatch.delenv(variable, raising=False)
    (tmp_path / "profile.yaml").write_bytes((ROOT / "profile.yaml").read_bytes())
    (tmp_path / "profilebot.yaml").write_text("site:\n  repo: octo/site\n", "utf-8")
    monkeypatch.chdir(tmp_path)
    code = cli.main(["diff", str(tmp_path / "profile.yaml")])
    out = capsys.readouterr()
    printed = out.out + out.err
    assert code != 0 and "line break" in printed
    assert "FirstHalfOfToken" not in printed and "SecondHalfOfToken" not in printed


def test_the_redactor_hides_escaped_and_split_forms(monkeypatch):
    monkeypatch.setenv("GITHUB_TOKEN", TOKEN)
    for shown in (repr(TOKEN), TOKEN.encode(), f"header {TOKEN.splitlines()[1]!r}", '{"t": "%s"}' % TOKEN.replace(
            "\n", "\\n")):
        assert "HalfOfToken" not in redact(str(shown)), shown


PRIVATE_NUMBER = "person:\n  name: Ada\n  phone:\n    value: 8582140677\n    visibility: private\n"


def test_a_private_phone_written_as_a_number_is_not_printed_in_findings_or_annotations(tmp_path: Path, capsys):
    profile = tmp_path / "profile.yaml"
    profile.write_text(PRIVATE_NUMBER, "utf-8")
    for output in ("text", "github", "json"):
        assert cli.main(["check", "--format", output, str(profile)]) == 1
        printed = "".join(capsys.readouterr())
        assert "PB001" in printed and "858" not in printed and "2140677" not in printed, output
