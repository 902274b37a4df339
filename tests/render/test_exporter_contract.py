"""A new export format is one module and one line in plugins.EXPORTERS: `build` writes it and the exports target
takes it by name or extension (tests/render/sample_exporter.py, registered here with that one line)."""

from __future__ import annotations

import shutil

import pytest

from profilebot import plugins
from profilebot.cli import main
from profilebot.targets import exports
from tests.paths import DEFAULT_PROFILE


@pytest.fixture
def registered(monkeypatch):
    monkeypatch.setitem(plugins.EXPORTERS, "titles", "tests.render.sample_exporter")  # the one line


@pytest.mark.parametrize("name", list(plugins.EXPORTERS))
def test_every_registered_exporter_satisfies_the_interface(name):
    module = plugins.load(plugins.EXPORTERS, name, "export format")
    assert module.NAME and module.DEFAULT_PATH and module.MEDIA_TYPE and module.WORKS in ("all", "orcid")
    assert callable(module.render)


def test_a_new_export_format_is_one_module_and_one_line(registered, tmp_path, capsys):
    profile = shutil.copy(DEFAULT_PROFILE, tmp_path / "profile.yaml")
    assert main(["build", str(profile), "-o", str(tmp_path / "out")]) == 0, capsys.readouterr()
    titles = (tmp_path / "out" / "publications.txt").read_text("utf-8").splitlines()
    assert len(titles) >= 10 and all(titles)
    assert [m.NAME for m in exports.chosen({"formats": ["txt"]})] == ["titles"]
