"""`profilebot init`: a working starter repository, nothing overwritten, reruns change nothing."""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

from profilebot import cli
from profilebot.commands import init

ROOT = Path(__file__).resolve().parents[2]
WRITTEN = {"profile.yaml", "profilebot.yaml", ".github/workflows/profilebot-check.yml",
           ".github/workflows/profilebot-sync.yml", ".pre-commit-config.yaml", "schema/profile.schema.json",
           "schema/profilebot.schema.json", ".gitignore"}


def tree(directory: Path) -> dict[str, str]:
    return {str(p.relative_to(directory)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(directory.rglob("*")) if p.is_file() and ".git/" not in f"{p.relative_to(directory)}/"}


def git_repository(path: Path) -> Path:
    path.mkdir()
    subprocess.run(["git", "init", "-q", str(path)], check=True)
    return path


def test_init_check_build_in_a_new_repository_and_rerun_changes_nothing(tmp_path, capsys):
    repo = git_repository(tmp_path / "repo")
    assert cli.main(["init", str(repo), "--name", "Ada O'Lovelace: Countess"]) == 0
    first = capsys.readouterr().out
    assert set(tree(repo)) == WRITTEN
    assert all(f"written       {repo / path}" in first for path in WRITTEN)

    profile = repo / "profile.yaml"
    assert profile.read_text().startswith("# yaml-language-server: $schema=./schema/profile.schema.json\n")
    assert yaml.safe_load(profile.read_text())["person"]["name"] == "Ada O'Lovelace: Countess"
    assert cli.main(["check", str(profile)]) == 0
    assert "no problems found" in capsys.readouterr().out
    assert cli.main(["build", str(profile), "-o", str(tmp_path / "out")]) == 0
    assert (tmp_path / "out" / "publications.bib").exists()

    before = tree(repo)
    assert cli.main(["init", str(repo), "--name", "Someone Else"]) == 0
    second = capsys.readouterr().out
    assert tree(repo) == before
    assert all(f"kept (exists) {repo / path}" in second for path in WRITTEN)


def test_init_keeps_an_existing_profile_and_adds_only_what_is_missing(tmp_path, capsys):
    repo = git_repository(tmp_path / "repo")
    mine = (ROOT / "profile.yaml").read_bytes()
    (repo / "profile.yaml").write_bytes(mine)
    (repo / ".github" / "workflows").mkdir(parents=True)
    (repo / ".github" / "workflows" / "profilebot-sync.yml").write_text("name: mine\n")
    assert cli.main(["init", str(repo), "--name", "X"]) == 0
    out = capsys.readouterr().out
    assert (repo / "profile.yaml").read_bytes() == mine
    assert (repo / ".github/workflows/profilebot-sync.yml").read_text() == "name: mine\n"
    assert f"kept (exists) {repo / 'profile.yaml'}" in out and f"written       {repo / 'profilebot.yaml'}" in out


def test_the_name_comes_from_git_config_when_not_given(tmp_path, capsys):
    repo = git_repository(tmp_path / "repo")
    subprocess.run(["git", "-C", str(repo), "config", "user.name", "Grace Hopper"], check=True)
    assert cli.main(["init", str(repo)]) == 0
    assert yaml.safe_load((repo / "profile.yaml").read_text())["person"]["name"] == "Grace Hopper"


def test_a_file_in_place_of_the_directory_is_a_usage_error(tmp_path, capsys):
    (tmp_path / "taken").write_text("")
    assert cli.main(["init", str(tmp_path / "taken")]) == 2
    assert "is a file" in capsys.readouterr().err


def uses(workflow: bytes) -> list[str]:
    return [step["uses"] for job in yaml.safe_load(workflow)["jobs"].values() for step in job["steps"]
            if "uses" in step and not step["uses"].startswith("actions/")]


def test_the_workflows_use_the_action_of_the_canonical_repository_at_the_major_tag():
    from profilebot import distribution

    dist = distribution.current()
    assert dist.repository == tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["urls"]["Repository"]
    assert dist.action == f"{dist.repository.removeprefix('https://github.com/')}@v{dist.version.split('.')[0]}"
    planned = init.plan("Ada")
    for path in (".github/workflows/profilebot-check.yml", ".github/workflows/profilebot-sync.yml"):
        assert uses(planned[path]) == [dist.action]
        assert b"pip install" not in planned[path]


def test_init_action_pins_a_fork_or_a_sha(tmp_path, capsys):
    repo = git_repository(tmp_path / "repo")
    pin = "ada/profilebot-fork@0123456789abcdef0123456789abcdef01234567"
    assert cli.main(["-q", "init", str(repo), "--name", "Ada", "--action", pin]) == 0
    for name in ("profilebot-check.yml", "profilebot-sync.yml"):
        assert uses((repo / ".github/workflows" / name).read_bytes()) == [pin]
    assert cli.main(["init", str(tmp_path / "other"), "--action", "not a ref; rm -rf /"]) == 2
    assert "is not an action reference" in capsys.readouterr().err


def test_init_in_an_empty_git_repository_passes_actionlint(tmp_path):
    actionlint = shutil.which("actionlint") or shutil.which("actionlint", path=str(Path(sys.executable).parent))
    if actionlint is None:
        pytest.skip("needs actionlint (pip install -e '.[test]')")
    repo = git_repository(tmp_path / "repo")
    assert cli.main(["-q", "init", str(repo), "--name", "Ada"]) == 0
    workflows = sorted((repo / ".github/workflows").glob("*.yml"))
    assert len(workflows) == 2
    result = subprocess.run([str(Path(actionlint).resolve()), "-no-color", *map(str, workflows)], cwd=repo, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_secret_and_variable_the_workflows_read_is_explained_with_its_command():
    planned = init.plan("Ada")
    text = b"".join(planned[p] for p in planned if p.startswith(".github/")).decode()
    read = set(re.findall(r"\b(?:secrets|vars)\.([A-Z_]+)", text)) - {"GITHUB_TOKEN"}
    assert read == set(init.SETTINGS)
    for name, (kind, _purpose, command) in init.SETTINGS.items():
        assert f"{kind}s.{name}" in text.replace("vars.", "variables.")
        assert command.startswith(f"gh {kind} set {name}")


def test_the_next_steps_name_the_imports_the_docs_and_the_gh_commands(tmp_path, capsys):
    from profilebot import distribution
    from profilebot.commands import import_

    repo = git_repository(tmp_path / "repo")
    subprocess.run(["git", "-C", str(repo), "remote", "add", "origin", "https://github.com/ada/profile.git"],
                   check=True)
    assert cli.main(["init", str(repo), "--name", "Ada"]) == 0
    out = capsys.readouterr().out
    for source in import_.SOURCES:
        assert f"profilebot import {source} " in out
    assert "Google Scholar export" in out and "ORCID iD" in out
    links = re.findall(r"https://\S+", out)
    assert links and all(link.startswith(distribution.current().repository + "/blob/v") for link in links)
    assert {"configuration.md", "automation.md", "orcid.md"} <= {link.rsplit("/", 1)[1] for link in links}
    for page in ("configuration.md", "automation.md", "orcid.md"):
        assert (ROOT / "docs" / page).is_file()
    for name in init.SETTINGS:
        assert re.search(rf"gh (secret|variable) set {name} --repo ada/profile\b", out), name


def test_an_existing_gitignore_gains_the_output_folder_once(tmp_path, capsys):
    repo = git_repository(tmp_path / "repo")
    (repo / ".gitignore").write_bytes(b"*.pyc\r\n.venv/")
    assert cli.main(["init", str(repo), "--name", "Ada"]) == 0
    assert f"updated       {repo / '.gitignore'}" in capsys.readouterr().out
    assert (repo / ".gitignore").read_bytes() == b"*.pyc\r\n.venv/\r\n/profilebot-output/\r\n"
    assert cli.main(["init", str(repo)]) == 0
    assert f"kept (exists) {repo / '.gitignore'}" in capsys.readouterr().out
    assert (repo / ".gitignore").read_bytes() == b"*.pyc\r\n.venv/\r\n/profilebot-output/\r\n"
    ignored = subprocess.run(["git", "-C", str(repo), "check-ignore", "profilebot-output/site/index.html"], capture_output=True)
    assert ignored.returncode == 0


def test_this_repository_runs_the_same_workflows_it_ships():
    """The repo's check.yml/sync.yml are what init writes with one line changed: its own action, from the checkout."""
    from profilebot import distribution

    planned = init.plan("Ada")
    for name in ("check", "sync"):
        shipped = planned[f".github/workflows/profilebot-{name}.yml"].decode().splitlines()
        here = (ROOT / ".github/workflows" / f"{name}.yml").read_text().splitlines()
        differing = [(a, b) for a, b in zip(shipped, here) if a != b]
        assert len(shipped) == len(here) and len(differing) == 1
        assert differing[0][0].strip() == f"uses: {distribution.current().action}"
        assert differing[0][1].strip().startswith("uses: ./")


def test_the_starter_files_link_the_docs_absolutely():
    from profilebot import distribution

    planned = init.plan("Ada")
    text = b"".join(planned.values()).decode()
    assert "${" not in text.replace("${{", "")  # every placeholder filled
    links = set(re.findall(r"https://github\.com/\S+/docs/[\w.-]+", text))
    assert {distribution.current().docs(page) for page in ("automation.md", "orcid.md", "configuration.md")} <= links
    for link in links:
        assert (ROOT / "docs" / link.rsplit("/", 1)[1]).is_file(), link


def test_init_from_bibtex_fills_the_new_profile_and_a_rerun_imports_nothing(tmp_path, capsys):
    scholar_export = ROOT / "tests/fixtures/realworld/scholar-4.bib"
    repo = git_repository(tmp_path / "repo")
    assert cli.main(["init", str(repo), "--name", "Till Kroeger", "--from-bibtex", str(scholar_export)]) == 0
    profile = yaml.safe_load((repo / "profile.yaml").read_text())
    assert {"kroeger2024secondary", "cox2021traffic", "campos2023system"} <= {p["id"] for p in profile["patents"]}
    assert (repo / "profile.yaml").read_text().startswith("# yaml-language-server:")  # comments kept
    assert cli.main(["check", str(repo / "profile.yaml")]) == 0
    before = tree(repo)
    assert cli.main(["init", str(repo), "--from-bibtex", str(scholar_export)]) == 0
    assert tree(repo) == before


def test_init_from_orcid_reads_the_live_record_on_the_local_orcid(tmp_path, monkeypatch):
    import json

    from tests.fakes.orcid_server import OrcidFake

    work = json.loads((ROOT / "tests/fixtures/orcid/work-full-3.0.json").read_text())
    with OrcidFake() as orcid:
        orcid.add_record("0000-0002-1825-0097", name="Josiah Carberry")
        orcid.add_work("0000-0002-1825-0097", work, source="crossref")
        monkeypatch.setenv("ORCID_API_URL", orcid.api_url)
        repo = git_repository(tmp_path / "repo")
        assert cli.main(["-q", "init", str(repo), "--name", "Josiah Carberry", "--from-orcid",
                         "0000-0002-1825-0097"]) == 0
    titles = [p["title"] for p in yaml.safe_load((repo / "profile.yaml").read_text())["publications"]]
    assert titles == [work["title"]["title"]["value"]]


def test_init_lab_writes_a_lab_whose_check_build_and_matrix_pass_and_a_rerun_changes_nothing(tmp_path, capsys,
                                                                                              monkeypatch):
    repo = git_repository(tmp_path / "lab")
    assert cli.main(["init", "--lab", str(repo), "--name", "Ada O'Lovelace"]) == 0
    assert set(tree(repo)) == {"lab.yaml", "people/ada-o-lovelace/profile.yaml", "people/ada-o-lovelace/profilebot.yaml",
                               ".github/workflows/profilebot-lab.yml", ".pre-commit-config.yaml", ".gitignore",
                               "schema/lab.schema.json", "schema/profile.schema.json", "schema/profilebot.schema.json"}
    assert "people/ada-o-lovelace/profile.yaml --write" in capsys.readouterr().out
    profile = (repo / "people/ada-o-lovelace/profile.yaml").read_text("utf-8")
    assert profile.startswith("# yaml-language-server: $schema=../../schema/profile.schema.json")
    monkeypatch.chdir(repo)
    assert cli.main(["lab", "check"]) == 0
    assert cli.main(["lab", "build", "-o", "site"]) == 0 and (repo / "site/members/ada-o-lovelace.html").is_file()
    capsys.readouterr()
    assert cli.main(["lab", "matrix"]) == 0
    assert '"profiles":"people/ada-o-lovelace/profile.yaml"' in capsys.readouterr().out
    before = tree(repo)
    assert cli.main(["-q", "init", "--lab", str(repo), "--name", "Someone Else"]) == 0
    assert tree(repo) == before
