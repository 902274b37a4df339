"""`import` edits profile.yaml by appending: every other byte stays, and the result passes `check`."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from profilebot.commands.import_ import proposed_edit
from profilebot.validate.pipeline import check

HERE = Path(__file__).resolve().parent
FIXTURES = HERE.parent / "fixtures" / "realworld"
COMMENTED = HERE / "commented_profile.yaml"


def profile_of(text: str):
    checked = check(text)
    assert checked.profile is not None and not checked.errors(), checked.findings
    return checked.profile


def only_insertions(before: str, after: str) -> list[str]:
    """The inserted lines; fails when any original line was changed or removed."""
    inserted = []
    matcher = difflib.SequenceMatcher(a=before.splitlines(keepends=True), b=after.splitlines(keepends=True),
                                      autojunk=False)
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        assert tag in ("equal", "insert"), (tag, matcher.a[a1:a2], matcher.b[b1:b2])
        if tag == "insert":
            inserted += matcher.b[b1:b2]
    return inserted


@pytest.mark.parametrize(("source", "value", "sections"), [
    ("bibtex", FIXTURES / "scholar-5.bib", {"publications"}),
    ("bibtex", FIXTURES / "scholar-4.bib", {"patents"}),
    ("jsonresume", FIXTURES / "resume-1.json", {"publications", "education"}),
])
def test_import_changes_only_added_lines_and_passes_check(source, value, sections):
    before = COMMENTED.read_text("utf-8")
    additions, after = proposed_edit(before, profile_of(before), source, str(value))
    assert additions and {a.section for a in additions} == sections
    inserted = only_insertions(before, after)
    assert inserted and all(line.strip() == "" or not line.startswith("#") for line in inserted)
    result = check(after)
    assert not result.errors(), result.findings
    # Every addition is in the edited profile, once, with its id, after the entries that were there.
    ids = [p.id for p in result.profile.publications] + [p.id for p in result.profile.patents] + [
        e.id for e in result.profile.education]
    assert len(ids) == len(set(ids))
    assert {a.entry["id"] for a in additions} <= set(ids)


def test_new_entries_follow_the_files_indentation_flow_style_and_quotes():
    before = COMMENTED.read_text("utf-8")
    _, after = proposed_edit(before, profile_of(before), "bibtex", str(FIXTURES / "scholar-5.bib"))
    only_insertions(before, after)
    assert "\n\n    - id: laumond1998guidelines\n      type: book\n" in after  # blank line between, dash at 4
    assert '      authors: ["Laumond, Jean-Paul", "Sekhavat, S", "Lamiraux, F"]\n' in after  # flow, quoted as the file
    assert "      venue:\n          name: Robotics and Automation, IEEE Transactions on\n" in after  # nested at 4
    # After the last paper and its own comment, before the next section's header comment.
    new_at = after.index("laumond1998guidelines")
    assert after.index("# end of the last paper") < new_at < after.index("# -------------------------------"
                                                                         "--------------------------------- patents")


def test_a_missing_section_is_appended_and_an_empty_flow_list_replaced():
    before = COMMENTED.read_text("utf-8")
    _, after = proposed_edit(before, profile_of(before), "bibtex", str(FIXTURES / "scholar-4.bib"))
    added = only_insertions(before, after)
    assert "patents:\n" in added and added[added.index("patents:\n") + 1] == "    - id: kroeger2024secondary\n"
    profile = check(after).profile
    assert [p.number for p in profile.patents][:2] == ["US11899114", "US11657719"]
    assert profile.patents[0].date.iso() == "2024-02-13"  # from month=feb # "~13"
    assert profile.patents[0].status is None and "kind code" in profile.patents[0].todo
    assert profile.patents[0].note is None  # our words never go into the public note

    # An empty flow list (`talks: []`) is the one kind of line that must change to receive entries.
    from profilebot.load import edit

    edited = edit.append(before, [("talks", {"id": "t1", "title": "A talk", "event": "A workshop"})])
    assert edited.replace("talks:   # nothing to show\n    - id: t1\n      title: A talk\n      event: A workshop\n", "talks: []   # nothing to show\n") == before
    assert check(edited).profile.talks[0].event == "A workshop"


def test_a_second_import_adds_nothing():
    before = COMMENTED.read_text("utf-8")
    _, once = proposed_edit(before, profile_of(before), "bibtex", str(FIXTURES / "scholar-5.bib"))
    additions, twice = proposed_edit(once, profile_of(once), "bibtex", str(FIXTURES / "scholar-5.bib"))
    assert additions == [] and twice == once


def test_works_already_in_the_profile_are_not_added_again(default_profile_text, tmp_path):
    bib = tmp_path / "mine.bib"
    bib.write_text("@inproceedings{huang2024fasor,\n  title={Fasor: a fast tensor program optimization framework "
                   "for efficient {DNN} deployment},\n  author={Huang, Hanxian and Chen, Xinyun and Zhao, Jishen},\n"
                   "  booktitle={Proceedings of the 38th ACM International Conference on Supercomputing},\n"
                   "  pages={498--510},\n  year={2024}\n}\n\n@article{huang2024new,\n  title={A New Paper},\n"
                   "  author={Huang, Hanxian and others},\n  journal={arXiv preprint arXiv:2405.00001},\n"
                   "  year={2024}\n}\n", "utf-8")
    additions, after = proposed_edit(default_profile_text, profile_of(default_profile_text), "bibtex", str(bib))
    assert [a.entry["id"] for a in additions] == ["huang2024new"]
    new = additions[0].entry
    assert new["status"] == "preprint" and new["type"] == "preprint" and new["arxiv"] == "2405.00001"
    # `and others` is a fact of the entry (more_authors), not a to-do.
    assert new["more_authors"] is True and "todo" not in new and "note" not in new
    only_insertions(default_profile_text, after)
    assert not check(after).errors()


def test_crlf_files_stay_crlf():
    before = COMMENTED.read_text("utf-8").replace("\n", "\r\n")
    _, after = proposed_edit(before, profile_of(before), "bibtex", str(FIXTURES / "scholar-5.bib"))
    assert "\n" not in after.replace("\r\n", "")
    only_insertions(before, after)
