"""The README's quick start, followed literally in a fresh virtual environment in a copy of the checkout.

Commands come from README.md between `<!-- quickstart:start -->` and `<!-- quickstart:end -->`, one
```sh block at a time. Offline: the venv sees this environment's packages (offline_env.py; no downloads) and pip is
told to use no index and no build isolation. A block that runs the test suite is not run from inside
the test suite (it would run itself); every other block is.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from . import offline_env

ROOT = Path(__file__).resolve().parents[2]
START, END = "<!-- quickstart:start -->", "<!-- quickstart:end -->"


def quickstart_blocks() -> list[str]:
    readme = (ROOT / "README.md").read_text("utf-8") if (ROOT / "README.md").exists() else ""
    if START not in readme or END not in readme:
        pytest.skip(f"README.md has no quick start between {START} and {END}")
    section = readme.split(START, 1)[1].split(END, 1)[0]
    return re.findall(r"```(?:sh|bash|console|shell)\n(.*?)```", section, re.S)


def checkout_copy(destination: Path) -> Path:
    """The files a fresh clone has (git's view of the working tree, uncommitted work included)."""
    listed = subprocess.run(["git", "ls-files", "-co", "--exclude-standard"], cwd=ROOT, capture_output=True,
                            text=True, check=True).stdout.splitlines()
    for name in listed:
        source = ROOT / name
        if source.is_file() and not name.startswith((".venv/", "build/", "profilebot-output/")):
            (destination / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, destination / name)
    return destination


def test_readme_quick_start_works_in_a_fresh_virtual_environment(tmp_path):
    blocks = quickstart_blocks()
    assert blocks, "the quick start has no ```sh block"
    checkout = checkout_copy(tmp_path / "profilebot")
    environment_dir = tmp_path / "venv"
    bin_dir = offline_env.create(environment_dir)
    keep = {key: value for key, value in os.environ.items()
            if not key.startswith(("GITHUB_", "PIP_", "PYTHON")) and key not in ("VIRTUAL_ENV", "CI")}
    environment = keep | {"PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
                          "VIRTUAL_ENV": str(environment_dir)} | offline_env.PIP_OFFLINE
    ran = 0
    for block in blocks:
        if re.search(r"\bpytest\b", block):
            continue  # the test suite itself: this test is part of it
        result = subprocess.run(["bash", "-euo", "pipefail", "-c", block], cwd=checkout, env=environment,
                                capture_output=True, text=True, timeout=600)
        assert result.returncode == 0, f"quick-start block failed:\n{block}\n{result.stdout}\n{result.stderr}"
        ran += 1
    assert ran, "every quick-start block runs the test suite; nothing was followed"
    assert (environment_dir / "bin" / "profilebot").exists()  # installed into the fresh venv, not borrowed
    if "profilebot build" in "".join(blocks):
        # The outputs go to their own folder, not setuptools' build/ (which `pip install .` just filled).
        assert (checkout / "profilebot-output" / "cv.pdf").is_file()
        assert not (checkout / "build" / "cv.pdf").exists()
