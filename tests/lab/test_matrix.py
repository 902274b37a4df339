"""The Actions matrix: every member in exactly one job, never more than --max-jobs jobs, stable order."""

from __future__ import annotations

import pytest

from profilebot.lab import matrix
from profilebot.lab.model import Lab, Member


def lab_of(count: int) -> Lab:
    return Lab("L", tuple(Member(f"m{n:04d}", "R", (2020, 1), None, f"people/m{n:04d}.yaml") for n in range(count)))


@pytest.mark.parametrize("members", [1, 2, 5, 255, 256, 257, 300, 1000, 1001])
@pytest.mark.parametrize("max_jobs", [1, 3, 20, 256])
def test_every_member_once_in_at_most_max_jobs_in_lab_order(members, max_jobs):
    lab = lab_of(members)
    include = matrix.matrix(lab, max_jobs)["include"]
    assert len(include) == min(members, max_jobs)
    listed = [member for job in include for member in job["members"].split(" ")]
    assert listed == [m.id for m in lab.members]  # each exactly once, in lab.yaml's order
    sizes = [len(job["members"].split(" ")) for job in include]
    assert max(sizes) - min(sizes) <= 1
    assert [job["job"] for job in include] == list(range(1, len(include) + 1))
    assert matrix.matrix(lab, max_jobs) == {"include": include}  # the same jobs on a rerun


def test_profiles_are_the_local_ones_relative_to_the_repository():
    lab = Lab("L", (Member("a", "R", (2020, 1), None, "people/a.yaml"),
                    Member("b", "R", (2020, 1), None, None, repo="b/profile")))
    [job] = matrix.matrix(lab, 1, base="labs/sysml")["include"]
    assert job == {"job": 1, "members": "a b", "profiles": "labs/sysml/people/a.yaml"}


def test_adding_a_member_at_the_end_moves_few_members():
    before = matrix.chunks([f"m{n}" for n in range(100)], 10)
    after = matrix.chunks([f"m{n}" for n in range(101)], 10)
    moved = sum(len(set(a) - set(b)) for a, b in zip(after, before))
    assert moved <= 10 + 1


def test_zero_jobs_is_refused():
    with pytest.raises(ValueError):
        matrix.chunks(["a"], 0)
