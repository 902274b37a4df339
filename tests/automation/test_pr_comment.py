"""`profilebot pr-comment`: one marked comment per PR, edited in place, other comments left alone."""

from __future__ import annotations

import pytest

from tests.fakes.github_server import GitHubFake
from profilebot import cli
from profilebot.clients import pr_comment

from . import comment_route  # noqa: F401 - registers the comment-edit route on the fake

TOKEN = "ghp_" + "C0mm3ntT0k3n" * 3


@pytest.fixture
def fake(monkeypatch):
    import requests

    with GitHubFake(token=TOKEN) as server:
        server.create_repo("octo/profile", {"profile.yaml": "person: {name: A}\n"})
        server.commit_files("octo/profile", "edit", {"profile.yaml": "person: {name: B}\n"})
        requests.post(f"{server.api_url}/repos/octo/profile/pulls", headers={"Authorization": f"Bearer {TOKEN}"},
                      json={"title": "t", "head": "edit", "base": "main"}, timeout=10).raise_for_status()
        for name in ("PROFILEBOT_GITHUB_TOKEN", "GH_TOKEN", "PROFILEBOT_APP_ID"):
            monkeypatch.delenv(name, raising=False)
        monkeypatch.setenv("GITHUB_TOKEN", TOKEN)
        monkeypatch.setenv("GITHUB_API_URL", server.api_url)
        monkeypatch.setenv("GITHUB_REPOSITORY", "octo/profile")
        yield server


def bodies(fake) -> list[str]:
    return [c.body for c in fake.open_pulls("octo/profile")[0].comments]


def test_created_then_updated_then_unchanged_and_human_comments_kept(fake, tmp_path, capsys):
    import requests

    requests.post(f"{fake.api_url}/repos/octo/profile/issues/1/comments", headers={"Authorization": f"Bearer {TOKEN}"},
                  json={"body": "Looks good to me"}, timeout=10).raise_for_status()
    diff = tmp_path / "diff.md"
    diff.write_text("### site\n1 file added\n")
    assert cli.main(["pr-comment", "--pr", "1", str(diff)]) == 0
    assert "comment created" in capsys.readouterr().out
    diff.write_text("### site\n2 files added\n")
    assert cli.main(["pr-comment", "--pr", "1", str(diff)]) == 0
    assert "comment updated" in capsys.readouterr().out
    assert cli.main(["pr-comment", "--pr", "1", str(diff)]) == 0
    assert "comment unchanged" in capsys.readouterr().out
    assert bodies(fake) == ["Looks good to me", "<!-- profilebot:diff -->\n### site\n2 files added\n"]
    assert fake.count("PATCH", r"/issues/comments/") == 1  # an unchanged body costs no write


def test_different_markers_keep_separate_comments(fake, tmp_path):
    text = tmp_path / "t.md"
    text.write_text("hello\n")
    assert cli.main(["-q", "pr-comment", "--pr", "1", "--marker", "diff", str(text)]) == 0
    assert cli.main(["-q", "pr-comment", "--pr", "1", "--marker", "orcid", str(text)]) == 0
    assert [b.splitlines()[0] for b in bodies(fake)] == ["<!-- profilebot:diff -->", "<!-- profilebot:orcid -->"]


def test_a_read_only_token_gets_a_hint_about_fork_pull_requests(fake, tmp_path, capsys, monkeypatch):
    fake.add_token("readonly-test-token", "reader", read_only=True)
    monkeypatch.setenv("GITHUB_TOKEN", "readonly-test-token")
    text = tmp_path / "t.md"
    text.write_text("hello\n")
    assert cli.main(["pr-comment", "--pr", "1", str(text)]) == 1
    err = capsys.readouterr().err
    assert "refused" in err and "forks only get a read-only token" in err and "readonly" not in err


def test_missing_repository_is_a_usage_error(fake, tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("GITHUB_REPOSITORY")
    (tmp_path / "t.md").write_text("x\n")
    assert cli.main(["pr-comment", "--pr", "1", str(tmp_path / "t.md")]) == 2
    assert "--repo" in capsys.readouterr().err


def test_a_huge_body_is_cut_below_githubs_limit():
    body = pr_comment.marked_body("x" * 70_000, "diff")
    assert len(body) < 65_536 and body.startswith("<!-- profilebot:diff -->\n") and "job summary" in body


def test_the_oldest_marked_comment_is_the_one_edited():
    comments = [{"id": 1, "body": "hi"}, {"id": 2, "body": "<!-- profilebot:diff -->\na"},
                {"id": 3, "body": "<!-- profilebot:diff -->\nb"}]
    assert pr_comment.find(comments, "diff")["id"] == 2 and pr_comment.find(comments, "orcid") is None
