"""JSON bodies shaped like the OpenAPI extract's response schemas.

Every ``required`` property of each schema is present. Fields the bot does not use carry plausible
placeholders. All absolute URLs live under the fake's API URL: PyGithub turns any URL it follows into
a path on its own base URL, so a URL on another host or prefix would silently hit the wrong endpoint.
"""

from __future__ import annotations

import base64
import hashlib
from urllib.parse import quote

from .gitobjects import TREE_MODE, TreeEntry
from .state import Comment, Issue, Label, Pull, Repo, iso, now

# Hypermedia URL fields of a repository, as suffixes of its API URL (the bot never expands them).
_REPO_TEMPLATES = {
    "archive_url": "/{archive_format}{/ref}",
    "assignees_url": "/assignees{/user}",
    "blobs_url": "/git/blobs{/sha}",
    "branches_url": "/branches{/branch}",
    "collaborators_url": "/collaborators{/collaborator}",
    "comments_url": "/comments{/number}",
    "commits_url": "/commits{/sha}",
    "compare_url": "/compare/{base}...{head}",
    "contents_url": "/contents/{+path}",
    "contributors_url": "/contributors",
    "deployments_url": "/deployments",
    "downloads_url": "/downloads",
    "events_url": "/events",
    "forks_url": "/forks",
    "git_commits_url": "/git/commits{/sha}",
    "git_refs_url": "/git/refs{/sha}",
    "git_tags_url": "/git/tags{/sha}",
    "hooks_url": "/hooks",
    "issue_comment_url": "/issues/comments{/number}",
    "issue_events_url": "/issues/events{/number}",
    "issues_url": "/issues{/number}",
    "keys_url": "/keys{/key_id}",
    "labels_url": "/labels{/name}",
    "languages_url": "/languages",
    "merges_url": "/merges",
    "milestones_url": "/milestones{/number}",
    "notifications_url": "/notifications{?since,all,participating}",
    "pulls_url": "/pulls{/number}",
    "releases_url": "/releases{/id}",
    "stargazers_url": "/stargazers",
    "statuses_url": "/statuses/{sha}",
    "subscribers_url": "/subscribers",
    "subscription_url": "/subscription",
    "tags_url": "/tags",
    "teams_url": "/teams",
    "trees_url": "/git/trees{/sha}",
}


def node_id(kind: str, ident: object) -> str:
    return base64.b64encode(f"{kind}:{ident}".encode()).decode()


class Renderer:
    def __init__(self, api_url: str) -> None:
        self.api = api_url
        # Web pages are never fetched by the bot; keep them under the API prefix anyway (see module doc).
        self.web = f"{api_url}/html"

    def repo_api(self, repo: Repo) -> str:
        return f"{self.api}/repos/{repo.full_name}"

    # --- users ------------------------------------------------------------------------------

    def user(self, login: str) -> dict:
        url = f"{self.api}/users/{login}"
        return {
            "login": login,
            "id": _stable_id(login),
            "node_id": node_id("User", login),
            "avatar_url": f"{self.api}/avatars/{login}",
            "gravatar_id": "",
            "url": url,
            "html_url": f"{self.web}/{login}",
            "followers_url": f"{url}/followers",
            "following_url": f"{url}/following{{/other_user}}",
            "gists_url": f"{url}/gists{{/gist_id}}",
            "starred_url": f"{url}/starred{{/owner}}{{/repo}}",
            "subscriptions_url": f"{url}/subscriptions",
            "organizations_url": f"{url}/orgs",
            "repos_url": f"{url}/repos",
            "events_url": f"{url}/events{{/privacy}}",
            "received_events_url": f"{url}/received_events",
            "type": "User",
            "site_admin": False,
        }

    def private_user(self, login: str, repo_count: int) -> dict:
        stamp = iso(now())
        return self.user(login) | {
            "name": login, "company": None, "blog": "", "location": None, "email": None,
            "hireable": None, "bio": None, "twitter_username": None,
            "public_repos": repo_count, "public_gists": 0, "followers": 0, "following": 0,
            "created_at": stamp, "updated_at": stamp,
            "private_gists": 0, "total_private_repos": 0, "owned_private_repos": 0,
            "disk_usage": 0, "collaborators": 0, "two_factor_authentication": True,
        }  # fmt: skip

    # --- repositories -----------------------------------------------------------------------

    def repository(self, repo: Repo) -> dict:
        """Satisfies both ``full-repository`` and ``repository`` (head/base repo of a pull)."""
        url = self.repo_api(repo)
        html = f"{self.web}/{repo.full_name}"
        open_pulls = sum(p.state == "open" for p in repo.pulls.values())
        body = {key: url + suffix for key, suffix in _REPO_TEMPLATES.items()}
        body |= {
            "id": repo.id, "node_id": node_id("Repository", repo.id), "name": repo.name,
            "full_name": repo.full_name, "owner": self.user(repo.owner), "private": repo.private,
            "visibility": "private" if repo.private else "public",
            "html_url": html, "description": None, "fork": False, "url": url,
            "clone_url": f"{html}.git", "git_url": f"{html}.git", "ssh_url": f"{html}.git",
            "svn_url": html, "mirror_url": None, "homepage": None, "language": None,
            "forks": 0, "forks_count": 0, "stargazers_count": 0, "watchers": 0, "watchers_count": 0,
            "size": len(repo.objects.blobs), "default_branch": repo.default_branch,
            "open_issues": open_pulls, "open_issues_count": open_pulls,
            "is_template": False, "topics": [], "has_issues": True, "has_projects": True,
            "has_wiki": True, "has_pages": False, "has_downloads": True, "has_discussions": False,
            "archived": False, "disabled": False, "license": None, "allow_forking": True,
            "pushed_at": iso(repo.pushed_at), "created_at": iso(repo.created_at),
            "updated_at": iso(repo.pushed_at), "network_count": 0, "subscribers_count": 0,
            "permissions": {"admin": True, "maintain": True, "push": True, "triage": True, "pull": True},
            "allow_merge_commit": True, "allow_squash_merge": True, "allow_rebase_merge": True,
            "allow_auto_merge": False, "delete_branch_on_merge": False,
        }  # fmt: skip
        return body

    def branch(self, repo: Repo, branch: str, sha: str) -> dict:
        url = f"{self.repo_api(repo)}/branches/{quote(branch)}"
        return {
            "name": branch,
            "commit": self.commit(repo, sha),
            "_links": {"html": f"{self.web}/{repo.full_name}/tree/{branch}", "self": url},
            "protected": False,
            "protection": {"enabled": False},
            "protection_url": f"{url}/protection",
        }

    def commit(self, repo: Repo, sha: str) -> dict:
        """The REST ``commit`` schema (branch and contents answers), not the Git Data ``git-commit``."""
        git = self.git_commit(repo, sha)
        url = f"{self.repo_api(repo)}/commits/{sha}"
        return {
            "url": url, "sha": sha, "node_id": git["node_id"], "html_url": git["html_url"],
            "comments_url": f"{url}/comments",
            "commit": {
                "url": git["url"], "author": git["author"], "committer": git["committer"],
                "message": git["message"], "comment_count": 0, "tree": git["tree"],
                "verification": git["verification"],
            },
            "author": None, "committer": None,
            "parents": [{"sha": p["sha"], "url": f"{self.repo_api(repo)}/commits/{p['sha']}",
                         "html_url": p["html_url"]} for p in git["parents"]],
        }  # fmt: skip

    def content_file(self, repo: Repo, path: str, sha: str, data: bytes | None, ref: str) -> dict:
        """``content-file`` (or a ``content-directory`` item when ``data`` is None)."""
        self_url = f"{self.repo_api(repo)}/contents/{quote(path)}?ref={quote(ref)}"
        is_file = data is not None or sha in repo.objects.blobs
        git_url = f"{self.repo_api(repo)}/git/{'blobs' if is_file else 'trees'}/{sha}"
        html = f"{self.web}/{repo.full_name}/{'blob' if is_file else 'tree'}/{ref}/{path}"
        body = {
            "type": "file" if is_file else "dir",
            "size": len(repo.objects.blobs[sha]) if is_file else 0,
            "name": path.rsplit("/", 1)[-1], "path": path, "sha": sha, "url": self_url,
            "git_url": git_url, "html_url": html,
            "download_url": f"{self.web}/{repo.full_name}/raw/{ref}/{path}" if is_file else None,
            "_links": {"git": git_url, "html": html, "self": self_url},
        }  # fmt: skip
        if data is not None:
            body |= {"content": base64.encodebytes(data).decode(), "encoding": "base64"}
        return body

    # --- git data ---------------------------------------------------------------------------

    def git_ref(self, repo: Repo, ref: str, sha: str) -> dict:
        return {
            "ref": ref,
            "node_id": node_id("Ref", f"{repo.id}:{ref}"),
            "url": f"{self.repo_api(repo)}/git/{ref}",
            "object": {"type": "commit", "sha": sha, "url": f"{self.repo_api(repo)}/git/commits/{sha}"},
        }

    def git_commit(self, repo: Repo, sha: str) -> dict:
        commit = repo.objects.commits[sha]
        api = self.repo_api(repo)
        return {
            "sha": sha,
            "node_id": node_id("Commit", sha),
            "url": f"{api}/git/commits/{sha}",
            "html_url": f"{self.web}/{repo.full_name}/commit/{sha}",
            "author": commit.author.to_json(),
            "committer": commit.committer.to_json(),
            "tree": {"sha": commit.tree, "url": f"{api}/git/trees/{commit.tree}"},
            "message": commit.message,
            "parents": [
                {"sha": p, "url": f"{api}/git/commits/{p}", "html_url": f"{self.web}/{repo.full_name}/commit/{p}"}
                for p in commit.parents
            ],
            "verification": {"verified": False, "reason": "unsigned", "signature": None, "payload": None,
                             "verified_at": None},
        }  # fmt: skip

    def git_tree(self, repo: Repo, sha: str, recursive: bool) -> dict:
        entries = [self._tree_entry(repo, path, e) for path, e in repo.objects.walk(sha, recursive)]
        return {"sha": sha, "url": f"{self.repo_api(repo)}/git/trees/{sha}", "tree": entries, "truncated": False}

    def _tree_entry(self, repo: Repo, path: str, entry: TreeEntry) -> dict:
        body = {"path": path, "mode": entry.mode, "type": entry.type, "sha": entry.sha}
        if entry.mode == TREE_MODE:
            body["url"] = f"{self.repo_api(repo)}/git/trees/{entry.sha}"
        elif entry.type == "blob":
            body["size"] = len(repo.objects.blobs[entry.sha])
            body["url"] = f"{self.repo_api(repo)}/git/blobs/{entry.sha}"
        return body

    def short_blob(self, repo: Repo, sha: str) -> dict:
        return {"sha": sha, "url": f"{self.repo_api(repo)}/git/blobs/{sha}"}

    def blob(self, repo: Repo, sha: str) -> dict:
        data = repo.objects.blobs[sha]
        return self.short_blob(repo, sha) | {
            "node_id": node_id("Blob", sha),
            "size": len(data),
            "content": base64.encodebytes(data).decode(),
            "encoding": "base64",
        }

    # --- pulls, labels, comments ------------------------------------------------------------

    def label(self, repo: Repo, label: Label) -> dict:
        return {
            "id": label.id,
            "node_id": node_id("Label", label.id),
            "url": f"{self.repo_api(repo)}/labels/{quote(label.name)}",
            "name": label.name,
            "description": label.description,
            "color": label.color,
            "default": False,
        }

    def comment(self, repo: Repo, pull: Pull, comment: Comment) -> dict:
        api = self.repo_api(repo)
        return {
            "id": comment.id,
            "node_id": node_id("IssueComment", comment.id),
            "url": f"{api}/issues/comments/{comment.id}",
            "html_url": f"{self.web}/{repo.full_name}/pull/{pull.number}#issuecomment-{comment.id}",
            "issue_url": f"{api}/issues/{pull.number}",
            "body": comment.body,
            "user": self.user(comment.user),
            "author_association": _association(repo, comment.user),
            "created_at": iso(comment.created_at),
            "updated_at": iso(comment.created_at),
        }

    def issue(self, repo: Repo, item: Issue | Pull) -> dict:
        """``issue``: what the Issues endpoints answer, for an issue or a pull request (which then carries a
        ``pull_request`` object: that is how a client tells them apart in GET /issues)."""
        api, n = self.repo_api(repo), item.number
        kind = "pull" if isinstance(item, Pull) else "issues"
        found = {
            "url": f"{api}/issues/{n}", "repository_url": api, "labels_url": f"{api}/issues/{n}/labels{{/name}}",
            "comments_url": f"{api}/issues/{n}/comments", "events_url": f"{api}/issues/{n}/events",
            "html_url": f"{self.web}/{repo.full_name}/{kind}/{n}", "id": item.id, "node_id": node_id("Issue", item.id),
            "number": n, "title": item.title, "user": self.user(item.user),
            "labels": [self.label(repo, repo.labels[name]) for name in item.labels], "state": item.state,
            "state_reason": ("completed" if item.state == "closed" else None), "locked": False, "assignee": None,
            "assignees": [], "milestone": None, "comments": len(item.comments), "created_at": iso(item.created_at),
            "updated_at": iso(item.updated_at), "closed_at": iso(item.closed_at),
            "author_association": _association(repo, item.user), "active_lock_reason": None, "body": item.body,
            "closed_by": None, "timeline_url": f"{api}/issues/{n}/timeline", "performed_via_github_app": None,
        }  # fmt: skip
        if isinstance(item, Pull):
            html = f"{self.web}/{repo.full_name}/pull/{n}"
            found["pull_request"] = {"url": f"{api}/pulls/{n}", "html_url": html, "diff_url": f"{html}.diff",
                                     "patch_url": f"{html}.patch", "merged_at": iso(item.merged_at)}
        return found

    def pull(self, repo: Repo, pull: Pull) -> dict:
        """``pull-request`` (a superset of ``pull-request-simple``, used for lists too)."""
        api, n = self.repo_api(repo), pull.number
        html = f"{self.web}/{repo.full_name}/pull/{n}"
        head_sha = repo.pull_head_sha(pull)
        links = {
            "self": f"{api}/pulls/{n}", "html": html, "issue": f"{api}/issues/{n}",
            "comments": f"{api}/issues/{n}/comments", "review_comments": f"{api}/pulls/{n}/comments",
            "review_comment": f"{api}/pulls/comments{{/number}}", "commits": f"{api}/pulls/{n}/commits",
            "statuses": f"{api}/statuses/{head_sha}",
        }  # fmt: skip
        return {
            "url": links["self"], "id": pull.id, "node_id": node_id("PullRequest", pull.id),
            "html_url": html, "diff_url": f"{html}.diff", "patch_url": f"{html}.patch",
            "issue_url": links["issue"], "commits_url": links["commits"],
            "review_comments_url": links["review_comments"], "review_comment_url": links["review_comment"],
            "comments_url": links["comments"], "statuses_url": links["statuses"],
            "number": n, "state": pull.state, "locked": False, "active_lock_reason": None,
            "title": pull.title, "user": self.user(pull.user), "body": pull.body,
            "labels": [self.label(repo, repo.labels[name]) for name in pull.labels],
            "milestone": None, "created_at": iso(pull.created_at), "updated_at": iso(pull.updated_at),
            "closed_at": iso(pull.closed_at), "merged_at": iso(pull.merged_at),
            "merge_commit_sha": pull.merge_commit_sha, "assignee": None, "assignees": [],
            "requested_reviewers": [], "requested_teams": [],
            "head": self._pull_end(repo, pull.head, head_sha),
            "base": self._pull_end(repo, pull.base, repo.branch_sha(pull.base) or head_sha),
            "_links": {key: {"href": href} for key, href in links.items()},
            "author_association": _association(repo, pull.user), "auto_merge": None,
            "draft": pull.draft, "merged": pull.merged_at is not None,
            "mergeable": pull.state == "open" or None, "rebaseable": pull.state == "open" or None,
            "mergeable_state": "clean" if pull.state == "open" else "unknown",
            "merged_by": self.user(pull.merged_by) if pull.merged_by else None,
            "comments": len(pull.comments), "review_comments": 0,
            "maintainer_can_modify": pull.maintainer_can_modify,
            "commits": repo.pull_commit_count(pull), "additions": 0, "deletions": 0,
            "changed_files": repo.pull_changed_files(pull),
        }  # fmt: skip

    def _pull_end(self, repo: Repo, branch: str, sha: str) -> dict:
        return {
            "label": f"{repo.owner}:{branch}",
            "ref": branch,
            "sha": sha,
            "user": self.user(repo.owner),
            "repo": self.repository(repo),
        }

    # --- rate limit -------------------------------------------------------------------------

    @staticmethod
    def rate_limit(limit: int, remaining: int, reset: int) -> dict:
        core = {"limit": limit, "remaining": remaining, "reset": reset, "used": limit - remaining}
        search = {"limit": 30, "remaining": 30, "reset": reset, "used": 0}
        graphql = {"limit": limit, "remaining": limit, "reset": reset, "used": 0}
        return {"resources": {"core": core, "search": search, "graphql": graphql}, "rate": core}


def _association(repo: Repo, login: str) -> str:
    return "OWNER" if login == repo.owner else "CONTRIBUTOR"


def _stable_id(login: str) -> int:
    # Users are not stored; derive a stable positive id from the login.
    return int(hashlib.sha1(login.encode()).hexdigest()[:7], 16) + 1
