"""A local ORCID record holding some of the test profile's papers (in altered forms) and works the profile lacks."""

from __future__ import annotations

from pathlib import Path

from tests.fakes.orcid_server import OrcidFake
from tests.fakes.orcid_works import ext, orcid_work

ORCID_ID = "0000-0002-1825-0097"
BOT_CLIENT = "APP-PROFILEBOT0001"
TOKEN = "member-token-for-tests-1234"
PROFILE = Path(__file__).resolve().parent / "profile_with_dois.yaml"
# What the seeded record lacks, and what the profile lacks, by title: what diff must list, no more.
MISSING_ON_ORCID = {
    "Learning to Maximize Mutual Information for Chain-of-Thought Distillation",
    "TripLe: Revisiting Pretrained Model Reuse and Progressive Learning for Efficient Vision Transformer Scaling and Searching",
    "FPGA-based Real-time Super-resolution Method and System",
}
MISSING_FROM_PROFILE = {"Neural Program Repair with Execution Traces", "A Survey of WebAssembly Binary Analysis"}


def seed(fake: OrcidFake) -> None:
    fake.add_record(ORCID_ID, name="Hanxian Huang")
    # The profile's paper with its title in other capitalisation and no identifier: matched on title + author.
    fake.add_work(ORCID_ID, orcid_work("FASOR: a fast tensor program optimization framework for efficient DNN "
                                       "deployment", "conference-paper", "2024", [],
                                       contributors=("Hanxian Huang", "Xinyun Chen")))
    # The arXiv preprint of a published paper: a version, linked, not a duplicate and not missing.
    fake.add_work(ORCID_ID, orcid_work("SIBYL: Forecasting Time-Evolving Query Workloads", "preprint", "2023",
                                       [ext("arxiv", "arXiv:2312.03747v2")], contributors=("Hanxian Huang",)))
    # A DOI in upper case behind a resolver URL, from Crossref.
    fake.add_work(ORCID_ID, orcid_work("Ayudante: A Deep Reinforcement Learning Approach to Assist Persistent "
                                       "Memory Programming", "conference-paper", "2021",
                                       [ext("doi", "https://doi.org/10.5555/ATC.2021.AYUDANTE")],
                                       journal="2021 USENIX Annual Technical Conference"), source="crossref")
    fake.add_work(ORCID_ID, orcid_work("Multi-level intermediate representation decoder for heterogeneous "
                                       "platforms", "patent", "2024", [ext("pat", "US11928446B2")]))
    # Works the profile lacks; the first is held by two sources (one group).
    extra = orcid_work("Neural Program Repair with Execution Traces", "journal-article", "2022",
                       [ext("doi", "10.5555/extra.repair")], journal="Journal of Test Data")
    fake.add_work(ORCID_ID, extra)
    fake.add_work(ORCID_ID, extra, source="crossref")
    fake.add_work(ORCID_ID, orcid_work("A Survey of WebAssembly Binary Analysis", "journal-article", "2023",
                                       [ext("doi", "10.5555/extra.survey")]))


