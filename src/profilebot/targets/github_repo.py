"""The PR engine: read a branch in one request, then one commit, the bot branch moved last, one upserted PR.

Request budget (see benchmarks/sync.py): no drift = 2 (recursive tree of the base branch, open bot PRs);
drift, whatever the number of files = tree, PRs, base branch, POST tree with inline content, POST commit, ref
create/move, PR create/update (7), + the manifest blob when papers changed, + a label on a new PR: 8 usually,
9 for a new PR whose papers changed.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Callable

from profilebot.diff import plan as planning
from profilebot.diff.plan import Desired, Plan
from profilebot.diff.snapshot import Snapshot
from profilebot.errors import TargetError
from profilebot.report import pull_request
from profilebot.diff.outcome import Proposed, Status
from profilebot.targets.base import Location, Outcome
from profilebot.clients import shape
from profilebot.clients.github import GitHubApi, GitHubError, ref_path
from profilebot.clients.shape import INTEGER, TEXT, ListOf, Object, Optional

BOT_NAME = "profilebot"
BOT_EMAIL = "profilebot@users.noreply.github.com"
LABEL = "profilebot"
TRAILER = "Profilebot-Target:"

# What the engine reads out of GitHub's answers (the documented shapes, only the fields it uses): anything else
# is one clear error from the gateway (clients.shape), never a KeyError half-way through a sync.
TREE = Object(sha=TEXT, truncated=Optional(shape.BOOLEAN),
              tree=ListOf(Object(path=TEXT, sha=TEXT, type=TEXT)))
PULLS = ListOf(Object(number=INTEGER, state=TEXT, html_url=Optional(TEXT), body=Optional(TEXT),
                      merged_at=Optional(TEXT), head=Object(sha=TEXT), base=Object(ref=TEXT),
                      labels=Optional(ListOf(Object(name=TEXT)))))
CREATED_PULL = Object(number=INTEGER, html_url=Optional(TEXT))
COMMENTS = ListOf(Object(body=Optional(TEXT)))
GIT_COMMIT = Object(message=Optional(TEXT), committer=Optional(Object(email=Optional(TEXT))))
BRANCH = Object(commit=Object(sha=TEXT, commit=Object(tree=Object(sha=TEXT), message=Optional(TEXT),
                                                      committer=Optional(Object(email=Optional(TEXT))))))
REPOSITORY = Object(default_branch=TEXT)


@dataclass(frozen=True)
class OpenPull:
    number: int
    url: str
    body: str
    head_sha: str
    base: str
    labels: tuple[str, ...]


@dataclass(frozen=True)
class Pulls:
    """The target's bot pull requests from one listing: the open one, whether an earlier one exists, and the
    closed ones (newest first) with whether each was merged and its body (what it proposed)."""

    open: OpenPull | None
    earlier: bool
    closed: tuple[tuple[int, bool, str], ...] = ()


@dataclass(frozen=True)
class Moved:
    """Where the bot branch ended: at `commit` (`created` or moved), or left at a person's `person_head`."""

    commit: str
    created: bool
    person_head: str | None = None


@dataclass(frozen=True)
class Remote:
    """What the repository holds now, as far as a sync needs to know."""

    snapshot: Snapshot
    pull: OpenPull | None
    previous_manifest: bytes | None = None
    # An earlier bot PR was closed or merged: its branch is probably still there (unless the repository
    # deletes head branches on merge), so moving it is tried before creating it.
    earlier_pull: bool = False


def fetch(api: GitHubApi, location: Location, desired: Desired, snapshot: Snapshot | None = None,
          previous_manifest: bytes | None = None, pulls: Pulls | None = None) -> Remote:
    """Two reads, plus the manifest blob only when it differs (papers changed): never one per file.

    `snapshot`: the base branch already read by `read_branch`, for a target whose desired files depend on
    what the branch holds (the profile target edits the branch's own profile.yaml, the site target the pages
    its template edits in place); `previous_manifest`: the branch's manifest when that target read it already;
    `pulls`: the bot's pull requests already listed by `bot_pulls` (the profile target reads its decisions
    from the closed ones).
    """
    snapshot = snapshot or read_branch(api, location)
    listed = pulls or bot_pulls(api, location)
    pull, earlier = listed.open, listed.earlier
    manifest_sha = planning.needs_previous_manifest(desired, snapshot)
    previous = None
    if manifest_sha:
        previous = previous_manifest if previous_manifest is not None else api.blob(manifest_sha)
    return Remote(snapshot, pull, previous, earlier)


def read_branch(api: GitHubApi, location: Location) -> Snapshot:
    """The base branch's files as blob SHAs, in one request."""
    base = location.branch or "HEAD"  # HEAD: GitHub resolves the default branch, saving a GET /repos
    tree = api.get(f"/git/trees/{ref_path(base)}", f"read branch {base}", TREE, recursive="1")
    if tree.get("truncated"):
        raise TargetError(f"{location.repo}@{base} has more files than GitHub lists in one tree (100,000).",
                          "Put the site in a smaller repository or a sub-folder with site.path.")
    return Snapshot({e["path"]: e["sha"] for e in tree["tree"] if e["type"] == "blob"}, tree["sha"])


def find_pull(api: GitHubApi, location: Location) -> OpenPull | None:
    return bot_pulls(api, location).open


def bot_pulls(api: GitHubApi, location: Location) -> Pulls:
    """The open bot PR, whether an earlier one was closed or merged, and the closed ones — from one request
    (newest first; 100, GitHub's largest page, so the profile target sees its recent decisions in it too)."""
    pulls = api.get("/pulls", "list the bot's pull requests", PULLS, state="all",
                    head=f"{location.owner}:{location.bot_branch}", per_page=100)
    opened = [p for p in pulls if p["state"] == "open"]
    closed = tuple((p["number"], bool(p.get("merged_at")), p.get("body") or "") for p in pulls if p["state"] == "closed")
    if not opened:
        return Pulls(None, bool(closed), closed)
    found = opened[-1]  # the oldest open one: keep the one people have been discussing
    return Pulls(OpenPull(found["number"], found.get("html_url") or "", found.get("body") or "", found["head"]["sha"],
                          found["base"]["ref"], tuple(label["name"] for label in found.get("labels") or [])),
                 bool(closed), closed)


def run(api: GitHubApi, location: Location, target: str, desired: Desired, *, write: bool, dry_run: bool = False,
        say: Callable[[str], None] = lambda line: None, snapshot: Snapshot | None = None,
        previous_manifest: bytes | None = None, pulls: Pulls | None = None,
        profile_path: str = pull_request.PROFILE_PATH) -> Outcome:
    """Fetch, plan and — when `write` — apply: what every repository target does once it knows its files
    (`profile_path`: the profile they come from, which the pull request names)."""
    remote = fetch(api, location, desired, snapshot, previous_manifest, pulls)
    plan = plan_for(target, desired, remote)
    if not write:
        return Outcome(target, Status.PLANNED, drift=plan)
    return Sync(api, location, dry_run, say, profile_path).apply(plan, remote)


def plan_for(target: str, desired: Desired, remote: Remote) -> Plan:
    return planning.plan(target, desired, remote.snapshot, remote.previous_manifest)


class Sync:
    """Carry out one plan on one repository; `dry_run` reads what it must and writes nothing."""

    def __init__(self, api: GitHubApi, location: Location, dry_run: bool = False,
                 say: Callable[[str], None] = lambda line: None, profile_path: str = pull_request.PROFILE_PATH) -> None:
        self.api, self.location, self.dry_run, self.say = api, location, dry_run, say
        self.profile_path = profile_path

    def apply(self, plan: Plan, remote: Remote) -> Outcome:
        pull = remote.pull
        if pull and not self._bot_owns_head(plan.target, pull):
            return self._blocked(plan, pull)
        if plan.is_empty:
            return self._close(plan, pull) if pull else Outcome(plan.target, Status.UNCHANGED, drift=plan)
        if (pull and pull.head_sha == pull_request.recorded_commit(pull.body)
                and pull_request.recorded_plan(pull.body) == plan.fingerprint()):
            if LABEL in pull.labels or self.dry_run:
                return Outcome(plan.target, Status.UNCHANGED, pull.url, plan, pull.number)
            # An earlier run opened it but failed to label it.
            self.api.post(f"/issues/{pull.number}/labels", "label the pull request", {"labels": [LABEL]})
            return Outcome(plan.target, Status.UPDATED, pull.url, plan, pull.number, labelled=True)
        base_name, base_sha = self._base(pull, remote.snapshot)
        if self.dry_run:
            return Outcome(plan.target, Status.PLANNED, drift=plan, pull=pull.number if pull else None,
                           proposed=Proposed(self.location.repo, base_name, base_sha, self.location.bot_branch, LABEL))
        tree = self._tree(plan, remote.snapshot)
        move = self._move_branch(plan, tree, base_sha, pull, earlier_pull=remote.earlier_pull)
        if move.person_head is not None:
            if pull is None:
                return Outcome(plan.target, Status.BLOCKED, drift=plan, branch=self.location.bot_branch)
            return self._blocked(plan, replace(pull, head_sha=move.person_head))
        commit, created_ref = move.commit, move.created
        try:
            number, url, labels, opened = self._upsert_pull(plan, commit, base_name, pull)
        except TargetError:
            if created_ref:  # no PR to show for it: take the branch back so nothing half-made remains …
                self._try(self._delete_branch_unless_a_pull_uses_it)
            raise
        if LABEL not in labels:
            self.api.post(f"/issues/{number}/labels", "label the pull request", {"labels": [LABEL]})
        return Outcome(plan.target, Status.OPENED if opened else Status.UPDATED, url, plan, number)

    # --- the steps -------------------------------------------------------------------------------

    def _bot_owns_head(self, target: str, pull: OpenPull) -> bool:
        if pull.head_sha == pull_request.recorded_commit(pull.body):
            return True
        # The body names another commit: either a run moved the branch and failed before editing the body,
        # or a person pushed. Only the commit itself can tell.
        return self._is_bot_commit(pull.head_sha)

    def _is_bot_commit(self, sha: str) -> bool:
        return _made_by_bot(self.api.get(f"/git/commits/{sha}", "read the bot branch's last commit", GIT_COMMIT))

    def _blocked(self, plan: Plan, pull: OpenPull) -> Outcome:
        if not self.dry_run:
            self._comment_once(pull.number, pull_request.HUMAN_PUSH_MARKER,
                               pull_request.human_push_comment(self.location.bot_branch, pull.head_sha))
        return Outcome(plan.target, Status.BLOCKED, pull.url, plan, pull.number, branch=self.location.bot_branch)

    def _comment_once(self, number: int, marker: str, body: str) -> None:
        """Post `body` unless a comment with `marker` is there; a retried POST first looks again."""
        def existing() -> dict[str, Any] | None:
            comments = self.api.get(f"/issues/{number}/comments", "read pull request comments", COMMENTS, per_page=100)
            return next((c for c in comments if marker in (c.get("body") or "")), None)

        if existing() is None:
            self.api.post_once(f"/issues/{number}/comments", "comment on the pull request", {"body": body}, existing)

    def _close(self, plan: Plan, pull: OpenPull) -> Outcome:
        if self.dry_run:
            return Outcome(plan.target, Status.PLANNED, pull.url, plan, pull.number)
        # An earlier run may have commented and then failed to close: one comment, however many runs.
        self._comment_once(pull.number, pull_request.CLOSED_MARKER, pull_request.closed_comment(plan.target, self.profile_path))
        # The bot closing its own PR declines nothing: the body stops recording a proposal, in the same request.
        self.api.patch(f"/pulls/{pull.number}", "close the pull request",
                       {"state": "closed", "body": pull_request.withdrawn(pull.body)})
        return Outcome(plan.target, Status.CLOSED, pull.url, plan, pull.number)

    def _base(self, pull: OpenPull | None, snapshot: Snapshot) -> tuple[str, str]:
        name = self.location.branch or (pull.base if pull else None)
        if name is None:
            name = self.api.get("", "read the repository", REPOSITORY)["default_branch"]
        branch = self.api.get(f"/branches/{ref_path(name)}", f"read branch {name}", BRANCH)
        sha, tree = branch["commit"]["sha"], branch["commit"]["commit"]["tree"]["sha"]
        if tree != snapshot.tree_sha:  # a push landed between our two reads; the plan is stale
            raise TargetError(f"{self.location.repo} {name} moved while profilebot was reading it.",
                              "Run the sync again.")
        return name, sha

    def _tree(self, plan: Plan, snapshot: Snapshot) -> str:
        entries = [self._tree_entry(change) for change in plan.files]
        return self.api.post("/git/trees", "create the commit's tree", {"base_tree": snapshot.tree_sha,
                                                                        "tree": entries}, shape.SHA)["sha"]

    def _commit(self, plan: Plan, tree: str, parents: list[str]) -> str:
        identity = {"name": BOT_NAME, "email": BOT_EMAIL}
        message = f"{pull_request.title(plan)}\n\n{TRAILER} {plan.target}\n"
        commit = self.api.post("/git/commits", "create the commit", {"message": message, "tree": tree,
                               "parents": parents, "author": identity, "committer": identity}, shape.SHA)
        return commit["sha"]

    def _tree_entry(self, change: planning.FileChange) -> dict[str, Any]:
        entry: dict[str, Any] = {"path": change.path, "mode": "100644", "type": "blob"}
        if change.kind == planning.REMOVED:
            return entry | {"sha": None}
        try:
            return entry | {"content": (change.data or b"").decode("utf-8")}
        except UnicodeDecodeError:  # inline content is text only; a binary file needs its own blob
            import base64

            blob = self.api.post("/git/blobs", f"upload {change.path}",
                                 {"content": base64.b64encode(change.data or b"").decode(), "encoding": "base64"},
                                 shape.SHA)
            return entry | {"sha": blob["sha"]}

    def _move_branch(self, plan: Plan, tree: str, base_sha: str, pull: OpenPull | None,
                     earlier_pull: bool = False) -> Moved:
        """Commit `tree` and point the bot branch at it without ever overwriting a commit we have not seen.

        The REST API has no compare-and-swap for a forced ref move, but a fast-forward (`force: false`) is
        one: GitHub answers 422 "Update is not a fast forward" when the branch no longer is an ancestor of
        the new commit. So the new commit always descends from the branch head the bot checked:

        - Open PR: its head was checked as the bot's. The commit gets two parents, the base head and that
          PR head. The base head first, so the PR's merge base is the current base and its diff is exactly
          the plan (a single parent on the old head would drag in every base change since the old base);
          the PR head second, so the move is a fast-forward of what we checked. A person who pushes in the
          meantime makes the move fail: their commit stays, and they get the one comment.
        - No open PR: create the branch, or fast-forward a branch left by a merged PR (an ancestor of the
          base). A branch that diverged is read; if its head is the bot's, the commit is made again on top
          of it (same two-parent shape) and fast-forwarded; if a person's, it is left alone.
        Reading and moving again is bounded: a branch that keeps moving under the bot ends the run.
        """
        ref = f"/git/refs/heads/{ref_path(self.location.bot_branch)}"
        parents = [base_sha] + ([pull.head_sha] if pull and pull.head_sha != base_sha else [])
        commit = self._commit(plan, tree, parents)
        if pull is not None:
            if self._fast_forward(ref, commit) is False:
                return Moved(commit, created=False)
        else:
            attempts = (self._fast_forward, self._create) if earlier_pull else (self._create, self._fast_forward)
            for attempt in attempts:
                outcome = attempt(ref, commit)
                if outcome is not None:
                    return Moved(commit, created=outcome)
        for _ in range(3):
            # Refused: the branch holds commits the new one lacks. Read whose they are.
            current = self.api.get(f"/branches/{ref_path(self.location.bot_branch)}", "read the bot branch",
                                   BRANCH)["commit"]
            if current["sha"] == commit:  # an earlier attempt of ours landed after all
                return Moved(commit, created=False)
            if not _made_by_bot(current["commit"]):
                return Moved(commit, created=False, person_head=current["sha"])
            # The bot's own commit (a PR closed unmerged, a failed or concurrent run): build on it.
            commit = self._commit(plan, tree, [base_sha, current["sha"]])
            if self._fast_forward(ref, commit) is False:
                return Moved(commit, created=False)
        raise TargetError(f"{self.location.bot_branch} in {self.location.repo} kept moving while profilebot "
                          "updated it.", "Run the sync again once other runs have finished.")

    def _create(self, ref: str, commit: str) -> bool | None:
        """True when created; None when the branch exists already."""
        try:
            self.api.post("/git/refs", "create the bot branch",
                          {"ref": f"refs/heads/{self.location.bot_branch}", "sha": commit})
            return True
        except GitHubError as error:
            if error.status != 422 or "already exists" not in error.api_message.lower():
                raise
        return None

    def _fast_forward(self, ref: str, commit: str) -> bool | None:
        """False when moved; None when the branch is missing or has commits the new one lacks."""
        try:
            self.api.patch(ref, "move the bot branch", {"sha": commit, "force": False})
            return False
        except GitHubError as error:
            message = error.api_message.lower()
            if error.status != 422 or not ("fast forward" in message or "does not exist" in message):
                raise
        return None

    def _upsert_pull(self, plan: Plan, commit: str, base: str,
                     pull: OpenPull | None) -> tuple[int, str, tuple[str, ...], bool]:
        title, opened = pull_request.title(plan), pull is None  # a 422 below means our own lost POST had opened it
        if pull is None:
            try:
                created = self.api.post("/pulls", "open the pull request", {
                    "title": title, "head": self.location.bot_branch, "base": base,
                    "body": pull_request.body(plan, commit, profile_path=self.profile_path), "maintainer_can_modify": True}, CREATED_PULL)
                return created["number"], created.get("html_url") or "", (), True
            except GitHubError as error:
                if error.status != 422 or "already exists" not in error.api_message.lower():
                    raise
            pull = find_pull(self.api, self.location)  # our retried POST had worked: update that one
            if pull is None:
                raise TargetError(f"GitHub says a pull request from {self.location.bot_branch} exists but does not "
                                  "list it.", "Run the sync again.")
        self.api.patch(f"/pulls/{pull.number}", "update the pull request",
                       {"title": title, "body": pull_request.body(plan, commit, pull.body, self.profile_path)})
        return pull.number, pull.url, pull.labels, opened

    def _delete_branch_unless_a_pull_uses_it(self) -> None:
        """… unless the PR was opened after all and only the answer was lost: deleting its head would close it."""
        if find_pull(self.api, self.location) is None:
            self.api.delete(f"/git/refs/heads/{ref_path(self.location.bot_branch)}", "delete the bot branch")

    def _try(self, action: Callable[[], Any]) -> None:
        try:
            action()
        except TargetError as error:
            self.say(f"warning: {error}")


def _made_by_bot(commit: dict[str, Any]) -> bool:
    """The bot's commits carry its committer address and a trailer; a person's push or amend lacks one."""
    committer = commit.get("committer") or {}
    return committer.get("email") == BOT_EMAIL and TRAILER in (commit.get("message") or "")
