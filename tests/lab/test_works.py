"""The lab's one publication list: dedup across members, tenure windows, alumni; on the small lab and on
real Scholar exports imported as members."""

from __future__ import annotations

import dataclasses
import subprocess
import sys

import pytest

from profilebot.lab import works as lab_works
from profilebot.lab.model import Lab, Member
from profilebot.model import matching
from profilebot.validate.pipeline import check
from tests.lab.support import loaded
from tests.paths import REALWORLD, ROOT


def test_a_work_three_members_list_three_ways_appears_once_with_every_member(tmp_path):
    lab, profiles = loaded(tmp_path)
    found = lab_works.lab_works(lab, profiles)
    shared = [w for w in found if "shared" in w.publication.title.lower()]
    assert len(shared) == 1  # same DOI (ada, bob), a preprint of it by title (cy)
    assert shared[0].members == ("ada", "bob", "cy")
    assert shared[0].publication.status == "published"  # the published version is shown, not cy's preprint


def test_only_works_inside_each_members_tenure_count(tmp_path):
    lab, profiles = loaded(tmp_path)
    titles = {w.publication.title for w in lab_works.lab_works(lab, profiles)}
    assert "Before the lab existed" not in titles  # ada's 2010 paper, before ada's 2015-01
    assert "Before joining" not in titles          # bob's 2020-08 preprint, the month before his 2020-09
    assert "After leaving" not in titles           # cy's 2021-07 paper, the month after her 2021-06
    assert "A paper of Bob alone" in titles        # 2022, year only, while bob is current


def test_an_alumnus_keeps_the_works_of_their_time():
    lab = Lab("L", (Member("cy", "PhD student", (2016, 9), (2021, 6), "cy.yaml"),))
    profile = check("""person: {name: Cy Hopper}
publications:
  - {id: a, type: journal-article, status: published, title: During, authors: [Cy Hopper], venue: {name: V}, date: 2018-02}
  - {id: b, type: journal-article, status: published, title: After, authors: [Cy Hopper], venue: {name: V}, date: 2023-02}
""").profile
    assert [w.publication.title for w in lab_works.lab_works(lab, {"cy": profile})] == ["During"]


def test_newest_first_and_stable_for_a_rerun(tmp_path):
    lab, profiles = loaded(tmp_path)
    first = lab_works.lab_works(lab, profiles)
    days = [w.publication.date.first_day() for w in first]
    assert days == sorted(days, reverse=True)
    assert lab_works.lab_works(lab, profiles) == first


def test_the_exported_list_keeps_every_work_when_two_members_chose_one_id():
    lab = Lab("L", (Member("a", "R", (2020, 1), None, "a.yaml"), Member("b", "R", (2020, 1), None, "b.yaml")))
    text = """person: {{name: {name}}}
publications:
  - {{id: smith2021, type: journal-article, status: published, title: {title}, authors: [{name}], venue: {{name: V}}, date: 2021, todo: secret}}
"""
    profiles = {"a": check(text.format(name="Ann Smith", title="One")).profile,
                "b": check(text.format(name="Bo Smith", title="Two")).profile}
    listed = lab_works.as_profile(lab, lab_works.lab_works(lab, profiles))
    assert sorted(p.id for p in listed.publications) == ["smith2021", "smith2021-b"]
    assert all(p.todo is None for p in listed.publications)


@pytest.mark.parametrize("export", ["scholar-1.bib", "scholar-5.bib"])  # scholar-4 holds patents only
def test_real_scholar_exports_as_two_members_give_the_persons_own_works_once(tmp_path, export):
    """A real Google Scholar export imported twice (two members who list the same papers): the lab lists each
    work exactly once, as many as identity finds in one member's profile alone."""
    profile_path = tmp_path / "profile.yaml"
    profile_path.write_text("person:\n  name: Someone Real\n", "utf-8")
    result = subprocess.run([sys.executable, "-m", "profilebot", "import", "bibtex", str(REALWORLD / "scholar" / export),
                             str(profile_path), "--write", "-q"], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    profile = check(profile_path.read_text("utf-8")).profile
    assert profile is not None and len(profile.publications) > 5
    lab = Lab("L", (Member("a", "R", (1900, 1), None, "a.yaml"), Member("b", "R", (1900, 1), None, "b.yaml")))
    listed = lab_works.lab_works(lab, {"a": profile, "b": profile})
    dated = [p for p in profile.publications if p.date is not None]
    assert len(listed) == len(matching.cluster(matching.from_publication(p) for p in dated))
    assert all(w.members == ("a", "b") for w in listed)
    # One member leaves: works after they left are the other's alone.
    years = sorted({p.year for p in dated})
    middle = years[len(years) // 2]
    left = dataclasses.replace(lab, members=(lab.members[0], dataclasses.replace(lab.members[1], end=(middle, 12))))
    for work in lab_works.lab_works(left, {"a": profile, "b": profile}):
        assert work.members == (("a", "b") if work.year <= middle else ("a",)), work.publication.title
