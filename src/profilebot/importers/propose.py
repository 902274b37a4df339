"""Candidates → the Additions a profile lacks: nothing it already holds, each work once, ids unique, and every
merge of two source entries into one work said (Addition.merged), with its reason (model/matching.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any, Mapping, Sequence

from profilebot.importers import links
from profilebot.findings import Finding
from profilebot.importers.candidate import Candidate
from profilebot.load.source_map import SourceMap
from profilebot.model import matching
from profilebot.model.keys import MAX_ID_LENGTH, id_from_name, letter_suffix
from profilebot.model.matching import fold
from profilebot.model.profile import Profile
from profilebot.render.site.safety import file_id


@dataclass(frozen=True)
class Addition:
    """One entry to append to `section` of profile.yaml (`entry` starts with its new `id`)."""

    section: str
    entry: dict[str, Any]
    origin: str
    left_out: tuple[str, ...] = ()  # the source's links and DOIs not taken (importers/links.py)
    merged: tuple[str, ...] = ()  # the other entries of the source this one stands for: "origin (why)"


def propose(profile: Profile, candidates: Sequence[Candidate]) -> list[Addition]:
    candidates = [links.checked(c) for c in candidates]  # no link or DOI that check refuses comes in
    taken = _ids(profile)
    additions = []
    for candidate, merged in _works_missing(profile, candidates) + [(c, ()) for c in _others_missing(profile,
                                                                                                      candidates)]:
        entry_id = _unique(candidate.id_hint or candidate.section, taken)
        additions.append(Addition(candidate.section, {"id": entry_id, **candidate.entry}, candidate.origin,
                                  candidate.left_out, merged))
        for section, entry in candidate.companions:
            companion = {"id": _unique(f"{entry_id}-award", taken), **entry, "publication": entry_id}
            additions.append(Addition(section, companion, candidate.origin))
    return additions


def _works_missing(profile: Profile, candidates: Sequence[Candidate]) -> list[tuple[Candidate, tuple[str, ...]]]:
    """Works the profile lacks (matching.match, the very rule the drift reports use), one per work: of a preprint
    and its paper, or of one entry listed twice, the best version, with the merges that made it one."""
    by_work = {id(c.work): c for c in candidates if c.work is not None}
    found = matching.match(matching.profile_works(profile), [c.work for c in candidates if c.work is not None])
    chosen = []
    for group in found.only_theirs:
        merged = tuple(f"{by_work[id(m.work)].origin} ({m.why})" for m in matching.merges(group))
        chosen.append((by_work[id(matching.representative(group))], merged))
    return chosen


def known_others(profile: Profile) -> set[tuple[str, str, str, str]]:
    """The `other_key` of every position, degree and talk the profile holds."""
    known = {("positions", fold(p.organization), fold(p.title), "") for p in profile.positions}
    known |= {("education", fold(e.institution), fold(e.degree), "") for e in profile.education}
    # A talk given twice (same title, another event, day or kind: the poster and the talk) is two talks.
    known |= {("talks", fold(t.event), fold(t.title), f"{t.date.iso() if t.date else ''} {t.type or ''}")
              for t in profile.talks}
    return known


def other_key(section: str, entry: Mapping[str, Any]) -> tuple[str, str, str, str]:
    """When a position, degree or talk (an entry that is not a work) is one the profile holds: its section,
    organisation and title folded (a talk also by its day and kind)."""
    return (section, fold(entry.get("organization") or entry.get("institution") or entry.get("event") or ""),
            fold(entry.get("title") or entry.get("degree") or ""),
            f"{entry.get('date') or ''} {entry.get('type') or ''}" if section == "talks" else "")


def _others_missing(profile: Profile, candidates: Sequence[Candidate]) -> list[Candidate]:
    known = known_others(profile)
    missing = []
    for candidate in candidates:
        if candidate.work is not None:
            continue
        key = other_key(candidate.section, candidate.entry)
        if key not in known:
            known.add(key)
            missing.append(candidate)
    return missing


def _ids(profile: Profile) -> set[str]:
    """The ids taken, lower-cased (ids differing only in case are one id, PB404), and the file names academicpages
    would give them (`paper.one` and `paper-one` share one: PB407)."""
    sections = (profile.publications, profile.patents, profile.positions, profile.education, profile.projects,
                profile.awards, profile.talks)
    ids = {item.id for section in sections for item in section} | {s.id for s in profile.service if s.id}
    return {i.lower() for i in ids} | {_file_name(i) for i in ids}


def _unique(hint: str, taken: set[str]) -> str:
    """A valid id made from `hint` (model.keys.id_from_name), or that + a, b, … (Scholar's own way of telling
    equal keys apart), that neither an id nor a page file name of the profile already has."""
    base = id_from_name(hint) or "entry"
    candidate, suffix = base, 0
    while candidate.lower() in taken or _file_name(candidate) in taken:
        letters = letter_suffix(suffix)
        candidate = f"{base[: MAX_ID_LENGTH - len(letters)]}{letters}"
        suffix += 1
    taken |= {candidate.lower(), _file_name(candidate)}
    return candidate


def _file_name(entry_id: str) -> str:
    return "file:" + file_id(entry_id).lower()


_ORIGIN_LINE = re.compile(r"\(line (\d+)\)")


def at_their_sources(findings: Sequence[Finding], profile: Profile, additions: Sequence[Addition],
                     original: SourceMap, source: str) -> list[Finding]:
    """The findings of a profile the import did NOT write, pointed where the person can act on them.

    A finding on an added entry names the file (and line) the entry came from and the entry by its id, never a
    line of the unwritten profile; a finding on an entry the profile already holds keeps its position in the
    profile as it is on disk (`original`, `source`).
    """
    added: dict[str, list[Addition]] = {}
    for addition in additions:
        added.setdefault(addition.section, []).append(addition)
    placed = []
    for finding in findings:
        section, index = (finding.path[:2] + (None, None))[:2]
        held = len(getattr(profile, section, ()) or ()) if isinstance(section, str) else 0
        if isinstance(section, str) and isinstance(index, int) and section in added and index >= held \
                and index - held < len(added[section]):
            addition = added[section][index - held]
            where, _, _ = addition.origin.partition(": ")
            line = _ORIGIN_LINE.search(addition.origin)
            entry_id = str(addition.entry.get("id", ""))
            message = finding.message.replace(f"{section}[{index}]", f"{section}[{entry_id}]")
            placed.append(replace(finding, source=where or addition.origin, line=int(line.group(1)) if line else None,
                                  column=None, message=f"{message} (imported from {addition.origin})"
                                  if where != addition.origin else message))
            continue
        position = original.position(finding.path) if finding.path else None
        placed.append(replace(finding, source=source, line=position[0] if position else None,
                              column=position[1] if position else None))
    return placed
