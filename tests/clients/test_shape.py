"""clients/shape.py: what a client reads out of an answer, checked in one place; the error names the field."""

from __future__ import annotations

import pytest

from profilebot.clients.shape import ANY, BOOLEAN, INTEGER, TEXT, ListOf, Object, Optional, checked
from profilebot.errors import TargetError

PULL = Object(number=INTEGER, head=Object(sha=TEXT), labels=Optional(ListOf(Object(name=TEXT))),
              draft=Optional(BOOLEAN))


def problem(value: object, shape=PULL) -> str:
    with pytest.raises(TargetError) as raised:
        checked("GitHub", "open the pull request", value, shape, "Check GITHUB_API_URL.")
    assert raised.value.hint == "Check GITHUB_API_URL."
    assert raised.value.service == "GitHub"  # as data too: a failed target's Outcome carries it (failure.service)
    message = raised.value.message
    assert message.startswith("GitHub's answer to 'open the pull request' is not in the documented shape: ")
    return message.split("shape: ", 1)[1]


def test_a_value_of_the_shape_is_returned_as_it_is_other_fields_unread():
    value = {"number": 7, "head": {"sha": "abc", "ref": "x"}, "labels": None, "title": 5}
    assert checked("GitHub", "x", value, PULL, "") is value
    assert checked("GitHub", "x", {"number": 1, "head": {"sha": ""}}, PULL, "") is not None  # optional ones missing


@pytest.mark.parametrize("value, said", [
    ([{"number": 1}], "the answer should be an object, not a list of 1"),
    ({"head": {"sha": "a"}}, "number is missing"),
    ({"number": "7", "head": {"sha": "a"}}, "number should be a whole number, not the text '7'"),
    ({"number": True, "head": {"sha": "a"}}, "number should be a whole number, not true/false"),
    ({"number": 7.5, "head": {"sha": "a"}}, "number should be a whole number, not the number 7.5"),
    ({"number": 7, "head": "abc"}, "head should be an object, not the text 'abc'"),
    ({"number": 7, "head": {"sha": None}}, "head.sha should be text, not null"),
    ({"number": 7, "head": {"sha": "a"}, "labels": [{"name": "x"}, {"name": 3}]},
     "labels[1].name should be text, not the number 3"),
    ({"number": 7, "head": {"sha": "a"}, "draft": "no"}, "draft should be true or false, not the text 'no'"),
])
def test_each_difference_is_named_by_its_field(value, said):
    assert problem(value).startswith(said + "; it was ")


def test_a_list_answer_names_the_item():
    assert problem([{"number": 1, "head": {"sha": "a"}}, {"number": "2"}], ListOf(PULL)).startswith(
        "[1].number should be a whole number")


def test_a_huge_answer_is_quoted_short():
    said = problem({"number": "x" * 1_000_000, "head": {}})
    assert len(said) < 250 and said.endswith("....") and "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'…" in said


def test_anything_is_anything():
    assert checked("GitHub", "x", None, ANY, "") is None
