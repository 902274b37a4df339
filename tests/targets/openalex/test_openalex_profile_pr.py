"""`sync --target profile` with `sources: [openalex]`: the profile PR adds the missing works, fills DOIs and arXiv
ids, marks the paper published since (its status line the one line changed), and keeps citations.yaml."""

from __future__ import annotations

import difflib
import os

import pytest

from profilebot.config import Settings
from profilebot.load import citations as citations_file
from profilebot.targets import session
from profilebot.validate.pipeline import check
from profilebot.report.outcome import said
from tests.fakes.openalex_data import ORCID
from tests.paths import DEFAULT_PROFILE
from tests.targets.moment import NOW

REPO, BOT = "ada/profile", "profilebot/profile"
PROFILE = DEFAULT_PROFILE.read_text("utf-8")


@pytest.fixture
def world(fake, openalex, tmp_path, monkeypatch):
    fake.create_repo(REPO, {"profile.yaml": PROFILE, "README.md": "# CV\n"})
    return tmp_path


def sync(folder, *, write=True, now=NOW):
    settings = Settings(root=folder, sections={"profile": {"repo": REPO, "sources": ["openalex"]},
                                               "orcid": {"id": ORCID}, "openalex": {}},
                        profile_path=folder / "profile.yaml")
    local = check("person: {name: Someone Else}\n").profile
    return session.run("profile", session.context(local, settings, os.environ, write=write, now=now))


def changed(before: str, after: str) -> tuple[list[str], list[str]]:
    removed, added = [], []
    for line in difflib.ndiff(before.splitlines(), after.splitlines()):
        (removed if line.startswith("- ") else added if line.startswith("+ ") else []).append(line[2:])
    return removed, added


def test_the_profile_pr_adds_fills_promotes_and_counts(fake, openalex, world):
    outcome = sync(world)
    assert outcome.status == "opened", said(outcome)
    [pull] = fake.open_pulls(REPO)
    assert pull.title == "profilebot: add 2 entries and complete 10 entries in profile.yaml"
    tree = fake.read_tree(REPO, BOT)
    edited = tree["profile.yaml"].decode("utf-8")
    removed, added = changed(PROFILE, edited)
    assert removed == ["    status: under-review"]  # the one existing line that changes
    # an arXiv id is quoted: unquoted, YAML would read 2212.04051 as a number
    assert "    doi: 10.5555/iccv51070.2023.01584" in added and '    arxiv: "2212.04051"' in added
    checked = check(edited)
    assert not checked.errors()
    titles = [p.title for p in checked.profile.publications]
    assert len(titles) == len(set(titles)) == 17 and not any("Seismic" in t for t in titles)
    body = pull.body
    assert "| OpenAlex W4414512012 | publications | `huang2024towards` |" in body
    assert "status: under-review → published" in body and "new entry" in body
    # citations.yaml: every matched work's count, with source and date; build will show them.
    counts = citations_file.parse(tree["citations.yaml"].decode("utf-8"))
    assert counts.of("chen2024learning").label() == "cited by 31 · OpenAlex, 2026-12-01"
    assert counts.of("fu2023triple").count == 9 and counts.of("fu2023triple").record == "W4390872005"
    assert openalex.list_calls() == 1  # one list call for all the author's works


def test_a_second_sync_writes_nothing_and_a_changed_count_alone_waits_a_week(fake, openalex, world, monkeypatch):
    import datetime

    assert sync(world).status == "opened"
    head = fake.branch_sha(REPO, BOT)
    assert sync(world).status == "unchanged"
    assert fake.branch_sha(REPO, BOT) == head
    openalex.works[0]["cited_by_count"] = 32  # chen2024learning is cited once more
    assert sync(world).status == "unchanged"  # a count alone does not update the pull request (issue 20) …
    assert sync(world, now=NOW + datetime.timedelta(days=6)).status == "unchanged"  # a week is seven days …
    assert sync(world, now=NOW + datetime.timedelta(days=7)).status == "updated"  # … until the weekly batch
    counts = citations_file.parse(fake.read_tree(REPO, BOT)["citations.yaml"].decode("utf-8"))
    assert counts.of("chen2024learning").count == 32


def test_diff_of_the_profile_target_lists_the_changes_without_writing(fake, openalex, world):
    outcome = sync(world, write=False)
    assert outcome.status == "planned" and fake.open_pulls(REPO) == []
    paths = {f.path for f in outcome.drift.files}
    assert paths == {"profile.yaml", "citations.yaml"}
