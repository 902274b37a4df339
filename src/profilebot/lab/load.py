"""lab.yaml's text → a Lab, or findings with file:line:col: the profile's loader and schema check, on
schema/lab.schema.json, then what a schema cannot say (a member leaving before joining, one id twice)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from profilebot.findings import Finding, Path, Severity
from profilebot.lab.model import Lab, Member, month_text, parse_month
from profilebot.load import yaml_document
from profilebot.validate import schema
from profilebot.validate.rules import schema_violation

SCHEMA = "lab.schema.json"
FILE_NAME = "lab.yaml"


@dataclass(frozen=True)
class Checked:
    lab: Lab | None
    findings: tuple[Finding, ...]


def check(text: str, source: str = FILE_NAME) -> Checked:
    document = yaml_document.parse(text, source)
    if document.findings:
        return Checked(None, tuple(document.findings))
    if not isinstance(document.data, dict):
        return Checked(None, (_finding(document, (), "lab.yaml must be a mapping with `lab:` and `members:`.",
                                       "Start from `profilebot init --lab`, which writes an example."),))
    findings = schema.check(document, SCHEMA)
    if findings:
        return Checked(None, tuple(findings))
    lab = _build(document.data)
    return Checked(lab, tuple(sorted(_consistency(lab, document), key=Finding.sort_key)))


def _build(data: dict[str, Any]) -> Lab:
    about = data["lab"]
    members = tuple(Member(id=m["id"], role=m["role"], start=parse_month(m["from"]),
                           end=parse_month(m["until"]) if m.get("until") else None, profile=m.get("profile"),
                           repo=m.get("repo"), path=m.get("path") or "profile.yaml", alumni_role=m.get("alumni_role"))
                    for m in data["members"])
    site = about.get("site") or {}
    return Lab(name=about["name"], members=members, url=about.get("url"), description=about.get("description"),
               logo=about.get("logo"), site_repo=site.get("repo"), site_branch=site.get("branch"),
               site_template=site.get("template") or "static")


def _consistency(lab: Lab, document: yaml_document.Document) -> list[Finding]:
    found = []
    seen: dict[str, int] = {}
    for index, member in enumerate(lab.members):
        if member.end is not None and member.end < member.start:
            found.append(_finding(document, ("members", index, "until"),
                                  f"members[{index}] ({member.id}) leaves in {month_text(member.end)}, before joining "
                                  f"in {month_text(member.start)}.", "Swap `from` and `until`, or correct the year."))
        if member.id in seen:
            found.append(_finding(document, ("members", index, "id"),
                                  f"members[{index}] has the id '{member.id}' of members[{seen[member.id]}].",
                                  "Give every member their own id: it names their page and their matrix entry.",
                                  key=False))
        seen.setdefault(member.id, index)
    return found


def _finding(document: yaml_document.Document, path: Path, message: str, hint: str, key: bool = False) -> Finding:
    position = (document.source_map.key_position(path) if key else document.source_map.position(path)) or (1, 1)
    return Finding(code=schema_violation.CODE, rule=schema_violation.NAME, severity=Severity.ERROR, message=message,
                   hint=hint, path=path, line=position[0], column=position[1], source=document.source)
