"""The default profile.yaml carries everything in the seed CV (../shared/seed/cv.txt), as the CV prints it.

The expected values below are transcribed from the CV text independently of profile.yaml, so a paper,
an author or a co-first mark lost or reordered in the profile fails here.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from profilebot.model.profile import PRIVATE
from profilebot.validate.pipeline import check

PROFILE = Path(__file__).resolve().parent.parent / "profile.yaml"

# CV publication number → (title start, authors in order). Items 12 and 13 of the CV are the patents.
PAPERS = {
    1: ("Learning to Maximize Mutual Information", ["X. Chen", "H. Huang", "Y. Gao", "Y. Wang", "J. Zhao", "K. Ding"]),
    2: ("Fasor: A Fast Tensor Program", ["H. Huang", "X. Chen", "J. Zhao"]),
    3: ("Muti-representation Learning for WebAssembly", ["H. Huang", "J. Zhao"]),
    4: ("SIBYL: Forecasting Time-Evolving Query Workloads",
        ["H. Huang", "T. Siddiqui", "R. Alotaibi", "C. Curino", "J. Leeka", "A. Jindal", "J. Zhao",
         "J. Camacho-Rodríguez", "Y. Tian"]),
    5: ("TripLe: Revisiting Pretrained Model Reuse",
        ["C. Fu", "H. Huang", "Z. Jiang", "Y. Ni", "L. Nai", "G. Wu", "L. Cheng", "Y. Zhou", "S. Li", "A. Li",
         "J. Zhao"]),
    6: ("Q-gym: An Equality Saturation Framework",
        ["C. Fu", "H. Huang", "B. Wasti", "C. Cummins", "R. Baghdadi", "K. Hazelwood", "Y. Tian", "J. Zhao",
         "H. Leather"]),
    7: ("Ayudante: A Deep Reinforcement Learning Approach", ["H. Huang", "Z. Wang", "J. Kim", "S. Swanson", "J. Zhao"]),
    8: ("Learn-to-Share: A Hardware-friendly", ["C. Fu", "H. Huang", "X. Chen", "Y. Tian", "J. Zhao"]),
    9: ("Gatenet: Bridging the gap between binarized", ["C. Fu", "H. Huang", "X. Chen", "J. Zhao"]),
    10: ("Adaptive-Precision Framework for SGD", ["W. Zhang", "H. Huang", "J. Zhang", "M. Jiang", "G. Luo"]),
    11: ("FPGA-based Real-Time Super-Resolution System", ["Z. He", "H. Huang", "M. Jiang", "Y. Bai", "G. Luo"]),
    14: ("Neural WebAssembly Comprehension", ["H. Huang", "J. Zhao"]),
    15: ("GateFlow: Bridging The Gap", ["C. Fu", "H. Huang", "H. Chen", "Y. Li", "J. Zhao"]),
    16: ("GeoT: Building Efficient Tensor Centric Library", ["Z. Yu", "G. Zhang", "H. Huang", "K. Ding", "J. Zhao"]),
    17: ("Towards LLM-Powered Verilog RTL", ["H. Huang", "Z. Lin", "Z. Wang", "X. Chen", "K. Ding", "J. Zhao"]),
}
CO_FIRST = {10, 11, 15}  # the CV's asterisks: the first two authors of these three papers
UNDER_REVIEW = {14, 15, 16, 17}
PATENTS = {
    "CN108765282B": (["G. Luo", "Z. He", "H. Huang", "Y. Bai", "H. Jia", "M. Jiang"], "2020-10-09"),
    "US11928446B2": (["Z. Peng", "Y. Liu", "H. Huang", "Y. Ren", "J. Yang", "L. Liu", "X. Chen"], "2024-03-12"),
}
AWARDS = {"ACM SIGSOFT Distinguished Paper Award": 2024, "Machine Learning and Systems Rising Star": 2024,
          "Powell Fellowship": 2019, "Schlumberger Scholarship": 2018, "Merit Student": 2018,
          "Second Prize in the 6th PKU Young Scientists Symposium on Informatics": 2018}
POSITIONS = {  # organization → (kind, first start, last end)
    "Meta": ("industry", "2024-06", "2024-09"), "Microsoft Research": ("industry", "2022-06", "2023-05"),
    "Microsoft Research Asia": ("industry", "2018-10", "2019-05"),
    "University of California San Diego": ("research", "2019-09", "present"),
    "University of California Los Angeles": ("research", "2018-07", "2018-09"),
    "Peking University": ("research", "2017-09", "2018-03"),
}


def paper(profile, number):
    title = PAPERS[number][0]
    matches = [p for p in profile.publications if p.title.startswith(title)]
    assert len(matches) == 1, title
    return matches[0]


def test_counts(default_profile):
    assert len(default_profile.publications) == 15
    assert len(default_profile.patents) == 2
    assert len(default_profile.awards) == 6
    assert len(default_profile.education) == 3
    assert len(default_profile.positions) == 8
    assert {e.degree for e in default_profile.education} == {"Ph.D.", "M.S.", "B.S."}


def test_every_paper_with_every_author_in_order(default_profile):
    for number, (_title, authors) in PAPERS.items():
        found = paper(default_profile, number)
        assert [a.name for a in found.authors] == authors, number
        expected_status = "under-review" if number in UNDER_REVIEW else "published"
        assert found.status == expected_status, number


def test_co_first_marks_are_exactly_the_cv_asterisks(default_profile):
    for number in PAPERS:
        marks = [a.equal_contribution for a in paper(default_profile, number).authors]
        assert marks[:2] == ([True, True] if number in CO_FIRST else [False, False]), number
        assert not any(marks[2:]), number


def test_patents(default_profile):
    assert {p.number: ([a.name for a in p.inventors], p.date.iso()) for p in default_profile.patents} == PATENTS


def test_awards_and_the_award_paper_link(default_profile):
    assert {a.title: a.date.year for a in default_profile.awards} == AWARDS
    award = next(a for a in default_profile.awards if a.title == "ACM SIGSOFT Distinguished Paper Award")
    assert default_profile.publication(award.publication) is paper(default_profile, 3)


def test_positions_with_their_periods(default_profile):
    by_organization = {}
    for position in default_profile.positions:
        by_organization.setdefault(position.organization, []).append(position)
    for organization, (kind, start, end) in POSITIONS.items():
        (position,) = by_organization[organization]
        assert (position.kind, str(position.start), str(position.end)) == (kind, start, end), organization
    kwai = sorted((str(p.start), str(p.end)) for p in by_organization["Kwai Inc."])
    assert kwai == [("2020-06", "2020-09"), ("2021-06", "2021-09")]
    msr = by_organization["Microsoft Research"][0]
    assert [(str(p.start), str(p.end), p.mode) for p in msr.periods] == [
        ("2022-06", "2022-09", "full-time"), ("2022-10", "2023-05", "part-time")]
    assert msr.remote


def test_projects_link_to_their_papers(default_profile):
    links = {project.id: project.publication for project in default_profile.projects if project.publication}
    assert links["sibyl"] == paper(default_profile, 4).id
    assert links["wasmrev"] == paper(default_profile, 3).id
    assert links["ayudante"] == paper(default_profile, 7).id
    assert links["geot"] == paper(default_profile, 16).id
    gatenet = next(p for p in default_profile.projects if p.id == "gatenet")
    assert (gatenet.publication, gatenet.related_publications) == (paper(default_profile, 9).id,
                                                                    (paper(default_profile, 15).id,))
    known = {p.id for p in default_profile.publications} | {p.id for p in default_profile.patents}
    for project in default_profile.projects:
        named = ([project.publication] if project.publication else []) + list(project.related_publications)
        assert set(named) <= known, project.id


def test_the_phone_is_private_and_the_email_public(default_profile):
    person = default_profile.person
    assert person.phone.visibility == PRIVATE and person.phone.value == "+1 858 214 0677"
    assert person.public_contacts() == {"email": "hah008@ucsd.edu"}


def test_the_only_finding_is_the_seed_title_disagreement(default_profile_text):
    """As of the CV's own time (its latest entry ends September 2024)."""
    findings = check(default_profile_text, str(PROFILE), today=datetime.date(2024, 10, 1)).findings
    assert [(f.code, f.line, f.column, f.severity.value) for f in findings] == [("PB206", 237, 11, "warning")]
