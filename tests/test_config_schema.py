"""schema/profilebot.schema.json is the one list of profilebot.yaml's keys: config.py reads it, the docs
describe every key of it, and its choices are the names the code knows."""

from __future__ import annotations

import re
from pathlib import Path

import jsonschema
import pytest

from profilebot import config, plugins
from profilebot.errors import ConfigError
from profilebot.targets import profile_sources
from profilebot.validate import schema as schemas

ROOT = Path(__file__).resolve().parents[1]
SETTINGS_SCHEMA = schemas.schema(schemas.SETTINGS)


def keys() -> list[str]:
    """Every `section.key` the schema defines."""
    return [f"{section}.{key}" for section, body in SETTINGS_SCHEMA["properties"].items()
            for key in body.get("properties", {})]


def test_the_schema_is_valid_draft_2020_12():
    jsonschema.Draft202012Validator.check_schema(SETTINGS_SCHEMA)


def test_config_takes_its_sections_and_keys_from_the_schema():
    assert set(config.SECTIONS) == set(SETTINGS_SCHEMA["properties"])
    assert {f"{s}.{k}" for s, ks in config.SECTION_KEYS.items() for k in ks} == set(keys())


@pytest.mark.parametrize("key", keys())
def test_every_key_is_described_in_the_schema_and_in_the_docs(key):
    section, name = key.split(".")
    assert SETTINGS_SCHEMA["properties"][section]["properties"][name].get("description"), key
    assert f"`{key}`" in (ROOT / "docs" / "configuration.md").read_text("utf-8"), key


def test_every_section_is_documented():
    docs = (ROOT / "docs" / "configuration.md").read_text("utf-8")
    for section in SETTINGS_SCHEMA["properties"]:
        assert f"## `{section}`" in docs, section


def test_the_schema_choices_are_the_names_the_code_knows():
    site = SETTINGS_SCHEMA["properties"]["site"]["properties"]
    assert site["template"]["enum"] == list(plugins.SITE_TEMPLATES)
    sources = SETTINGS_SCHEMA["properties"]["profile"]["properties"]["sources"]["items"]["enum"]
    assert tuple(sources) == profile_sources.SOURCES
    levels = SETTINGS_SCHEMA["properties"]["rules"]["additionalProperties"]["enum"]
    assert [level for level in levels if level is not False] == list(config.LEVELS)


def test_the_cv_choices_are_the_themes_papers_and_sections_the_cv_knows():
    from profilebot.render import cv_typst, cv_view

    cv = SETTINGS_SCHEMA["properties"]["cv"]["properties"]
    assert tuple(cv["theme"]["enum"]) == cv_typst.THEMES and tuple(cv["paper"]["enum"]) == cv_typst.PAPERS
    assert tuple(cv["sections"]["items"]["enum"]) == cv_view.SECTIONS


def test_every_example_in_the_schema_is_accepted():
    """The examples are what editors offer: each must load as a setting of its own."""
    for section, body in SETTINGS_SCHEMA["properties"].items():
        for name, key in body.get("properties", {}).items():
            for example in key.get("examples", []):
                jsonschema.validate({section: {name: example}}, SETTINGS_SCHEMA)


@pytest.mark.parametrize(("text", "message"), [
    ("site:\n  template: statc\n", "profilebot.yaml:2:13: site.template is 'statc'; expected one of"),
    ("site:\n  lang: 3\n", "profilebot.yaml:2:9: site.lang should be text"),
    ("site:\n  lang: english\n", "profilebot.yaml:2:9: site.lang has the value 'english', which is not in the"),
    ("site:\n  lang: en_US\n", "profilebot.yaml:2:9: site.lang has the value 'en_US', which is not in the"),
    ("exports:\n  formats: bib\n", "profilebot.yaml:2:12: exports.formats should be a list"),
    ("profile:\n  sources: [orcd]\n", "profilebot.yaml:2:13: profile.sources[0] is 'orcd'"),
    ("site:\n  tempalte: static\n", "profilebot.yaml:2:3: unknown key 'tempalte' in site"),
    ("cv:\n  theme: clasic\n", "profilebot.yaml:2:10: cv.theme is 'clasic'; expected one of"),
    ("cv:\n  paper: letter\n", "profilebot.yaml:2:10: cv.paper is 'letter'; expected one of"),
    ("cv:\n  sections: [education, pubs]\n", "profilebot.yaml:2:25: cv.sections[1] is 'pubs'"),
    ("cv:\n  include: selected\n", "profilebot.yaml:2:12: cv.include should be a list"),
    ("cv:\n  themes: modern\n", "profilebot.yaml:2:3: unknown key 'themes' in cv"),
])
def test_a_value_the_schema_refuses_is_an_error_with_its_position(text, message):
    with pytest.raises(ConfigError) as error:
        config.parse(text)
    assert str(error.value).startswith(message)


def test_the_starter_settings_point_editors_at_the_schema():
    from importlib import resources

    text = (resources.files("profilebot") / "templates" / "profilebot.yaml").read_text("utf-8")
    assert re.match(r"# yaml-language-server: \$schema=\./schema/profilebot\.schema\.json\n", text)
    config.parse(text)


# --- settings that do nothing are errors: document rules take no level (issue 15, item 6) ----------------


@pytest.mark.parametrize("name", ["PB000", "PB001", "PB002", "PB003", "PB004", "unknown-key", "yaml-syntax"])
def test_a_level_for_a_document_rule_is_refused_at_its_position(name):
    from profilebot import config
    from profilebot.errors import ConfigError

    with pytest.raises(ConfigError) as refused:
        config.parse(f"site:\n  repo: a/b\nrules:\n  PB206: off\n  {name}: off\n")
    assert str(refused.value).startswith(f"profilebot.yaml:5:3: rules.{name}: PB00")
    assert "always an error" in str(refused.value) and "Remove this line" in str(refused.value)


def test_lint_rule_levels_are_still_taken():
    from profilebot import config

    assert config.parse("rules:\n  PB206: off\n  PB408: error\n").rules == {"PB206": "off", "PB408": "error"}


def test_document_rule_codes_are_written_only_in_their_rule_modules():
    """One source of truth: the loader and the schema stage take CODE and NAME from the rule modules."""
    import re


    package = ROOT / "src" / "profilebot"
    rules = {package / "load" / "rules", package / "validate" / "rules"}
    for path in package.rglob("*.py"):
        if path.parent in rules:
            continue
        assert not re.search(r"[\"']PB00[0-4][\"']", path.read_text("utf-8")), path
