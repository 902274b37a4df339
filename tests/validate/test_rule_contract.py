"""A new lint rule is one module and its name in the RULES tuple of validate/rules/__init__.py (plus its table
test): `check` reports it at its position, `profilebot rules` explains it and profilebot.yaml takes its level."""

from __future__ import annotations

import pytest

from profilebot import config
from profilebot.cli import main
from profilebot.validate import rules
from profilebot.validate.pipeline import check
from tests.validate import sample_rule
from tests.validate.test_registry import examples


@pytest.fixture
def registered(monkeypatch):
    monkeypatch.setattr(rules, "RULES", (*rules.RULES, sample_rule))  # its name in the tuple
    # What validate/rules/__init__.py derives from RULES when it is imported:
    monkeypatch.setattr(rules, "LINT_RULES", (*rules.LINT_RULES, sample_rule))


def test_a_new_rule_is_one_module_and_its_name_in_the_tuple(registered, tmp_path, capsys):
    failing = check(examples(sample_rule)["FAIL"])
    assert [(f.code, f.line, f.column) for f in failing.findings] == [("PB998", 7, 12)]
    assert not check(examples(sample_rule)["PASS"]).findings
    assert main(["rules", "sample-exclaimed-title"]) == 0
    assert "PB998" in capsys.readouterr().out
    assert config.parse("rules:\n  PB998: off\n").rules == {"PB998": "off"}
