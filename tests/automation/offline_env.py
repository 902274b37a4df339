"""Fresh virtual environments for tests that install profilebot offline, seeing this environment's packages.

`venv --system-site-packages` is not enough: under CI the tests themselves run in a venv, and a nested
venv's "system" packages are the base interpreter's, which lack profilebot's dependencies. A .pth file
listing this interpreter's site-packages makes them (pip, setuptools>=77 and the dependencies) visible.
"""

from __future__ import annotations

import os
import site
import sys
import sysconfig
import venv
from pathlib import Path

# pip reads these from the environment: nothing is downloaded, and the package builds with the
# setuptools already installed instead of one fetched into an isolated build environment.
PIP_OFFLINE = {"PIP_NO_INDEX": "1", "PIP_NO_BUILD_ISOLATION": "0", "PIP_DISABLE_PIP_VERSION_CHECK": "1"}


def site_dirs() -> list[str]:
    candidates = [*site.getsitepackages(), site.getusersitepackages(), sysconfig.get_paths()["purelib"]]
    return list(dict.fromkeys(path for path in candidates if os.path.isdir(path)))


def create(where: Path) -> Path:
    """A venv without pip of its own that sees this environment's packages; returns its bin/ folder."""
    venv.EnvBuilder(with_pip=False).create(where)
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    (where / "lib" / version / "site-packages" / "_outer_environment.pth").write_text("\n".join(site_dirs()) + "\n")
    return where / "bin"


def pythonpath() -> str:
    """For environments the test does not create (pre-commit's hook env): the same packages via PYTHONPATH."""
    return os.pathsep.join(site_dirs())
