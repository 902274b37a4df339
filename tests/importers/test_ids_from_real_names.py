"""Real sites whose page names are no valid id (a space, a BOM, 150 characters) import whole (PB001/PB407), and
an import that check refuses points at the source files, never into the profile it did not write."""

from __future__ import annotations

import json

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


def test_an_import_check_refuses_points_at_the_source_file_never_into_the_unwritten_profile(tmp_path, capsys):
    """A real JSON Resume (201younghanlee) whose first position is made to end before it starts (PB301)."""
    real = REAL_SITES / "jsonresume" / "201younghanlee__201younghanlee.github.io" / "assets" / "json" / "resume.json"
    resume = json.loads(real.read_text("utf-8"))
    resume["work"][0].update(startDate="2024-05", endDate="2023-01")
    source = tmp_path / "resume.json"
    source.write_text(json.dumps(resume, ensure_ascii=False), "utf-8")
    profile = tmp_path / "profile.yaml"
    text = "person:\n  name: Younghan Lee\n"
    profile.write_text(text, "utf-8")
    assert cli.main(["import", "jsonresume", str(source), str(profile), "--write"]) == 1
    err = capsys.readouterr().err
    errors = [line for line in err.splitlines() if " error PB" in line]
    assert errors and all(line.startswith(f"{source}: error PB301") for line in errors), err
    assert "work[0]" in errors[0] and "profile.yaml:" not in err and profile.read_text("utf-8") == text
