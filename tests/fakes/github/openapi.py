"""Validate response bodies against the OpenAPI extract in tests/fixtures/github/ with ``jsonschema``."""

from __future__ import annotations

import functools
import json
from pathlib import Path

from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

SPEC_PATH = Path(__file__).resolve().parents[2] / "fixtures" / "github" / "rest-api-subset.json"
_BASE_URI = "urn:github-rest-api-subset"


def to_json_schema(node):
    """OpenAPI 3.0 -> JSON Schema: ``nullable: true`` becomes an explicit null alternative.

    JSON Schema ignores ``nullable``, so without this every documented ``null`` (e.g. a pull's
    ``merged_at``) would be reported as a type error.
    """
    if isinstance(node, list):
        return [to_json_schema(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: to_json_schema(value) for key, value in node.items()}
    if node.pop("nullable", False):
        if "type" in node:
            node["type"] = [node["type"], "null"]
            if "enum" in node:
                node["enum"] = [*node["enum"], None]
        else:  # $ref / oneOf / allOf: the type lives elsewhere
            node = {"anyOf": [node, {"type": "null"}]}
    return node


@functools.cache
def _spec() -> tuple[dict, Registry]:
    spec = to_json_schema(json.loads(SPEC_PATH.read_text()))
    registry = Registry().with_resource(_BASE_URI, Resource(spec, DRAFT202012))
    return spec, registry


def _pointer(*parts: str) -> str:
    return "#/" + "/".join(p.replace("~", "~0").replace("/", "~1") for p in parts)


def is_documented(method: str, template: str | None) -> bool:
    return template is not None and method.lower() in _spec()[0]["paths"].get(template, {})


def validate_response(method: str, template_path: str, status: int, json_body) -> None:
    """Raise ``jsonschema.ValidationError`` if ``json_body`` does not match the documented response.

    Statuses the operation does not document are checked against ``basic-error`` (if >= 400);
    bodiless responses (204/304) must have no body. ``LookupError`` for undocumented operations.
    """
    spec, registry = _spec()
    operation = spec["paths"].get(template_path, {}).get(method.lower())
    if operation is None:
        raise LookupError(f"{method} {template_path} is not in the OpenAPI extract")
    pointer = _response_schema_pointer(spec, template_path, method.lower(), operation, str(status))
    if pointer is None:
        if json_body is not None:
            raise AssertionError(f"{method} {template_path} {status} must not have a body")
        return
    validator = Draft202012Validator({"$ref": _BASE_URI + pointer}, registry=registry)
    validator.validate(json_body)


def _response_schema_pointer(spec: dict, template: str, method: str, operation: dict, status: str) -> str | None:
    if status not in operation["responses"]:
        if int(status) >= 400:
            return _pointer("components", "schemas", "basic-error")
        if status != "304":  # any GET may answer a conditional request with 304
            raise AssertionError(f"{method.upper()} {template} does not document status {status}")
        return None
    response, where = operation["responses"][status], ("paths", template, method, "responses", status)
    if "$ref" in response:
        name = response["$ref"].rsplit("/", 1)[-1]
        response, where = spec["components"]["responses"][name], ("components", "responses", name)
    if "application/json" not in response.get("content", {}):
        return None
    return _pointer(*where, "content", "application/json", "schema")
