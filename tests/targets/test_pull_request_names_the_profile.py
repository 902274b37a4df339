"""The pull request names the profile its files were generated from as the command was given it — `sync p.yaml`,
or a lab member's `sync members/ada.yaml` — not always `profile.yaml` (the command threads the path through the
run context; report/pull_request.py renders it)."""

from __future__ import annotations

import shutil

import pytest

from tests.acceptance.helpers import cli, copy_default_profile, local_github
from tests.targets.test_site_edits_in_place import ACADEMICPAGES, real_site


@pytest.mark.parametrize("name", ["p.yaml", "members/ada.yaml"])
def test_a_sync_names_the_profile_it_was_given_in_the_pull_request(tmp_path, monkeypatch, capsys, name):
    folder = tmp_path / name.rpartition("/")[0]
    folder.mkdir(exist_ok=True)
    shutil.move(copy_default_profile(folder, ACADEMICPAGES), tmp_path / name)
    monkeypatch.chdir(tmp_path)  # the path as the person (or the lab's workflow) types it, from the repository
    with local_github(monkeypatch, {"octo/site": real_site()}) as fake:
        run = cli(capsys, "sync", name)
        assert run.code == 0, run.out
        [pull] = fake.open_pulls("octo/site")
    assert f"Generated from `{name}` by profilebot." in pull.body
    assert "profile.yaml" not in pull.body


def test_the_diff_comment_names_the_profile_it_was_given(tmp_path, monkeypatch, capsys):
    """`diff --format markdown` is the PR check's comment: the same words as the pull request, the same name."""
    shutil.move(copy_default_profile(tmp_path, ACADEMICPAGES), tmp_path / "p.yaml")
    monkeypatch.chdir(tmp_path)
    with local_github(monkeypatch, {"octo/site": real_site()}):
        run = cli(capsys, "diff", "p.yaml", "--target", "site", "--format", "markdown")
    assert run.code == 0, run.out
    assert "Generated from `p.yaml` by profilebot." in run.out
    assert "profile.yaml" not in run.out
