"""Real sites whose page names are no valid id (a space, a BOM, 150 characters) import whole (PB001/PB407), and
an import that check refuses points at the source files, never into the profile it did not write."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from profilebot import cli
from profilebot.model.keys import MAX_ID_LENGTH, VALID_ID
from profilebot.validate.pipeline import check
from tests.paths import REAL_SITES

SITES = {"wjmoss__academicpages.github.io": "William Moss",  # `2022-10-12-partial homoscedasticity.md`
         "MatteoMagnini__matteomagnini.github.io": "Matteo Magnini",  # names of 101–140 characters
         "Alex-Gauvain__Alex-Gauvain.github.io": "Alexandre Gauvain"}


@pytest.mark.parametrize("site", sorted(SITES))
def test_a_site_with_names_no_id_can_be_imports_every_page(site, tmp_path, capsys):
    root = REAL_SITES / "academicpages" / site
    profile = tmp_path / "profile.yaml"
    profile.write_text(f"person:\n  name: {SITES[site]}\n", "utf-8")
    assert cli.main(["import", "academicpages", str(root), str(profile), "--write"]) == 0, capsys.readouterr()
    imported = check(profile.read_text("utf-8")).profile
    entries = [*imported.publications, *imported.talks]
    pages = [p for folder in ("_publications", "_talks") for p in (root / folder).glob("*.md")]
    assert len(entries) == len(pages)  # Alex-Gauvain's two pages of one title at two venues stay two works
    assert all(VALID_ID.match(e.id) and len(e.id) <= MAX_ID_LENGTH for e in entries)
    if site.startswith("wjmoss"):
        # the page's date leaves the id (the adapter dates the file), the space becomes '-'
        assert "partial-homoscedasticity" in {t.id for t in imported.talks}


def test_an_import_check_refuses_points_at_the_source_file_and_line(tmp_path, capsys):
    bib = tmp_path / "papers.bib"
    bib.write_text("@article{good2020,\n  title={Fine},\n  author={Lovelace, Ada},\n  journal={J},\n  year={2020}\n}\n\n"
                   "@misc{patent2021,\n  title={An engine},\n  author={Lovelace, Ada},\n  note={US Patent 16/817,489},\n"
                   "  year={2021}\n}\n", "utf-8")
    profile = tmp_path / "profile.yaml"
    text = "person:\n  name: Ada Lovelace\n"
    profile.write_text(text, "utf-8")
    code = cli.main(["import", "bibtex", str(bib), str(profile), "--write"])
    err = capsys.readouterr().err
    if code == 0:
        pytest.skip("the importer now reads this patent number; nothing is refused")
    errors = [line for line in err.splitlines() if " error PB" in line]
    assert errors and all(line.startswith(f"{bib}:8") for line in errors), err
    assert "profile.yaml:" not in err and profile.read_text("utf-8") == text
