"""Round trip with Google Scholar: import an export, point scholar.export at it → no drift, nothing more to add.

Over every real Scholar export in tests/fixtures/realworld (see PROVENANCE.md), including a compound
family name ("Calero Valdez") that Scholar writes three ways in one file, and an export with duplicate
keys and garbled author lists.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from profilebot.commands.import_ import proposed_edit
from profilebot.importers import bibtex
from profilebot.targets import scholar
from profilebot.validate.pipeline import check

REAL = Path(__file__).resolve().parents[1] / "fixtures" / "realworld"
# export → (owner as they write their name, the keys Scholar gave that must survive as ids)
EXPORTS = {
    "scholar-calero.bib": ("André Calero Valdez", ["calero2010mental", "holzinger2014towards", "valdez2010task"]),
    "scholar-1.bib": ("Sean Crowell", ["crowell2022performance", "crowellthere"]),
    "scholar-4.bib": ("Veeresh Taranalli", []),
    "scholar-5.bib": ("Jean-Paul Laumond", []),
}


def imported(name: str) -> tuple[str, str]:
    owner = EXPORTS[name][0]
    empty = f"person:\n  name: {owner}\n"
    export = str(REAL / name)
    _, text = proposed_edit(empty, check(empty).profile, "bibtex", export)
    return text, export


@pytest.mark.parametrize("name", sorted(EXPORTS))
def test_import_then_diff_against_the_same_export_reports_no_drift(name):
    text, export = imported(name)
    profile = check(text).profile
    drift = scholar.plan(profile, scholar.works_of((REAL / name).read_text("utf-8"), export))
    assert drift.missing_remote == () and drift.missing_local == ()
    # ... and a second import changes nothing.
    additions, again = proposed_edit(text, profile, "bibtex", export)
    assert additions == [] and again == text


@pytest.mark.parametrize("name", sorted(EXPORTS))
def test_scholar_keys_survive_as_ids(name):
    text, _ = imported(name)
    ids = {p.id for p in check(text).profile.publications}
    assert set(EXPORTS[name][1]) <= ids
    source_keys = {entry.key for entry in bibtex.parse((REAL / name).read_text("utf-8"), name)}
    # Every id is a Scholar key, except where Scholar reused one key for two papers (a, b… then).
    assert all(i in source_keys or i[:-1] in source_keys for i in ids)


def test_the_compound_name_owner_is_found_on_every_paper():
    text, _ = imported("scholar-calero.bib")
    findings = check(text).findings
    assert [f for f in findings if f.code == "PB207"] == []
