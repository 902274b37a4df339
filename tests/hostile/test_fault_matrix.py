"""Fault matrix over the local GitHub: every write step of the PR engine × {500, 502, 503, drop, delay, 403
secondary limit, 422, lost answer} × {once, forever} × {site, exports, profile}. After the faulted run
(which completes or fails with one line) and a clean rerun: one open PR (none after a close), no stray
branch, no duplicate comment, a person's commit never lost, and a no-drift run costs two reads.

No real delays: retries sleep through a recorded no-op, and "delay" holds the request in the fake until
it closes while the client's timeout (50 ms) gives up — the same path a slow GitHub takes.
"""

from __future__ import annotations

import dataclasses

import pytest

from tests.fakes.github_server import GitHubFake
from profilebot.diff.plan import Desired, Ownership
from profilebot.errors import TargetError
from profilebot.render.artifact import Artifact
from profilebot.report import pull_request
from profilebot.targets import github_repo
from profilebot.targets.base import Location
from profilebot.clients.github import GitHubApi
from profilebot.clients.http import RetryPolicy

REPO = "octo/site"
START = {"README.md": "# mine\n", "index.html": "<p>old</p>\n", "profile.yaml": "person:\n  name: Ada\n",
         "publications.bib": "% old\n"}
# Each target's files, as its engine sees them: what it owns and two versions of them.
TARGETS = {
    "site": (("index.html", "publications/"), lambda v: {"index.html": f"<p>home {v}</p>\n",
                                                          "publications/p.html": f"<p>paper {v}</p>\n"}),
    "exports": (("publications.bib", "publications.ris"), lambda v: {"publications.bib": f"@misc{{{v}}}\n",
                                                                     "publications.ris": f"TY  - GEN\nTI  - {v}\n"}),
    "profile": (("profile.yaml",), lambda v: {"profile.yaml": f"person:\n  name: Ada\n  headline: {v}\n"}),
}
FAULTS = ("500", "502", "503", "drop", "delay", "secondary", "422", "lost")
# (scenario, method, path): every write the engine makes, in the scenario that makes it.
STEPS = [
    ("open", "POST", r"/git/trees$"), ("open", "POST", r"/git/commits$"), ("open", "POST", r"/git/refs$"),
    ("open", "POST", r"/pulls$"), ("open", "POST", r"/labels$"),
    ("update", "POST", r"/git/commits$"), ("update", "PATCH", r"/git/refs/"), ("update", "PATCH", r"/pulls/\d+$"),
    ("close", "POST", r"/comments$"), ("close", "PATCH", r"/pulls/\d+$"),
    ("human", "POST", r"/comments$"),
]
# The faulted run gives up on a held request after 50 ms. Every other run waits as long as a real client would:
# on a loaded 2-core machine an ordinary answer can take longer than 50 ms, and a spurious timeout there would
# add requests to the budget the reruns are held to.
FAULTED = RetryPolicy(attempts=4, max_wait=10, base_delay=0.01, secondary_wait=0.02, timeout=0.05, write_interval=0,
                      sleep=lambda seconds: None)
CALM = RetryPolicy(attempts=4, max_wait=10, base_delay=0.01, secondary_wait=0.02, timeout=60, write_interval=0,
                   sleep=lambda seconds: None)


def desired(target: str, version: str) -> Desired:
    owned, files = TARGETS[target]
    return Desired(tuple(Artifact.text(p, t) for p, t in sorted(files(version).items())), Ownership(owned))


def sync(fake: GitHubFake, target: str, version: str, policy: RetryPolicy = CALM):
    bot = f"profilebot/{target}"
    api = GitHubApi(fake.api_url, fake.token, REPO, policy)
    try:
        wanted = desired(target, version)
        location = Location(REPO, "main", bot)
        remote = github_repo.fetch(api, location, wanted)
        return github_repo.Sync(api, location).apply(github_repo.plan_for(target, wanted, remote), remote)
    finally:
        api.close()


def inject(fake: GitHubFake, fault: str, method: str, path: str, forever: bool) -> None:
    times = None if forever else 1
    if fault in ("500", "502", "503", "422"):
        fake.fail(method, path, status=int(fault), times=times)
    elif fault == "drop":
        fake.drop(method, path, times=times)
    elif fault == "delay":
        fake.slow(method, path, seconds=3600, times=times)  # held until the fake closes; the client gives up
    elif fault == "secondary":
        fake.secondary_rate_limit(method, path, retry_after=1, times=times)
    else:
        fake.fail_after(method, path, status=502, times=times)


def prepare(fake: GitHubFake, scenario: str, target: str) -> str | None:
    """Bring the repository to the scenario's start; returns a person's commit that must survive."""
    if scenario == "open":
        return None
    sync(fake, target, "v1")
    if scenario == "close":  # someone brings main to what the profile says: the PR has nothing left to do
        fake.commit_files(REPO, "main", dict(TARGETS[target][1]("v1")))
    if scenario == "human":
        return fake.commit_files(REPO, f"profilebot/{target}", {"notes.md": "mine\n"}, author=("Ada", "a@x.org"))
    return None


def comments(fake: GitHubFake) -> list[str]:
    return [c.body for pull in fake._world.repo(REPO).pulls.values() for c in pull.comments]


@pytest.mark.parametrize("forever", [False, True], ids=["once", "forever"])
@pytest.mark.parametrize("fault", FAULTS)
@pytest.mark.parametrize("scenario,method,path", STEPS, ids=[f"{s}-{m}-{p.strip('/$').split('/')[-1]}"
                                                            for s, m, p in STEPS])
@pytest.mark.parametrize("target", list(TARGETS))
def test_fault_then_rerun_converges(target: str, scenario: str, method: str, path: str, fault: str, forever: bool):
    with GitHubFake(token="ghp_" + "M4tr1xT0k3nValue" * 3) as fake:
        fake.create_repo(REPO, START)
        person = prepare(fake, scenario, target)
        version = "v1" if scenario == "close" else "v2" if scenario != "open" else "v1"
        fake.reset_log()
        inject(fake, fault, method, path, forever)
        try:
            sync(fake, target, version, FAULTED)
        except TargetError as error:
            first_line = str(error).split("\n  hint")[0]
            assert "\n" not in first_line and len(first_line) < 500 and fake.token not in str(error)
        faulted = len(fake.requests)
        assert faulted <= 60  # bounded: attempts × steps, whatever the fault
        fake.clear_faults()
        final = sync(fake, target, version)
        pulls = fake.open_pulls(REPO)
        refs = [ref for ref in fake._world.repo(REPO).refs if "profilebot" in ref]
        assert refs == [f"refs/heads/profilebot/{target}"] or (scenario == "close" and len(refs) <= 1)
        said = comments(fake)
        assert sum(pull_request.HUMAN_PUSH_MARKER in body for body in said) <= 1
        assert sum(pull_request.CLOSED_MARKER in body for body in said) <= 1
        if scenario == "close":
            assert pulls == [] and final.status in ("closed", "unchanged")
        elif scenario == "human":
            assert final.status == "blocked" and len(pulls) == 1
            assert fake.branch_sha(REPO, f"profilebot/{target}") == person  # the person's commit is the head
            assert sum(pull_request.HUMAN_PUSH_MARKER in body for body in said) == 1
        else:
            assert len(pulls) == 1 and pulls[0].labels == ["profilebot"]
            assert fake.read_tree(REPO, f"profilebot/{target}") == {
                **{p: t.encode() for p, t in START.items() if not desired(target, version).ownership.owns(p)},
                **{a.path: a.data for a in desired(target, version).artifacts}}
        fake.reset_log()
        again = sync(fake, target, version)
        assert again.status in ("unchanged", "blocked")
        assert [r for r in fake.requests if r[0] != "GET"] == [] and len(fake.requests) <= 4
