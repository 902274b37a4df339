"""Citation counts: the h-index, refreshing without churn, and citations.yaml read back with positions."""

from __future__ import annotations

import pytest

from profilebot.errors import UsageError
from profilebot.load import citations as citations_file
from profilebot.model.citations import NONE, Citation, Citations, h_index, refreshed
from profilebot.render.citations_file import render


@pytest.mark.parametrize("counts, h", [([], 0), ([0, 0], 0), ([31, 25, 19, 15, 12, 9, 7, 6, 4, 2, 1], 7),
                                       ([3, 3, 3], 3), ([100], 1)])
def test_h_index(counts, h):
    assert h_index(counts) == h


def test_an_unchanged_count_keeps_its_date_and_a_changed_one_gets_today():
    old = refreshed(NONE, {"a": (5, "W1"), "b": (2, "W2"), "gone": (1, "W3")}, "OpenAlex", "2026-11-01")
    new = refreshed(old, {"a": (5, "W1"), "b": (3, "W2")}, "OpenAlex", "2026-12-01")
    assert new.works == {"a": Citation(5, "OpenAlex", "2026-11-01", "W1"), "b": Citation(3, "OpenAlex", "2026-12-01", "W2")}
    assert render(refreshed(new, {"a": (5, "W1"), "b": (3, "W2")}, "OpenAlex", "2026-12-02")) == render(new)


def test_the_file_round_trips_and_labels_carry_source_and_date():
    counts = refreshed(NONE, {"chen2024learning": (31, "W4402914001"), "fu2023triple": (10, None)}, "OpenAlex",
                       "2026-12-01")
    assert citations_file.parse(render(counts)) == counts
    assert counts.of("chen2024learning").label() == "cited by 31 · OpenAlex, 2026-12-01"
    assert (counts.h_index, counts.provenance()) == (2, "OpenAlex, 2026-12-01")
    assert citations_file.parse(render(Citations({}))) == NONE


@pytest.mark.parametrize("text, where, says", [
    ("works:\n  a: {cited_by: 3, source: OpenAlex}\n", "citations.yaml:2:6", "needs its source and the date"),
    ("works:\n  a: {cited_by: -1, source: OpenAlex, date: 2026-12-01}\n", "citations.yaml:2:6", "whole number"),
    ("works:\n  a: {cited_by: 3, source: OpenAlex, date: 2026-12-01, cites: 4}\n", "citations.yaml:2:", "unknown key"),
    ("- 1\n", "citations.yaml:1:1", "expected a mapping"),
])
def test_a_broken_file_is_an_error_with_its_position(text, where, says):
    with pytest.raises(UsageError) as raised:
        citations_file.parse(text)
    assert raised.value.message.startswith(where) and says in raised.value.message
