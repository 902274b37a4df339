"""The profile target's review step, between reading the sources and editing profile.yaml: drop what the person
declined, weigh the evidence for each work, hold back the works a name alone supports.

Pure: the closed pull requests, the dashboard's memory and the sources' candidates go in; what to propose,
what to hold back and the updated memory come out (the dashboard renders `Review`, the PR body the evidence).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping, Sequence

from profilebot.diff import decisions
from profilebot.diff import evidence as evidence_of
from profilebot.diff.decisions import ClosedPull, Declined, Identity, Memory
from profilebot.diff.evidence import Evidence, Record
from profilebot.importers.candidate import Candidate
from profilebot.importers.propose import other_key
from profilebot.load.edit import FieldEdit
from profilebot.model import matching
from profilebot.model.profile import Profile


@dataclass(frozen=True)
class Item:
    """One work as the dashboard lists it: its checkbox key, what it is, and why the bot thinks it is yours."""

    key: str
    title: str
    evidence: str = ""
    source: str = ""


@dataclass(frozen=True)
class Review:
    """What the profile target hands the dashboard (plain data): works held back, decisions, and the memory."""

    held: tuple[Item, ...] = ()
    declined: tuple[Item, ...] = ()
    memory: Memory = field(default_factory=Memory)


@dataclass(frozen=True)
class Decided:
    candidates: list[Candidate]
    updates: list[FieldEdit]
    evidence: dict[str, str]  # candidate origin → the evidence words for the PR table
    review: Review


def decide(profile: Profile, candidates: Sequence[Candidate], updates: Sequence[FieldEdit],
           records: Mapping[str, Record], labels: Mapping[str, str], pulls: Sequence[ClosedPull], memory: Memory,
           propose_on: str, hold: bool) -> Decided:
    """`hold`: whether works may wait for a tick (only with a dashboard to show them on)."""
    memory = decisions.remember(memory, decisions.from_pulls(pulls, profile))
    refused = decisions.declined_works(memory, [c.work for c in candidates if c.work is not None])

    def turned_down(candidate: Candidate) -> bool:
        if candidate.work is not None:
            return id(candidate.work) in refused
        return decisions.declined_other(memory, other_key(candidate.section, candidate.entry))

    open_candidates = [c for c in candidates if not turned_down(c)]
    weighed = _weigh(profile, open_candidates, records)
    kept: list[Candidate] = []
    held: dict[str, Item] = {}
    for candidate in open_candidates:
        if candidate.work is None:
            kept.append(candidate)
            continue
        key, found = weighed[id(candidate)]
        if hold and found.held(propose_on) and key not in memory.approved and _missing(profile, candidate):
            held.setdefault(key, Item(key, Identity.of(candidate.work).shown(), found.words(),
                                      labels.get(candidate.origin, candidate.origin)))
            continue
        kept.append(candidate)
    kept_updates = [u for u in updates if not decisions.declined_fill(memory, u.entry_id, u.key, _shown(u.value))]
    words = {c.origin: weighed[id(c)][1].words() for c in kept if id(c) in weighed}
    declined = tuple(Item(d.key, declined_words(d)) for d in memory.declined)
    return Decided(kept, kept_updates, words, Review(tuple(held.values()), declined, memory))


def _weigh(profile: Profile, candidates: Sequence[Candidate],
           records: Mapping[str, Record]) -> dict[int, tuple[str, Evidence]]:
    """Each candidate's work key and evidence; the versions of one work (from several sources) pool theirs."""
    with_work = [c for c in candidates if c.work is not None]
    by_work = {id(c.work): c for c in with_work}
    found: dict[int, tuple[str, Evidence]] = {}
    for group in matching.cluster(c.work for c in with_work if c.work is not None):
        members = [by_work[id(work)] for work in group]
        pieces = [evidence_of.of(profile, _authors(c), records.get(c.origin, Record())) for c in members]
        pooled = _pool(pieces)
        key = Identity.of(matching.representative(group)).key
        for member in members:
            found[id(member)] = (key, pooled)
    return found


def _pool(pieces: Sequence[Evidence]) -> Evidence:
    placed = [p for p in pieces if p.position is not None]
    first = min(placed, key=lambda p: p.position or 0) if placed else None
    return Evidence(own=next((p.own for p in pieces if p.own), ""), orcid=any(p.orcid for p in pieces),
                    position=first.position if first else None, spelling=first.spelling if first else "",
                    coauthors=max((p.coauthors for p in pieces), default=0),
                    affiliation=next((p.affiliation for p in pieces if p.affiliation), ""))


def _authors(candidate: Candidate) -> list[str]:
    names = candidate.entry.get("authors") or candidate.entry.get("inventors") or []
    return [name if isinstance(name, str) else str(name.get("name", "")) for name in names
            if isinstance(name, (str, dict))]


def _missing(profile: Profile, candidate: Candidate) -> bool:
    """Only a work the profile lacks is held back (one it holds is not proposed anyway)."""
    assert candidate.work is not None
    return not matching.match(matching.profile_works(profile), [candidate.work]).pairs


def _shown(value: object) -> str:
    return str(value.get("name")) if isinstance(value, dict) else str(value)


def declined_words(decline: Declined) -> str:
    how = {decisions.CLOSED: f"#{decline.pull} closed without merging",
           decisions.REMOVED: f"removed from #{decline.pull}",
           decisions.REVERTED: f"filled in #{decline.pull}, since removed"}[decline.how]
    return f"{decline.shown()} ({how})"
