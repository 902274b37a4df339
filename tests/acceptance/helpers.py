"""Shared by the acceptance tests: run the real CLI in-process or as a process, and set up the local GitHub."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from profilebot.cli import main

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
DEFAULT_PROFILE = ROOT / "profile.yaml"
TOKEN = "ghp_" + "AcceptanceT0kenNeverShown" * 2
GITHUB_ENV = ("GITHUB_TOKEN", "GITHUB_API_URL", "PROFILEBOT_GITHUB_TOKEN", "GH_TOKEN", "PROFILEBOT_APP_ID",
              "PROFILEBOT_APP_PRIVATE_KEY", "PROFILEBOT_APP_INSTALLATION_ID", "GITHUB_OUTPUT", "GITHUB_REPOSITORY",
              "GITHUB_ACTIONS", "ORCID_TOKEN", "ORCID_API_URL")
WRITE_METHODS = ("POST", "PATCH", "PUT", "DELETE")


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    seconds: float = 0.0

    @property
    def no_traceback(self) -> bool:
        # An "internal error" is how cli.main reports a bug (exit 3); a user's mistake must never read as one.
        return "Traceback" not in self.out and "internal error" not in self.out


def cli(capsys, *argv: str) -> Run:
    """The real CLI in-process; stdout and stderr together, as a person reads them."""
    started = time.perf_counter()
    code = main(list(argv))
    out, err = capsys.readouterr()
    return Run(code, out + err, time.perf_counter() - started)


def process(*argv: str, cwd: Path | None = None, env: dict[str, str] | None = None, timeout: float = 120) -> Run:
    """`python -m profilebot ARGV` as a real process with src/ on the path and no GitHub/ORCID settings."""
    environment = {k: v for k, v in os.environ.items() if k not in GITHUB_ENV}
    environment["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), environment.get("PYTHONPATH", "")])
    environment.update(env or {})
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "profilebot", *argv], cwd=cwd, env=environment,
                          capture_output=True, text=True, timeout=timeout, check=False)
    return Run(done.returncode, done.stdout + done.stderr, time.perf_counter() - started)


def copy_default_profile(folder: Path, config: str | None = None) -> Path:
    profile = folder / "profile.yaml"
    shutil.copy(DEFAULT_PROFILE, profile)
    if config is not None:
        (folder / "profilebot.yaml").write_text(config, "utf-8")
    return profile


def writes(fake) -> list[tuple[str, str, int]]:
    return [r for r in fake.requests if r[0] in WRITE_METHODS]


@contextmanager
def local_github(monkeypatch, repos: dict[str, dict[str, str] | None]):
    """A GitHubFake holding `repos`, the environment pointing at it, and retries with tiny waits."""
    from tests.fakes.github_server import GitHubFake

    from profilebot.targets import session
    from profilebot.clients.http import RetryPolicy

    monkeypatch.setattr(session, "POLICY", RetryPolicy(attempts=3, base_delay=0.01, secondary_wait=0.01,
                                                       timeout=2, write_interval=0, sleep=lambda s: None))
    for variable in GITHUB_ENV:
        monkeypatch.delenv(variable, raising=False)
    with GitHubFake(token=TOKEN) as fake:
        for name, files in repos.items():
            fake.create_repo(name, files)
        monkeypatch.setenv("GITHUB_TOKEN", TOKEN)
        monkeypatch.setenv("GITHUB_API_URL", fake.api_url)
        yield fake


def built_files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}
