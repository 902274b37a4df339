"""The release workflow: actionlint-clean, and its version, build and check steps pass here, offline, without
uploading; trusted publishing (no stored token), the GitHub release and the major tag are in it."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

from .conftest import RELEASE, ROOT, clean_copy, run_release_step

VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]


def test_the_release_workflow_passes_actionlint():
    actionlint = shutil.which("actionlint") or shutil.which("actionlint", path=str(Path(sys.executable).parent))
    if actionlint is None:
        pytest.skip("needs actionlint (pip install -e '.[test]')")
    result = subprocess.run([actionlint, "-no-color", str(RELEASE)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_build_makes_one_sdist_and_one_wheel_that_twine_accepts(release_build, tmp_path):
    assert sorted(p.name for p in release_build.iterdir()) == [f"profilebot-{VERSION}-py3-none-any.whl",
                                                               f"profilebot-{VERSION}.tar.gz"]
    check = run_release_step(release_build.parent, tmp_path, "check", f"v{VERSION}")
    assert check.returncode == 0, check.output
    assert "PASSED" in check.output and "FAILED" not in check.output


def test_a_tag_that_is_not_the_version_stops_the_release(tmp_path):
    tree = clean_copy(tmp_path / "tree")
    result = run_release_step(tree, tmp_path / "temp", "version", "v99.0.0")
    assert result.returncode == 1
    assert f"::error title=release::tag v99.0.0 does not match version {VERSION} in pyproject.toml" in result.output


def test_publishing_is_trusted_publishing_and_the_release_moves_the_major_tag():
    workflow = yaml.safe_load(RELEASE.read_text("utf-8"))
    assert workflow[True] == {"push": {"tags": ["v*.*.*"]}}  # PyYAML reads `on:` as True
    assert workflow["permissions"] == {"contents": "read"}
    publish = workflow["jobs"]["publish"]
    assert publish["permissions"] == {"id-token": "write"}
    assert [s["uses"] for s in publish["steps"]][-1] == "pypa/gh-action-pypi-publish@release/v1"
    assert "secrets." not in RELEASE.read_text("utf-8")  # no stored PyPI token
    release = workflow["jobs"]["github-release"]
    assert release["needs"] == "publish" and release["permissions"] == {"contents": "write"}
    script = "\n".join(step.get("run", "") for step in release["steps"])
    assert "gh release create" in script and "--generate-notes" in script
    assert 'major="${GITHUB_REF_NAME%%.*}"' in script and 'git push --force origin "refs/tags/$major"' in script


def test_the_major_tag_the_release_moves_is_the_one_init_uses():
    from profilebot import distribution

    tag = f"v{VERSION}"
    moved = subprocess.run(["bash", "-c", 'echo "${GITHUB_REF_NAME%%.*}"'], env={"GITHUB_REF_NAME": tag},
                           capture_output=True, text=True, check=True).stdout.strip()
    assert distribution.current().action.endswith("@" + moved)


def test_the_docs_name_only_the_canonical_repository_and_action():
    """pyproject.toml names the repository once; every GitHub profilebot URL or `uses:` in the docs agrees."""
    import re

    from profilebot import distribution

    dist = distribution.current()
    texts = {path: path.read_text("utf-8") for path in [ROOT / "README.md", ROOT / ".pre-commit-hooks.yaml",
                                                        *sorted((ROOT / "docs").glob("*.md"))]}
    for path, text in texts.items():
        for slug in re.findall(r"github\.com/([\w.-]+/profilebot)\b", text):
            assert slug == dist.slug, f"{path.name} names {slug}"
        for action in re.findall(r"uses: ([\w.-]+/profilebot@[\w.-]+)", text):
            assert action == dist.action, f"{path.name} uses {action}"
