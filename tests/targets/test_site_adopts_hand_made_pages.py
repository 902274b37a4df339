"""Adopt, don't clobber: a site repository's hand-made pages in the folders an adapter writes survive every sync.

academicpages keeps `_publications/*.md`; a person's own page there that the profile does not hold is theirs.
The bot's manifest lists the files it wrote, and only those are ever removed again.
"""

from __future__ import annotations

from tests.acceptance.helpers import cli, copy_default_profile, local_github

HAND_MADE = "_publications/2019-01-01-my-workshop-paper.md"
SITE = {"_config.yml": "title: Site\n", HAND_MADE: "---\ntitle: 'A workshop paper of mine'\n---\n"}


EXTRA = """  - id: extra2020paper
    type: journal-article
    status: published
    title: A Paper That Later Leaves the Profile
    authors: [H. Huang]
    venue:
      name: Journal of Tests
    date: 2020

"""


def test_a_sync_keeps_a_hand_made_page_and_removes_only_its_own(tmp_path, monkeypatch, capsys):
    profile = copy_default_profile(tmp_path, "site:\n  repo: octo/site\n  template: academicpages\n")
    text = profile.read_text("utf-8")
    profile.write_text(text.replace("publications:\n", "publications:\n" + EXTRA, 1), "utf-8")
    with local_github(monkeypatch, {"octo/site": SITE}) as fake:
        assert cli(capsys, "sync", str(profile)).code == 0
        first = fake.read_tree("octo/site", "profilebot/site")
        assert first[HAND_MADE] == SITE[HAND_MADE].encode()
        extra = [p for p in first if p.startswith("_publications/") and "extra2020paper" in p]
        assert len(extra) == 1, sorted(first)

        # The PR is merged; then the extra paper leaves the profile: its page goes, the hand-made one stays.
        fake.commit_files("octo/site", "main", dict(first))
        profile.write_text(text, "utf-8")
        assert cli(capsys, "sync", str(profile)).code == 0
        second = fake.read_tree("octo/site", "profilebot/site")
    assert extra[0] not in second
    assert second[HAND_MADE] == SITE[HAND_MADE].encode()
