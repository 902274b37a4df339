"""The target contract (targets/base.py): every registered target satisfies it, a new record target needs one
module and one registry line, and the run loop is the one place where an error becomes a failed Outcome."""

from __future__ import annotations

import ast
import inspect
import json
import shutil
from pathlib import Path

import pytest

from profilebot import plugins
from profilebot.cli import main
from profilebot.targets import session

ROOT = Path(__file__).resolve().parents[2]
TARGETS = ROOT / "src" / "profilebot" / "targets"
EXPORT = """@article{someone2022other,
  title={A paper the profile does not list},
  author={Lovelace, Ada},
  journal={Journal of Examples},
  year={2022}
}
"""


@pytest.mark.parametrize("name", list(plugins.TARGETS))
def test_every_registered_target_satisfies_the_protocol(name):
    module = session.target(name)
    assert module.NAME == name
    assert list(inspect.signature(module.configured).parameters) == ["settings", "environ"]
    assert list(inspect.signature(module.label).parameters) == ["settings", "environ"]
    assert list(inspect.signature(module.run).parameters) == ["context"]


def test_only_the_run_loop_turns_errors_into_failed_outcomes_and_nothing_switches_on_shape():
    """An `except` that answers with Outcome(…, Status.FAILED, …) exists once, in session.run; no hasattr()."""
    for path in sorted(TARGETS.glob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        failed_in_handler = [call for handler in ast.walk(tree) if isinstance(handler, ast.ExceptHandler)
                             for call in ast.walk(handler) if isinstance(call, ast.Call)
                             and isinstance(call.func, ast.Name) and call.func.id == "Outcome"
                             and any(_is_failed(a) for a in [*call.args, *(k.value for k in call.keywords)])]
        shapes = [node for node in ast.walk(tree) if isinstance(node, ast.Call)
                  and isinstance(node.func, ast.Name) and node.func.id == "hasattr"]
        assert not shapes, path.name
        assert len(failed_in_handler) == (1 if path.name == "session.py" else 0), path.name


def _is_failed(node: ast.expr) -> bool:
    return (isinstance(node, ast.Constant) and node.value == "failed"
            or isinstance(node, ast.Attribute) and node.attr == "FAILED")


def test_every_registered_target_has_its_settings_section():
    from profilebot import config

    assert set(plugins.TARGETS) <= set(config.SECTIONS)


@pytest.fixture
def sample_registered(tmp_path, monkeypatch):
    """What a new target adds besides its module: its registry line; its section of the settings schema is what
    `python -m profilebot.schemas.generate` writes from its SETTINGS (here in memory, as config.py reads it)."""
    from profilebot import config
    from profilebot.schemas import generate
    from profilebot.validate import schema as schemas

    monkeypatch.setitem(plugins.TARGETS, "sample", "tests.targets.sample_record_target")
    original = schemas.schema
    settings_schema = generate.settings_schema(original(schemas.SETTINGS))
    monkeypatch.setattr(schemas, "schema", lambda name=schemas.PROFILE: settings_schema if name == schemas.SETTINGS
                        else original(name))
    monkeypatch.setattr(config, "SECTIONS", tuple(settings_schema["properties"]))
    monkeypatch.setattr(config, "SECTION_KEYS", {name: tuple(section["properties"]) for name, section
                                                 in settings_schema["properties"].items() if "properties" in section})
    schemas._fast_validator.cache_clear()
    yield from _workspace(tmp_path, monkeypatch)
    schemas._fast_validator.cache_clear()


def _workspace(tmp_path, monkeypatch):
    shutil.copy(ROOT / "profile.yaml", tmp_path / "profile.yaml")
    (tmp_path / "profilebot.yaml").write_text("sample:\n  file: sample.bib\n", "utf-8")
    (tmp_path / "sample.bib").write_text(EXPORT, "utf-8")
    yield tmp_path / "profile.yaml"


def test_a_new_record_target_is_one_module_one_registry_line_and_its_settings_section(sample_registered, capsys):
    assert main(["diff", str(sample_registered), "--format", "json", "--exit-code"]) == 1
    [entry] = json.loads(capsys.readouterr().out)
    assert entry["target"] == "sample" and entry["drift"] is True
    assert [w["title"] for w in entry["works"]["missing_local"]] == ["A paper the profile does not list"]
    assert main(["sync", str(sample_registered), "--target", "sample"]) == 0
    assert "sample: Sample Index: " in capsys.readouterr().out


def test_a_new_targets_error_becomes_its_failed_outcome_and_a_misspelt_key_is_refused(sample_registered, capsys):
    (sample_registered.parent / "sample.bib").unlink()
    assert main(["diff", str(sample_registered)]) == 1
    assert "profilebot: sample: failed: " in capsys.readouterr().err
    (sample_registered.parent / "profilebot.yaml").write_text("sample:\n  fiel: sample.bib\n", "utf-8")
    assert main(["diff", str(sample_registered)]) == 1
    err = capsys.readouterr().err
    assert "profilebot.yaml:2:3: unknown key 'fiel' in sample." in err and "Did you mean 'file'?" in err
