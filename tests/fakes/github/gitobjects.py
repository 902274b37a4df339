"""Content-addressed git objects (blobs, trees, commits) hashed exactly the way git hashes them.

The fake stores real git objects so that SHAs a client computes locally (``git hash-object``) agree
with what the fake reports, and so that "nothing changed" is detectable by comparing tree SHAs, just
as it is against github.com.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

FILE_MODES = {"100644", "100755", "120000"}
TREE_MODE = "040000"
SUBMODULE_MODE = "160000"
MODE_TYPES = {"100644": "blob", "100755": "blob", "120000": "blob", TREE_MODE: "tree", SUBMODULE_MODE: "commit"}
EMPTY_TREE_SHA = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"


class GitError(ValueError):
    """Invalid input for an object operation (the API turns it into a 422)."""


class MergeConflict(GitError):
    pass


def hash_object(kind: str, payload: bytes) -> str:
    return hashlib.sha1(b"%s %d\0" % (kind.encode(), len(payload)) + payload).hexdigest()


@dataclass(frozen=True)
class Signature:
    name: str
    email: str
    when: datetime  # always timezone-aware

    @classmethod
    def parse(cls, data: dict | None, default: Signature) -> Signature:
        """Build from the API's {"name","email","date"}; missing parts fall back to ``default``."""
        if not data:
            return default
        when = default.when
        if data.get("date"):
            try:
                when = datetime.fromisoformat(data["date"])
            except ValueError as exc:
                raise GitError(f"Invalid date: {data['date']}") from exc
            if when.tzinfo is None:
                when = when.replace(tzinfo=UTC)
        return cls(data.get("name") or default.name, data.get("email") or default.email, when)

    def raw(self) -> bytes:
        offset = self.when.utcoffset() or timedelta(0)
        minutes = int(offset.total_seconds()) // 60
        sign = "-" if minutes < 0 else "+"
        tz = f"{sign}{abs(minutes) // 60:02d}{abs(minutes) % 60:02d}"
        return f"{self.name} <{self.email}> {int(self.when.timestamp())} {tz}".encode()

    def iso(self) -> str:
        if self.when.utcoffset() == timedelta(0):
            return self.when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        return self.when.isoformat(timespec="seconds")

    def to_json(self) -> dict:
        return {"name": self.name, "email": self.email, "date": self.iso()}


@dataclass(frozen=True)
class TreeEntry:
    mode: str  # API spelling: "040000" for trees, "100644" for files
    name: str
    sha: str

    @property
    def type(self) -> str:
        return MODE_TYPES[self.mode]

    def sort_key(self) -> bytes:
        # git orders entries by name bytes, comparing a tree's name as if it ended with "/"
        return self.name.encode() + (b"/" if self.mode == TREE_MODE else b"")


@dataclass(frozen=True)
class Commit:
    tree: str
    parents: tuple[str, ...]
    author: Signature
    committer: Signature
    message: str

    def raw(self) -> bytes:
        lines = [b"tree " + self.tree.encode()]
        lines += [b"parent " + p.encode() for p in self.parents]
        lines += [b"author " + self.author.raw(), b"committer " + self.committer.raw()]
        return b"\n".join(lines) + b"\n\n" + self.message.encode()


@dataclass(frozen=True)
class Leaf:
    """A non-tree entry of a flattened tree: a file, symlink or submodule."""

    mode: str
    sha: str


class ObjectStore:
    """The object database of one repository."""

    def __init__(self) -> None:
        self.blobs: dict[str, bytes] = {}
        self.trees: dict[str, tuple[TreeEntry, ...]] = {EMPTY_TREE_SHA: ()}
        self.commits: dict[str, Commit] = {}
        self._flat_cache: dict[str, dict[str, Leaf]] = {}

    def put_blob(self, data: bytes) -> str:
        sha = hash_object("blob", data)
        self.blobs[sha] = data
        return sha

    def put_tree(self, entries: list[TreeEntry]) -> str:
        ordered = tuple(sorted(entries, key=TreeEntry.sort_key))
        payload = b"".join(f"{e.mode.lstrip('0')} {e.name}".encode() + b"\0" + bytes.fromhex(e.sha) for e in ordered)
        sha = hash_object("tree", payload)
        self.trees[sha] = ordered
        return sha

    def put_commit(self, commit: Commit) -> str:
        if commit.tree not in self.trees:
            raise GitError(f"Tree SHA does not exist: {commit.tree}")
        for parent in commit.parents:
            if parent not in self.commits:
                raise GitError(f"Parent SHA does not exist or is not a commit object: {parent}")
        sha = hash_object("commit", commit.raw())
        self.commits[sha] = commit
        return sha

    def flatten(self, tree_sha: str) -> dict[str, Leaf]:
        """Every non-tree entry below ``tree_sha`` by full path. Trees are immutable, so cache."""
        if tree_sha not in self._flat_cache:
            flat: dict[str, Leaf] = {}
            for entry in self.trees[tree_sha]:
                if entry.mode == TREE_MODE:
                    for path, leaf in self.flatten(entry.sha).items():
                        flat[f"{entry.name}/{path}"] = leaf
                else:
                    flat[entry.name] = Leaf(entry.mode, entry.sha)
            self._flat_cache[tree_sha] = flat
        return dict(self._flat_cache[tree_sha])

    def build(self, flat: dict[str, Leaf]) -> str:
        """Write the nested trees for a flattened tree and return the root tree SHA."""
        files: list[TreeEntry] = []
        subdirs: dict[str, dict[str, Leaf]] = {}
        for path, leaf in flat.items():
            head, sep, rest = path.partition("/")
            if sep:
                subdirs.setdefault(head, {})[rest] = leaf
            else:
                files.append(TreeEntry(leaf.mode, head, leaf.sha))
        files += [TreeEntry(TREE_MODE, name, self.build(sub)) for name, sub in subdirs.items()]
        return self.put_tree(files)

    def walk(self, tree_sha: str, recursive: bool, prefix: str = "") -> list[tuple[str, TreeEntry]]:
        """(path, entry) pairs in git's order; with ``recursive`` sub-trees are listed before their contents."""
        out = []
        for entry in self.trees[tree_sha]:
            path = prefix + entry.name
            out.append((path, entry))
            if recursive and entry.mode == TREE_MODE:
                out += self.walk(entry.sha, True, path + "/")
        return out

    def read_files(self, tree_sha: str) -> dict[str, bytes]:
        return {p: self.blobs[leaf.sha] for p, leaf in self.flatten(tree_sha).items() if leaf.sha in self.blobs}

    def ancestors(self, sha: str) -> set[str]:
        """``sha`` and every commit reachable from it."""
        seen, todo = set(), [sha]
        while todo:
            current = todo.pop()
            if current not in seen:
                seen.add(current)
                todo += self.commits[current].parents
        return seen

    def is_ancestor(self, ancestor: str, descendant: str) -> bool:
        return ancestor in self.ancestors(descendant)

    def merge_base(self, a: str, b: str) -> str | None:
        """The common ancestor nearest to ``b`` (breadth-first); exact for non-criss-cross histories."""
        reachable_from_a = self.ancestors(a)
        queue, seen = [b], {b}
        while queue:
            current = queue.pop(0)
            if current in reachable_from_a:
                return current
            for parent in self.commits[current].parents:
                if parent not in seen:
                    seen.add(parent)
                    queue.append(parent)
        return None


def three_way_merge(base: dict[str, Leaf], ours: dict[str, Leaf], theirs: dict[str, Leaf]) -> dict[str, Leaf]:
    """Path-level merge: take whichever side changed a path; both changing it differently conflicts."""
    merged: dict[str, Leaf] = {}
    for path in base.keys() | ours.keys() | theirs.keys():
        b, o, t = base.get(path), ours.get(path), theirs.get(path)
        if o == t or t == b:
            result = o
        elif o == b:
            result = t
        else:
            raise MergeConflict(f"Merge conflict in {path}")
        if result is not None:
            merged[path] = result
    return merged
