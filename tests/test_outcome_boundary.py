"""Outcome is data and report/ renders it (issue 21, side door 1), checked mechanically like test_architecture.py.

Three doors stay shut: a run's Outcome carries facts and one drift value, never words; nothing outside report/
asks which shape a drift has; and no command or target writes an outcome's words itself.
"""

from __future__ import annotations

import ast
import dataclasses
import functools
import typing
from pathlib import Path

import pytest

from profilebot.diff import outcome as outcome_module
from profilebot.diff.outcome import Failure, Outcome, Proposed

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "profilebot"
REPORT = PACKAGE / "report"
# The drift shapes a target reports, by the modules that define them: every class there (Plan, WorksPlan, both
# Drifts, Review…) and any alias of them (TargetDrift). A new shape in these modules is covered without an edit.
DRIFT_MODULES = ("diff/plan.py", "diff/works.py", "diff/openalex.py", "diff/review.py", "diff/outcome.py")
# Facts an Outcome may hold as text: a name, an address, a branch, the settings section to add.
NOT_WORDS = {"target", "url", "branch", "setup"}


@functools.cache
def drift_shapes() -> frozenset[str]:
    names = set()
    for module in DRIFT_MODULES:
        tree = ast.parse((PACKAGE / module).read_text("utf-8"))
        names |= {node.name for node in tree.body if isinstance(node, ast.ClassDef)}
        names |= {node.target.id for node in tree.body if isinstance(node, ast.AnnAssign)
                  and isinstance(node.target, ast.Name) and "TypeAlias" in ast.unparse(node.annotation)}
    return frozenset(names) - {"Status", "Failure", "Proposed", "Outcome", "Written", "FileChange", "Desired", "Ownership"}


def _named(node: ast.AST) -> set[str]:
    """The class names a type test names: `Plan`, `diff.plan.Plan`, `(Plan, WorksPlan)`."""
    if isinstance(node, ast.Tuple):
        return set().union(*(_named(element) for element in node.elts))
    if isinstance(node, ast.BinOp):  # isinstance(x, Plan | WorksPlan)
        return _named(node.left) | _named(node.right)
    if isinstance(node, ast.Attribute):
        return {node.attr}
    return {node.id} if isinstance(node, ast.Name) else set()


def shape_tests(source: str, shapes: frozenset[str]) -> list[str]:
    """Every place the code asks which drift shape a value has: isinstance, `type(x) is`, a `case Plan(…)`."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "isinstance" \
                and len(node.args) == 2 and _named(node.args[1]) & shapes:
            found.append(f"{node.lineno}: {ast.unparse(node)}")
        elif isinstance(node, ast.Compare) and isinstance(node.left, ast.Call) \
                and isinstance(node.left.func, ast.Name) and node.left.func.id == "type" \
                and any(_named(c) & shapes for c in node.comparators):
            found.append(f"{node.lineno}: {ast.unparse(node)}")
        elif isinstance(node, ast.MatchClass) and _named(node.cls) & shapes:
            found.append(f"{node.lineno}: case {ast.unparse(node.cls)}(…)")
    return found


def outside_report() -> list[Path]:
    return sorted(path for path in PACKAGE.rglob("*.py") if not path.is_relative_to(REPORT))


def test_the_drift_shapes_are_found():
    assert {"Plan", "WorksPlan", "Drift", "Review", "TargetDrift"} <= drift_shapes()


@pytest.mark.parametrize("path", outside_report(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_code_outside_report_asks_which_shape_a_drift_has(path):
    found = shape_tests(path.read_text("utf-8"), drift_shapes())
    assert not found, (f"{path.relative_to(PACKAGE)} tests a drift's shape ({'; '.join(found)}): what differs between "
                       "a Plan and a WorksPlan is how they are shown, so that belongs in report/ (report/outcome.py)")


def test_the_shape_scan_sees_every_form_of_type_test():
    code = ("isinstance(d, Plan)\nisinstance(d, (str, works.WorksPlan))\nisinstance(d, Plan | None)\n"
            "type(d) is Review\nmatch d:\n    case openalex.Drift(): pass\nisinstance(d, Path)\n")
    assert len(shape_tests(code, drift_shapes())) == 5


def test_outcome_has_no_text_field_and_one_drift_value():
    hints = typing.get_type_hints(Outcome, vars(outcome_module))
    text = {name for name, kind in hints.items() if str in typing.get_args(kind) or kind is str}
    assert text == NOT_WORDS, f"Outcome holds text {sorted(text - NOT_WORDS)}: keep facts, word them in report/"
    shaped = [name for name, kind in hints.items()
              if {getattr(arg, "__name__", "") for arg in typing.get_args(kind)} & drift_shapes()
              or getattr(kind, "__name__", "") in drift_shapes()]
    assert shaped == ["drift"], f"Outcome carries its drift in {shaped}: one value, whichever its shape"
    # What an Outcome's parts hold is data too: the failure's error words are the error's own, not a view of them.
    assert {f.name for f in dataclasses.fields(Failure)} == {"what", "hint", "service"}
    assert all(f.type == "str" for f in dataclasses.fields(Proposed))  # names, a SHA and the label: no sentence


COMMANDS_AND_TARGETS = sorted([*(PACKAGE / "commands").glob("*.py"), *(PACKAGE / "targets").glob("*.py")])


def words_from_outcomes(source: str) -> list[str]:
    """f-string parts that print an outcome's field (`{outcome.status}`, `{self.outcome.target}`) instead of a
    view of report/outcome.py."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FormattedValue) and isinstance(node.value, ast.Attribute):
            chain = ast.unparse(node.value).split(".")
            if "outcome" in chain[:-1]:
                found.append(f"{node.lineno}: {{{ast.unparse(node.value)}}}")
    return found


@pytest.mark.parametrize("path", COMMANDS_AND_TARGETS, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_commands_and_targets_only_choose_a_view(path):
    found = words_from_outcomes(path.read_text("utf-8"))
    assert not found, f"{path.relative_to(PACKAGE)} words an outcome itself ({'; '.join(found)}); use report/outcome.py"


def test_the_words_scan_sees_an_outcome_printed_by_hand():
    code = 'print(f"lab-site: {outcome.status}: {said(outcome)}")\nf"{self.outcome.target}: {x}"\nf"{outcome}"\n'
    assert len(words_from_outcomes(code)) == 2
