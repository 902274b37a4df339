"""The exports PR body lists, under each format file, only the paper changes that file carries and shows."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from profilebot import plugins
from profilebot.config import Settings
from profilebot.diff import publications
from profilebot.diff.plan import plan
from profilebot.diff.snapshot import Snapshot
from profilebot.render.artifact import Artifact
from profilebot.report import pull_request
from profilebot.targets import exports, session
from profilebot.validate.pipeline import check
from profilebot.report.outcome import said
from tests.targets.moment import NOW

ROOT = Path(__file__).resolve().parents[2]
REPO, BOT = "octo/data", "profilebot/exports"
UNDER_REVIEW = "huang2024neural"  # under review in the default profile: not on ORCID
PUBLISHED = "huang2024muti"
ORCID_FILES = {"exports/orcid-works.json", "exports/orcid-works.xml", "exports/orcid-import.bib"}
EVERY_PAPER_FILES = {"exports/publications.bib", "exports/publications.ris", "exports/publications.enw",
                     "exports/publications.rfw", "exports/publications.csl.json", "exports/cv.md"}


def profile_from(text: str):
    checked = check(text, "profile.yaml")
    assert checked.profile is not None and not checked.errors(), checked.findings
    return checked.profile


def default_text() -> str:
    return (ROOT / "profile.yaml").read_text("utf-8")


def paper_block(text: str, key: str) -> tuple[int, int]:
    """Where one publication's entry lies in profile.yaml (from its `- id:` line to the next entry)."""
    start = text.index(f"  - id: {key}\n")
    following = re.compile(r"^  - id: |^\S", re.MULTILINE).search(text, start + 1)
    return start, following.start() if following else len(text)


def edit_paper(text: str, key: str, old: str, new: str) -> str:
    start, end = paper_block(text, key)
    block = text[start:end]
    assert old in block, (key, old)
    return text[:start] + block.replace(old, new, 1) + text[end:]


def retitled(text: str) -> str:
    return edit_paper(text, UNDER_REVIEW, "title: \"Neural WebAssembly Comprehension:",
                      "title: \"Neural WebAssembly Understanding:")


SETTINGS = Settings(root=ROOT, sections={"exports": {"repo": REPO, "path": "exports/"}})


def snapshot_of(profile) -> tuple[Snapshot, bytes]:
    desired = exports.desired(profile, SETTINGS)
    files = {a.path: Artifact(a.path, a.data).git_blob_sha() for a in desired.artifacts}
    return Snapshot(files), desired.manifest().data


def file_items(profile_before, profile_after) -> dict[str, tuple]:
    snapshot, manifest = snapshot_of(profile_before)
    result = plan("exports", exports.desired(profile_after, SETTINGS), snapshot, manifest)
    return {change.path: change.items for change in result.files}


def test_every_exporter_declares_which_works_it_carries_and_the_declaration_is_true():
    """An under-review paper is in every 'all' file and in no 'orcid' file, as the declaration says."""
    profile = profile_from(default_text())
    marker = "Neural WebAssembly Comprehension"
    declared = {}
    for module in plugins.exporters():
        assert getattr(module, "WORKS", None) in (publications.ALL_WORKS, publications.ORCID_WORKS), module.NAME
        declared[module.NAME] = module.WORKS
        assert (marker in module.render(profile)) == (module.WORKS == publications.ALL_WORKS), module.NAME
    assert {name for name, works in declared.items() if works == publications.ORCID_WORKS} == {
        "orcid_works", "orcid_xml", "orcid_import"}


def test_editing_an_under_review_title_lists_it_under_the_files_that_carry_it_only():
    before = profile_from(default_text())
    items = file_items(before, profile_from(retitled(default_text())))
    assert not ORCID_FILES & items.keys()  # their bytes did not change
    assert EVERY_PAPER_FILES <= items.keys()
    for path in EVERY_PAPER_FILES | {"exports/resume.json"}:
        assert [(i.kind, i.key) for i in items[path]] == [("updated", UNDER_REVIEW)], path
        assert [f.field for f in items[path][0].fields] == ["title"]


def test_a_paper_accepted_after_review_is_new_in_the_orcid_files_and_changed_elsewhere():
    text = default_text()
    accepted = edit_paper(text, UNDER_REVIEW, "status: under-review", "status: accepted")
    items = file_items(profile_from(text), profile_from(accepted))
    for path in ORCID_FILES:
        assert [(i.kind, i.key) for i in items[path]] == [("new", UNDER_REVIEW)], path
    bib = items["exports/publications.bib"]
    assert [(i.kind, i.key, [f.field for f in i.fields]) for i in bib] == [("updated", UNDER_REVIEW, ["status"])]
    # …and back under review: it leaves the ORCID files.
    items = file_items(profile_from(accepted), profile_from(text))
    assert {path: [(i.kind, i.key) for i in items[path]] for path in ORCID_FILES} == {
        path: [("removed", UNDER_REVIEW)] for path in ORCID_FILES}


def test_on_orcid_overrides_the_status_in_the_manifest_and_older_manifests_stay_byte_equal():
    text = default_text()
    profile = profile_from(text)
    assert b'"orcid"' not in publications.manifest(profile).data  # nothing overrides: nothing recorded
    pushed = edit_paper(text, UNDER_REVIEW, "status: under-review", "status: under-review\n    on_orcid: true")
    items = file_items(profile, profile_from(pushed))
    assert [(i.kind, i.key) for i in items["exports/orcid-works.json"]] == [("new", UNDER_REVIEW)]
    assert "exports/publications.csl.json" not in items  # on_orcid changes no byte of the citation files
    assert publications.carried({"status": "under-review", "orcid": "yes"}, publications.ORCID_WORKS)
    assert not publications.carried({"status": "published", "orcid": "no"}, publications.ORCID_WORKS)
    with pytest.raises(ValueError):
        publications.carried({"status": "published"}, "some")


def test_a_target_that_does_not_say_what_its_files_carry_lists_the_plans_papers_under_each():
    before = profile_from(default_text())
    snapshot, manifest = snapshot_of(before)
    desired = exports.desired(profile_from(retitled(default_text())), SETTINGS)
    result = plan("exports", type(desired)(desired.artifacts, desired.ownership, desired.labels), snapshot, manifest)
    assert all(change.items is None for change in result.files)
    body = "\n".join(pull_request.markdown(result))
    assert f"(bibtex): papers updated: {UNDER_REVIEW}" in body


# -- against the local GitHub ------------------------------------------------------------------------------


def run_sync(profile):
    outcome = session.run("exports", session.context(profile, SETTINGS, dict(os.environ), write=True, now=NOW))
    assert not outcome.failed, said(outcome)
    return outcome


def format_lines(body: str) -> dict[str, str]:
    """`path` → the rest of its line in the PR body's Files list."""
    return {m.group(1): m.group(2) for m in re.finditer(r"^- \w+ `([^`]+)`(.*)$", body, re.MULTILINE)}


def merged_first_sync(fake, text: str) -> None:
    fake.create_repo(REPO, {"README.md": "data\n"})
    run_sync(profile_from(text))
    fake.merge_pull(REPO, fake.open_pulls(REPO)[0].number)


def proposed_changes(fake) -> set[str]:
    proposed, merged = fake.read_tree(REPO, BOT), fake.read_tree(REPO, "main")
    return {path for path, data in proposed.items() if data != merged.get(path)}


def test_the_pr_body_lists_an_edited_under_review_paper_under_the_files_that_changed(fake):
    text = default_text()
    merged_first_sync(fake, text)
    run_sync(profile_from(retitled(text)))
    pulls = fake.open_pulls(REPO)
    assert len(pulls) == 1 and pulls[0].head == BOT
    lines = format_lines(pulls[0].body)
    assert set(lines) == proposed_changes(fake)  # exactly the files whose bytes changed are listed
    assert not ORCID_FILES & set(lines)  # the ORCID files do not carry the paper, so they did not change
    for path in EVERY_PAPER_FILES | {"exports/resume.json"}:
        assert lines[path].endswith(f": papers updated: {UNDER_REVIEW}"), lines[path]
    assert "papers" not in lines["exports/.profilebot/publications.json"]
    assert f"**updated** `{UNDER_REVIEW}`" in pulls[0].body  # the paper-by-paper section names the field
    assert "title changed (was “Neural WebAssembly Comprehension:" in pulls[0].body


def test_with_a_published_paper_edited_too_the_orcid_files_list_only_the_published_one(fake):
    text = default_text()
    merged_first_sync(fake, text)
    both = edit_paper(retitled(text), PUBLISHED, "title: Muti-representation", "title: Multi-representation")
    run_sync(profile_from(both))
    lines = format_lines(fake.open_pulls(REPO)[0].body)
    assert set(lines) == proposed_changes(fake) and ORCID_FILES <= set(lines)
    for path in ORCID_FILES:
        assert lines[path].endswith(f": papers updated: {PUBLISHED}"), lines[path]
    for path in EVERY_PAPER_FILES:
        assert lines[path].endswith(f": papers updated: {PUBLISHED}, {UNDER_REVIEW}"), lines[path]


def test_a_newly_accepted_paper_is_added_to_the_orcid_files_in_the_pr_body(fake):
    text = default_text()
    merged_first_sync(fake, text)
    run_sync(profile_from(edit_paper(text, UNDER_REVIEW, "status: under-review", "status: accepted")))
    lines = format_lines(fake.open_pulls(REPO)[0].body)
    for path in ORCID_FILES:
        assert lines[path].endswith(f": papers added: {UNDER_REVIEW}"), lines[path]
    assert lines["exports/publications.bib"].endswith(f": papers updated: {UNDER_REVIEW}")
