"""`check --fix`: every fixable rule's fix made in place, every other byte kept (comments, quotes, CRLF, BOM),
a second run changes nothing, and `--diff` writes nothing."""

from __future__ import annotations

import codecs

import pytest

from profilebot import cli
from profilebot.validate import rules

# A profile written the way people write them: comments after values, both quote styles, flow lists.
BEFORE = """\
# My profile. Comments stay where they are.
person:
  name: André Calero Valdez   # as on my passport
  website: {website}
  profiles:
    github: 'sumidu'
    twitter: {twitter}
    mastodon: "@sumidu@hci.social"   # Mastodon is written with the @
publications:
  # newest first
  - id: trust
    type: journal-article
    status: published
    title: {title}
    authors: [{author}, "M. Ziefle"]
    date: 2020
    doi: {doi}   # from the publisher's page
    arxiv: {arxiv}
"""
GOOD = {"website": "https://acv.example.org", "twitter": "sumidu", "title": "'Trust in automation'",
        "author": '"A. Calero Valdez"', "doi": "10.1145/3313831", "arxiv": "'2401.01234'"}

# rule code → (field, value with the problem, the same line after --fix, other lines --fix adds)
CASES = {
    "PB103": ("twitter", '"@sumidu"', '"sumidu"', ""),
    "PB202": ("doi", "https://doi.org/10.1145/3313831", "10.1145/3313831", ""),
    "PB203": ("arxiv", '"arXiv:2401.01234"', '"2401.01234"', ""),
    # Family name first without a comma; a compound family name alone ("Calero Valdez, A.") is already the owner.
    "PB207": ("author", '"Calero Valdez André"', '"Calero Valdez André"', '  name_variants: ["Calero Valdez André"]\n'),
    "PB212": ("title", "'Trust  in automation '", "'Trust in automation'", ""),
    "PB402": ("website", "http://acv.example.org", "https://acv.example.org", ""),
}
NFD_TITLE = "'Vertrauen in Fahrzeuge mit Fahrerassistenz u\u0308ber alles'"


def text(**values: str) -> str:
    return BEFORE.format(**{**GOOD, **values})


def expected_after(code: str) -> str:
    field, _bad, fixed, added = CASES[code]
    result = text(**{field: fixed})
    if added:
        head, _, tail = result.partition("  website:")
        return head + added + "  website:" + tail
    return result


def encode(value: str, newline: str, bom: bool) -> bytes:
    return (codecs.BOM_UTF8 if bom else b"") + value.replace("\n", newline).encode("utf-8")


def test_every_fixable_rule_has_a_case():
    assert {rule.CODE for rule in rules.RULES if rule.FIXABLE} == set(CASES)
    assert all(hasattr(rule, "fix") for rule in rules.RULES if rule.FIXABLE)


def test_the_good_profile_has_nothing_to_fix(tmp_path, capsys):
    profile = tmp_path / "profile.yaml"
    profile.write_text(text(), "utf-8")
    assert cli.main(["check", "--fix", "--strict", str(profile)]) == 0
    assert "nothing to fix" in capsys.readouterr().out


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
@pytest.mark.parametrize("bom", [False, True], ids=["", "bom"])
@pytest.mark.parametrize("code", sorted(CASES))
def test_a_fix_changes_only_its_value_and_a_rerun_changes_nothing(tmp_path, capsys, code, newline, bom):
    field, bad, _fixed, _added = CASES[code]
    profile = tmp_path / "profile.yaml"
    profile.write_bytes(encode(text(**{field: bad}), newline, bom))
    assert cli.main(["check", str(profile)]) in (0, 1)
    assert f" {code} " in capsys.readouterr().out  # the rule fires before

    assert cli.main(["check", "--fix", "--strict", str(profile)]) == 0
    out = capsys.readouterr().out
    assert f": fixed {code} " in out and "no problems found" in out
    assert profile.read_bytes() == encode(expected_after(code), newline, bom)

    assert cli.main(["check", "--fix", "--strict", str(profile)]) == 0
    assert "nothing to fix" in capsys.readouterr().out
    assert profile.read_bytes() == encode(expected_after(code), newline, bom)


def test_decomposed_letters_in_a_title_are_composed(tmp_path, capsys):
    profile = tmp_path / "profile.yaml"
    profile.write_text(text(title=NFD_TITLE), "utf-8")
    assert cli.main(["check", "--fix", "--strict", str(profile)]) == 0
    assert "fixed PB212" in capsys.readouterr().out
    assert profile.read_text("utf-8") == text(title="'Vertrauen in Fahrzeuge mit Fahrerassistenz \u00fcber alles'")


def test_all_fixes_at_once_and_diff_writes_nothing(tmp_path, capsys):
    profile = tmp_path / "profile.yaml"
    broken = {field: bad for field, bad, _fixed, _added in CASES.values()}
    original = encode(text(**broken), "\r\n", True)
    profile.write_bytes(original)

    assert cli.main(["check", "--diff", str(profile)]) == 1  # the errors are still there
    out = capsys.readouterr().out
    assert profile.read_bytes() == original
    assert "--- a/" in out and "-    doi: https://doi.org/10.1145/3313831   # from the publisher's page" in out
    assert "+    doi: 10.1145/3313831   # from the publisher's page" in out
    assert all(f"would fix {code} " in out for code in CASES) and "nothing written" in out

    assert cli.main(["check", "--fix", "--strict", str(profile)]) == 0
    out = capsys.readouterr().out
    assert all(f"fixed {code} " in out for code in CASES) and "6 fixes written" in out
    fixed = {field: after for field, _bad, after, _added in CASES.values()}
    head, _, tail = text(**fixed).partition("  website:")
    assert profile.read_bytes() == encode(head + CASES["PB207"][3] + "  website:" + tail, "\r\n", True)


def test_a_rule_switched_off_is_not_fixed(tmp_path, capsys):
    profile = tmp_path / "profile.yaml"
    (tmp_path / "profilebot.yaml").write_text("rules:\n  insecure-url: off\n", "utf-8")
    profile.write_text(text(website="http://acv.example.org"), "utf-8")
    assert cli.main(["check", "--fix", str(profile)]) == 0
    assert profile.read_text("utf-8") == text(website="http://acv.example.org")


def test_what_is_left_decides_the_exit_code(tmp_path, capsys):
    profile = tmp_path / "profile.yaml"
    profile.write_text(text(doi="https://doi.org/10.1145/3313831", arxiv="'2413.01234'"), "utf-8")
    assert cli.main(["check", "--fix", str(profile)]) == 1
    out = capsys.readouterr().out
    assert "fixed PB202" in out and "error PB203" in out and "PB202 the DOI" not in out


def test_an_unloadable_profile_is_reported_not_fixed(tmp_path, capsys):
    profile = tmp_path / "profile.yaml"
    profile.write_text("person: [\n", "utf-8")
    assert cli.main(["check", "--fix", str(profile)]) == 1
    assert profile.read_text("utf-8") == "person: [\n"
    assert "PB000" in capsys.readouterr().out


def test_rules_marks_the_fixable_rules(capsys):
    assert cli.main(["rules"]) == 0
    out = capsys.readouterr().out
    for rule in rules.RULES:
        line = next(line for line in out.splitlines() if line.startswith(rule.CODE + " "))
        assert ("fixable" in line.split()) == rule.FIXABLE, line
    assert cli.main(["rules", "PB202"]) == 0
    assert "`check --fix` fixes it" in capsys.readouterr().out


def test_with_json_output_the_fixes_are_reported_on_stderr(tmp_path, capsys):
    import json

    profile = tmp_path / "profile.yaml"
    profile.write_text(text(website="http://acv.example.org"), "utf-8")
    assert cli.main(["check", "--fix", "--format", "json", str(profile)]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out) is not None  # stdout is the JSON document alone
    assert "fixed PB402" in captured.err
