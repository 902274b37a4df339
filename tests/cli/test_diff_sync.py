"""`profilebot diff` and `sync` end to end: the real profile, site and exports targets, the local GitHub."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.fakes.github_server import GitHubFake
from profilebot.cli import main
from profilebot.targets import session
from profilebot.clients.http import RetryPolicy

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "ghp_" + "CliT0kenNeverPrinted" * 2
CONFIG = """site:
  repo: octo/site
  branch: main
exports:
  repo: octo/data
  path: exports/
  formats: [bib, ris]
"""


@pytest.fixture
def world(tmp_path, monkeypatch):
    shutil.copy(ROOT / "profile.yaml", tmp_path / "profile.yaml")
    (tmp_path / "profilebot.yaml").write_text(CONFIG, "utf-8")
    monkeypatch.setattr(session, "POLICY", RetryPolicy(attempts=3, base_delay=0.01, secondary_wait=0.01,
                                                       write_interval=0, sleep=lambda s: None))
    with GitHubFake(token=TOKEN) as fake:
        fake.create_repo("octo/site", {"README.md": "# me\n", "_config.yml": "x: 1\n", "pages/talks.md": "mine\n"})
        fake.create_repo("octo/data", {"README.md": "data\n", "exports/NOTES.md": "keep me\n"})
        monkeypatch.setenv("GITHUB_TOKEN", TOKEN)
        monkeypatch.setenv("GITHUB_API_URL", fake.api_url)
        for variable in ("PROFILEBOT_GITHUB_TOKEN", "GH_TOKEN", "PROFILEBOT_APP_ID", "GITHUB_OUTPUT",
                         "GITHUB_REPOSITORY", "GITHUB_ACTIONS"):
            monkeypatch.delenv(variable, raising=False)
        yield fake, tmp_path


def cli(capsys, *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert TOKEN not in out + err  # the token never reaches any output
    return code, out + err


def writes(fake) -> list:
    return [r for r in fake.requests if r[0] in ("POST", "PATCH", "PUT", "DELETE")]


def test_sync_all_opens_two_prs_whose_files_equal_build_output(world, capsys):
    fake, folder = world
    code, out = cli(capsys, "sync", str(folder / "profile.yaml"))
    assert code == 0, out
    assert "site: opened pull request #1" in out and "exports: opened pull request #1" in out
    assert main(["build", str(folder / "profile.yaml"), "-o", str(folder / "build")]) == 0
    built = {p.relative_to(folder / "build").as_posix(): p.read_bytes()
             for p in (folder / "build").rglob("*") if p.is_file()}
    site_tree = fake.read_tree("octo/site", "profilebot/site")
    for path, data in built.items():
        if path.startswith("site/"):
            assert site_tree[path.removeprefix("site/")] == data, path
    exports_tree = fake.read_tree("octo/data", "profilebot/exports")
    assert {p for p in exports_tree if p.startswith("exports/")} == {
        "exports/publications.bib", "exports/publications.ris", "exports/NOTES.md",
        "exports/.profilebot/publications.json"}
    assert exports_tree["exports/publications.bib"] == built["publications.bib"]
    assert exports_tree["exports/publications.ris"] == built["publications.ris"]
    assert site_tree["pages/talks.md"] == b"mine\n" and exports_tree["exports/NOTES.md"] == b"keep me\n"
    body = fake.open_pulls("octo/data")[0].body
    assert "(bibtex): papers added:" in body and TOKEN not in body
    fake.reset_log()
    code, out = cli(capsys, "sync", str(folder / "profile.yaml"))
    assert code == 0 and writes(fake) == [] and len(fake.requests) == 4  # 2 per target


def test_editing_one_paper_changes_exactly_the_files_whose_content_changes(world, capsys):
    fake, folder = world
    cli(capsys, "sync", "--target", "exports", str(folder / "profile.yaml"))
    before = fake.read_tree("octo/data", "profilebot/exports")
    fake.merge_pull("octo/data", 1)
    profile = folder / "profile.yaml"
    text = profile.read_text("utf-8")
    import yaml

    first = yaml.safe_load(text)["publications"][0]["title"]
    profile.write_text(text.replace(first, first + " Revisited", 1), "utf-8")
    # -q: the progress steps go to stderr, which cli() merges with the JSON on stdout
    code, out = cli(capsys, "-q", "diff", "--target", "exports", "--format", "json", "--exit-code",
                    str(profile))
    report = json.loads(out)
    assert code == 1 and report[0]["drift"]
    changed = {f["path"] for f in report[0]["files"]}
    assert changed == {"exports/publications.bib", "exports/publications.ris", "exports/.profilebot/publications.json"}
    assert [p["change"] for p in report[0]["publications"]] == ["updated"]
    assert report[0]["publications"][0]["fields"][0]["field"] == "title"
    code, out = cli(capsys, "sync", "--target", "exports", str(profile))
    after = fake.read_tree("octo/data", "profilebot/exports")
    assert {p for p in after if after[p] != before.get(p)} == changed
    assert "title changed (was" in fake.open_pulls("octo/data")[0].body


def test_a_fault_on_one_target_does_not_stop_the_other(world, capsys):
    fake, folder = world
    fake.fail("GET", r"^/repos/octo/site/git/trees/", status=500, times=None)
    code, out = cli(capsys, "sync", str(folder / "profile.yaml"))
    assert code == 1
    assert "site: failed: GitHub failed while trying to read branch main" in out
    assert "exports: opened pull request #1" in out
    assert len(fake.open_pulls("octo/data")) == 1 and fake.open_pulls("octo/site") == []


def test_diff_is_read_only_and_dry_run_makes_no_write(world, capsys):
    fake, folder = world
    code, out = cli(capsys, "diff", "--format", "markdown", str(folder / "profile.yaml"))
    assert code == 0 and "**new paper**" in out and "| added |" in out
    code, out = cli(capsys, "sync", "--dry-run", str(folder / "profile.yaml"))
    assert code == 0 and "site: would commit" in out and "exports: would commit" in out
    assert writes(fake) == []


def test_token_problems_are_one_clear_line_without_the_token(world, capsys, monkeypatch):
    fake, folder = world
    monkeypatch.setenv("GITHUB_TOKEN", "ghp_" + "WrongTokenValue1234" * 2)
    code, out = cli(capsys, "sync", "--target", "site", str(folder / "profile.yaml"))
    assert code == 1 and "GitHub rejected the token" in out and "expired" in out and "PROFILEBOT_GITHUB_TOKEN" in out
    assert "WrongTokenValue1234" not in out
    fake.add_token("ghp_" + "ReadOnlyTokenValue12" * 2, "octo", read_only=True)
    monkeypatch.setenv("GITHUB_TOKEN", "ghp_" + "ReadOnlyTokenValue12" * 2)
    code, out = cli(capsys, "sync", "--target", "site", str(folder / "profile.yaml"))
    assert code == 1 and "lacks permission" in out and "ReadOnlyTokenValue12" not in out
    monkeypatch.delenv("GITHUB_TOKEN")
    code, out = cli(capsys, "sync", "--target", "site", str(folder / "profile.yaml"))
    assert code == 1 and "no GitHub token" in out


def test_unknown_target_and_bad_config_are_user_errors(world, capsys):
    fake, folder = world
    code, out = cli(capsys, "diff", "--target", "orcid-nope", str(folder / "profile.yaml"))
    assert code == 1 and "unknown target 'orcid-nope'" in out
    (folder / "profilebot.yaml").write_text("exports:\n  repo: octo/data\n  formats: [bibx]\n", "utf-8")
    code, out = cli(capsys, "diff", str(folder / "profile.yaml"))
    assert code == 1 and "unknown format 'bibx'" in out


@pytest.mark.parametrize("argv, stdout", [(["sync"], ""), (["diff"], ""), (["diff", "--format", "json"], "[]\n"),
                                          (["diff", "--format", "markdown"], "no target is configured")])
def test_nothing_configured_is_said_and_is_not_a_failure(tmp_path, capsys, argv, stdout):
    """A repository `init` just wrote has every target commented out: its scheduled sync must not fail daily."""
    profile = tmp_path / "profile.yaml"
    profile.write_text("person:\n  name: Ada Lovelace\n", "utf-8")
    assert main([*argv, str(profile)]) == 0
    captured = capsys.readouterr()
    assert "no target is configured" in captured.err
    assert stdout in captured.out if stdout else captured.out == ""


def test_an_explicit_target_that_is_not_configured_is_an_error(tmp_path, capsys):
    profile = tmp_path / "profile.yaml"
    profile.write_text("person:\n  name: Ada Lovelace\n", "utf-8")
    assert main(["sync", "--target", "site", str(profile)]) == 1
    assert "site.repo is not set" in capsys.readouterr().err


def test_a_full_sync_keeps_the_dashboard_and_a_single_target_run_leaves_it_alone(world, capsys, monkeypatch):
    fake, folder = world
    fake.create_repo("octo/profile", {"profile.yaml": "person: {name: Ada}\n"})
    monkeypatch.setenv("GITHUB_REPOSITORY", "octo/profile")
    assert cli(capsys, "sync", "--target", "site", str(folder / "profile.yaml"))[0] == 0
    assert fake.issues("octo/profile") == []  # it would have shown `exports` as not configured
    assert cli(capsys, "sync", str(folder / "profile.yaml"))[0] == 0
    body = fake.issues("octo/profile")[0].body
    assert "| `site` | pull request [#1]" in body and "| `exports` | pull request [#1]" in body
    assert "| `orcid` | not configured |" in body
    fake.reset_log()
    assert cli(capsys, "sync", str(folder / "profile.yaml"))[0] == 0
    assert [p for m, p, _ in fake.requests if m != "GET"] == []  # nothing new: no write at all outside Actions
    assert len(fake.issues("octo/profile")) == 1


def test_the_dashboard_can_be_switched_off(world, capsys, monkeypatch):
    fake, folder = world
    fake.create_repo("octo/profile", {"profile.yaml": "person: {name: Ada}\n"})
    monkeypatch.setenv("GITHUB_REPOSITORY", "octo/profile")
    (folder / "profilebot.yaml").write_text(CONFIG + "dashboard:\n  enabled: false\n", "utf-8")
    assert cli(capsys, "sync", str(folder / "profile.yaml"))[0] == 0
    assert fake.issues("octo/profile") == [] and fake.count("*", r"/issues$") == 0


def test_several_targets_in_one_run_with_commas_or_spaces(world, capsys):
    """`--target site,exports` (what action.yml passes through, instead of looping over the names in bash)."""
    fake, folder = world
    for choice in ("site,exports", "exports site", " site , exports,site "):
        code, out = cli(capsys, "diff", "--target", choice, str(folder / "profile.yaml"))
        assert "site:" in out and "exports:" in out, (choice, out)
    code, out = cli(capsys, "diff", "--target", "site,orcid-nope", str(folder / "profile.yaml"))
    assert code == 1 and "unknown target 'orcid-nope'" in out
    assert writes(fake) == []
