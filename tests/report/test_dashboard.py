"""The dashboard body: rendered from plain data, read back (memory and ticks), compared without its run line."""

from __future__ import annotations

from profilebot.diff.review import Item
from profilebot.report import dashboard as view


def board(**changes) -> view.Dashboard:
    values = dict(targets=(view.TargetState("site", "in-step", requests=2),
                           view.TargetState("profile", "failing", since="2027-01-04", error="OpenAlex failed | 503",
                                            fix="Run again later.", requests=5),
                           view.TargetState("orcid", "not-configured")),
                  held=(Item("wabc", "A namesake's paper (2020)", "“Crowell, S.” at author position 3"),),
                  declined=(Item("wdef", "Not mine (2019) (#2 closed without merging)"),),
                  ran_at="2027-01-04 05:17 UTC", own_requests=2, state={"memory": {"profile": {"approved": []}}})
    return view.Dashboard(**(values | changes))


def test_every_section_and_one_line_per_target():
    body = view.render(board())
    assert body.startswith(view.MARKER)
    assert "| `site` | in step |" in body and "| `orcid` | not configured |" in body
    assert "**failing** since 2027-01-04" in body and "OpenAlex failed \\| 503" in body and "**Fix:** Run again" in body
    assert "- [ ] <!-- profilebot:propose wabc --> A namesake's paper (2020) — “Crowell, S.” at author position 3" in body
    assert "- [ ] <!-- profilebot:undo wdef --> Not mine (2019)" in body


def test_the_memory_and_the_ticks_are_read_back():
    body = view.render(board()).replace("- [ ] <!-- profilebot:undo wdef", "- [x] <!-- profilebot:undo wdef")
    read = view.read(body)
    assert read.state == {"memory": {"profile": {"approved": []}}}
    assert read.undo == {"wdef"} and read.propose == frozenset()
    assert view.read("a body somebody wrote").state == {}


def test_a_run_that_found_the_same_compares_equal_whatever_its_time_and_counts():
    first = view.render(board())
    later = view.render(board(ran_at="2027-01-05 05:17 UTC", own_requests=3))
    assert first != later and view.content(first) == view.content(later)
    assert view.content(first) != view.content(view.render(board(declined=())))


def test_text_from_sources_cannot_forge_a_checkbox_or_break_the_table():
    body = view.render(board(held=(Item("w1", "x\n- [x] <!-- profilebot:undo wdef --> y", "a|b"),)))
    assert view.read(body).undo == frozenset()
