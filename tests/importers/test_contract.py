"""The importer table (plugins.IMPORTERS) and its one interface (importers/source.py): every registered importer
satisfies it, `profilebot import` dispatches through the table only, and a new importer is one module and one
line — proven by registering tests/importers/sample_importer.py and importing a real RenderCV CV with it."""

from __future__ import annotations

import ast
import re
import inspect
import shutil

import pytest

from profilebot import plugins
from profilebot.cli import main
from profilebot.commands import import_
from profilebot.validate.pipeline import check
from tests.paths import ROOT, SHARED

RENDERCV = SHARED / "realworld" / "sites" / "rendercv" / "bateman__rendercv-pipeline" / "src" / "Fabio_Calefato_CV.yaml"


@pytest.mark.parametrize("name", list(plugins.IMPORTERS))
def test_every_registered_importer_satisfies_the_interface(name):
    module = import_.importer(name)
    assert module.NAME == name and isinstance(module.VALUE, str) and module.VALUE and module.EXAMPLE
    assert list(inspect.signature(module.imported).parameters) == ["request"]
    if hasattr(module, "steps"):
        assert list(inspect.signature(module.steps).parameters) == ["value", "disk"]


def test_the_command_names_no_source():
    """No hand-written dispatch: commands/import_.py never spells a source's name (the table does)."""
    tree = ast.parse((ROOT / "src" / "profilebot" / "commands" / "import_.py").read_text("utf-8"))
    spelled = {node.value for node in ast.walk(tree) if isinstance(node, ast.Constant) and node.value in plugins.IMPORTERS}
    assert not spelled
    assert import_.SOURCES == tuple(plugins.IMPORTERS)


def test_a_new_importer_is_one_module_and_one_line(tmp_path, monkeypatch, capsys):
    monkeypatch.setitem(plugins.IMPORTERS, "rendercv", "tests.importers.sample_importer")  # the one line
    profile = tmp_path / "profile.yaml"
    profile.write_text("person:\n  name: Fabio Calefato\n", "utf-8")
    cv = shutil.copy(RENDERCV, tmp_path / "cv.yaml")
    with pytest.raises(SystemExit):
        main(["import", "--help"])
    assert "rendercv: a RenderCV YAML file" in " ".join(capsys.readouterr().out.split())
    assert main(["import", "rendercv", str(cv), str(profile), "--write"]) == 0, capsys.readouterr()
    checked = check(profile.read_text("utf-8"))
    assert not checked.errors(), checked.errors()
    titles = [p.title for p in checked.profile.publications]
    assert "A multivocal literature review on the benefits and limitations of industry-leading AutoML tools" in titles
    assert len(titles) > 20
    assert main(["import", "rendercv", str(cv), str(profile)]) == 0  # a second import finds nothing new
    assert "nothing" in capsys.readouterr().out.lower()


@pytest.mark.parametrize("name", list(plugins.IMPORTERS))
def test_the_readme_names_every_importer(name):
    spans = re.findall(r"`profilebot import ([^`]+)`", (ROOT / "README.md").read_text("utf-8"))
    assert any(re.search(rf"(^|\|){re.escape(name)}\b", span) for span in spans), name
