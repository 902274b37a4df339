"""load → schema → build → lint as one pure function of the profile's text."""

from __future__ import annotations

import datetime

from dataclasses import dataclass
from typing import Callable, Mapping

from profilebot.load import build, yaml_document
from profilebot.load.rules import unsafe_yaml
from profilebot.load.source_map import SourceMap
from profilebot.load.yaml_document import Document
from profilebot.model.profile import Profile
from profilebot.render import budget
from profilebot.validate import lint, schema
from profilebot.findings import Finding, Severity


@dataclass(frozen=True)
class Checked:
    """The outcome of checking a profile: the document, the profile (None if it could not be built), findings."""

    document: Document
    profile: Profile | None
    findings: tuple[Finding, ...]
    unreadable: bool = False  # the bytes are not text (not UTF-8): exit 2, as for any input that cannot be read

    def errors(self, strict: bool = False) -> tuple[Finding, ...]:
        failing = {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}
        return tuple(f for f in self.findings if f.severity in failing)


def check_bytes(raw: bytes, source: str = "profile.yaml", levels: Mapping[str, str] | None = None,
                exists: Callable[[str], bool] | None = None, today: datetime.date | None = None) -> Checked:
    """The file as read: bytes that are not UTF-8 are a finding like any other (so `--format json` is JSON)."""
    text, findings = yaml_document.decode(raw, source)
    if text is None:
        return Checked(Document(None, SourceMap(), source, findings), None, tuple(findings), unreadable=True)
    return check(text, source, levels, exists, today)


def check(text: str, source: str = "profile.yaml", levels: Mapping[str, str] | None = None,
          exists: Callable[[str], bool] | None = None, today: datetime.date | None = None) -> Checked:
    """`exists` (relative path → is that file beside the profile?) and `today` (the day the dated rules compare
    with) come from the caller that can read the disk and the clock; without them those rules do not run."""
    document = yaml_document.parse(text, source)
    if document.findings:
        return Checked(document, None, tuple(document.findings))
    too_large = budget.oversize(document.data)
    if too_large is not None:  # refused before the schema, the model, the rules and any output spend time on it
        line, column = document.source_map.position(too_large.path) or (None, None)
        return Checked(document, None, (Finding(unsafe_yaml.CODE, unsafe_yaml.NAME, Severity.ERROR, too_large.message,
                                                too_large.path, line, column, too_large.hint, source),))
    schema_findings = schema.check(document)
    if schema_findings:
        return Checked(document, None, tuple(schema_findings))
    profile = build.profile_from(document.data)
    return Checked(document, profile, tuple(lint.run(profile, document.source_map, levels, source, exists, today)))
