"""The round trip of one real site, as a new user makes it, through the real CLI (the I/O shell of the harness).

    profilebot import <template> SITE profile.yaml --write      (into a profile holding only the owner's name)
    profilebot build profile.yaml --site-only -o COPY             (COPY: a byte copy of SITE)
    profilebot diff --target site --format json profile.yaml      (against SITE served by the local GitHub fake)

then `site_compare.compare(SITE, COPY)`. Every folder under ../shared/realworld/sites/{academicpages,al-folio,
hugo}/ is a site: a new one is tested without code changes. Used by tests/roundtrip/test_realworld_sites.py
and benchmarks/roundtrip.py.
"""

from __future__ import annotations

import contextlib
import fcntl
import io
import json
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from tests.paths import REAL_SITES
from tests.roundtrip import site_compare

KINDS = ("academicpages", "al-folio", "hugo")
REPO = "octo/site"
ALL_KINDS = (*site_compare.KINDS, "diff")


@dataclass(frozen=True)
class Site:
    kind: str  # "academicpages", "al-folio", "hugo": the folder under sites/
    root: Path

    @property
    def name(self) -> str:
        return f"{self.kind}/{self.root.name}"


def discover() -> list[Site]:
    return [Site(kind, folder) for kind in KINDS if (REAL_SITES / kind).is_dir()
            for folder in sorted((REAL_SITES / kind).iterdir()) if folder.is_dir()]


def template_of(kind: str) -> str | None:
    """The site template profilebot renders for this kind of site, when it has one."""
    from profilebot import plugins

    names = {"academicpages": ("academicpages",), "al-folio": ("al-folio",), "hugo": ("hugo-blox", "hugo")}[kind]
    return next((name for name in names if name in plugins.SITE_TEMPLATES), None)


def import_argv(site: Site) -> list[str] | None:
    """`import SOURCE VALUE` for the site: its template's own importer, when the CLI has one."""
    from profilebot.commands import import_

    sources = {"academicpages": ("academicpages",), "al-folio": ("al-folio",), "hugo": ("hugo", "hugo-blox")}
    source = next((name for name in sources[site.kind] if name in import_.SOURCES), None)
    if source is not None:
        return [source, str(site.root)]
    bib = site.root / "_bibliography" / "papers.bib"
    if site.kind == "al-folio" and bib.is_file():  # until `import al-folio` exists: what such a user runs today
        return ["bibtex", str(bib)]
    return None


def skip_reason(site: Site) -> str | None:
    if template_of(site.kind) is None:
        return f"profilebot has no {site.kind} site template yet"
    if import_argv(site) is None:
        return f"`profilebot import {site.kind}` does not exist yet"
    return None


def owner_name(site: Site) -> str:
    """The owner's name as the site itself gives it (_config.yml, Hugo's author profile), else the repo owner."""
    root = site.root
    config = _yaml_file(root / "_config.yml")
    author = config.get("author")
    if isinstance(author, dict) and isinstance(author.get("name"), str) and author["name"].strip():
        return author["name"].strip()
    parts = [config.get(key) for key in ("first_name", "middle_name", "last_name")]
    if any(isinstance(p, str) and p.strip() for p in parts):
        return " ".join(p.strip() for p in parts if isinstance(p, str) and p.strip())
    for path in sorted(root.glob("data/authors/*.yaml")) + sorted(root.glob("content/authors/*/_index.md")):
        data = _yaml_file(path, front_matter=path.suffix == ".md")
        name = data.get("name") if isinstance(data.get("name"), (str, dict)) else data.get("title")
        if isinstance(name, dict):
            name = " ".join(str(name.get(k) or "") for k in ("given", "family")).strip() or name.get("display")
        if isinstance(name, str) and name.strip():
            return name.strip()
    return root.name.split("__", 1)[0]


def _yaml_file(path: Path, front_matter: bool = False) -> dict[str, Any]:
    if not path.is_file():
        return {}
    text = path.read_text("utf-8", "replace")
    if front_matter:
        split = site_compare.split_front_matter(text)
        text = split[0] if split else ""
    try:
        value = yaml.safe_load(text)
    except yaml.YAMLError:
        return {}
    return value if isinstance(value, dict) else {}


def read_tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@dataclass
class RoundTrip:
    site: str
    error: str | None  # why the round trip stopped (import or build refused), with the CLI's own words
    losses: dict[str, Any]  # site_compare.Losses.as_json()
    diff: list[str]  # "change path" of every file `diff` right after import would change
    copy: str  # the folder holding the built copy
    seconds: float

    def count(self, kind: str) -> int:
        if kind == "diff":
            return len(self.diff)
        return int(self.losses.get("counts", {}).get(kind, 0))

    def details(self, kind: str) -> list[str]:
        return self.diff if kind == "diff" else list(self.losses.get("details", {}).get(kind, []))


def run(site: Site, work: Path) -> RoundTrip:
    """Import, build and diff `site` in `work` (an empty folder)."""
    from tests.fakes.github_server import GitHubFake

    started = time.perf_counter()
    template = template_of(site.kind)
    argv = import_argv(site)
    assert template and argv, skip_reason(site)
    profile = work / "profile.yaml"
    profile.write_text(f"person:\n  name: {json.dumps(owner_name(site), ensure_ascii=False)}\n", "utf-8")
    (work / "profilebot.yaml").write_text(f"site:\n  repo: {REPO}\n  template: {template}\n", "utf-8")
    copy = work / "copy"
    shutil.copytree(site.root, copy, symlinks=True)

    def result(error: str | None, losses: dict[str, Any], diff: list[str]) -> RoundTrip:
        return RoundTrip(site.name, error, losses, diff, str(copy), round(time.perf_counter() - started, 2))

    code, out = _cli(["-q", "import", *argv, str(profile), "--write"])
    if code != 0:
        return result(f"import failed (exit {code}): {out.strip()[:2000]}", {}, [])
    before = read_tree(site.root)
    diff: list[str] = []
    with GitHubFake(token="ghp_" + "NotUsedAtAll" * 3) as fake:
        fake.create_repo(REPO, dict(before))
        with _environment({"GITHUB_API_URL": fake.api_url}):
            code, out = _cli(["-q", "diff", "--target", "site", "--format", "json", str(profile)])
    if code != 0:
        return result(f"diff failed (exit {code}): {out.strip()[:2000]}", {}, [])
    plans = json.loads(out[out.index("["):]) if "[" in out else []
    diff = [f"{change['change']} {change['path']}" for plan in plans for change in plan.get("files", [])]
    code, out = _cli(["-q", "build", str(profile), "--site-only", "--template", template, "-o", str(copy)])
    if code != 0:
        return result(f"build failed (exit {code}): {out.strip()[:2000]}", {}, diff)
    losses = site_compare.compare(site.kind, before, read_tree(copy))
    return result(None, losses.as_json(), diff)


def cached(site: Site, folder: Path) -> RoundTrip:
    """`run(site)` once per test session, shared by the pytest-xdist workers through `folder` (a lock per site:
    the first worker runs it, the other waits for the result on the lock)."""
    slot = folder / site.name.replace("/", "__")
    slot.mkdir(parents=True, exist_ok=True)
    with open(slot / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        saved = slot / "result.json"
        if not saved.is_file():
            work = slot / "work"
            shutil.rmtree(work, ignore_errors=True)
            work.mkdir()
            outcome = run(site, work)
            saved.write_text(json.dumps(outcome.__dict__, ensure_ascii=False), "utf-8")
        return RoundTrip(**json.loads(saved.read_text("utf-8")))


def _cli(argv: list[str]) -> tuple[int, str]:
    """Run the real command line in this process: (exit code, stdout + stderr)."""
    from profilebot import cli
    from profilebot.targets import session
    from profilebot.clients.http import RetryPolicy

    out = io.StringIO()
    policy = session.POLICY
    session.POLICY = RetryPolicy(attempts=2, base_delay=0.01, secondary_wait=0.01, write_interval=0,
                                 sleep=lambda s: None)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
            code = cli.main(argv)
    finally:
        session.POLICY = policy
    return code, out.getvalue()


_TOKENS = ("GITHUB_TOKEN", "PROFILEBOT_GITHUB_TOKEN", "GH_TOKEN", "PROFILEBOT_APP_ID", "GITHUB_OUTPUT",
           "GITHUB_REPOSITORY", "GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY")


@contextlib.contextmanager
def _environment(values: dict[str, str]):
    saved = {name: os.environ.get(name) for name in (*values, *_TOKENS)}
    for name in _TOKENS:
        os.environ.pop(name, None)
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
