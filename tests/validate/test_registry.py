"""The rule registry: unique codes and names, documentation with PASS/FAIL examples that behave as claimed."""

from __future__ import annotations

import datetime

import re
import textwrap
from pathlib import Path

import pytest

from profilebot.validate import rules
from profilebot.validate.pipeline import check

TESTS = Path(__file__).resolve().parent


def examples(rule) -> dict[str, str]:
    """The PASS and FAIL example profiles of a rule's docstring (indented blocks after 'PASS:'/'FAIL:')."""
    found = {}
    for label, block in re.findall(r"^(PASS|FAIL):\n((?:(?: {4}.*)?\n)+)", rule.__doc__ or "", re.MULTILINE):
        found[label] = textwrap.dedent(block)
    return found


def test_codes_and_names_are_unique_and_well_formed():
    codes = [r.CODE for r in rules.RULES]
    names = [r.NAME for r in rules.RULES]
    assert len(set(codes)) == len(codes)
    assert len(set(names)) == len(names)
    for rule in rules.RULES:
        assert re.fullmatch(r"PB\d{3}", rule.CODE)
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule.NAME)
        assert rule.SEVERITY in ("error", "warning", "info")
        assert rule.NAME.replace("-", "_") in rule.__name__ or rule.CODE in ("PB001",), rule.__name__


def test_there_are_at_least_twenty_lint_rules():
    assert len(rules.LINT_RULES) >= 20


@pytest.mark.parametrize("rule", rules.RULES, ids=lambda r: r.CODE)
def test_documentation_has_pass_and_fail_examples(rule):
    found = examples(rule)
    assert set(found) == {"PASS", "FAIL"}, f"{rule.CODE} needs a PASS and a FAIL example"


EXAMPLES_TODAY = datetime.date(2025, 6, 15)


@pytest.mark.parametrize("rule", rules.RULES, ids=lambda r: r.CODE)
def test_fail_example_reports_the_rule_and_pass_example_does_not(rule):
    found = examples(rule)
    # No file is beside these examples: a rule about local files sees none. The day is given, as commands do.
    failing = check(found["FAIL"], exists=lambda _path: False, today=EXAMPLES_TODAY)
    assert rule.CODE in {f.code for f in failing.findings}, failing.findings
    passing = check(found["PASS"], exists=lambda _path: False, today=EXAMPLES_TODAY)
    assert rule.CODE not in {f.code for f in passing.findings}, passing.findings
    assert not passing.errors(), passing.findings


@pytest.mark.parametrize("rule", rules.LINT_RULES, ids=lambda r: r.CODE)
def test_every_lint_rule_has_a_table_test(rule):
    module = rule.__name__.rsplit(".", 1)[1]
    assert (TESTS / "rules" / f"test_{module}.py").is_file(), f"tests/validate/rules/test_{module}.py is missing"


def test_get_by_code_and_name_and_unknown():
    assert rules.get("pb101").NAME == "orcid-checksum"
    assert rules.get("orcid-checksum").CODE == "PB101"
    with pytest.raises(rules.UnknownRule, match="PB999"):
        rules.get("PB999")
