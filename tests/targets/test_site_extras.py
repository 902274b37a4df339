"""A site the person brought gets only what the profile's entries need: the generated extras (the CV PDF,
al-folio's _data/cv.yml and _data/coauthors.yml) go only to a site profilebot set up, or when the person sets
site.cv_pdf / cv_data / coauthors_data (diff/site_files.py, adoption.extras_left_out). Real sites, imported
as a new user imports them."""

from __future__ import annotations

import json
import shutil

import pytest

from profilebot.render.site import academicpages, al_folio
from tests.acceptance.helpers import cli, copy_default_profile, local_github
from tests.paths import REAL_SITES, ROOT

ACADEMICPAGES = REAL_SITES / "academicpages" / "Alex-Gauvain__Alex-Gauvain.github.io"  # no files/cv.pdf of its own
AL_FOLIO = REAL_SITES / "al-folio" / "0jaehunny0__0jaehunny0.github.io"  # no cv.yml or cv.pdf; its own coauthors.yml


def imported(tmp_path, capsys, site, template: str, settings: str = ""):
    """A copy of the real site and a profile imported from it (only the owner's name before)."""
    assert site.is_dir(), f"the real-site corpus is missing: {site}"
    clone = tmp_path / "clone"
    shutil.copytree(site, clone, symlinks=True)
    profile = tmp_path / "profile.yaml"
    profile.write_text("person:\n  name: The Owner\n", "utf-8")
    (tmp_path / "profilebot.yaml").write_text(f"site:\n  template: {template}\n{settings}", "utf-8")
    run = cli(capsys, "-q", "import", template, str(clone), str(profile), "--write")
    assert run.code == 0, run.out
    return clone, profile


def test_an_adopted_academicpages_site_gets_no_cv_pdf_and_the_run_names_the_setting(tmp_path, capsys):
    clone, profile = imported(tmp_path, capsys, ACADEMICPAGES, "academicpages")
    assert not (clone / academicpages.CV_PDF).exists()
    run = cli(capsys, "build", str(profile), "--site-only", "-o", str(clone))
    assert run.code == 0, run.out
    assert not (clone / academicpages.CV_PDF).exists()
    assert "files/cv.pdf not added" in run.out and "set site.cv_pdf: true in profilebot.yaml" in run.out


def test_an_adopted_al_folio_site_gets_no_cv_data_coauthors_or_cv_pdf(tmp_path, capsys):
    clone, profile = imported(tmp_path, capsys, AL_FOLIO, "al-folio")
    run = cli(capsys, "build", str(profile), "--site-only", "-o", str(clone))
    assert run.code == 0, run.out
    absent = {path: setting for path, setting in al_folio.EXTRAS.items() if not (AL_FOLIO / path).exists()}
    assert {al_folio.CV, al_folio.CV_PDF} <= set(absent)
    for path, setting in absent.items():
        assert not (clone / path).exists(), path
        assert f"{path} not added" in run.out and f"site.{setting}: true" in run.out
    for path in set(al_folio.EXTRAS) - set(absent):  # the person's own (coauthors.yml here): left alone
        assert (clone / path).read_bytes() == (AL_FOLIO / path).read_bytes(), path


def test_the_opt_in_setting_adds_the_cv_pdf_to_an_adopted_site(tmp_path, capsys):
    clone, profile = imported(tmp_path, capsys, ACADEMICPAGES, "academicpages", "  cv_pdf: true\n")
    run = cli(capsys, "build", str(profile), "--site-only", "-o", str(clone))
    assert run.code == 0, run.out
    assert (clone / academicpages.CV_PDF).read_bytes().startswith(b"%PDF")
    assert "not added" not in run.out
    manifest = json.loads((clone / ".profilebot" / "publications.json").read_text("utf-8"))
    assert academicpages.CV_PDF in manifest["files"]

    # Without the setting now, the manifest still lists it as the bot's: deleted, it comes back.
    (tmp_path / "profilebot.yaml").write_text("site:\n  template: academicpages\n", "utf-8")
    (clone / academicpages.CV_PDF).unlink()
    run = cli(capsys, "build", str(profile), "--site-only", "-o", str(clone))
    assert run.code == 0, run.out
    assert (clone / academicpages.CV_PDF).read_bytes().startswith(b"%PDF") and "not added" not in run.out


def test_diff_on_the_adopted_site_shows_no_change_and_names_what_it_does_not_add(tmp_path, capsys, monkeypatch):
    clone, profile = imported(tmp_path, capsys, ACADEMICPAGES, "academicpages")
    (tmp_path / "profilebot.yaml").write_text("site:\n  repo: octo/site\n  template: academicpages\n", "utf-8")
    files = {path.relative_to(ACADEMICPAGES).as_posix(): path.read_bytes()
             for path in sorted(ACADEMICPAGES.rglob("*")) if path.is_file() and not path.is_symlink()}
    with local_github(monkeypatch, {"octo/site": files}):
        run = cli(capsys, "-q", "diff", "--target", "site", "--format", "json", str(profile))
    assert run.code == 0, run.out
    (plan,) = json.loads(run.out[run.out.index("["):])
    assert plan["files"] == []
    assert plan["not_added"] == [{"path": academicpages.CV_PDF, "setting": "site.cv_pdf"}]


@pytest.mark.parametrize("template, adapter", [("academicpages", academicpages), ("al-folio", al_folio)])
def test_a_site_profilebot_sets_up_gets_every_extra_and_keeps_them(tmp_path, capsys, template, adapter):
    profile = copy_default_profile(tmp_path, f"site:\n  template: {template}\n")
    clone = tmp_path / "fresh"
    for _ in range(2):  # the second run: the manifest lists them, so they stay the bot's
        run = cli(capsys, "build", str(profile), "--site-only", "-o", str(clone))
        assert run.code == 0, run.out
        assert all((clone / path).is_file() for path in adapter.EXTRAS), sorted(adapter.EXTRAS)
        assert "not added" not in run.out


def test_every_extra_setting_is_a_site_setting_of_the_schema():
    schema = json.loads((ROOT / "schema" / "profilebot.schema.json").read_text("utf-8"))
    site = schema["properties"]["site"]["properties"]
    for adapter in (academicpages, al_folio):
        for setting in adapter.EXTRAS.values():
            assert site[setting]["type"] == "boolean", setting
