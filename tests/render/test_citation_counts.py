"""`build` shows citation counts from citations.yaml, each with its source and date, and stays offline."""

from __future__ import annotations

import shutil

from profilebot.cli import main
from profilebot.model.citations import NONE, refreshed
from profilebot.render.citations_file import render
from tests.paths import DEFAULT_PROFILE

COUNTS = {"chen2024learning": (31, "W4402914001"), "zhang2018adaptive": (25, "W2902912010"),
          "he2018fpga": (19, "W2884312011"), "fu2021learn": (15, "W3177312009"), "fu2023triple": (10, "W4390872005"),
          "yu2024geot": (0, "W4392112013")}


def workspace(tmp_path, with_counts=True, settings=""):
    shutil.copy(DEFAULT_PROFILE, tmp_path / "profile.yaml")
    if with_counts:
        (tmp_path / "citations.yaml").write_text(render(refreshed(NONE, COUNTS, "OpenAlex", "2026-12-01")), "utf-8")
    if settings:
        (tmp_path / "profilebot.yaml").write_text(settings, "utf-8")
    return tmp_path / "profile.yaml"


def test_the_static_site_shows_each_count_with_source_and_date_and_the_h_index(tmp_path):
    assert main(["build", str(workspace(tmp_path)), "-o", str(tmp_path / "out")]) == 0
    page = (tmp_path / "out" / "site" / "publications.html").read_text("utf-8")
    assert 'cited by 31 · OpenAlex, <time datetime="2026-12-01">2026-12-01</time>' in page
    assert "h-index 5 · OpenAlex, 2026-12-01" in page
    # works without a count show none (never a bare number), and a count of 0 is not printed on the page
    assert page.count('class="cited"') == len(COUNTS) - 1 and "cited by 0" not in page


def test_without_citations_yaml_nothing_is_shown(tmp_path):
    assert main(["build", str(workspace(tmp_path, with_counts=False)), "-o", str(tmp_path / "out")]) == 0
    page = (tmp_path / "out" / "site" / "publications.html").read_text("utf-8")
    assert "cited by" not in page and "h-index" not in page


def test_al_folio_gets_its_citations_data_keyed_like_papers_bib(tmp_path):
    import yaml

    profile = workspace(tmp_path, settings="site:\n  template: al-folio\n")
    assert main(["build", str(profile), "-o", str(tmp_path / "out")]) == 0
    data = yaml.safe_load((tmp_path / "out" / "site" / "_data" / "citations.yml").read_text("utf-8"))
    assert data["metadata"] == {"last_updated": "2026-12-01", "source": "OpenAlex, 2026-12-01"}
    assert data["papers"]["chen2024learning"] == {
        "title": "Learning to Maximize Mutual Information for Chain-of-Thought Distillation", "year": 2024,
        "citations": 31, "source": "OpenAlex", "date": "2026-12-01"}
    bib = (tmp_path / "out" / "site" / "_bibliography" / "papers.bib").read_text("utf-8")
    assert all(f"{{{key}," in bib for key in data["papers"])


def test_a_count_without_its_date_stops_the_build_with_its_position(tmp_path, capsys):
    profile = workspace(tmp_path, with_counts=False)
    (tmp_path / "citations.yaml").write_text("works:\n  chen2024learning: {cited_by: 31, source: OpenAlex}\n", "utf-8")
    assert main(["build", str(profile), "-o", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "citations.yaml:2:21" in err and "date" in err and "Traceback" not in err
