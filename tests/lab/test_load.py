"""lab.yaml: its JSON Schema through the profile's loader, every finding with file:line:col and a hint."""

from __future__ import annotations

import json

import jsonschema
import pytest

from profilebot.lab import load
from profilebot.lab.model import Member
from profilebot.model.dates import PartialDate
from tests.lab.support import LAB
from tests.paths import ROOT


def test_the_example_lab_loads_with_every_member():
    checked = load.check(LAB)
    assert checked.findings == () and checked.lab is not None
    lab = checked.lab
    assert lab.name == "Systems & Learning Lab" and [m.id for m in lab.members] == ["ada", "bob", "cy"]
    assert lab.member("cy") == Member("cy", "PhD student", (2016, 9), (2021, 6), "people/cy.yaml",
                                      alumni_role="PhD 2021, now at ETH")


@pytest.mark.parametrize("text, where, words", [
    ("lab: {name: L, colour: red}\nmembers: [{id: a, profile: a.yaml, role: R, from: 2020-01}]\n",
     "lab.yaml:1:16", "unknown key 'colour'"),
    ("lab: {name: L}\nmembers:\n  - {id: a, role: R, from: 2020-01}\n", "lab.yaml:3:5", "not in the expected form"),
    ("lab: {name: L}\nmembers:\n  - {id: a, profile: a.yaml, repo: o/r, role: R, from: 2020-01}\n",
     "lab.yaml:3:5", "not in the expected form"),
    ("lab: {name: L}\nmembers:\n  - {id: a, profile: a.yaml, role: R, from: 2020-13}\n", "lab.yaml:3:45",
     "members[0].from"),
    ("lab: {name: L}\nmembers:\n  - {id: a, profile: a.yaml, role: R, from: 2020-05, until: 2019-01}\n",
     "lab.yaml:3:61", "leaves in 2019-01, before joining in 2020-05"),
    ("lab: {name: L}\nmembers:\n  - {id: a, profile: a.yaml, role: R, from: 2020-05}\n"
     "  - {id: a, profile: b.yaml, role: R, from: 2020-05}\n", "lab.yaml:4:10", "the id 'a' of members[0]"),
    ("lab: {name: L}\nmembers: []\n", "lab.yaml:2:10", "must not be empty"),
    ("lab: {name: L, site: {template: hugoblox}}\nmembers: [{id: a, profile: a.yaml, role: R, from: 2020-01}]\n",
     "lab.yaml:1:33", "expected one of: static, academicpages, al-folio, hugo-blox"),
    ("lab: [\n", "lab.yaml:", "YAML"),
])
def test_a_broken_lab_file_gets_one_finding_with_its_position_and_a_hint(text, where, words):
    findings = load.check(text, "lab.yaml").findings
    assert findings, text
    first = findings[0]
    assert first.location.startswith(where) and words in first.message, (first.location, first.message)
    assert first.hint or first.code == "PB000"


def test_the_schema_is_valid_draft_2020_12_and_its_examples_pass():
    schema = json.loads((ROOT / "schema" / "lab.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    member = schema["$defs"]["member"]
    for example in member["examples"]:
        jsonschema.validate({"lab": {"name": "L"}, "members": [example]}, schema)


@pytest.mark.parametrize("date, inside", [
    ("2020-08", False),  # the month before joining
    ("2020-09", True),   # the month of joining
    ("2021-06", True),   # the month of leaving
    ("2021-07", False),  # the month after leaving
    ("2020", True),      # a year known only: it overlaps the window
    ("2019", False),
    ("2022", False),
    ("2021-06-30", True),
])
def test_tenure_window_has_month_precision_at_both_ends(date, inside):
    member = Member("x", "R", (2020, 9), (2021, 6), "x.yaml")
    assert member.covers(PartialDate.parse(date)) is inside
    assert member.covers(None) is False


def test_a_current_member_has_no_end():
    member = Member("x", "R", (2020, 9), None, "x.yaml")
    assert member.covers(PartialDate.parse("2099-12")) and member.current and member.years() == "2020\u2013"
