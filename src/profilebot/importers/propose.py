"""Candidates → the Additions a profile lacks: nothing it already holds, each work once, ids unique."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Sequence

from profilebot.importers import links
from profilebot.importers.candidate import Candidate
from profilebot.model import matching
from profilebot.model.keys import letter_suffix
from profilebot.model.matching import fold
from profilebot.model.names import fold as names_fold
from profilebot.model.profile import Profile


@dataclass(frozen=True)
class Addition:
    """One entry to append to `section` of profile.yaml (`entry` starts with its new `id`)."""

    section: str
    entry: dict[str, Any]
    origin: str
    left_out: tuple[str, ...] = ()  # the source's links and DOIs not taken (importers/links.py)


def propose(profile: Profile, candidates: Sequence[Candidate]) -> list[Addition]:
    candidates = [links.checked(c) for c in candidates]  # no link or DOI that check refuses comes in
    taken = _ids(profile)
    additions = []
    for candidate in _works_missing(profile, candidates) + _others_missing(profile, candidates):
        entry_id = _unique(candidate.id_hint or candidate.section, taken)
        additions.append(Addition(candidate.section, {"id": entry_id, **candidate.entry}, candidate.origin,
                                  candidate.left_out))
        for section, entry in candidate.companions:
            companion = {"id": _unique(f"{entry_id}-award", taken), **entry, "publication": entry_id}
            additions.append(Addition(section, companion, candidate.origin))
    return additions


def _works_missing(profile: Profile, candidates: Sequence[Candidate]) -> list[Candidate]:
    """Works the profile lacks, one per work: of a preprint and its paper (or duplicates), the best version."""
    by_work = {id(c.work): c for c in candidates if c.work is not None}
    found = matching.match(matching.profile_works(profile), [c.work for c in candidates if c.work is not None])
    chosen = [by_work[id(matching.representative(group))] for group in found.only_theirs]
    return _one_per_title(profile, chosen)


def _one_per_title(profile: Profile, chosen: list[Candidate]) -> list[Candidate]:
    """Never two publications with one title (check's PB201 would refuse the file): sources garble authors.

    Scholar exports list a paper twice when one copy has a mangled author list ("Shi Zheng, Shi Zheng"),
    which identity matching rightly cannot pair; the copy with more fields is kept.
    """
    taken = {names_fold(p.title) for p in profile.publications}
    best: dict[str, Candidate] = {}
    for candidate in chosen:
        if candidate.section != "publications":
            continue
        title = names_fold(str(candidate.entry.get("title", "")))
        if title in taken:
            continue
        if title not in best or len(candidate.entry) > len(best[title].entry):
            best[title] = candidate
    kept = {id(c) for c in best.values()}
    return [c for c in chosen if c.section != "publications" or id(c) in kept]


def _others_missing(profile: Profile, candidates: Sequence[Candidate]) -> list[Candidate]:
    known = {("positions", fold(p.organization), fold(p.title), "") for p in profile.positions}
    known |= {("education", fold(e.institution), fold(e.degree), "") for e in profile.education}
    # A talk given twice (same title, another event, day or kind: the poster and the talk) is two talks.
    known |= {("talks", fold(t.event), fold(t.title), f"{t.date.iso() if t.date else ''} {t.type or ''}")
              for t in profile.talks}
    missing = []
    for candidate in candidates:
        if candidate.work is not None:
            continue
        entry = candidate.entry
        key = (candidate.section, fold(entry.get("organization") or entry.get("institution") or entry.get("event") or ""),
               fold(entry.get("title") or entry.get("degree") or ""),
               f"{entry.get('date') or ''} {entry.get('type') or ''}" if candidate.section == "talks" else "")
        if key not in known:
            known.add(key)
            missing.append(candidate)
    return missing


def _ids(profile: Profile) -> set[str]:
    sections = (profile.publications, profile.patents, profile.positions, profile.education, profile.projects,
                profile.awards, profile.talks)
    ids = {item.id for section in sections for item in section} | {s.id for s in profile.service if s.id}
    return {i.lower() for i in ids}


def _unique(hint: str, taken: set[str]) -> str:
    """`hint`, or `hint` + a, b, … (Scholar's own way of telling equal keys apart)."""
    base = hint if hint and hint[0].isalnum() else f"entry-{hint}"
    candidate, suffix = base, 0
    while candidate.lower() in taken:  # ids differing only in case are one id (PB404)
        candidate = f"{base}{letter_suffix(suffix)}"
        suffix += 1
    taken.add(candidate.lower())
    return candidate
