"""`profilebot lab check|build|matrix` as a person runs them, and a member's profile read from their own
repository through the (local, fake) GitHub API."""

from __future__ import annotations

import json

import pytest

from profilebot import cli
from tests.fakes.github_server import GitHubFake
from tests.lab.support import LAB, PROFILES, write_lab


def test_check_prefixes_each_members_findings_with_the_member(tmp_path, capsys):
    profiles = {**PROFILES, "bob": PROFILES["bob"].replace("doi: 10.1145/1000001", "doi: https://doi.org/10.1145/1000001")}
    path = write_lab(tmp_path, profiles=profiles)
    assert cli.main(["lab", "check", str(path), "--format", "text"]) == 1
    out = capsys.readouterr().out
    line = next(line for line in out.splitlines() if "PB202" in line)
    assert line.startswith(f"{tmp_path / 'people' / 'bob.yaml'}:") and "[bob] the DOI" in line
    assert "[ada]" in out and "PRIVATE-TODO" not in out.replace("[ada] 'lovelace2021shared' is incomplete: PRIVATE-TODO-ada", "")


def test_check_of_a_broken_lab_file_stops_there_with_the_position(tmp_path, capsys):
    path = write_lab(tmp_path, lab=LAB.replace("role: PhD student, from: 2020-09", "role: PhD student, from: 2020-9"))
    assert cli.main(["lab", "check", str(path), "--format", "text"]) == 1
    out = capsys.readouterr().out
    assert f"{path}:7:" in out and "members[1].from" in out and "[ada]" not in out


def test_build_writes_the_site_and_a_rebuild_writes_nothing(tmp_path, capsys):
    path = write_lab(tmp_path)
    out = tmp_path / "site"
    assert cli.main(["lab", "build", str(path), "-o", str(out)]) == 0
    assert (out / "members" / "cy.html").is_file() and (out / "publications.csl.json").is_file()
    assert cli.main(["lab", "build", str(path), "-o", str(out)]) == 0
    assert "(0 written, 10 unchanged)" in capsys.readouterr().out.splitlines()[-1]
    (out / "members" / "gone.html").write_text("a member who left lab.yaml", "utf-8")
    (out / "CNAME").write_text("lab.example.edu", "utf-8")
    assert cli.main(["lab", "build", str(path), "-o", str(out)]) == 0
    assert not (out / "members" / "gone.html").exists() and (out / "CNAME").is_file()


def test_build_refuses_a_member_profile_with_errors_naming_the_member(tmp_path, capsys):
    path = write_lab(tmp_path, profiles={**PROFILES, "cy": "person: {name: Cy}\npublications: 3\n"})
    assert cli.main(["lab", "build", str(path), "-o", str(tmp_path / "out")]) == 1
    assert "cy's profile has errors" in capsys.readouterr().err


def test_a_missing_member_profile_is_one_clear_error(tmp_path, capsys):
    path = write_lab(tmp_path, profiles={"ada": PROFILES["ada"], "bob": PROFILES["bob"]})
    assert cli.main(["lab", "build", str(path), "-o", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "cy.yaml: no such file" in err and "Traceback" not in err


def test_matrix_prints_the_jobs_as_compact_json(tmp_path, capsys, monkeypatch):
    path = write_lab(tmp_path / "labs" / "sysml")
    monkeypatch.chdir(tmp_path)
    assert cli.main(["lab", "matrix", "labs/sysml/lab.yaml", "--max-jobs", "2"]) == 0
    printed = capsys.readouterr().out
    assert printed.count("\n") == 1  # one line: `echo "matrix=$(profilebot lab matrix)" >> $GITHUB_OUTPUT`
    assert json.loads(printed) == {"include": [
        {"job": 1, "members": "ada bob", "profiles": "labs/sysml/people/ada.yaml\nlabs/sysml/people/bob.yaml"},
        {"job": 2, "members": "cy", "profiles": "labs/sysml/people/cy.yaml"}]}
    assert cli.main(["lab", "matrix", str(path), "--max-jobs", "0"]) == 2


@pytest.fixture
def github(monkeypatch):
    from profilebot.targets import session
    from profilebot.clients.http import RetryPolicy

    with GitHubFake(token="ghp_" + "L4bT0k3n" * 5) as server:
        # No pause between writes (GitHub asks bots for one; the local fake does not need it).
        monkeypatch.setattr(session, "POLICY", RetryPolicy(attempts=2, base_delay=0.01, timeout=5, write_interval=0))
        monkeypatch.setenv("GITHUB_TOKEN", server.token)
        monkeypatch.setenv("GITHUB_API_URL", server.api_url)
        for variable in ("PROFILEBOT_GITHUB_TOKEN", "GH_TOKEN", "PROFILEBOT_APP_ID", "GITHUB_REPOSITORY"):
            monkeypatch.delenv(variable, raising=False)
        yield server


def test_a_member_in_their_own_repository_is_read_through_the_api(tmp_path, github):
    github.create_repo("cyhopper/profile", {"cv/profile.yaml": PROFILES["cy"]})
    lab = LAB.replace("profile: people/cy.yaml", "repo: cyhopper/profile, path: cv/profile.yaml")
    path = write_lab(tmp_path, lab=lab, profiles={"ada": PROFILES["ada"], "bob": PROFILES["bob"]})
    assert cli.main(["lab", "build", str(path), "-o", str(tmp_path / "out")]) == 0
    assert "Cy Hopper" in (tmp_path / "out" / "members" / "cy.html").read_text("utf-8")
    assert cli.main(["lab", "check", str(path)]) == 0


def test_a_member_repository_that_lacks_the_profile_is_a_clear_error(tmp_path, github, capsys):
    github.create_repo("cyhopper/profile", {"README.md": "hi\n"})
    lab = LAB.replace("profile: people/cy.yaml", "repo: cyhopper/profile")
    path = write_lab(tmp_path, lab=lab, profiles={"ada": PROFILES["ada"], "bob": PROFILES["bob"]})
    assert cli.main(["lab", "build", str(path), "-o", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert "cyhopper/profile" in err and "Traceback" not in err


def test_sync_opens_one_pull_request_on_the_lab_site_repository_and_leaves_its_own_files(tmp_path, github, capsys):
    github.create_repo("sysml/sysml.github.io", {"CNAME": "sysml.example.edu\n", "index.html": "<p>old</p>\n"})
    lab = LAB.replace("  description: We build systems that learn.\n",
                      "  description: We build systems that learn.\n  site: {repo: sysml/sysml.github.io}\n")
    path = write_lab(tmp_path, lab=lab)
    assert cli.main(["lab", "sync", str(path)]) == 0, capsys.readouterr().err
    [pull] = github.open_pulls("sysml/sysml.github.io")
    assert pull.head == "profilebot/lab-site"
    assert "lab-site: opened" in capsys.readouterr().out
    assert cli.main(["lab", "sync", str(path)]) == 0
    assert len(github.open_pulls("sysml/sysml.github.io")) == 1  # updated in place, never a second one
    capsys.readouterr()
    assert cli.main(["lab", "sync", str(write_lab(tmp_path / "other"))]) == 0  # no site named yet: nothing to do
    assert "names no site repository yet" in capsys.readouterr().out


def test_sync_in_a_template_reads_the_branch_edits_a_member_page_in_place_and_keeps_the_sites_files(
        tmp_path, github, capsys):
    """lab.yaml's site.template: hugo-blox — the branch is read first, the lab's author profile that the site
    already has (its own avatar key and paragraph) is edited in place, and a people page of the site's own stays."""
    own_ada = "---\ntitle: Ada L.\nrole: PI\navatar_shape: square\n---\n\nAda, in the lab's own words.\n"
    own_people = "---\ntitle: Our people\ntype: landing\n---\n"
    github.create_repo("sysml/site", {"config/_default/hugo.yaml": "title: Lab\n", "content/people/index.md": own_people,
                                      "content/authors/ada/_index.md": own_ada})
    lab = LAB.replace("  description: We build systems that learn.\n",
                      "  description: We build systems that learn.\n  site: {repo: sysml/site, template: hugo-blox}\n")
    path = write_lab(tmp_path, lab=lab)
    assert cli.main(["lab", "sync", str(path)]) == 0, capsys.readouterr().err
    out = capsys.readouterr().out
    assert "content/people/index.md is yours" in out and "lab-site: opened" in out
    [pull] = github.open_pulls("sysml/site")
    tree = github.read_tree("sysml/site", pull.head)
    ada = tree["content/authors/ada/_index.md"].decode("utf-8")
    assert "title: Ada Lovelace\n" in ada and "role: Principal investigator\n" in ada
    assert "avatar_shape: square\n" in ada and ada.endswith("\nAda, in the lab's own words.\n")
    assert tree["content/people/index.md"].decode("utf-8") == own_people
    assert tree["config/_default/hugo.yaml"] == b"title: Lab\n"
    assert {"content/authors/bob/_index.md", "content/publications/lovelace2021shared/index.md",
            ".profilebot/publications.json"} <= set(tree)
    assert cli.main(["lab", "sync", str(path)]) == 0
    assert len(github.open_pulls("sysml/site")) == 1
