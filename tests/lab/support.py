"""A small lab written into a folder: three members whose profiles share one work three ways (the same DOI,
a preprint of it, the title in other capitals), each with a work outside their time in the lab, and private
values (contacts, a todo) that no lab output may print."""

from __future__ import annotations

from pathlib import Path

PRIVATE = ("ada-private@example.org", "+1 555 0100", "bob-private@example.org", "PRIVATE-TODO-ada")

LAB = """\
lab:
  name: Systems & Learning Lab
  url: https://sysml.example.edu
  description: We build systems that learn.
members:
  - {id: ada, profile: people/ada.yaml, role: Principal investigator, from: 2015-01}
  - {id: bob, profile: people/bob.yaml, role: PhD student, from: 2020-09}
  - {id: cy, profile: people/cy.yaml, role: PhD student, from: 2016-09, until: 2021-06, alumni_role: "PhD 2021, now at ETH"}
"""

PROFILES = {
    "ada": """\
person:
  name: Ada Lovelace
  headline: Professor of Computing
  bio: Ada leads the lab.
  email: {value: ada-private@example.org, visibility: private}
  phone: {value: "+1 555 0100", visibility: private}
publications:
  - id: lovelace2021shared
    type: conference-paper
    status: published
    title: "Shared Work: Learning Systems"
    authors: [Ada Lovelace, Bob Babbage, Cy Hopper]
    venue: {name: ICML}
    date: 2021-05
    doi: 10.1145/1000001
    todo: PRIVATE-TODO-ada
  - id: lovelace2010old
    type: journal-article
    status: published
    title: Before the lab existed
    authors: [Ada Lovelace]
    venue: {name: JACM}
    date: 2010-03
""",
    "bob": """\
person:
  name: Bob Babbage
  email: {value: bob-private@example.org, visibility: private}
publications:
  - id: babbage2021shared
    type: conference-paper
    status: published
    title: "Shared work: learning systems"
    authors: [Ada Lovelace, Bob Babbage, Cy Hopper]
    venue: {name: ICML}
    date: 2021-05
    doi: 10.1145/1000001
  - id: babbage2020before
    type: preprint
    status: preprint
    title: Before joining
    authors: [Bob Babbage]
    date: 2020-08
    arxiv: "2008.00001"
  - id: babbage2022solo
    type: journal-article
    status: published
    title: A paper of Bob alone
    authors: [Bob Babbage]
    venue: {name: TOCS}
    date: 2022
""",
    "cy": """\
person:
  name: Cy Hopper
publications:
  - id: hopper2021shared
    type: preprint
    status: preprint
    title: "Shared Work: Learning Systems"
    authors: [Ada Lovelace, Bob Babbage, Cy Hopper]
    date: 2020-11
    arxiv: "2011.00002"
  - id: hopper2021after
    type: journal-article
    status: published
    title: After leaving
    authors: [Cy Hopper]
    venue: {name: TOCS}
    date: 2021-07
""",
}


def write_lab(folder: Path, lab: str = LAB, profiles: dict[str, str] | None = None) -> Path:
    """The lab's files in `folder`; returns lab.yaml's path."""
    (folder / "people").mkdir(parents=True, exist_ok=True)
    for member_id, text in (PROFILES if profiles is None else profiles).items():
        (folder / "people" / f"{member_id}.yaml").write_text(text, "utf-8")
    path = folder / "lab.yaml"
    path.write_text(lab, "utf-8")
    return path


def loaded(folder: Path):
    """(Lab, profiles by member id) of the lab written into `folder`."""
    from profilebot.lab import load
    from profilebot.validate.pipeline import check

    path = write_lab(folder)
    lab = load.check(path.read_text("utf-8")).lab
    assert lab is not None
    return lab, {m: check(text).profile for m, text in PROFILES.items()}
