"""`profilebot build` writes site/ for site.template from profilebot.yaml, and --template overrides it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from profilebot.cli import main
from tests.paths import ROOT



@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copy(ROOT / "profile.yaml", tmp_path / "profile.yaml")
    (tmp_path / "profilebot.yaml").write_text("site:\n  template: al-folio\n  repo: me/me.github.io\n", "utf-8")
    return tmp_path


def test_config_template_is_used_and_flag_overrides_it(project: Path) -> None:
    assert main(["--quiet", "build", str(project / "profile.yaml"), "-o", str(project / "a")]) == 0
    assert (project / "a/site/_bibliography/papers.bib").is_file()
    assert not (project / "a/site/index.html").exists()
    assert main(["--quiet", "build", str(project / "profile.yaml"), "-o", str(project / "b"),
                 "--template", "static"]) == 0
    assert (project / "b/site/index.html").is_file() and (project / "b/site/.nojekyll").is_file()
    assert main(["--quiet", "build", str(project / "profile.yaml"), "-o", str(project / "c"),
                 "--template", "academicpages"]) == 0
    assert len(list((project / "c/site/_publications").glob("*.md"))) == 15


def test_unknown_template_is_a_clear_error(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--quiet", "build", str(project / "profile.yaml"), "-o", str(project / "x"), "--template", "hugo"]) == 1
    err = capsys.readouterr().err
    assert "unknown site template 'hugo'" in err and "academicpages, al-folio, hugo-blox, static" in err
    assert "Traceback" not in err
