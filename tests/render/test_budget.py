"""render/budget.py: a profile whose outputs would pass the build's limit is refused from its data as loaded,
before the schema, the rules or any output spend time on it (issue 21: 700 papers × 1,000 authors checked for
27 s and built for 146 s / 5.0 GB before a refusal), and the estimate never overstates a real build."""

from __future__ import annotations

import time

import pytest

from profilebot.config import Settings
from profilebot.load import yaml_document
from profilebot.render import budget, outputs
from profilebot.validate.pipeline import check
from tests.paths import DEFAULT_PROFILE


def collaboration(papers: int, authors: int) -> str:
    """A physics collaboration's profile: every paper lists the whole author list."""
    lines = ["person:\n  name: Ada Lovelace\npublications:\n"]
    for p in range(papers):
        names = ", ".join(["Ada Lovelace"] + [f"G{i} F{p}x{i}" for i in range(authors - 1)])
        lines.append(f"  - {{id: p{p}, type: journal-article, status: published, title: Paper {p} on a topic, "
                     f"date: 2020, venue: {{name: Physical Review Letters}}, authors: [{names}]}}\n")
    return "".join(lines)


@pytest.mark.parametrize("text", [DEFAULT_PROFILE.read_text("utf-8"), collaboration(8, 400)],
                         ids=["default", "8x400"])
def test_the_estimate_stays_under_what_a_build_writes(text: str) -> None:
    written = sum(len(a.data) for a in outputs.render_all(check(text).profile, Settings())
                  if not a.path.endswith(".pdf"))
    estimated = budget.estimate(yaml_document.parse(text).data)
    assert estimated <= written < 2.5 * estimated


def test_700_papers_by_1000_authors_are_refused_before_any_work_naming_the_largest_entry() -> None:
    text = collaboration(700, 1000)
    started = time.process_time()
    checked = check(text, "p.yaml")
    seconds = time.process_time() - started
    (finding,) = checked.findings
    assert checked.profile is None and finding.code == "PB003"
    section, index = finding.path  # one of the largest entries, at its own line
    assert section == "publications" and finding.location == f"p.yaml:{4 + index}:5"
    assert "would come to at least" in finding.message
    assert f"publications[{index}] 'p{index}' (1,000 authors)" in finding.message
    assert "Shorten the longest author lists" in finding.hint
    # The YAML parse is the whole cost (8 s before the change, on an idle machine 27 s was the check alone).
    parse_started = time.process_time()
    yaml_document.parse(text)
    assert seconds < 2 * (time.process_time() - parse_started) + 1


def test_a_profile_under_the_limit_is_not_touched() -> None:
    assert budget.oversize(yaml_document.parse(DEFAULT_PROFILE.read_text("utf-8")).data) is None
    assert budget.oversize({"publications": "not a list"}, limit=0) is not None  # shape is the schema's job
