"""Requests made by `sync` against the local GitHub on a 5,000-file repository: no drift, 1 file, 500 files.

Run: python benchmarks/sync.py. Budget (issue 5): <= 2 requests without drift and <= 8
with any drift, whatever the number of files; a per-file contents API approach needs >= 1 request per file.
Issue 20 adds a constant per run, not per target: 1 request to read the dashboard issue and 1 keep-alive PUT in
GitHub Actions (printed last); the dashboard is written only when what it shows changed.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parents[1] / "src"), str(Path(__file__).resolve().parents[1])]

from tests.fakes.github_server import GitHubFake  # noqa: E402
from profilebot import clock  # noqa: E402  (a script is an edge: it reads the clock and passes the run its moment)
from profilebot.diff.plan import Desired, Ownership  # noqa: E402
from profilebot.render.artifact import Artifact  # noqa: E402
from profilebot.targets import github_repo  # noqa: E402
from profilebot.targets.base import Location  # noqa: E402
from profilebot.clients.github import GitHubApi  # noqa: E402
from profilebot.clients.http import RetryPolicy  # noqa: E402

REPO, OWNED_FILES, OTHER_FILES = "octo/site", 500, 4500
OWNED = Ownership(("publications/", ".profilebot/"))
POLICY = RetryPolicy(write_interval=0)


def desired(edition: dict[int, str], manifest: str = "v1") -> Desired:
    files = [Artifact.text(f"publications/paper-{i:03}.html", f"<h1>Paper {i}</h1>\n<p>{edition.get(i, 'v1')}</p>\n")
             for i in range(OWNED_FILES)]
    files.append(Artifact.text(".profilebot/publications.json",
                               '{"publications": {"p": {"title": "%s"}}}\n' % manifest))
    return Desired(tuple(files), OWNED)


def run(fake: GitHubFake, label: str, wanted: Desired, branch: str | None = "main") -> None:
    fake.reset_log()
    started = time.perf_counter()
    api = GitHubApi(fake.api_url, fake.token, REPO, POLICY)
    location = Location(REPO, branch, "profilebot/site")
    remote = github_repo.fetch(api, location, wanted)
    plan = github_repo.plan_for("site", wanted, remote)
    outcome = github_repo.Sync(api, location).apply(plan, remote)
    api.close()
    seconds = time.perf_counter() - started
    calls = ", ".join(f"{method} {path.removeprefix('/repos/' + REPO)}" for method, path, _ in fake.requests)
    print(f"{label:<46} {len(plan.files):>4} files  {len(fake.requests):>2} requests  {seconds * 1000:6.0f} ms  "
          f"[{outcome.status}]\n    {calls}")


def main() -> None:
    with GitHubFake() as fake:
        base = {f"src/module-{i:04}.txt": f"unrelated {i}\n" for i in range(OTHER_FILES)}
        base |= {a.path: a.data for a in desired({}).artifacts}
        fake.create_repo(REPO, base)
        print(f"repository: {len(base)} files ({OWNED_FILES} owned by the bot), requests counted by the local GitHub\n")
        run(fake, "no drift", desired({}))
        run(fake, "no drift, base branch unset (reads HEAD)", desired({}), branch=None)
        run(fake, "1-file drift: opens the PR", desired({7: "v2"}))
        run(fake, "rerun, same drift: PR already up to date", desired({7: "v2"}))
        run(fake, "1 more file + papers changed: updates the PR", desired({7: "v2", 8: "v2"}, manifest="v2"))
        fake.merge_pull(REPO, fake.open_pulls(REPO)[0].number)
        run(fake, "after merge: no drift", desired({7: "v2", 8: "v2"}, manifest="v2"))
        run(fake, "500-file drift + papers, old bot branch left", desired({i: "v3" for i in range(OWNED_FILES)}, "v3"))
        run(fake, "500-file drift again: updates the PR", desired({i: "v4" for i in range(OWNED_FILES)}, "v4"))
    print("\nno drift = GET tree (recursive, by branch name) + GET the bot's PRs. Drift = those + GET the manifest"
          "\nblob (only when papers changed) + GET base branch (commit SHA, checks the tree did not move) + POST tree"
          "\n(inline content, sha:null deletes) + POST commit + create/move the bot ref + create/update the PR"
          "\n(+ POST label on a new PR). So a new PR whose papers changed costs 9, one over the target of 8:"
          "\nthe label cannot be set when a PR is created. A branch left by a merged PR is moved by a plain"
          "\n(fast-forward) update, which GitHub refuses if anyone pushed to it; only a diverged branch is read."
          "\nAn unset base branch costs GET /repos on a new PR.")


def constant_cost() -> None:
    """What a whole `sync` adds once, whatever its targets: the dashboard issue and the keep-alive (issue 20)."""
    import os

    from profilebot.config import Settings
    from profilebot.model.profile import Person, Profile
    from profilebot.targets import dashboard
    from profilebot.targets.base import Outcome, RunContext
    from profilebot.targets.keep_alive import keep_alive

    repo, workflow = "octo/profile", "profilebot-sync.yml"
    with GitHubFake() as fake:
        fake.create_repo(repo, {"profile.yaml": "person: {name: Ada}\n", f".github/workflows/{workflow}": "on: push\n"})
        environ = dict(os.environ, GITHUB_TOKEN=fake.token, GITHUB_API_URL=fake.api_url, GITHUB_REPOSITORY=repo,
                       GITHUB_WORKFLOW_REF=f"{repo}/.github/workflows/{workflow}@refs/heads/main")
        context = RunContext(Profile(Person("Ada")), Settings(), environ, write=True, policy=POLICY, now=clock.now())
        outcome = Outcome("site", "unchanged")
        print("\nthe run's constant cost (dashboard issue and keep-alive), counted by the local GitHub:")
        for label in ("first run: finds no dashboard, creates it", "no drift: dashboard unchanged, not edited",
                      "no drift again"):
            fake.reset_log()
            board = dashboard.open_board(context, repo)
            warning = keep_alive(context)
            done = dashboard.publish(context, board, [(outcome, 2)], ["site"], [warning] if warning else [])
            calls = ", ".join(f"{method} {path.removeprefix('/repos/' + repo)}" for method, path, _ in fake.requests)
            print(f"{label:<46} {len(fake.requests):>2} requests  [dashboard {done}]\n    {calls}")
    print("\nA run therefore costs its targets' requests + 2 (GET the dashboard by its label; PUT the workflow's"
          "\nenable, only in GitHub Actions) when nothing changed, + 1 when the dashboard changed (one PATCH).")


def site_target_on_real_sites() -> None:
    """The site target itself (targets/site.py), from the profile to the PR: the default profile on a static
    site, and real academicpages and al-folio sites (../shared/realworld/sites) after `import`, whose pages the
    template edits in place (one blob request per page it must read)."""
    import os
    import shutil
    import tempfile

    from profilebot.cli import main as cli
    from profilebot.commands.common import load_valid
    from profilebot.targets import site
    from profilebot.targets.base import RunContext
    from tests.paths import DEFAULT_PROFILE, REAL_SITES

    cases = [("default profile, static", "static", None, None),
             ("academicpages (SaoYan, 2 papers + 5 talks)", "academicpages", "academicpages",
              REAL_SITES / "academicpages" / "SaoYan__saoyan.github.io"),
             ("al-folio (0xAdriaTorralba, 9 papers)", "al-folio", "al-folio",
              REAL_SITES / "al-folio" / "0xAdriaTorralba__0xAdriaTorralba.github.io")]
    print("\nthe site target on real sites (after import), counted by the local GitHub:")
    for label, template, source, folder in cases:
        if folder is not None and not folder.is_dir():
            continue
        with tempfile.TemporaryDirectory() as work, GitHubFake() as fake:
            profile = Path(work) / "profile.yaml"
            shutil.copy(DEFAULT_PROFILE, profile)
            (Path(work) / "profilebot.yaml").write_text(f"site:\n  repo: octo/site\n  template: {template}\n")
            files = {"README.md": "mine\n"}
            if folder is not None:
                assert cli(["-q", "import", str(source), str(folder), str(profile), "--write"]) == 0
                files = {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}
            fake.create_repo("octo/site", files)
            settings, checked = load_valid(profile)
            environ = dict(os.environ, GITHUB_TOKEN=fake.token, GITHUB_API_URL=fake.api_url)
            context = RunContext(checked.profile, settings, environ, write=True, policy=POLICY, now=clock.now())
            for step in ("first sync", "after merge: no drift"):
                fake.reset_log()
                outcome = site.run(context)
                blobs = fake.count("GET", r"/git/blobs/")
                print(f"{label + ': ' + step:<66} {len(fake.requests):>2} requests ({blobs} blob reads)  "
                      f"[{outcome.status}]")
                if fake.open_pulls("octo/site"):
                    fake.merge_pull("octo/site", fake.open_pulls("octo/site")[0].number)
    print("\nA template that edits nothing in place (static) costs what it did; one that does reads each page it"
          "\nmust (a page imported from the site: True in reads) once per run, drift or not, and a page of the"
          "\nbot's only when someone changed it since (then also the manifest, once).")


if __name__ == "__main__":
    main()
    constant_cost()
    site_target_on_real_sites()
