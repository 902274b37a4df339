"""A closed proposal is a decision: which works and field fills the person declined, and what they undid.

The record of what a pull request proposed travels in its own body (a hidden `Proposal` line the bot writes),
so the pull requests themselves are the history: a bot PR closed without merging declines every work and fill
it proposed; a merged one declines those the person removed from the branch before merging, or took out of
the profile afterwards (a DOI they deleted). Works are compared by identity exactly as everywhere else
(`model.matching`: the same work from ORCID, OpenAlex or Scholar is one work), so a declined work is never
proposed again from any source. The dashboard issue remembers the declines (they outlive the pull request
list and the bot branch) and the person's ticks: undo a decline, propose a work held back for want of evidence.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import zlib
from dataclasses import dataclass, field, replace
from typing import Any, Iterable, Mapping, Sequence

from profilebot.model import matching
from profilebot.model.identifiers import normalize_doi
from profilebot.model.matching import Work
from profilebot.model.profile import Profile

_PROPOSAL = re.compile(r"<!-- profilebot:proposal ([A-Za-z0-9+/=]+) -->")
CLOSED, REMOVED, REVERTED = "closed", "removed", "reverted"


@dataclass(frozen=True)
class Identity:
    """What `model.matching` needs to tell whether two records are one work, and a title to show people."""

    title: str
    year: int | None = None
    first_author: str = ""
    doi: str | None = None
    arxiv: str | None = None
    isbn: str | None = None
    patent: str | None = None
    preprint: bool = False

    @classmethod
    def of(cls, work: Work) -> Identity:
        return cls(work.title, work.year, work.first_author, work.doi, work.arxiv, work.isbn, work.patent,
                   work.preprint)

    def work(self, key: str = "") -> Work:
        return Work(key=key or self.key, title=self.title, year=self.year, first_author=self.first_author,
                    doi=self.doi, arxiv=self.arxiv, isbn=self.isbn, patent=self.patent, preprint=self.preprint)

    @property
    def key(self) -> str:
        """A short stable name for the checkbox that undoes or approves this work."""
        return "w" + hashlib.sha1(json.dumps(self.data(), sort_keys=True).encode()).hexdigest()[:10]

    def data(self) -> dict[str, Any]:
        values = {"title": self.title, "year": self.year, "first": self.first_author, "doi": self.doi,
                  "arxiv": self.arxiv, "isbn": self.isbn, "patent": self.patent, "preprint": self.preprint}
        return {k: v for k, v in values.items() if v not in (None, "", False)}

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Identity:
        def text(name: str) -> str | None:
            value = data.get(name)
            return value if isinstance(value, str) and value else None

        year = data.get("year")
        return cls(text("title") or "", year if isinstance(year, int) else None, text("first") or "",
                   text("doi"), text("arxiv"), text("isbn"), text("patent"), data.get("preprint") is True)

    def shown(self) -> str:
        ids = f", DOI {self.doi}" if self.doi else f", arXiv {self.arxiv}" if self.arxiv else ""
        return f"{self.title}" + (f" ({self.year}{ids})" if self.year else f" ({ids[2:]})" if ids else "")


@dataclass(frozen=True)
class Fill:
    """A value the bot set in an existing entry (a DOI, an arXiv id, a status)."""

    entry: str
    key: str
    value: str

    @property
    def ident(self) -> str:
        return "f" + hashlib.sha1(f"{self.entry}\0{self.key}\0{_same(self.key, self.value)}".encode()).hexdigest()[:10]

    def shown(self) -> str:
        return f"{self.key} {self.value} on `{self.entry}`"

    def matches(self, entry: str, key: str, value: object) -> bool:
        return self.entry == entry and self.key == key and _same(key, str(value)) == _same(self.key, self.value)


def _same(key: str, value: str) -> str:
    return (normalize_doi(value) or value).lower() if key == "doi" else value.strip().lower()


@dataclass(frozen=True)
class Other:
    """A position, degree or talk a PR proposed (not a work): `importers.propose.other_key` and a title to show."""

    key: tuple[str, str, str, str]
    title: str

    @property
    def ident(self) -> str:
        return "e" + hashlib.sha1("\0".join(self.key).encode()).hexdigest()[:10]


@dataclass(frozen=True)
class Proposal:
    """What one bot pull request proposed: new works (by identity) and fills of existing entries."""

    works: tuple[Identity, ...] = ()
    fills: tuple[Fill, ...] = ()
    others: tuple[Other, ...] = ()

    def marker(self) -> str:
        """One hidden line for the PR body (compressed: a PR body holds at most 65,536 characters)."""
        data = {"works": [w.data() for w in self.works], "fills": [[f.entry, f.key, f.value] for f in self.fills],
                "others": [[*o.key, o.title] for o in self.others]}
        packed = base64.b64encode(zlib.compress(json.dumps(data, separators=(",", ":")).encode(), 9)).decode()
        return f"<!-- profilebot:proposal {packed} -->"

    @classmethod
    def read(cls, body: str | None) -> Proposal | None:
        """The proposal recorded in a PR body; None when there is none (another target's PR, an old bot's)."""
        found = _PROPOSAL.search(body or "")
        if not found:
            return None
        try:
            data = json.loads(zlib.decompress(base64.b64decode(found.group(1))))
            works = tuple(Identity.from_data(w) for w in data.get("works", []) if isinstance(w, dict))
            fills = tuple(Fill(*map(str, f)) for f in data.get("fills", []) if isinstance(f, list) and len(f) == 3)
            others = tuple(_other(o) for o in data.get("others", []) if isinstance(o, list) and len(o) == 5)
        except (ValueError, TypeError, zlib.error):
            return None  # a person edited the hidden line: nothing can be read from it
        return cls(works, fills, others)


@dataclass(frozen=True)
class ClosedPull:
    """A bot pull request of the profile target that is no longer open, with what it proposed."""

    number: int
    merged: bool
    proposal: Proposal


@dataclass(frozen=True)
class Declined:
    """One decision: a work (`identity`) or a fill the person turned down, in pull request `pull`, and how."""

    pull: int
    how: str  # closed (the PR was closed unmerged) | removed (taken out before or after merging) | reverted
    identity: Identity | None = None
    fill: Fill | None = None
    other: Other | None = None

    @property
    def key(self) -> str:
        if self.identity is not None:
            return self.identity.key
        return self.fill.ident if self.fill is not None else self.other.ident if self.other is not None else ""

    def shown(self) -> str:
        if self.identity is not None:
            return self.identity.shown()
        return self.fill.shown() if self.fill is not None else self.other.title if self.other is not None else ""

    def data(self) -> dict[str, Any]:
        found: dict[str, Any] = {"pull": self.pull, "how": self.how}
        if self.identity is not None:
            found["work"] = self.identity.data()
        if self.fill is not None:
            found["fill"] = [self.fill.entry, self.fill.key, self.fill.value]
        if self.other is not None:
            found["other"] = [*self.other.key, self.other.title]
        return found

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Declined | None:
        pull, how = data.get("pull"), data.get("how")
        work, fill = data.get("work"), data.get("fill")
        if not isinstance(pull, int) or how not in (CLOSED, REMOVED, REVERTED):
            return None
        if isinstance(work, dict):
            return cls(pull, how, identity=Identity.from_data(work))
        if isinstance(fill, list) and len(fill) == 3:
            return cls(pull, how, fill=Fill(*map(str, fill)))
        other = data.get("other")
        if isinstance(other, list) and len(other) == 5:
            return cls(pull, how, other=_other(other))
        return None


def _other(values: list[Any]) -> Other:
    section, organisation, title, when, shown = map(str, values)
    return Other((section, organisation, title, when), shown)


@dataclass(frozen=True)
class Memory:
    """What the dashboard remembers for the profile target between runs.

    `declined`: the decisions so far; `undone`: decline key → the newest pull request whose decline of it the
    person undid (a later PR that proposes it and is closed again declines it again); `approved`: works held
    back that the person ticked to propose.
    """

    declined: tuple[Declined, ...] = ()
    undone: Mapping[str, int] = field(default_factory=dict)
    approved: frozenset[str] = frozenset()

    def data(self) -> dict[str, Any]:
        return {"declined": [d.data() for d in self.declined], "undone": dict(sorted(self.undone.items())),
                "approved": sorted(self.approved)}

    @classmethod
    def from_data(cls, data: Any) -> Memory:
        if not isinstance(data, Mapping):
            return cls()
        declined = tuple(d for d in (Declined.from_data(x) for x in data.get("declined") or [] if isinstance(x, dict))
                         if d is not None)
        undone = {str(k): v for k, v in (data.get("undone") or {}).items() if isinstance(v, int)} \
            if isinstance(data.get("undone"), dict) else {}
        approved = frozenset(str(k) for k in data.get("approved") or [] if isinstance(k, str))
        return cls(declined, undone, approved)

    def ticked(self, undo: Iterable[str], propose: Iterable[str]) -> Memory:
        """The person's ticks on the dashboard: undo those declines, propose those held works."""
        undo = set(undo)
        undone = dict(self.undone)
        for decline in self.declined:
            if decline.key in undo:
                undone[decline.key] = max(undone.get(decline.key, 0), decline.pull)
        kept = tuple(d for d in self.declined if d.key not in undo)
        return Memory(kept, undone, self.approved | frozenset(propose))


def from_pulls(pulls: Sequence[ClosedPull], profile: Profile) -> list[Declined]:
    """The decisions the closed bot pull requests record, checked against the profile as it is now."""
    from profilebot.importers.propose import known_others

    ours = matching.profile_works(profile)
    held = known_others(profile)
    entries: dict[str, object] = {p.id: p for p in profile.publications} | {p.id: p for p in profile.patents}
    found: list[Declined] = []
    for pull in sorted(pulls, key=lambda p: p.number):
        works = [w.work(str(i)) for i, w in enumerate(pull.proposal.works)]
        missing = ({id(w) for group in matching.match(ours, works).only_theirs for w in group} if pull.merged
                   else {id(w) for w in works})
        for identity, work in zip(pull.proposal.works, works):
            if id(work) in missing:
                found.append(Declined(pull.number, REMOVED if pull.merged else CLOSED, identity=identity))
        for other in pull.proposal.others:
            if not pull.merged or other.key not in held:
                found.append(Declined(pull.number, REMOVED if pull.merged else CLOSED, other=other))
        for fill in pull.proposal.fills:
            entry = entries.get(fill.entry)
            value = getattr(entry, fill.key, None) if entry is not None else None
            if not pull.merged:
                found.append(Declined(pull.number, CLOSED, fill=fill))
            elif entry is not None and (value is None or not fill.matches(fill.entry, fill.key, value)):
                found.append(Declined(pull.number, REVERTED, fill=fill))
    return found


def remember(memory: Memory, found: Sequence[Declined]) -> Memory:
    """The memory with the newly found decisions, each once, except those the person undid."""
    known = {d.key for d in memory.declined}
    added = []
    for decline in found:
        if decline.key in known or memory.undone.get(decline.key, 0) >= decline.pull:
            continue
        known.add(decline.key)
        added.append(decline)
    return replace(memory, declined=memory.declined + tuple(added))


def declined_works(memory: Memory, works: Sequence[Work]) -> set[int]:
    """Which of `works` (by object id) are a declined work, by the one identity of `model.matching`."""
    refused = [d.identity.work(d.key) for d in memory.declined if d.identity is not None]
    if not refused:
        return set()
    found = matching.match(refused, list(works))
    return {id(pair.theirs) for pair in found.pairs}


def declined_other(memory: Memory, key: tuple[str, str, str, str]) -> bool:
    """Whether a position, degree or talk with this `importers.propose.other_key` was declined."""
    return any(d.other is not None and d.other.key == key for d in memory.declined)


def declined_fill(memory: Memory, entry: str, key: str, value: object) -> bool:
    return any(d.fill is not None and d.fill.matches(entry, key, value) for d in memory.declined)
