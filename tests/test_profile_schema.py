"""Tests for schema/profile.schema.json, the single source of truth for profile.yaml's shape."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any, Iterator

import pytest
import yaml
from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match

ROOT = Path(__file__).resolve().parents[1]
SCHEMA_PATH = ROOT / "schema" / "profile.schema.json"
PROFILE_PATH = ROOT / "profile.yaml"


def _dates_to_iso(value: Any) -> Any:
    """Mirror the loader: YAML timestamps stay strings (ISO form); everything else is unchanged."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _dates_to_iso(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_dates_to_iso(v) for v in value]
    return value


@pytest.fixture(scope="module")
def schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def validator(schema: dict) -> Draft202012Validator:
    return Draft202012Validator(schema)


@pytest.fixture(scope="module")
def profile() -> dict:
    return _dates_to_iso(yaml.safe_load(PROFILE_PATH.read_text(encoding="utf-8")))


def _errors(validator: Draft202012Validator, doc: Any) -> list:
    return sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))


# --------------------------------------------------------------------------- the schema itself


def test_schema_is_a_valid_draft_2020_12_schema(schema: dict) -> None:
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == "https://profilebot.dev/schema/profile.schema.json"
    assert schema.get("title") and schema.get("description")


def test_default_profile_validates(validator: Draft202012Validator, profile: dict) -> None:
    errors = _errors(validator, profile)
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors)


# --------------------------------------------------------------------------- annotations


def _walk(node: Any, where: str, is_property: bool) -> Iterator[tuple[str, dict, bool]]:
    """Yield (location, subschema, is_property_or_def) for every subschema reachable in the schema."""
    if not isinstance(node, dict):
        return
    yield where, node, is_property
    for name, sub in node.get("properties", {}).items():
        yield from _walk(sub, f"{where}/properties/{name}", True)
    for name, sub in node.get("$defs", {}).items():
        yield from _walk(sub, f"{where}/$defs/{name}", True)
    if isinstance(node.get("items"), dict):
        yield from _walk(node["items"], f"{where}/items", False)
    if isinstance(node.get("additionalProperties"), dict):
        yield from _walk(node["additionalProperties"], f"{where}/additionalProperties", False)
    for keyword in ("oneOf", "anyOf", "allOf", "prefixItems"):
        for i, sub in enumerate(node.get(keyword, [])):
            yield from _walk(sub, f"{where}/{keyword}/{i}", False)


def _all_nodes(schema: dict) -> list[tuple[str, dict, bool]]:
    return list(_walk(schema, "#", False))


def test_walk_reaches_the_whole_schema(schema: dict) -> None:
    locations = {loc for loc, _, _ in _all_nodes(schema)}
    # Spot-check nested places the walk must reach.
    for expected in (
        "#/properties/person",
        "#/$defs/person/properties/profiles",
        "#/$defs/profiles/properties/orcid",
        "#/$defs/contact_field/oneOf/1/properties/visibility",
        "#/$defs/author/oneOf/1/properties/equal_contribution",
        "#/$defs/venue/oneOf/1/properties/short",
        "#/$defs/position/properties/periods/items",
        "#/$defs/period/properties/mode",
        "#/$defs/publication/properties/on_orcid",
        "#/$defs/links/properties/bibtex",
    ):
        assert expected in locations, expected


def test_every_property_has_description_and_examples(schema: dict) -> None:
    missing = []
    for where, node, is_property in _all_nodes(schema):
        if not is_property:
            continue
        description = node.get("description")
        examples = node.get("examples")
        if not (isinstance(description, str) and description.strip()):
            missing.append(f"{where}: no description")
        if not (isinstance(examples, list) and examples):
            missing.append(f"{where}: no examples")
    assert not missing, "\n".join(missing)


# The one open object: an entry's origin keeps the source's own keys, whatever they are, to write them back.
PASS_THROUGH = {"#/$defs/origin/properties/fields"}


def test_every_object_forbids_unknown_keys(schema: dict) -> None:
    open_objects = [
        where
        for where, node, _ in _all_nodes(schema)
        if (node.get("type") == "object" or "properties" in node) and node.get("additionalProperties") is not False
        and where not in PASS_THROUGH
    ]
    assert not open_objects, open_objects


def _example_cases(schema: dict) -> list[tuple[str, Any]]:
    cases = []
    for where, node, _ in _all_nodes(schema):
        for i, example in enumerate(node.get("examples", [])):
            cases.append((f"{where}/examples/{i}", example))
    return cases


def _subschema(schema: dict, where: str) -> dict:
    node: Any = schema
    for part in where.lstrip("#").strip("/").split("/"):
        if not part:
            continue
        node = node[int(part)] if isinstance(node, list) else node[part]
    return node


def test_every_example_validates_against_its_own_schema(schema: dict, validator: Draft202012Validator) -> None:
    cases = _example_cases(schema)
    assert len(cases) > 100  # sanity: the walk found the examples
    failures = []
    for location, example in cases:
        node_path = location.rsplit("/examples/", 1)[0]
        sub = _subschema(schema, node_path)
        # evolve() keeps the root's resolver, so "#/$defs/..." refs resolve against the whole schema.
        errors = list(validator.evolve(schema=sub).iter_errors(example))
        if errors:
            failures.append(f"{location}: {example!r}: {best_match(errors).message}")
    assert not failures, "\n".join(failures)


def test_work_type_is_the_orcid_v3_list(schema: dict) -> None:
    types = schema["$defs"]["work_type"]["enum"]
    assert len(types) == len(set(types)) == 59
    for t in ("conference-paper", "journal-article", "preprint", "book-chapter", "dissertation-thesis",
              "software", "patent", "data-set", "report", "undefined"):
        assert t in types
    # Aliases and the pre-3.0 name are not work types.
    for t in ("dissertation", "article-journal", "chapter", "dataset", "standard"):
        assert t not in types


# --------------------------------------------------------------------------- positives


MINIMAL = {"person": {"name": "Ada Lovelace"}}


@pytest.mark.parametrize(
    "doc",
    [
        pytest.param(MINIMAL, id="minimal"),
        pytest.param({**MINIMAL, "education": [{"id": "x", "degree": "Ph.D.", "institution": "U", "start": 2019,
                                                 "end": "expected 2025"}]}, id="year-int-and-expected-year"),
        pytest.param({**MINIMAL, "education": [{"id": "x", "degree": "Ph.D.", "institution": "U",
                                                 "start": "unknown", "end": "present"}]}, id="markers"),
        pytest.param({"person": {"name": "A", "email": "a@example.org",
                                 "phone": {"value": "+1 555 0100"}}}, id="contact-string-and-object"),
        pytest.param({"person": {"name": "A", "profiles": {"orcid": "0000-0002-1694-233X"}}}, id="orcid-x"),
        pytest.param({**MINIMAL, "publications": [{"id": "p", "type": "journal-article", "status": "published",
                                                    "title": "T", "authors": ["A"], "volume": 29, "issue": "3",
                                                    "pages": "1-12"}]}, id="volume-int"),
        pytest.param({**MINIMAL, "service": [{"role": "Reviewer", "organization": "ICML", "date": 2024}]},
                     id="service-without-id"),
    ],
)
def test_valid_documents(validator: Draft202012Validator, doc: dict) -> None:
    errors = _errors(validator, doc)
    assert not errors, [e.message for e in errors]


# --------------------------------------------------------------------------- negatives


def _pub(**overrides: Any) -> dict:
    pub = {"id": "huang2024sibyl", "type": "conference-paper", "status": "published",
           "title": "SIBYL", "authors": ["H. Huang"], "date": 2024}
    pub.update(overrides)
    return pub


def _position(**overrides: Any) -> dict:
    pos = {"id": "meta", "kind": "industry", "title": "Research Intern", "organization": "Meta",
           "periods": [{"start": "2024-06", "end": "2024-09"}]}
    pos.update(overrides)
    return pos


def _without(d: dict, key: str) -> dict:
    d = copy.deepcopy(d)
    del d[key]
    return d


# (id, document, expected path of the error, expected failing keyword)
NEGATIVES = [
    ("unknown-top-level-key", {**MINIMAL, "publication": []}, [], "additionalProperties"),
    ("typo-key-in-publication", {**MINIMAL, "publications": [_pub(titel="SIBYL")]},
     ["publications", 0], "additionalProperties"),
    ("bad-month-in-date", {**MINIMAL, "publications": [_pub(date="2024-13")]},
     ["publications", 0, "date"], "oneOf"),
    ("bad-month-in-period", {**MINIMAL, "positions": [_position(periods=[{"start": "2024-13"}])]},
     ["positions", 0, "periods", 0, "start"], "oneOf"),
    ("bad-status", {**MINIMAL, "publications": [_pub(status="submitted")]},
     ["publications", 0, "status"], "enum"),
    ("bad-type", {**MINIMAL, "publications": [_pub(type="inproceedings")]},
     ["publications", 0, "type"], "enum"),
    ("empty-author-list", {**MINIMAL, "publications": [_pub(authors=[])]},
     ["publications", 0, "authors"], "minItems"),
    ("empty-title", {**MINIMAL, "publications": [_pub(title="")]},
     ["publications", 0, "title"], "minLength"),
    ("missing-person-name", {"person": {"family_name": "Huang"}}, ["person"], "required"),
    ("missing-person", {"interests": ["ML4Sys"]}, [], "required"),
    ("visibility-secret", {"person": {"name": "A", "email": {"value": "a@example.org", "visibility": "secret"}}},
     ["person", "email"], "oneOf"),
    ("position-without-periods", {**MINIMAL, "positions": [_without(_position(), "periods")]},
     ["positions", 0], "required"),
    ("position-with-empty-periods", {**MINIMAL, "positions": [_position(periods=[])]},
     ["positions", 0, "periods"], "minItems"),
    ("bad-orcid", {"person": {"name": "A", "profiles": {"orcid": "0000-0002-1825-009"}}},
     ["person", "profiles", "orcid"], "pattern"),
    ("bad-id", {**MINIMAL, "awards": [{"id": "Best Paper", "title": "Best Paper"}]},
     ["awards", 0, "id"], "pattern"),
    ("year-out-of-range", {**MINIMAL, "awards": [{"id": "a", "title": "T", "date": 24}]},
     ["awards", 0, "date"], "oneOf"),
    ("marker-where-only-a-date-fits", {**MINIMAL, "awards": [{"id": "a", "title": "T", "date": "present"}]},
     ["awards", 0, "date"], "oneOf"),
    ("bad-position-kind", {**MINIMAL, "positions": [_position(kind="internship")]},
     ["positions", 0, "kind"], "enum"),
    ("duplicate-name-variant", {"person": {"name": "A", "name_variants": ["A. B", "A. B"]}},
     ["person", "name_variants"], "uniqueItems"),
    ("volume-float", {**MINIMAL, "publications": [_pub(volume=2.5)]},
     ["publications", 0, "volume"], "type"),
]


@pytest.mark.parametrize(("doc", "path", "keyword"), [n[1:] for n in NEGATIVES], ids=[n[0] for n in NEGATIVES])
def test_invalid_documents(validator: Draft202012Validator, doc: dict, path: list, keyword: str) -> None:
    errors = _errors(validator, doc)
    assert errors, "expected the document to be invalid"
    found = [(list(e.absolute_path), e.validator) for e in errors]
    assert found == [(path, keyword)], found


def test_visibility_error_points_at_the_visibility_field(validator: Draft202012Validator) -> None:
    doc = {"person": {"name": "A", "email": {"value": "a@example.org", "visibility": "secret"}}}
    error = best_match(validator.iter_errors(doc))
    assert list(error.absolute_path) == ["person", "email", "visibility"]
    assert error.validator == "enum"


def test_default_profile_with_typo_is_rejected(validator: Draft202012Validator, profile: dict) -> None:
    doc = copy.deepcopy(profile)
    doc["publications"][0]["titel"] = doc["publications"][0].pop("title")
    paths = {(tuple(e.absolute_path), e.validator) for e in validator.iter_errors(doc)}
    assert (("publications", 0), "additionalProperties") in paths
    assert (("publications", 0), "required") in paths
