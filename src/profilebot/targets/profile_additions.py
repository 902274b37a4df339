"""The profile target's desired state: the branch's profile.yaml with the entries other sources know appended."""

from __future__ import annotations

import codecs
from datetime import date
from typing import Any, Mapping, Sequence

from profilebot.diff.decisions import Fill, Identity, Other
from profilebot.diff.entries import EntryAddition
from profilebot.diff.plan import Desired, Ownership
from profilebot.errors import ProfilebotError, TargetError
from profilebot.importers.candidate import Candidate
from profilebot.importers.propose import Addition, other_key, propose
from profilebot.load.edit import FieldEdit
from profilebot.model.matching import Work
from profilebot.model.profile import Profile
from profilebot.render.artifact import Artifact

MEDIA_TYPE = "application/yaml"
# Schema field → the name a reader knows the identifier by, in the order the PR table lists them.
IDENTIFIERS = (("doi", "DOI"), ("arxiv", "arXiv"), ("isbn", "ISBN"), ("pmid", "PMID"), ("number", "patent"))


def decoded(raw: bytes, path: str) -> tuple[str, bytes]:
    """(text, prefix): the file's text and its UTF-8 byte-order mark if it has one, to write back unchanged."""
    from profilebot.load.yaml_document import decode

    text, findings = decode(raw, path)
    if text is None:
        raise TargetError(f"{findings[0].location}: {findings[0].message}", findings[0].hint)
    return text, codecs.BOM_UTF8 if raw.startswith(codecs.BOM_UTF8) else b""


def read_profile(text: str, path: str, today: date, rules: Mapping[str, str] | None = None) -> Profile:
    """The branch's profile, which must pass `check` (its dated rules on the run's `today`): additions are matched
    against it, not the local copy."""
    from profilebot.report.text import format_findings
    from profilebot.validate.pipeline import check

    checked = check(text, path, rules or {}, today=today)
    errors = checked.errors()
    if errors or checked.profile is None:
        raise TargetError(f"{path} on the base branch does not pass `check`, so profilebot will not edit it:\n"
                          + format_findings(list(errors)[:20] or checked.findings[:20], show_hints=True),
                          "Fix the profile on the base branch first.")
    return checked.profile


def desired(text: str, path: str, profile: Profile, candidates: Sequence[Candidate],
            sources: Mapping[str, str], today: date, rules: Mapping[str, str] | None = None, prefix: bytes = b"",
            updates: Sequence[FieldEdit] = (), update_sources: Mapping[tuple[str, str], str] | None = None,
            extra: Sequence[Artifact] = (), evidence: Mapping[str, str] | None = None) -> Desired:
    """profile.yaml as it should be (`text` itself when nothing is missing) and why, entry by entry.

    `profile` is `text` read by `read_profile`; `today` is the run's day (for `check`); `sources` maps each candidate's origin to the words the PR
    table shows for it; `prefix` is what `decoded` found before the text. `updates` set fields of existing
    entries (a DOI a source knows; `status` of a paper published since), `update_sources` says who knows
    each; `extra` are further files the same pull request keeps (citations.yaml); `evidence` maps a candidate's
    origin to why the bot believes the work is the owner's (diff/evidence.py).
    """
    additions = propose(profile, candidates)
    edited = edited_profile(text, path, additions, today, updates, rules) if additions or updates else text
    artifact = Artifact(path, prefix + edited.encode("utf-8"), MEDIA_TYPE)
    works = {c.origin: c.work for c in candidates if c.work is not None}
    entries = tuple(entry_addition(a, sources.get(a.origin, a.origin), (evidence or {}).get(a.origin, ""),
                                   works.get(a.origin)) for a in additions)
    if edited != text:
        entries += entry_changes(profile, edited, updates, update_sources or {})
    return Desired((artifact, *extra), Ownership((path, *(a.path for a in extra))), additions=entries)


def edited_profile(text: str, path: str, additions: Sequence[Addition], today: date,
                   updates: Sequence[FieldEdit] = (), rules: Mapping[str, str] | None = None) -> str:
    """`text` with the additions appended and the field edits made, refused unless the result still passes
    `check` on `today`."""
    from profilebot.load import edit
    from profilebot.report.text import format_findings
    from profilebot.validate.pipeline import check

    try:
        edited = edit.update(edit.append(text, [(a.section, a.entry) for a in additions]), updates)
    except edit.NotEditable as error:
        raise TargetError(error.at(path), error.hint) from None
    except ProfilebotError as error:
        raise TargetError(f"{path}: {error.message}", error.hint) from None
    errors = check(edited, path, rules or {}, today=today).errors()
    if errors:
        raise TargetError(f"{path}: the proposed entries would not pass `check`; no pull request was made:\n"
                          + format_findings(list(errors)[:20], show_hints=True),
                          "Fix the entry at its source, or add it to the profile by hand.")
    return edited


def entry_changes(profile: Profile, edited: str, updates: Sequence[FieldEdit],
                  sources: Mapping[tuple[str, str], str]) -> tuple[EntryAddition, ...]:
    """One row per existing entry the edit changes: what changed (a key added; a value replaced) and who says so.
    Edits of keys the entry already had and that are not replacements changed nothing and are left out."""
    before = {p.id: p for p in profile.publications}
    rows: dict[str, list[FieldEdit]] = {}
    for update in updates:
        entry = before.get(update.entry_id)
        if entry is None:
            continue
        had = getattr(entry, update.key, None) not in (None, "", ())
        if had and not update.replace:
            continue
        rows.setdefault(update.entry_id, []).append(update)
    found = []
    for entry_id, changes in rows.items():
        entry = before[entry_id]
        words = []
        for change in changes:
            old = getattr(entry, change.key, None)
            shown = change.value.get("name") if isinstance(change.value, dict) else change.value
            words.append(f"{change.key}: {old} → {shown}" if change.replace else f"{change.key} added")
        identifiers = tuple((name, str(c.value)) for c in changes for key, name in IDENTIFIERS if c.key == key)
        source = "; ".join(dict.fromkeys(sources.get((entry_id, c.key), "") for c in changes if sources.get((entry_id, c.key))))
        fills = tuple(Fill(entry_id, c.key, str(c.value.get("name") if isinstance(c.value, dict) else c.value))
                      for c in changes)
        found.append(EntryAddition("publications", entry_id, entry.title, entry.year, identifiers, source or "—",
                                   "; ".join(words), fills=fills))
    return tuple(found)


def entry_addition(addition: Addition, source: str, evidence: str = "", work: Work | None = None) -> EntryAddition:
    entry = addition.entry
    title = entry.get("title") or entry.get("degree") or entry.get("organization") or ""
    if addition.section == "education" and entry.get("institution"):
        title = f"{title}, {entry['institution']}"
    if addition.section == "positions" and entry.get("organization"):
        title = f"{entry.get('title')}, {entry['organization']}"
    identifiers = tuple((name, str(entry[key])) for key, name in IDENTIFIERS if entry.get(key))
    identity = Identity.of(work) if work is not None and addition.section in ("publications", "patents") else None
    other = Other(other_key(addition.section, entry), f"{title} ({addition.section})") \
        if addition.section in ("positions", "education", "talks") else None
    return EntryAddition(addition.section, entry["id"], str(title), year_of(entry), identifiers, source,
                         left_out=addition.left_out, evidence=evidence if identity is not None else "",
                         identity=identity, other=other)


def year_of(entry: Mapping[str, Any]) -> int | None:
    """The year a reader places the entry in: its date, else when it ended, else when it began."""
    periods = entry.get("periods") or [{}]
    for value in (entry.get("date"), entry.get("end"), entry.get("start"), periods[-1].get("end"),
                  periods[0].get("start")):
        text = str(value or "")
        if text[:4].isdigit():
            return int(text[:4])
    return None
