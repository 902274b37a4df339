"""The JSON Schema and the dataclasses of model/profile.py describe the same fields, entry type by entry type."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from profilebot.model import profile as model
from profilebot.validate.schema import schema

ROOT = Path(__file__).resolve().parents[2]

# $defs name → the dataclass that the loader builds from it.
CLASSES = {
    "person": model.Person, "contact_field": model.ContactField, "author": model.Author, "venue": model.Venue,
    "education_entry": model.Education, "period": model.Period, "position": model.Position,
    "project": model.Project, "award": model.Award, "publication": model.Publication, "patent": model.Patent,
    "talk": model.Talk, "service_entry": model.Service, "origin": model.Origin,
}


def object_schema(definition: dict) -> dict:
    """The mapping form of a definition: itself, or its oneOf branch of type object (string-or-object fields)."""
    if definition.get("type") == "object":
        return definition
    objects = [branch for branch in definition.get("oneOf", []) if branch.get("type") == "object"]
    assert len(objects) == 1, definition
    return objects[0]


def fields(cls: type) -> set[str]:
    return {f.name for f in dataclasses.fields(cls)}


@pytest.mark.parametrize("name", sorted(CLASSES))
def test_every_schema_property_is_a_field_and_every_field_a_property(name):
    properties = set(object_schema(schema()["$defs"][name])["properties"])
    assert properties == fields(CLASSES[name])


@pytest.mark.parametrize("name", sorted(CLASSES))
def test_required_properties_are_fields_without_defaults(name):
    required = set(object_schema(schema()["$defs"][name]).get("required", []))
    without_default = {f.name for f in dataclasses.fields(CLASSES[name])
                       if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING}
    assert required == without_default


def test_top_level_sections_are_the_profile_fields():
    assert set(schema()["properties"]) == fields(model.Profile)
    assert set(schema()["required"]) == {"person"}


def test_every_entry_type_with_properties_has_a_class():
    with_properties = {name for name, definition in schema()["$defs"].items()
                       if definition.get("type") == "object" or any(b.get("type") == "object"
                                                                    for b in definition.get("oneOf", []))}
    # links and profiles are open-ended mappings of name → URL/handle, kept as dicts in the model; a note is
    # text in the model (load/build drops a private one: nothing can print it).
    assert with_properties - {"links", "profiles", "note"} == set(CLASSES)


def test_the_shipped_schema_is_the_repository_schema():
    assert json.loads((ROOT / "schema" / "profile.schema.json").read_text("utf-8")) == schema()
