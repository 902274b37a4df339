"""When two records are one work (model/matching.py), on real BibTeX: import, the Scholar drift and check agree.

* Every real .bib in ../shared/realworld (al-folio sites, Scholar exports): import into an empty profile; the
  Scholar drift against the same file then finds nothing missing, a second import adds nothing, and every
  source entry the import did not add as its own entry is named in a merge with its reason.
* Two papers of one al-folio site carrying one mistyped arXiv id are two works (594zyc: the INTERSPEECH paper).
* A bioRxiv preprint whose author list differs from the published paper's is its own work, on every run.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from profilebot.commands.import_ import proposed_edit
from profilebot.errors import ProfilebotError
from profilebot.importers import bibtex
from profilebot.importers.propose import propose
from profilebot.report.works import format_additions
from profilebot.targets import scholar
from profilebot.validate.pipeline import check
from tests.paths import REAL_SITES, SHARED

BIBS = sorted([*REAL_SITES.glob("al-folio/*/_bibliography/*.bib"), *(SHARED / "realworld" / "scholar").glob("*.bib")])
EMPTY = "person:\n  name: Ada Lovelace\n"


def _import(text: str, export: Path) -> tuple[list, str]:
    try:
        return proposed_edit(text, check(text).profile, "bibtex", str(export))
    except ProfilebotError as error:  # a file the BibTeX importer refuses is its own engineer's matter
        pytest.skip(f"{export.parent.parent.name}: the import refuses the file ({str(error).splitlines()[0][:120]})")


@pytest.mark.parametrize("export", BIBS, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_import_and_the_scholar_drift_agree_on_every_real_bibtex_file(export: Path):
    additions, text = _import(EMPTY, export)
    profile = check(text).profile
    drift = scholar.plan(profile, scholar.works_of(export.read_text("utf-8"), str(export)))
    assert drift.missing_local == (), [w.title for group in drift.missing_local for w in group]
    again, same = _import(text, export)
    assert again == [] and same == text
    # Nothing of the source vanished without a word: an entry is added, or named in a merge.
    entries = bibtex.parse(export.read_text("utf-8"), str(export))
    origins = {a.origin for a in additions} | {m.rsplit(" (", 1)[0] for a in additions for m in a.merged}
    named = {o for o in origins if "@" in o}
    assert all(any(f"{{{e.key}}} (line {e.line})" in o for o in named) for e in entries)


def test_two_papers_with_one_mistyped_arxiv_id_are_both_imported():
    export = REAL_SITES / "al-folio" / "594zyc__594zyc.github.io" / "_bibliography" / "papers.bib"
    additions, text = _import(EMPTY, export)
    titles = {p.title.rstrip(".") for p in check(text).profile.publications}
    assert {"Elastic CRFs for Open-Ontology Slot Filling",
            "Improved Learning of Word Embeddings with Word Definitions and Semantic Injection"} <= titles
    assert not [a for a in additions if a.merged]


# A real Scholar entry (scholar-1.bib) and the bioRxiv preprint of it as Scholar exports one, with another author list.
PREPRINT = """
@article{shi2017model,
  title={Model structures amplify uncertainty in predicted soil carbon responses to climate change},
  author={Shi, Zheng and Luo, Yiqi},
  journal={bioRxiv},
  pages={213876},
  year={2017},
  publisher={Cold Spring Harbor Laboratory}
}
"""


def test_a_biorxiv_preprint_with_other_authors_is_not_folded_into_the_paper(tmp_path: Path):
    export = tmp_path / "scholar.bib"
    export.write_text((SHARED / "realworld" / "scholar" / "scholar-1.bib").read_text("utf-8") + PREPRINT, "utf-8")
    additions, text = _import("person:\n  name: Sean Crowell\n", export)
    soil = [p for p in check(text).profile.publications if p.title.lower().startswith("model structures amplify")]
    assert sorted(p.status for p in soil) == ["preprint", "published"]
    drift = scholar.plan(check(text).profile, scholar.works_of(export.read_text("utf-8"), str(export)))
    assert drift.missing_local == ()
    assert _import(text, export)[0] == []
    # scholar-1.bib lists the paper twice (one copy's authors garbled): that merge is listed, with its reason.
    table = format_additions(additions)
    assert "Merged into one work" in table and "same entry twice" in table


def test_propose_names_each_merge_and_its_reason():
    text = (SHARED / "realworld" / "scholar" / "scholar-1.bib").read_text("utf-8")
    additions = propose(check("person:\n  name: Sean Crowell\n").profile, bibtex.candidates(text, "scholar-1.bib"))
    merged = [m for a in additions for m in a.merged]
    assert merged and all(m.endswith(")") and "(" in m for m in merged)
