"""JSON Schema check of a parsed Document → Findings with positions and friendly wording.

Why two validators: jsonschema-rs answers "is it valid?" about 30 times faster than jsonschema, which
keeps `check` fast on large profiles; only when it says no does the pure-Python jsonschema run, because
its errors carry the paths, keywords and sub-errors that the friendly messages are made from. Both
implement Draft 2020-12; tests/validate/test_schema_check.py runs the broken-profile corpus through both.
"""

from __future__ import annotations

import difflib
import functools
import json
import re
import unicodedata
from importlib import resources
from typing import Any, Iterator

from profilebot.model.keys import VALID_ID, id_from_name
from profilebot.validate.rules import schema_violation, unknown_key
from profilebot.load.yaml_document import Document
from profilebot.findings import Finding, Path, Severity, format_path

_TYPE_NAMES = {"object": "a mapping", "array": "a list", "string": "text", "integer": "a whole number",
               "number": "a number", "boolean": "true or false", "null": "nothing"}


PROFILE = "profile.schema.json"
SETTINGS = "profilebot.schema.json"  # profilebot.yaml's keys (config.py checks the file against it)


@functools.cache
def schema(name: str = PROFILE) -> dict[str, Any]:
    """One of the package's schemas (schemas/ links to schema/, the one source of truth)."""
    schema: dict[str, Any] = json.loads(resources.files("profilebot.schemas").joinpath(name).read_text("utf-8"))
    return schema


@functools.cache
def _fast_validator(name: str) -> Any:
    try:
        import jsonschema_rs
    except ImportError:  # the pure-Python path below is complete on its own
        return None
    return jsonschema_rs.validator_for(schema(name))


def check(document: Document, name: str = PROFILE) -> list[Finding]:
    """Findings of the schema `name` for `document` (empty when valid)."""
    fast = _fast_validator(name)
    if fast is not None and fast.is_valid(document.data):
        return []
    import jsonschema

    validator = jsonschema.Draft202012Validator(schema(name))
    findings: dict[tuple[Path, str], Finding] = {}
    for error in validator.iter_errors(document.data):
        for leaf in _leaves(error):
            finding = _finding(leaf, document)
            findings.setdefault((finding.path, finding.code), finding)
    return sorted(findings.values(), key=Finding.sort_key)


def _leaves(error: Any) -> Iterator[Any]:
    """For a failed oneOf/anyOf, the errors of the branch meant for this kind of value (a string or a mapping)."""
    if error.validator not in ("oneOf", "anyOf") or not error.context:
        yield error
        return
    branches: dict[int, list[Any]] = {}
    for sub in error.context:
        branches.setdefault(sub.schema_path[0], []).append(sub)
    fitting = [errs for errs in branches.values() if not any(e.validator == "type" and not e.path for e in errs)]
    if len(fitting) == 1:
        for sub in fitting[0]:
            yield from _leaves(sub)
    else:
        yield error


def _finding(error: Any, document: Document) -> Finding:
    path = tuple(error.absolute_path)
    code, rule, message, hint, key_path = _describe(error, path, _private(document.data, path))
    position = (document.source_map.key_position(key_path) if key_path is not None
                else document.source_map.position(path))
    # Only a document with no value at all (empty, or comments only) has no position: point at its start.
    line, column = position if position else (1, 1)
    return Finding(code=code, rule=rule, severity=Severity.ERROR, message=message, hint=hint, path=key_path or path,
                   line=line, column=column, source=document.source)


# Contact values a message must not quote: a private phone written as a bare number would otherwise be
# printed in the finding, in CI logs and in GitHub annotations.
_CONTACT_KEYS = {"phone", "email", "address"}


def _private(data: Any, path: Path) -> bool:
    """The value sits in a contact field, or in an entry marked `visibility: private`."""
    if any(part in _CONTACT_KEYS for part in path if isinstance(part, str)):
        return True
    node = data
    for part in path[:-1]:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return False
    return isinstance(node, dict) and node.get("visibility") == "private"


def _describe(error: Any, path: Path, private: bool = False) -> tuple[str, str, str, str | None, Path | None]:
    """(code, rule, message, hint, path of the offending key or None) — the rewrite table for jsonschema."""
    where = _where(path)
    shown = _short(error.instance) if not private else "(a private value, not shown)"
    kind = error.validator
    if kind == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        unknown = sorted(set(error.instance) - set(allowed))
        key = unknown[0]
        guess = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
        hint: str | None = f"Did you mean '{guess[0]}'?" if guess else f"Allowed keys here: {', '.join(allowed)}."
        return unknown_key.CODE, unknown_key.NAME, f"unknown key '{key}' in {where}.", hint, path + (key,)
    if kind == "required":
        missing = error.message.split("'")[1]
        example = _example(error.schema.get("properties", {}).get(missing, {}))
        hint = f"Add '{missing}:'" + (f", for example: {missing}: {example}" if example else "") + "."
        return schema_violation.CODE, schema_violation.NAME, f"{where} is missing the required key '{missing}'.", hint, None
    if kind == "type":
        wanted: list[str] = (error.validator_value if isinstance(error.validator_value, list)
                             else [error.validator_value])
        expected = " or ".join(_TYPE_NAMES.get(t, t) for t in wanted)
        hint = _example_hint(error.schema)
        if isinstance(error.instance, bool) and "string" in wanted:
            hint = "YAML reads yes/no/on/off as true/false; put the value in quotes."
        elif isinstance(error.instance, (int, float)) and "string" in wanted:
            # An arXiv id (2401.01234) or a phone number loses digits as a number; it must be quoted.
            hint = "YAML reads this as a number (and drops trailing zeros); put it in quotes exactly as written."
        value = _describe_value(error.instance) if not private else _kind(error.instance) + " " + shown
        return schema_violation.CODE, schema_violation.NAME, f"{where} should be {expected}, not {value}.", hint, None
    if kind == "enum":
        options = [str(o) for o in error.validator_value]
        guess = difflib.get_close_matches(str(error.instance), options, n=1, cutoff=0.5)
        hint = f"Did you mean '{guess[0]}'?" if guess else None
        return (schema_violation.CODE, schema_violation.NAME, f"{where} is {shown}; expected one of: {', '.join(options)}.",
                hint if not private else None, None)
    if kind == "pattern" and error.validator_value == VALID_ID.pattern and isinstance(error.instance, str):
        return schema_violation.CODE, schema_violation.NAME, f"{where} is {shown}: {_id_problem(error.instance)}.", \
            _id_hint(error.instance), None
    if kind in ("pattern", "format", "oneOf", "anyOf", "const"):
        return (schema_violation.CODE, schema_violation.NAME, f"{where} has the value {shown}, which is not in the "
                "expected form.", _example_hint(error.schema), None)
    if kind in ("minItems", "minLength"):
        return schema_violation.CODE, schema_violation.NAME, f"{where} must not be empty.", _example_hint(error.schema), None
    if kind == "uniqueItems":
        return schema_violation.CODE, schema_violation.NAME, f"{where} lists the same value twice.", "Remove the repeated entry.", None
    if private:  # jsonschema's own message quotes the value
        return schema_violation.CODE, schema_violation.NAME, f"{where} is not valid ({error.validator}); the value is private, not shown.", None, None
    return schema_violation.CODE, schema_violation.NAME, f"{where}: {error.message}.", None, None


def _id_problem(value: str) -> str:
    """What keeps a value from being an id: the first character that may not be there, named."""
    if not value:
        return "an id cannot be empty"
    bad = next((c for c in value if not re.match(r"[A-Za-z0-9._-]", c)), None)
    if bad is None:
        return f"an id starts with a letter or digit, not '{value[0]}'"
    name = unicodedata.name(bad, f"U+{ord(bad):04X}").lower()
    return f"it holds a {name} (U+{ord(bad):04X}); an id has only letters, digits, '.', '_' and '-'"


def _id_hint(value: str) -> str:
    suggestion = id_from_name(value)
    example = f"'{suggestion}'" if suggestion else "'paper-2024'"
    return (f"Write the id as {example} (ASCII letters and digits, '.', '_' or '-', starting with a letter or digit); "
            "other entries refer to it by that id.")


def _where(path: Path) -> str:
    return format_path(path) if path else "the profile"


def _example(schema_part: dict[str, Any]) -> str | None:
    examples = schema_part.get("examples")
    if not examples:
        return None
    return json.dumps(examples[0], ensure_ascii=False) if not isinstance(examples[0], str) else examples[0]


def _example_hint(schema_part: dict[str, Any]) -> str | None:
    example = _example(schema_part)
    description = schema_part.get("description")
    if example:
        return f"For example: {example}" + (f" ({description.rstrip('.')})." if description else ".")
    return description


def _kind(value: Any) -> str:
    return "a number" if isinstance(value, (int, float)) and not isinstance(value, bool) else (
        "text" if isinstance(value, str) else _describe_value(value))


def _describe_value(value: Any) -> str:
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if value is None:
        return "an empty value"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return f"{type(value).__name__ if not isinstance(value, str) else 'text'} {_short(value)}"


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
