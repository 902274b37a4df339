"""`import academicpages` on the real sites of ../shared/realworld/sites/academicpages (SOURCES.md): every page
becomes one entry that keeps everything it holds (the profile's fields, the rest in `origin`)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from profilebot import cli
from profilebot.errors import UsageError
from profilebot.importers import academicpages
from profilebot.render.site import front_matter_edit, jekyll_urls
from tests.paths import REAL_SITES

AP = REAL_SITES / "academicpages"
SITES = sorted(p for p in AP.iterdir() if p.is_dir())


def pages_of(site: Path) -> list[tuple[str, str]]:
    return [(p.relative_to(site).as_posix(), p.read_bytes().decode("utf-8"))
            for folder in ("_publications", "_talks") if (site / folder).is_dir()
            for p in sorted((site / folder).rglob("*")) if p.is_file() and p.suffix in (".md", ".html")]


def candidates_of(site: Path):
    config = (site / "_config.yml").read_text("utf-8") if (site / "_config.yml").is_file() else None
    local = {p.relative_to(site).as_posix(): p.read_text("utf-8") for p in site.glob("files/**/*.bib")}
    return academicpages.candidates(pages_of(site), "Owner Person", local, config)


def by_path(site: Path) -> dict:
    return {c.entry["origin"]["path"]: c for c in candidates_of(site)}


@pytest.mark.parametrize("site", SITES, ids=lambda p: p.name)
def test_every_page_becomes_one_entry_that_keeps_its_keys_and_body(site):
    found = by_path(site)
    pages = [(path, text) for path, text in pages_of(site) if front_matter_edit.has_front_matter(text)
             and not path.endswith(academicpages.BIBTEX_COMPANION)]
    assert len(found) == len(pages) > 0
    for path, text in pages:
        matter = front_matter_edit.parse(text, path)
        entry = found[path].entry
        origin = entry["origin"]
        assert origin["template"] == "academicpages" and origin["path"] == path
        assert origin.get("body", "") == matter.body
        modelled = academicpages.TALK_KEYS if found[path].section == "talks" else academicpages.PUBLICATION_KEYS
        kept = origin.get("fields", {})
        # Each key of the page is either a field of the profile or kept as it was, in its order.
        assert kept == {k: v for k, v in matter.data.items() if k not in modelled and k in kept}
        assert set(matter.data) <= set(kept) | modelled | {"type"}


def test_custom_keys_are_kept_with_the_entry():
    valentyn = by_path(AP / "Valentyn1997__valentyn1997.github.io")
    fields = next(c.entry["origin"]["fields"] for path, c in valentyn.items() if "arxiv" in
                  c.entry["origin"].get("fields", {}))
    assert {"excerpt", "arxiv", "code"} <= set(fields)
    barak = by_path(AP / "BarakGahtan__barakgahtan.github.io")["_publications/10-beta-mixing.md"].entry
    assert {"order", "thumbnail", "excerpt", "permalink"} <= set(barak["origin"]["fields"])
    assert "date" not in barak  # `#date: 2023-10-01` is a comment, and the file name has no date


@pytest.mark.parametrize(("site", "path", "date"), [
    ("ChrisWoodgate__chriswoodgate.github.io", "_publications/2023-10-23-ismail-eat.md", "2023-12-09"),  # 2023-12-9
    ("Katarina-Poole__Katarina-Poole.github.io", "_publications/2020-ferret-weights.md", "2020-08-07"),  # 07/08/2020
    ("BillJr99__BillJr99.github.io", "_publications/2006-aamas.md", "2006-05-08"),  # '2006-05-08', quoted
])
def test_real_dates(site, path, date):
    assert by_path(AP / site)[path].entry["date"] == date


def test_talks_kept_in_publications_are_talks_and_keep_their_type():
    lucas = by_path(AP / "lucasgautheron__academicpages.github.io")
    talk = lucas["_publications/2021-06-01-A-python-package-for-long-form-recordings-and-their-annotations.md"]
    assert talk.section == "talks" and talk.entry["event"].startswith("Bergelson Lab, Duke University")
    assert talk.entry["origin"]["fields"]["type"] == "talk,invitedtalks"  # kept as written
    alex = by_path(AP / "Alex-Gauvain__Alex-Gauvain.github.io")["_talks/2023-10-01-hydromodpy-rst.md"]
    assert alex.entry["origin"]["fields"]["type"] == "Oral presentation"


def test_entities_are_decoded_in_titles_and_venues():
    lucas = by_path(AP / "lucasgautheron__academicpages.github.io")
    entry = lucas["_publications/2017-01-01-Des-chiffres-pour-apprhender-lanti-Mlenchonisme-de-la-presse.md"].entry
    assert entry["title"] == "Des chiffres pour appréhender l'anti-Mélenchonisme de la presse"
    fh = by_path(AP / "FHellmann__fhellmann.github.io")["_publications/2021-DdfRfuldiCi.md"].entry
    assert fh["venue"]["name"] == ("2021 43rd Annual International Conference of the IEEE Engineering in Medicine & "
                                   "Biology Society (EMBC)")


def test_subfolders_and_bibtex_companions():
    cea = by_path(AP / "CEA-jiangming__CEA-jiangming.github.io")
    assert "_publications/articles/jiang2017.md" in cea and "_publications/proceedings/basp2019.md" in cea
    assert not [p for p in cea if p.endswith(".html") or p.endswith("readme.md")]
    # The page's companion holds its BibTeX in <pre>: authors (LaTeX accents), volume and pages come from there.
    entry = cea["_publications/articles/jiang2017.md"].entry
    assert entry["authors"] == ["Jiang, Ming", "Bobin, Jérôme", "Starck, Jean-Luc"]
    assert (entry["volume"], entry["pages"]) == ("10", "1997-2021")
    assert entry["redirect_from"] == ["/publications/articles/jiang2017"]


def test_a_page_without_permalink_keeps_the_address_config_gives_it():
    site = AP / "Valentyn1997__valentyn1997.github.io"
    path = "_publications/2020-01-29-unsupervised-anomaly-detection-for-x-ray-images.md"
    assert "permalink" not in front_matter_edit.parse((site / path).read_text("utf-8"), path).data
    entry = by_path(site)[path].entry
    assert entry["redirect_from"] == ["/publications/2020-01-29-unsupervised-anomaly-detection-for-x-ray-images/"]
    config = jekyll_urls.SiteConfig.parse((site / "_config.yml").read_text("utf-8"))
    assert config.url(path) == entry["redirect_from"][0]


def test_authors_from_bibtex_blocks_in_the_body():
    valentyn = by_path(AP / "Valentyn1997__valentyn1997.github.io")
    for path, candidate in valentyn.items():
        if candidate.section == "publications":
            assert len(candidate.entry["authors"]) > 1 and "todo" not in candidate.entry, path


def test_authors_that_cannot_be_read_are_an_error_with_page_and_line(tmp_path, capsys):
    site = tmp_path / "site"
    shutil.copytree(AP / "sharanramjee__sharanramjee.github.io", site)
    page = site / "_publications" / "wcl2020.md"
    text = page.read_text("utf-8")
    line = next(i for i, l in enumerate(text.splitlines(), 1) if l.startswith("citation:"))
    page.write_text(text.replace("citation: '", "citation: '(2020) 12345: ", 1), "utf-8")
    with pytest.raises(UsageError) as caught:
        candidates_of(site)
    assert f"_publications/wcl2020.md:{line}:1: the authors of" in str(caught.value)
    profile = tmp_path / "profile.yaml"
    profile.write_text("person:\n  name: Sharan Ramjee\n", "utf-8")
    assert cli.main(["import", "academicpages", str(site), str(profile), "--write"]) == 2
    err = capsys.readouterr().err
    assert f"wcl2020.md:{line}:1: the authors of" in err and "Traceback" not in err
    assert profile.read_text("utf-8") == "person:\n  name: Sharan Ramjee\n"  # no guess is imported
