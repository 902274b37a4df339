"""The GitHub Actions matrix of a lab: every member in exactly one job, never more than `max_jobs` jobs.

GitHub runs at most 256 jobs per matrix, so a department of 1,000 members needs chunks: members are cut
into contiguous runs of lab.yaml's order whose sizes differ by at most one, so adding a member at the end
moves as few members between jobs as possible and a rerun gives the same jobs.
"""

from __future__ import annotations

from typing import Any

from profilebot.lab.model import Lab

GITHUB_LIMIT = 256  # jobs per matrix (docs.github.com/actions/reference/limits)


def chunks(items: list[str], max_jobs: int) -> list[list[str]]:
    """`items` in order, cut into min(len, max_jobs) contiguous chunks of near-equal size."""
    if max_jobs < 1:
        raise ValueError("max_jobs must be at least 1")
    jobs = min(max_jobs, len(items))
    if jobs == 0:
        return []
    size, extra = divmod(len(items), jobs)
    out, start = [], 0
    for job in range(jobs):
        end = start + size + (1 if job < extra else 0)
        out.append(items[start:end])
        start = end
    return out


def matrix(lab: Lab, max_jobs: int = GITHUB_LIMIT, base: str = "") -> dict[str, Any]:
    """{"include": [...]}: per job its number, its members' ids and the paths of those of their profiles kept
    in this repository (one per line, relative to the repository root through `base`, lab.yaml's folder).

    A member with `repo:` is in a job too, but their targets run in their own repository's workflow
    (`profilebot init` writes it), so the job lists no local profile for them.
    """
    by_id = {m.id: m for m in lab.members}
    include = []
    for number, ids in enumerate(chunks([m.id for m in lab.members], max_jobs), start=1):
        local = [_joined(base, str(by_id[i].profile)) for i in ids if by_id[i].profile]
        include.append({"job": number, "members": " ".join(ids), "profiles": "\n".join(local)})
    return {"include": include}


def _joined(base: str, path: str) -> str:
    return f"{base.rstrip('/')}/{path}" if base and base != "." else path
