"""plan(): blob-SHA comparison inside owned paths, paper-by-paper changes, and the §9.6 properties."""

from __future__ import annotations

import dataclasses
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from profilebot.diff import publications
from profilebot.diff.plan import ADDED, CHANGED, REMOVED, Desired, Ownership, apply_to, needs_previous_manifest, plan
from profilebot.diff.snapshot import blob_sha, snapshot_of, snapshot_of_files
from profilebot.render.artifact import Artifact

OWNED = Ownership(("index.html", "publications/"))


def desired(files: dict[str, bytes], ownership: Ownership = OWNED) -> Desired:
    return Desired(tuple(Artifact(p, d) for p, d in sorted(files.items())), ownership)


def test_blob_sha_matches_git_hash_object_vectors():
    assert blob_sha(b"hello\n") == "ce013625030ba8dba906f756967f9e9ca394464a"
    assert blob_sha(b"") == "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391"
    assert Artifact.text("a", "hello\n").git_blob_sha() == blob_sha(b"hello\n")


def test_plan_adds_changes_and_removes_only_owned_paths():
    current = {"index.html": b"old", "publications/gone.html": b"x", "publications/same.html": b"s",
               "README.md": b"mine", "publications.html": b"looks like ours but is not owned"}
    result = plan("site", desired({"index.html": b"new", "publications/same.html": b"s",
                                   "publications/new.html": b"n"}), snapshot_of_files(current))
    assert [(c.path, c.kind) for c in result.files] == [
        ("index.html", CHANGED), ("publications/new.html", ADDED), ("publications/gone.html", REMOVED)]
    assert apply_to(current, result)["README.md"] == b"mine"
    assert apply_to(current, result)["publications.html"] == current["publications.html"]


def test_ownership_under_a_site_folder_owns_nothing_outside_it():
    owned = Ownership.under("docs", ("index.html", "publications/"))
    assert owned.owns("docs/index.html") and owned.owns("docs/publications/a.html")
    assert not owned.owns("index.html") and not owned.owns("docs/publications.html")
    assert not owned.owns("docs/publicationsX/a.html")


def _profile_with(default_profile, **changes):
    first = dataclasses.replace(default_profile.publications[0], **changes)
    return dataclasses.replace(default_profile, publications=(first, *default_profile.publications[1:]))


def test_item_changes_say_title_changed_new_and_removed_paper_and_venue_year(default_profile):
    old = publications.manifest(default_profile)
    paper = default_profile.publications[0]
    from profilebot.model.dates import PartialDate

    edited = _profile_with(default_profile, title="A Better Title", date=PartialDate(paper.year + 1))
    edited = dataclasses.replace(edited, publications=edited.publications[:-1] + (
        dataclasses.replace(paper, id="brand-new", title="Brand New Paper"),))
    new = publications.manifest(edited)
    result = plan("site", Desired((new,), Ownership((publications.MANIFEST_NAME,))), snapshot_of([old]), old.data)
    kinds = {(item.kind, item.key) for item in result.items}
    assert ("new", "brand-new") in kinds
    assert ("removed", default_profile.publications[-1].id) in kinds
    changed = next(item for item in result.items if item.key == paper.id)
    fields = {change.label: (change.old, change.new) for change in changed.fields}
    assert fields["title"] == (paper.title, "A Better Title")
    assert fields["venue year"] == (str(paper.year), str(paper.year + 1))


def test_manifest_is_deterministic_and_needs_downloading_only_when_it_differs(default_profile):
    first, second = publications.manifest(default_profile, "docs"), publications.manifest(default_profile, "docs")
    assert first == second and first.path == "docs/.profilebot/publications.json"
    assert len(json.loads(first.data)["publications"]) == len(default_profile.publications)
    wanted = Desired((first,), Ownership(("docs/.profilebot/",)))
    assert needs_previous_manifest(wanted, snapshot_of([first])) is None
    assert needs_previous_manifest(wanted, snapshot_of([])) is None  # nothing to download: all papers are new
    stale = Artifact(first.path, b"{}")
    assert needs_previous_manifest(wanted, snapshot_of([stale])) == stale.git_blob_sha()


def test_a_hand_edited_manifest_counts_as_empty_rather_than_crashing():
    assert publications.parse(b"not json {") == {}
    assert publications.parse(b'{"publications": [1, 2]}') == {}


def test_plan_fingerprint_is_equal_for_equal_changes_and_differs_otherwise():
    current = snapshot_of_files({"index.html": b"old"})
    one = plan("site", desired({"index.html": b"new"}), current)
    assert one.fingerprint() == plan("site", desired({"index.html": b"new"}), current).fingerprint()
    assert one.fingerprint() != plan("site", desired({"index.html": b"newer"}), current).fingerprint()


paths = st.sampled_from(["index.html", "publications/a.html", "publications/b/c.html", "README.md", "x/y.txt",
                         "publications.html"])
contents = st.binary(max_size=8)
file_maps = st.dictionaries(paths, contents, max_size=6)


@settings(max_examples=200, deadline=None)
@given(file_maps)
def test_plan_of_a_snapshot_of_itself_is_empty(files):
    owned_files = {p: d for p, d in files.items() if OWNED.owns(p)}
    assert plan("site", desired(owned_files), snapshot_of_files(files)).is_empty


@settings(max_examples=300, deadline=None)
@given(file_maps, file_maps)
def test_applying_the_plan_gives_the_desired_owned_files_and_keeps_the_rest(current, wanted):
    wanted = {p: d for p, d in wanted.items() if OWNED.owns(p)}
    result = apply_to(current, plan("site", desired(wanted), snapshot_of_files(current)))
    assert {p: d for p, d in result.items() if OWNED.owns(p)} == wanted
    assert {p: d for p, d in result.items() if not OWNED.owns(p)} == {
        p: d for p, d in current.items() if not OWNED.owns(p)}
    assert plan("site", desired(wanted), snapshot_of_files(result)).is_empty


# Adopt, don't clobber: a site shares `_publications/` with pages people made by hand.
SHARED = Ownership(("_publications/", publications.MANIFEST_NAME))


def _site(default_profile, pages: dict[str, bytes]) -> Desired:
    files = [Artifact(path, data) for path, data in sorted(pages.items())]
    manifest = publications.manifest(default_profile, written=pages)
    return Desired(tuple(files + [manifest]), SHARED)


def test_a_first_sync_never_removes_a_page_it_did_not_write(default_profile):
    current = {"_publications/handmade.md": b"mine", "README.md": b"mine"}
    result = plan("site", _site(default_profile, {"_publications/paper-a.md": b"a"}), snapshot_of_files(current))
    assert [(c.path, c.kind) for c in result.files] == [
        (publications.MANIFEST_NAME, ADDED), ("_publications/paper-a.md", ADDED)]


def test_a_later_sync_removes_only_the_pages_an_earlier_run_wrote(default_profile):
    earlier = _site(default_profile, {"_publications/paper-a.md": b"a", "_publications/paper-b.md": b"b"})
    current = {a.path: a.data for a in earlier.artifacts} | {"_publications/handmade.md": b"mine"}
    now = _site(default_profile, {"_publications/paper-a.md": b"a"})
    previous = earlier.manifest().data  # what fetch downloads, as the manifest differs from ours
    result = plan("site", now, snapshot_of_files(current), previous)
    assert ("_publications/paper-b.md", REMOVED) in [(c.path, c.kind) for c in result.files]
    assert "_publications/handmade.md" in apply_to(current, result)
    # Nothing left to do: the hand-made page is still not ours to remove.
    assert plan("site", now, snapshot_of_files(apply_to(current, result))).is_empty


def test_a_manifest_from_before_file_lists_keeps_the_old_ownership(default_profile):
    legacy = publications.manifest(default_profile)  # no "files": every owned path was the bot's
    current = {legacy.path: legacy.data, "_publications/old.md": b"ours, from an earlier version"}
    now = _site(default_profile, {"_publications/paper-a.md": b"a"})
    result = plan("site", now, snapshot_of_files(current), legacy.data)
    assert ("_publications/old.md", REMOVED) in [(c.path, c.kind) for c in result.files]


def test_a_page_held_back_or_left_to_the_person_is_never_removed_even_when_an_earlier_run_wrote_it(default_profile):
    earlier = _site(default_profile, {"_publications/paper-a.md": b"a", "_publications/paper-b.md": b"b"})
    current = {a.path: a.data for a in earlier.artifacts} | {"_publications/paper-b.md": b"b, edited by hand"}
    now = dataclasses.replace(_site(default_profile, {"_publications/paper-a.md": b"a"}),
                              held=("_publications/paper-b.md",))
    result = plan("site", now, snapshot_of_files(current), earlier.manifest().data)
    assert "_publications/paper-b.md" not in result.paths()
    assert result.held == ("_publications/paper-b.md",)


def test_a_manifest_alone_is_no_change_when_it_would_be_added_or_differs_only_in_recorded_shas(default_profile):
    pages = {"_publications/paper-a.md": b"a"}
    assert plan("site", _site(default_profile, pages), snapshot_of_files(pages)).is_empty  # right after import
    recorded = publications.manifest(default_profile, written=pages, blobs={"_publications/paper-a.md": "0" * 40})
    on_site = pages | {recorded.path: recorded.data}
    assert plan("site", _site(default_profile, pages), snapshot_of_files(on_site), recorded.data).is_empty
    other = publications.manifest(default_profile, written={**pages, "_publications/gone.md": b""})
    assert not plan("site", _site(default_profile, pages), snapshot_of_files(pages | {other.path: other.data}),
                    other.data).is_empty
