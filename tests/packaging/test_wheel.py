"""The wheel is complete: installed alone into an empty virtualenv, it runs `check` and `build` on the default
profile and writes the same bytes as the source tree does (schemas, templates, assets all inside)."""

from __future__ import annotations

import filecmp
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from profilebot import cli
from tests.automation import offline_env

from .conftest import ROOT

PACKAGE = ROOT / "src" / "profilebot"


@pytest.fixture(scope="module")
def installed(release_build, tmp_path_factory) -> Path:
    """A venv holding only the wheel; the dependencies come from this environment's site-packages (a .pth)."""
    where = tmp_path_factory.mktemp("wheel-venv")
    bin_dir = offline_env.create(where / "venv")
    wheel = next(release_build.glob("*.whl"))
    # pip of this environment installs into the new interpreter; --ignore-installed so the editable profilebot
    # that the .pth makes visible is neither taken as "already satisfied" nor uninstalled.
    subprocess.run([sys.executable, "-m", "pip", "--python", str(bin_dir / "python"), "install", "--no-deps",
                    "--no-index", "--ignore-installed", "--disable-pip-version-check", "-q", str(wheel)],
                   check=True, capture_output=True, timeout=300)
    return bin_dir


def run(bin_dir: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    environment = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "VIRTUAL_ENV")}
    return subprocess.run([str(bin_dir / "profilebot"), *args], cwd=cwd, env=environment, capture_output=True,
                          text=True, timeout=300)


def test_every_data_file_of_the_package_is_in_the_wheel(release_build):
    wheel = zipfile.ZipFile(next(release_build.glob("*.whl")))
    names = set(wheel.namelist())
    tracked = subprocess.run(["git", "ls-files", "src/profilebot"], cwd=ROOT, capture_output=True, text=True,
                             check=True).stdout.split()
    data = [name for name in tracked if not name.endswith(".py")]
    assert data and any("schemas/" in name for name in data) and any("assets/" in name for name in data)
    missing = [name for name in data if name.removeprefix("src/") not in names]
    assert not missing, f"package files missing from the wheel: {missing}"
    for name in data:  # links (schemas/ → schema/) are shipped as the files they point to
        assert wheel.read(name.removeprefix("src/")) == (ROOT / name).read_bytes(), name


def test_the_installed_wheel_is_the_profilebot_that_runs(installed, tmp_path):
    environment = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    where = subprocess.run([str(installed / "python"), "-c", "import profilebot; print(profilebot.__file__)"],
                           cwd=tmp_path, env=environment, capture_output=True, text=True, check=True).stdout.strip()
    assert Path(where).is_relative_to(installed.parent), where
    from profilebot import distribution

    version = run(installed, "--version", cwd=tmp_path)
    assert version.stdout.strip() == f"profilebot {distribution.current().version}"


def test_the_installed_wheel_checks_and_builds_the_default_profile_as_the_source_does(installed, tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    (work / "profile.yaml").write_bytes((ROOT / "profile.yaml").read_bytes())
    checked = run(installed, "check", "profile.yaml", cwd=work)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    built = run(installed, "build", "profile.yaml", "-o", "out", cwd=work)
    assert built.returncode == 0, built.stdout + built.stderr
    assert (work / "out" / "site" / "index.html").is_file() and (work / "out" / "site" / "assets").is_dir()

    assert cli.main(["-q", "build", str(work / "profile.yaml"), "-o", str(tmp_path / "from-source")]) == 0
    comparison = filecmp.dircmp(work / "out", tmp_path / "from-source")
    assert _differences(comparison) == []


def test_the_installed_wheel_starts_a_repository(installed, tmp_path):
    subprocess.run(["git", "init", "-q", str(tmp_path / "mine")], check=True)
    started = run(installed, "init", "mine", "--name", "Ada Lovelace", cwd=tmp_path)
    assert started.returncode == 0, started.stdout + started.stderr
    assert (tmp_path / "mine/schema/profilebot.schema.json").is_file()
    assert run(installed, "check", "profile.yaml", cwd=tmp_path / "mine").returncode == 0


def _differences(comparison: filecmp.dircmp, prefix: str = "") -> list[str]:
    _, mismatch, errors = filecmp.cmpfiles(comparison.left, comparison.right, comparison.common_files, shallow=False)
    found = [prefix + name for name in [*comparison.left_only, *comparison.right_only, *mismatch, *errors]]
    for name, sub in comparison.subdirs.items():
        found += _differences(sub, f"{prefix}{name}/")
    return found
