"""Repository state of the fake: refs, pull requests, labels and comments on top of the object store.

Everything here is HTTP-agnostic; rule violations raise ``ApiError`` carrying the status and message
github.com answers with, so the HTTP layer only has to serialise them.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import UTC, datetime

from .gitobjects import (
    FILE_MODES,
    MODE_TYPES,
    SUBMODULE_MODE,
    TREE_MODE,
    Commit,
    GitError,
    Leaf,
    ObjectStore,
    Signature,
    three_way_merge,
)

_ids = itertools.count(1000)


def next_id() -> int:
    return next(_ids)


def now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def iso(when: datetime | None) -> str | None:
    return when.strftime("%Y-%m-%dT%H:%M:%SZ") if when else None


class ApiError(Exception):
    def __init__(self, status: int, message: str, errors: list[dict] | None = None) -> None:
        super().__init__(f"{status} {message}")
        self.status, self.message, self.errors = status, message, errors


def validation_failed(message: str, resource: str, field_name: str = "", code: str = "custom") -> ApiError:
    error = {"resource": resource, "code": code, "message": message}
    if field_name:
        error["field"] = field_name
    return ApiError(422, "Validation Failed", [error])


def empty_repository() -> ApiError:
    return ApiError(409, "Git Repository is empty.")


@dataclass
class Label:
    name: str
    color: str = "ededed"
    # "" rather than null: the extract types a pull's label description as a non-nullable string
    description: str = ""
    id: int = field(default_factory=next_id)


@dataclass
class Comment:
    body: str
    user: str
    id: int = field(default_factory=next_id)
    created_at: datetime = field(default_factory=now)


@dataclass
class Pull:
    number: int
    title: str
    body: str | None
    head: str  # branch name in the same repository
    base: str
    user: str
    head_sha: str  # last known head commit, kept if the head branch is deleted
    draft: bool = False
    maintainer_can_modify: bool = False
    state: str = "open"
    labels: list[str] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    merged_by: str | None = None
    merge_commit_sha: str | None = None
    id: int = field(default_factory=next_id)
    created_at: datetime = field(default_factory=now)
    updated_at: datetime = field(default_factory=now)
    closed_at: datetime | None = None
    merged_at: datetime | None = None


@dataclass
class Issue:
    """An issue that is not a pull request; it shares the repository's numbers with the pull requests."""

    number: int
    title: str
    body: str | None
    user: str
    state: str = "open"
    labels: list[str] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    id: int = field(default_factory=next_id)
    created_at: datetime = field(default_factory=now)
    updated_at: datetime = field(default_factory=now)
    closed_at: datetime | None = None


@dataclass
class Workflow:
    """A workflow file of the default branch, as GitHub Actions tracks it: `state` is "active",
    "disabled_manually" or "disabled_inactivity" (a scheduled workflow of a public repository after 60 days
    without activity: commits, or enabling it through the API)."""

    path: str
    state: str = "active"
    id: int = field(default_factory=next_id)


@dataclass
class Repo:
    owner: str
    name: str
    default_branch: str
    private: bool = False
    objects: ObjectStore = field(default_factory=ObjectStore)
    refs: dict[str, str] = field(default_factory=dict)  # "refs/heads/main" -> commit sha
    pulls: dict[int, Pull] = field(default_factory=dict)
    labels: dict[str, Label] = field(default_factory=dict)
    issues: dict[int, Issue] = field(default_factory=dict)
    workflows: dict[str, Workflow] = field(default_factory=dict)  # by file name (profilebot-sync.yml)
    # "Allow GitHub Actions to create and approve pull requests": off for new repositories and organisations.
    actions_can_create_pulls: bool = False
    day: int = 0  # the fake's calendar (GitHubFake.set_day), for GitHub's 60-day inactivity rule
    active_day: int = 0  # the last day of activity: a commit on the default branch, or a workflow enabled
    id: int = field(default_factory=next_id)
    created_at: datetime = field(default_factory=now)
    pushed_at: datetime = field(default_factory=now)

    @property
    def full_name(self) -> str:
        return f"{self.owner}/{self.name}"

    @property
    def is_empty(self) -> bool:
        return not self.refs

    # --- refs -------------------------------------------------------------------------------

    def branch_sha(self, branch: str) -> str | None:
        return self.refs.get(f"refs/heads/{branch}")

    def resolve(self, refish: str | None) -> str | None:
        """Commit SHA for a branch name, "heads/..." / "refs/..." ref, or commit SHA (None = default branch)."""
        # github.com resolves HEAD (e.g. GET /git/trees/HEAD) to the default branch, like a bare clone's HEAD.
        refish = self.default_branch if refish in (None, "", "HEAD") else refish
        for candidate in (f"refs/heads/{refish}", f"refs/{refish}", refish):
            if candidate in self.refs:
                return self.refs[candidate]
        return refish if refish in self.objects.commits else None

    def set_ref(self, ref: str, sha: str) -> None:
        self.refs[ref] = sha
        self.pushed_at = now()
        if ref == f"refs/heads/{self.default_branch}":
            self.active_day = self.day

    def create_ref(self, ref: str, sha: str) -> None:
        if self.is_empty:
            raise empty_repository()
        if not ref.startswith("refs/") or ref.count("/") < 2:
            raise ApiError(422, "Reference name is invalid")
        if sha not in self.objects.commits:
            raise ApiError(422, "Object does not exist")
        if ref in self.refs:
            raise ApiError(422, "Reference already exists")
        self.set_ref(ref, sha)

    def update_ref(self, ref: str, sha: str, force: bool) -> None:
        if ref not in self.refs:
            raise ApiError(422, "Reference does not exist")
        if sha not in self.objects.commits:
            raise ApiError(422, "Object does not exist")
        if not force and not self.objects.is_ancestor(self.refs[ref], sha):
            raise ApiError(422, "Update is not a fast forward")
        self.set_ref(ref, sha)

    def delete_ref(self, ref: str) -> None:
        if ref not in self.refs:
            raise ApiError(422, "Reference does not exist")
        del self.refs[ref]

    # --- trees and commits ------------------------------------------------------------------

    def tree_sha(self, treeish: str) -> str | None:
        """GitHub accepts any tree-ish where a tree SHA is expected: tree, commit or branch."""
        if treeish in self.objects.trees:
            return treeish
        commit = self.resolve(treeish)
        return self.objects.commits[commit].tree if commit else None

    def create_tree(self, base_tree: str | None, elements: list) -> str:
        """POST /git/trees: apply ``elements`` in order onto ``base_tree`` (or onto nothing)."""
        flat: dict[str, Leaf] = {}
        if base_tree is not None:
            if base_tree not in self.objects.trees:
                raise validation_failed(f"base_tree {base_tree} is not a valid tree", "Tree", "base_tree")
            flat = self.objects.flatten(base_tree)
        if not isinstance(elements, list):
            raise validation_failed("tree must be an array", "Tree", "tree", "invalid")
        for element in elements:
            self._apply_tree_element(flat, element)
        return self.objects.build(flat)

    def _apply_tree_element(self, flat: dict[str, Leaf], element: dict) -> None:
        path, mode = element.get("path"), element.get("mode")
        if not isinstance(path, str) or not path or path.startswith("/") or path.endswith("/") or "//" in path:
            raise validation_failed(f"tree.path {path!r} is invalid", "Tree", "path", "invalid")
        if mode not in MODE_TYPES or element.get("type", MODE_TYPES[mode]) != MODE_TYPES[mode]:
            raise validation_failed(f"tree.mode/type {mode!r} is invalid", "Tree", "mode", "invalid")
        has_content, has_sha = "content" in element, "sha" in element
        if has_content == has_sha:
            raise validation_failed("Must supply either tree.sha or tree.content, not both", "Tree", "tree")
        if has_sha and element["sha"] is None:
            if not _remove_path(flat, path):
                raise validation_failed(f"tree.path {path!r} does not exist and cannot be deleted", "Tree", "path")
            return
        _remove_path(flat, path, replacing=True)
        if has_content:
            if mode not in FILE_MODES or not isinstance(element["content"], str):
                raise validation_failed("tree.content must be a string for a file mode", "Tree", "content")
            flat[path] = Leaf(mode, self.objects.put_blob(element["content"].encode()))
        elif mode == TREE_MODE:
            if element["sha"] not in self.objects.trees:
                raise validation_failed(f"tree.sha {element['sha']} is not a valid tree", "Tree", "sha")
            flat.update({f"{path}/{p}": leaf for p, leaf in self.objects.flatten(element["sha"]).items()})
        elif mode == SUBMODULE_MODE or element["sha"] in self.objects.blobs:
            flat[path] = Leaf(mode, element["sha"])
        else:
            raise validation_failed(f"tree.sha {element['sha']} is not a valid blob", "Tree", "sha")

    def create_commit(
        self, message: str, tree: str, parents: list[str], author: Signature, committer: Signature
    ) -> str:
        try:
            return self.objects.put_commit(Commit(tree, tuple(parents), author, committer, message))
        except GitError as exc:
            raise ApiError(422, str(exc)) from exc

    def commit_changes(self, branch: str, files: dict[str, bytes], delete, message: str, author: Signature) -> str:
        """Commit ``files``/``delete`` on top of ``branch`` (created from the default branch, or as the
        first commit of an empty repository) and move the branch: what a ``git push`` does."""
        parent = self.branch_sha(branch) or self.branch_sha(self.default_branch)
        flat = self.objects.flatten(self.objects.commits[parent].tree) if parent else {}
        for path in delete:
            if not _remove_path(flat, path):
                raise KeyError(f"cannot delete {path!r}: not in {self.full_name}@{branch}")
        for path, data in files.items():
            _remove_path(flat, path, replacing=True)
            flat[path] = Leaf("100644", self.objects.put_blob(data))
        tree = self.objects.build(flat)
        sha = self.create_commit(message, tree, [parent] if parent else [], author, author)
        self.set_ref(f"refs/heads/{branch}", sha)
        return sha

    # --- pull requests ----------------------------------------------------------------------

    def next_number(self) -> int:
        return max([*self.pulls, *self.issues], default=0) + 1

    def issue(self, number: int) -> Issue | Pull | None:
        """Issue `number`, which may be a pull request (every pull request is an issue)."""
        return self.issues.get(number) or self.pulls.get(number)

    def workflow(self, workflow_id: str) -> Workflow:
        """A workflow by file name or numeric id, as the Actions API accepts either; 404 when unknown."""
        for name, workflow in self.workflows.items():
            if workflow_id in (name, str(workflow.id)):
                return workflow
        head = self.branch_sha(self.default_branch)
        path = f".github/workflows/{workflow_id}"
        if head is None or path not in self.objects.flatten(self.objects.commits[head].tree):
            raise ApiError(404, "Not Found")
        return self.workflows.setdefault(workflow_id, Workflow(path))

    def pass_days(self, day: int) -> None:
        """Move the calendar to `day`: scheduled workflows idle for 60 days are disabled, as on github.com."""
        self.day = day
        for workflow in self.workflows.values():
            if workflow.state == "active" and day - self.active_day >= 60:
                workflow.state = "disabled_inactivity"

    def pull_head_sha(self, pull: Pull) -> str:
        return self.branch_sha(pull.head) or pull.head_sha

    def pull_commit_count(self, pull: Pull) -> int:
        base = self.branch_sha(pull.base)
        head_history = self.objects.ancestors(self.pull_head_sha(pull))
        return len(head_history - (self.objects.ancestors(base) if base else set()))

    def pull_changed_files(self, pull: Pull) -> int:
        base, head = self.branch_sha(pull.base), self.pull_head_sha(pull)
        base_flat = self.objects.flatten(self.objects.commits[base].tree) if base else {}
        head_flat = self.objects.flatten(self.objects.commits[head].tree)
        return sum(base_flat.get(p) != head_flat.get(p) for p in base_flat.keys() | head_flat.keys())

    def create_pull(
        self, user: str, title: str, head: str, base: str, body: str | None, draft: bool, mcm: bool
    ) -> Pull:
        head_sha, base_sha = self.branch_sha(head), self.branch_sha(base)
        if head_sha is None:
            raise validation_failed("head is invalid", "PullRequest", "head", "invalid")
        if base_sha is None:
            raise validation_failed("base is invalid", "PullRequest", "base", "invalid")
        for pull in self.pulls.values():
            if pull.state == "open" and pull.head == head and pull.base == base:
                raise validation_failed(f"A pull request already exists for {self.owner}:{head}.", "PullRequest")
        if self.objects.is_ancestor(head_sha, base_sha):
            raise validation_failed(f"No commits between {base} and {head}", "PullRequest")
        pull = Pull(self.next_number(), title, body, head, base, user, head_sha, draft, mcm)
        self.pulls[pull.number] = pull
        return pull

    def ensure_label(self, name: str) -> Label:
        # github.com creates unknown labels on the fly when they are added to an issue
        return self.labels.setdefault(name, Label(name))

    def merge_pull(self, pull: Pull, merged_by: str) -> str:
        """Merge like the "Create a merge commit" button: fast-forward when possible, else a
        path-level three-way merge; then mark the pull merged and closed."""
        if pull.state != "open":
            raise ApiError(405, "Pull Request is not mergeable")
        head, base = self.pull_head_sha(pull), self.branch_sha(pull.base)
        if self.objects.is_ancestor(base, head):
            result = head
        else:
            commits = self.objects.commits
            ancestor = self.objects.merge_base(base, head)
            flat = three_way_merge(
                self.objects.flatten(commits[ancestor].tree) if ancestor else {},
                self.objects.flatten(commits[base].tree),
                self.objects.flatten(commits[head].tree),
            )
            signature = Signature(merged_by, f"{merged_by}@users.noreply.github.com", now())
            message = f"Merge pull request #{pull.number} from {self.owner}/{pull.head}\n\n{pull.title}"
            result = self.create_commit(message, self.objects.build(flat), [base, head], signature, signature)
        self.set_ref(f"refs/heads/{pull.base}", result)
        pull.state, pull.merged_by, pull.merge_commit_sha = "closed", merged_by, result
        pull.merged_at = pull.closed_at = pull.updated_at = now()
        return result


def _remove_path(flat: dict[str, Leaf], path: str, replacing: bool = False) -> bool:
    """Remove the file, or the whole directory, at ``path``. When ``replacing`` (a new entry is about
    to be written there) also remove files sitting where its parent directories must go.
    Returns whether anything was removed."""
    doomed = [p for p in flat if p == path or p.startswith(path + "/") or (replacing and path.startswith(p + "/"))]
    for p in doomed:
        del flat[p]
    return bool(doomed)
