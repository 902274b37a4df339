"""RULES: the one explicit tuple of rule modules. Codes are stable and never reused.

Each module has CODE, NAME (kebab-case), SEVERITY, FIXABLE (does `check --fix` fix it), MESSAGE (a format
template), HINT, and a docstring
that is the rule's documentation, with a PASS and a FAIL example profile (tests run both). Lint rules
have `check(profile)` yielding (json path, message arguments). Document rules (PB000–PB004) have no
`check`: the loader and the schema stage report them, and they are listed here so that `profilebot
rules` documents every code a person can see.

Groups: PB0xx the document, PB1xx identity and contact, PB2xx works, PB3xx dates, PB4xx links and privacy.
"""

from __future__ import annotations

from types import ModuleType

from profilebot.load.rules import duplicate_key, unsafe_yaml, yaml_syntax
from profilebot.validate.rules import (
    redirect_takeover,
    arxiv_id,
    dangling_reference,
    deceptive_text,
    doi_syntax,
    duplicate_id,
    duplicate_publication,
    email_syntax,
    end_before_start,
    equal_contribution_placement,
    expected_date_past,
    future_date,
    handle_with_at,
    impossible_date,
    insecure_url,
    isbn_checksum,
    markup_in_text,
    no_font_for_text,
    open_todo,
    orcid_checksum,
    output_file_name,
    overlapping_positions,
    owner_not_author,
    patent_number,
    photo_not_found,
    private_value_published,
    project_title_mismatch,
    published_without_date,
    schema_violation,
    title_spacing,
    unknown_key,
    unpublished_with_doi_or_date,
    unsafe_url,
    venue_short_name_conflict,
)

RULES: tuple[ModuleType, ...] = (
    yaml_syntax,
    schema_violation,
    duplicate_key,
    unsafe_yaml,
    unknown_key,
    orcid_checksum,
    email_syntax,
    handle_with_at,
    duplicate_publication,
    doi_syntax,
    arxiv_id,
    isbn_checksum,
    patent_number,
    project_title_mismatch,
    owner_not_author,
    equal_contribution_placement,
    unpublished_with_doi_or_date,
    venue_short_name_conflict,
    published_without_date,
    title_spacing,
    open_todo,
    end_before_start,
    expected_date_past,
    future_date,
    impossible_date,
    overlapping_positions,
    unsafe_url,
    redirect_takeover,
    insecure_url,
    dangling_reference,
    duplicate_id,
    private_value_published,
    markup_in_text,
    output_file_name,
    photo_not_found,
    deceptive_text,
    no_font_for_text,
)

# Lint rules: `check(profile)`, or `check_on(profile, today)` for a rule about dates relative to today (the
# command reads the clock and passes the day in, so the rules stay pure).
LINT_RULES: tuple[ModuleType, ...] = tuple(rule for rule in RULES if hasattr(rule, "check") or hasattr(rule, "check_on"))
DATED_RULES: tuple[ModuleType, ...] = tuple(rule for rule in RULES if hasattr(rule, "check_on"))
# Reported by the loader and the schema stage; a profile that breaks one cannot be read, so no level applies
# (profilebot.yaml refuses one).
DOCUMENT_RULES: tuple[ModuleType, ...] = (yaml_syntax, schema_violation, duplicate_key, unsafe_yaml, unknown_key)
# Rules about files beside the profile: `check_files(profile, exists)`; run when the caller can look at the disk.
FILE_RULES: tuple[ModuleType, ...] = tuple(rule for rule in RULES if hasattr(rule, "check_files"))


class UnknownRule(LookupError):
    pass


def get(code_or_name: str) -> ModuleType:
    """The rule with this code (PB101) or name (orcid-checksum); raises UnknownRule otherwise."""
    wanted = code_or_name.strip()
    for rule in RULES:
        if wanted.upper() == rule.CODE or wanted.lower() == rule.NAME:
            return rule
    raise UnknownRule(f"no such rule {code_or_name!r}; `profilebot rules` lists them all")
