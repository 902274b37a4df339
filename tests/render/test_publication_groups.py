"""Publications grouped by kind (issue 21), on real people's papers (../shared/realworld/sites).

The CV view decides the groups once (cv_view.publication_groups); cv.md, the PDF and the static site's
publications and CV pages print those groups, each newest first, configured by profilebot.yaml's
`cv: publications:` (group_by kind | status | year | none, order, titles).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from profilebot.model.profile import Profile
from profilebot.render import cv_markdown, cv_typst, cv_view
from profilebot.render.site import static
from tests.paths import ROOT
from tests.render.site.test_academicpages_in_place import AP, imported as academicpages_import
from tests.render.site.test_al_folio_in_place import SITES as AL_FOLIO_SITES, imported, site_bib

KINDS = tuple(cv_view.KIND_TITLES)


def groups_of(profile: Profile, grouping: cv_view.Grouping = cv_view.Grouping()) -> list[tuple[str | None, list[str]]]:
    return [(title, [w.item.id for w in works]) for title, works in cv_view.publication_groups(profile, grouping)]


def md_groups(text: str) -> list[tuple[str, int]]:
    """cv.md's publication groups: each `###` heading under `## Publications` and how many papers it lists."""
    section = text.split("## Publications\n", 1)[1].split("\n## ", 1)[0]
    found: list[tuple[str, int]] = []
    for line in section.splitlines():
        if line.startswith("### "):
            found.append((line[4:], 0))
        elif found and re.match(r"\d+\. ", line):
            found[-1] = (found[-1][0], found[-1][1] + 1)
    return found


def site_groups(page: str) -> list[tuple[str, list[str]]]:
    """publications.html's groups: each section's heading and the ids of its papers, in order (patents apart)."""
    found = []
    for heading, body in re.findall(r'<h2 id="[^"]*">([^<]*)</h2>(.*?)</section>', page, re.S):
        if heading != "Patents":
            found.append((heading, re.findall(r'<li class="paper" id="([^"]+)"', body)))
    return found


@pytest.mark.parametrize("site", AL_FOLIO_SITES)
def test_every_real_papers_bib_falls_into_kinds_each_newest_first(site):
    profile = imported(site_bib(site))
    groups = cv_view.publication_groups(profile)
    ids = [w.item.id for _, works in groups for w in works]
    assert sorted(ids) == sorted(p.id for p in profile.publications)  # every paper, once
    titles = [title for title, _ in groups]
    assert titles == [cv_view.KIND_TITLES[k] for k in KINDS if cv_view.KIND_TITLES[k] in titles]
    for _, works in groups:
        days = [w.date.first_day() for w in works if w.date]
        assert days == sorted(days, reverse=True)
    for title, works in groups:
        for work in works:
            paper = work.publication
            assert paper is not None
            if paper.status in ("under-review", "in-preparation", "preprint"):
                assert title == "Preprints and Work under Review", paper.id
            elif paper.type == "journal-article":
                assert title == "Journal Articles", paper.id


@pytest.mark.parametrize(("site", "theses"), [
    ("K-Wu__K-Wu.github.io", ["kunphdthesis2024"]),                          # @phdthesis
    ("ellisbrown__ellisbrown.github.io", ["brown2023online"]),               # @mastersthesis
    ("strubell__strubell.github.io", ["thesis19-strubell", "thesis12-strubell"]),  # biblatex's @thesis
])
def test_theses_of_real_sites_are_their_own_group(site, theses):
    groups = dict(groups_of(imported(site_bib(site))))
    assert groups["Theses"] == theses


def test_academicpages_categories_of_real_sites_give_the_kind():
    """Alex-Gauvain's `category: theses` and `reports`, Jieli12's `thesis` and `arXiv` (declared in each site's
    `publication_category`) were all 'Other Publications'."""
    gauvain = dict(groups_of(academicpages_import(AP / "Alex-Gauvain__Alex-Gauvain.github.io")))
    assert len(gauvain["Theses"]) == 3 and len(gauvain["Reports"]) == 1 and "Other Publications" not in gauvain
    li = academicpages_import(AP / "Jieli12__Jieli12.github.io")
    groups = dict(groups_of(li))
    assert len(groups["Theses"]) == 1 and "Other Publications" not in groups
    (preprint,) = [p for p in li.publications if p.id in groups["Preprints and Work under Review"]]
    assert (preprint.type, preprint.status) == ("preprint", "preprint")


def test_cv_md_the_pdf_and_the_site_print_the_same_groups():
    profile = imported(site_bib("swabhs__swabhs.github.io"))
    view = groups_of(profile)
    assert [t for t, _ in view] == ["Journal Articles", "Conference Papers", "Preprints and Work under Review",
                                    "Theses", "Other Publications"]
    assert md_groups(cv_markdown.render(profile)) == [(t, len(ids)) for t, ids in view]
    pages = {a.path: a.data.decode() for a in static.render(profile, {})}
    assert site_groups(pages["publications.html"]) == view
    cv_page = pages["cv.html"]
    assert [m for m in re.findall(r'<h3 class="group">([^<]*)</h3>', cv_page)] == [t for t, _ in view]
    typ, _pdf = cv_typst.render_started(profile)
    data = json.loads(json.loads(re.search(r"#let cv = json\(bytes\((\".*\")\)\)", typ.data.decode()).group(1)))
    (section,) = [s for s in data["sections"] if s["key"] == "publications"]
    assert [(g["title"], len(g["entries"])) for g in section["groups"]] == [(t, len(ids)) for t, ids in view]


def test_order_titles_and_the_other_groupings():
    profile = imported(site_bib("K-Wu__K-Wu.github.io"))
    grouping = cv_view.Grouping.from_mapping({"order": ["thesis", "conference"],
                                              "titles": {"thesis": "PhD Thesis", "preprint": "Preprints"}})
    assert [t for t, _ in groups_of(profile, grouping)] == ["PhD Thesis", "Conference Papers", "Journal Articles",
                                                            "Preprints"]
    by_status = groups_of(profile, cv_view.Grouping.from_mapping({"group_by": "status", "order": ["preprint"]}))
    assert [t for t, _ in by_status] == ["Preprints", "Published"]
    by_year = groups_of(profile, cv_view.Grouping("year"))
    years = [int(t) for t, _ in by_year if t and t.isdigit()]
    assert years == sorted(years, reverse=True) and len(years) == len(by_year)
    (whole,) = groups_of(profile, cv_view.Grouping("none"))
    assert whole[0] is None and len(whole[1]) == len(profile.publications)
    one_list = cv_markdown.render(profile, cv_view.Grouping("none")).split("## Publications\n", 1)[1]
    assert "###" not in one_list.split("\n## ")[0] and md_groups(cv_markdown.render(profile, cv_view.Grouping("none"))) == []


def test_the_settings_schema_names_the_groups_the_view_knows():
    schema = json.loads((ROOT / "schema" / "profilebot.schema.json").read_text("utf-8"))
    publications = schema["properties"]["cv"]["properties"]["publications"]
    assert publications["properties"]["group_by"]["enum"] == list(cv_view.GROUP_BY)
    by_kind, by_status = publications["allOf"][0]["else"], publications["allOf"][0]["then"]
    assert by_kind["properties"]["order"]["items"]["enum"] == list(cv_view.KIND_TITLES)
    assert by_status["properties"]["order"]["items"]["enum"] == list(cv_view.STATUS_TITLES)
    assert set(publications["properties"]["titles"]["propertyNames"]["enum"]) == {*cv_view.KIND_TITLES,
                                                                                 *cv_view.STATUS_TITLES}


def _build(folder: Path, settings: str, *argv: str) -> subprocess.CompletedProcess[str]:
    profile = folder / "profile.yaml"
    (folder / "profilebot.yaml").write_text(settings, "utf-8")
    return subprocess.run([sys.executable, "-m", "profilebot", "build", str(profile), "-o", str(folder / "out"), *argv],
                          capture_output=True, text=True, cwd=folder, env={"PYTHONPATH": str(ROOT / "src")})


def test_build_takes_cv_publications_from_profilebot_yaml_for_cv_md_and_the_site(tmp_path):
    (tmp_path / "profile.yaml").write_bytes((ROOT / "profile.yaml").read_bytes())
    settings = "cv:\n  publications:\n    order: [preprint]\n    titles: {conference: Refereed Conference Papers}\n"
    done = _build(tmp_path, settings)
    assert done.returncode == 0, done.stderr
    expected = ["Preprints and Work under Review", "Refereed Conference Papers", "Workshop Papers"]
    assert [t for t, _ in md_groups((tmp_path / "out" / "cv.md").read_text("utf-8"))] == expected
    assert [t for t, _ in site_groups((tmp_path / "out" / "site" / "publications.html").read_text("utf-8"))] == expected


def test_an_order_of_the_wrong_keys_is_one_error_at_its_line(tmp_path):
    (tmp_path / "profile.yaml").write_bytes((ROOT / "profile.yaml").read_bytes())
    done = _build(tmp_path, "cv:\n  publications:\n    group_by: status\n    order: [published, journal]\n")
    assert done.returncode != 0 and "Traceback" not in done.stderr
    assert "profilebot.yaml:4:" in done.stderr and "'journal'" in done.stderr and "under-review" in done.stderr


def test_the_commented_cv_example_init_writes_is_valid_settings():
    """profilebot.yaml's template shows `cv: publications:` commented out; uncommented, it loads as written."""
    from profilebot import config

    template = (ROOT / "src" / "profilebot" / "templates" / "profilebot.yaml").read_text("utf-8")
    block = template[template.index("# cv:"):]
    text = "\n".join(re.sub(r"^# ?", "", line) for line in block.splitlines()) + "\n"
    settings = config.parse(text)
    grouping = cv_view.Grouping.from_mapping(settings.section("cv")["publications"])
    assert grouping.keys()[:3] == ("journal", "conference", "preprint") and grouping.by == "kind"
