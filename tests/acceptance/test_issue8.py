"""Issue 8 (the exports target): the default format list, the default repository, dropping a format, `--target all`."""

from __future__ import annotations

from tests.acceptance.helpers import DEFAULT_PROFILE, built_files, cli, copy_default_profile, local_github, writes
from profilebot.cli import main

# The formats the issue names; "all" (no `formats:`) may add more exporters, such as cv.md.
EXPORT_NAMES = {"publications.bib", "publications.ris", "publications.enw", "publications.rfw",
                "publications.csl.json", "resume.json", "orcid-works.json", "orcid-works.xml", "orcid-import.bib"}
DATA = {"README.md": "data\n", "exports/NOTES.md": "keep me\n"}


def build_output(tmp_path) -> dict[str, bytes]:
    assert main(["-q", "build", str(DEFAULT_PROFILE), "-o", str(tmp_path / "build")]) == 0
    return built_files(tmp_path / "build")


def test_without_formats_every_export_is_committed_byte_identical_to_build(tmp_path, monkeypatch, capsys):
    profile = copy_default_profile(tmp_path, "exports:\n  repo: octo/data\n  path: exports/\n")
    built = build_output(tmp_path)
    with local_github(monkeypatch, {"octo/data": DATA}) as fake:
        run = cli(capsys, "sync", str(profile))
        assert run.code == 0 and "exports: opened pull request #1" in run.out, run.out
        tree = fake.read_tree("octo/data", "profilebot/exports")
        committed = {p.removeprefix("exports/") for p in tree if p.startswith("exports/") and ".profilebot" not in p}
        exports_built = {name for name in built if "/" not in name}  # build's exports; site/ is the site's
        assert EXPORT_NAMES <= exports_built
        assert committed == exports_built | {"NOTES.md"}
        for name in exports_built:
            assert tree["exports/" + name] == built[name], name
        assert tree["README.md"] == b"data\n" and fake.read_tree("octo/data")["README.md"] == b"data\n"
        assert len(fake.open_pulls("octo/data")) == 1


def test_the_repository_defaults_to_github_repository(tmp_path, monkeypatch, capsys):
    profile = copy_default_profile(tmp_path, "exports:\n  formats: [bib]\n")
    with local_github(monkeypatch, {"octo/profile": {"profile.yaml": "x\n"}}) as fake:
        monkeypatch.setenv("GITHUB_REPOSITORY", "octo/profile")
        run = cli(capsys, "sync", "--target", "exports", str(profile))
        assert run.code == 0, run.out
        tree = fake.read_tree("octo/profile", "profilebot/exports")
        assert "exports/publications.bib" in tree and "exports/publications.ris" not in tree


def test_a_format_dropped_from_the_list_is_removed_by_the_next_pr(tmp_path, monkeypatch, capsys):
    profile = copy_default_profile(tmp_path, "exports:\n  repo: octo/data\n  formats: [bib, ris]\n")
    with local_github(monkeypatch, {"octo/data": DATA}) as fake:
        assert cli(capsys, "sync", str(profile)).code == 0
        fake.merge_pull("octo/data", 1)
        (tmp_path / "profilebot.yaml").write_text("exports:\n  repo: octo/data\n  formats: [bib]\n", "utf-8")
        run = cli(capsys, "sync", str(profile))
        assert run.code == 0, run.out
        tree = fake.read_tree("octo/data", "profilebot/exports")
        assert "exports/publications.bib" in tree and "exports/publications.ris" not in tree
        assert tree["exports/NOTES.md"] == b"keep me\n"  # never the bot's, never removed
        assert len(fake.open_pulls("octo/data")) == 1


def test_target_all_tries_every_target_when_the_exports_one_fails(tmp_path, monkeypatch, capsys):
    config = "site:\n  repo: octo/site\nexports:\n  repo: octo/data\n  formats: [bib]\n"
    profile = copy_default_profile(tmp_path, config)
    with local_github(monkeypatch, {"octo/site": {"README.md": "me\n"}, "octo/data": DATA}) as fake:
        fake.fail("POST", r"^/repos/octo/data/git/", status=500, times=None)
        run = cli(capsys, "sync", "--target", "all", str(profile))
        assert run.code == 1 and run.no_traceback, run.out
        lines = [line for line in run.out.splitlines() if line.startswith(("site:", "exports:"))]
        assert any(line.startswith("site: opened pull request") for line in lines), run.out
        assert any(line.startswith("exports: failed") for line in lines), run.out
        assert len(fake.open_pulls("octo/site")) == 1 and fake.open_pulls("octo/data") == []
        assert fake.branch_sha("octo/data", "profilebot/exports") is None  # no half-made branch
        fake.reset_log()
        fake.clear_faults()
        rerun = cli(capsys, "sync", "--target", "all", str(profile))
        assert rerun.code == 0, rerun.out
        assert len(fake.open_pulls("octo/site")) == 1 and len(fake.open_pulls("octo/data")) == 1
        assert [w for w in writes(fake) if "/octo/site/" in w[1]] == []  # the site PR was already right
