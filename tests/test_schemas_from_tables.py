"""The schema parts the plugin tables decide are written from the tables (src/profilebot/schemas/generate.py):
the files in schema/ are exactly what the tables give, and a new target, site template or importer changes them
only through its own module and its table line (issue 21, side door 5)."""

from __future__ import annotations

import json
import re

import pytest

from profilebot import plugins
from profilebot.schemas import generate
from profilebot.validate import schema as schemas
from tests.paths import ROOT

SETTINGS = json.loads((ROOT / "schema" / generate.SETTINGS_FILE).read_text("utf-8"))


def test_the_schema_files_are_what_the_tables_give():
    for path, text in generate.expected().items():
        assert path.read_text("utf-8") == text, f"{path.name}: run python -m profilebot.schemas.generate"


def test_the_check_command_says_which_file_is_stale(tmp_path, monkeypatch, capsys):
    for name in (generate.SETTINGS_FILE, generate.PROFILE_FILE, generate.LAB_FILE):
        (tmp_path / name).write_bytes((ROOT / "schema" / name).read_bytes())
    monkeypatch.setattr(generate, "SCHEMA_FOLDER", tmp_path)
    assert generate.main(["--check"]) == 0
    monkeypatch.setitem(plugins.SITE_TEMPLATES, "sample-in-place", "tests.targets.sample_site_template")
    assert generate.main(["--check"]) == 1
    assert f"{generate.SETTINGS_FILE}: not what the plugin tables give" in capsys.readouterr().out
    assert generate.main([]) == 0 and generate.main(["--check"]) == 0  # written, then fresh
    template = json.loads((tmp_path / generate.SETTINGS_FILE).read_text("utf-8"))["properties"]["site"]
    assert template["properties"]["template"]["enum"][-1] == "sample-in-place"
    assert template["properties"]["template"]["description"].endswith("; sample-in-place: a sample template of the tests.")


def test_the_layout_is_kept_so_a_hand_written_section_stays_byte_identical():
    """The sections no target owns (rules, dashboard, names, cv) come through unchanged, byte for byte."""
    text = (ROOT / "schema" / generate.SETTINGS_FILE).read_text("utf-8")
    assert generate.settings_text(SETTINGS) == text


def test_every_target_section_is_its_modules_settings_in_table_order():
    derived = generate.settings_schema(SETTINGS)["properties"]
    names = list(derived)
    assert names[:len(plugins.TARGETS) + 1] == [generate.FIRST_SECTION, *plugins.TARGETS]
    for name, module in plugins.TARGETS.items():
        declared = __import__(module, fromlist=["SETTINGS"]).SETTINGS
        assert set(derived[name]["properties"]) == set(declared["properties"]), name


def test_a_new_target_adds_its_section_from_its_module(monkeypatch):
    monkeypatch.setitem(plugins.TARGETS, "sample", "tests.targets.sample_record_target")
    derived = generate.settings_schema(SETTINGS)["properties"]
    assert list(derived).index("sample") == len(plugins.TARGETS)  # after the other targets, before dashboard
    assert derived["sample"]["properties"] == {"file": {"type": "string", "description":
                                                        "The BibTeX file, relative to profilebot.yaml."}}


def test_origin_templates_are_the_ones_importers_mark_their_entries_with():
    profile = schemas.schema(schemas.PROFILE)
    assert profile["$defs"]["origin"]["properties"]["template"]["enum"] == generate.origin_templates()
    assert set(generate.origin_templates()) <= set(plugins.SITE_TEMPLATES)  # each one's adapter edits them


def test_an_importer_with_a_template_adds_it_to_the_origin_choices(monkeypatch):
    monkeypatch.setitem(plugins.IMPORTERS, "rendercv", "tests.importers.sample_importer")
    monkeypatch.setattr("tests.importers.sample_importer.TEMPLATE", "rendercv-site", raising=False)
    text = generate.profile_text((ROOT / "schema" / generate.PROFILE_FILE).read_text("utf-8"),
                                 generate.origin_templates())
    assert json.loads(text)["$defs"]["origin"]["properties"]["template"]["enum"][-1] == "rendercv-site"


def test_the_lab_templates_are_the_lab_tables_in_the_schema_and_the_command(tmp_path, monkeypatch, capsys):
    """lab/pages.TEMPLATES is the one list: lab.yaml's `site.template` choices and `lab build --template`'s."""
    from profilebot import cli
    from profilebot.lab import pages

    lab = schemas.schema(generate.LAB_FILE)["properties"]["lab"]["properties"]["site"]["properties"]["template"]
    assert lab["enum"] == list(pages.TEMPLATES)
    for name in (generate.SETTINGS_FILE, generate.PROFILE_FILE, generate.LAB_FILE):
        (tmp_path / name).write_bytes((ROOT / "schema" / name).read_bytes())
    monkeypatch.setattr(generate, "SCHEMA_FOLDER", tmp_path)
    monkeypatch.setattr(pages, "TEMPLATES", (*pages.TEMPLATES, "sample-lab"))
    assert generate.main(["--check"]) == 1
    assert f"{generate.LAB_FILE}: not what the plugin tables give" in capsys.readouterr().out
    assert generate.main([]) == 0 and generate.main(["--check"]) == 0
    written = (tmp_path / generate.LAB_FILE).read_text("utf-8")
    derived = json.loads(written)["properties"]["lab"]["properties"]["site"]["properties"]["template"]
    assert derived == {**lab, "enum": [*lab["enum"], "sample-lab"]}  # the description stays as written
    args = cli.build_parser(only="lab").parse_args(["lab", "build", "--template", "sample-lab"])
    assert args.template == "sample-lab"


@pytest.mark.parametrize("template", list(plugins.SITE_TEMPLATES))
def test_every_site_setting_a_template_adds_is_a_boolean_of_the_site_section(template):
    """A template's EXTRAS name the site setting that adds each of its extra files to a site the person brought."""
    module = __import__(plugins.SITE_TEMPLATES[template], fromlist=["NAME"])
    site = SETTINGS["properties"]["site"]["properties"]
    for setting in getattr(module, "EXTRAS", {}).values():
        assert site[setting]["type"] == "boolean", (template, setting)


@pytest.mark.parametrize("template", list(plugins.SITE_TEMPLATES))
def test_the_docs_name_every_site_template(template):
    row = next(line for line in (ROOT / "docs" / "configuration.md").read_text("utf-8").splitlines()
               if line.startswith("| `site.template` |"))
    assert f"`{template}`" in row
    readme = (ROOT / "README.md").read_text("utf-8")
    listed = re.search(r"template: static +# (.*)", readme)
    assert listed is not None and template in listed.group(1).split(" | ")


def test_the_docs_name_every_source_for_proposals():
    from profilebot.targets import profile_sources

    row = next(line for line in (ROOT / "docs" / "configuration.md").read_text("utf-8").splitlines()
               if line.startswith("| `profile.sources` |"))
    assert all(f"`{name}`" in row for name in profile_sources.TABLE)
