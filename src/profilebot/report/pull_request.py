"""Plan → pull-request title and body; the bot owns only the text between its markers, people own the rest."""

from __future__ import annotations

import re
from collections.abc import Sequence

from profilebot.report.markdown import code, inline
from profilebot.diff.adoption import KEPT_REASON
from profilebot.diff.decisions import Proposal
from profilebot.diff.losses import HELD_HINT, describe
from profilebot.diff.plan import ADDED, CHANGED, REMOVED, Plan
from profilebot.diff.publications import ItemChange

START = "<!-- profilebot:start -->"
END = "<!-- profilebot:end -->"
# Which commit the bot last pushed; a different head on the branch means someone else pushed to it.
# Every marker is a whole line the bot wrote: profile text, always inside a code span (report/markdown.py), can
# never be one, so a title that holds a marker cannot end the bot's section or forge its commit.
_COMMIT = re.compile(r"^<!-- profilebot:commit ([0-9a-f]{40}) -->$", re.MULTILINE)
# Which change that commit holds; equal to the new plan's fingerprint means the PR is already up to date.
_PLAN = re.compile(r"^<!-- profilebot:plan ([0-9a-f]{40}) -->$", re.MULTILINE)
HUMAN_PUSH_MARKER = "<!-- profilebot:human-push -->"
CLOSED_MARKER = "<!-- profilebot:closed -->"
_SECTION = re.compile("^" + re.escape(START) + r"$.*?^" + re.escape(END) + "$", re.DOTALL | re.MULTILINE)
_KIND_WORDS = {ADDED: "added", CHANGED: "changed", REMOVED: "removed"}
PROFILE_PATH = "profile.yaml"  # the profile a run names when its command gave no other (RunContext.profile_path)
MAX_LISTED_FILES = 200  # a PR body is limited to 65,536 characters; a huge plan is summarised past this


def title(plan: Plan) -> str:
    if plan.additions:
        added = sum(1 for item in plan.additions if not item.change)
        completed = len(plan.additions) - added
        words = ([f"add {added} entr{'ies' if added != 1 else 'y'}"] if added else []) + \
                ([f"complete {completed} entr{'ies' if completed != 1 else 'y'}"] if completed else [])
        return f"profilebot: {' and '.join(words)} {'in' if completed else 'to'} {_profile_file(plan)}"
    papers = f", {len(plan.items)} paper{'s' * (len(plan.items) != 1)}" if plan.items else ""
    files = len(plan.files)
    return f"profilebot: update {plan.target} ({files} file{'s' * (files != 1)}{papers})"


def body(plan: Plan, commit_sha: str, existing: str | None = None, profile_path: str = PROFILE_PATH) -> str:
    """The whole body: the existing one with only the marked section replaced (or appended). `profile_path`: the
    profile the files were generated from, as the command was given it (`p.yaml`, `members/ada.yaml`)."""
    return merge(existing, section(plan, commit_sha, profile_path))


def section(plan: Plan, commit_sha: str | None = None, profile_path: str = PROFILE_PATH) -> str:
    lines = [START, *markdown(plan, profile_path)]
    if plan.additions:  # what this PR proposes, so closing it (or removing an entry from it) is a decision
        lines.append(proposal(plan).marker())
    if commit_sha:
        lines.append(f"<!-- profilebot:commit {commit_sha} -->")
        lines.append(f"<!-- profilebot:plan {plan.fingerprint()} -->")
    lines.append(END)
    return "\n".join(lines)


def markdown(plan: Plan, profile_path: str = PROFILE_PATH) -> list[str]:
    """The summary table, then paper-by-paper changes, then the files (grouped by format when labelled)."""
    if plan.additions:
        return _additions_markdown(plan)
    lines = [f"### profilebot: `{plan.target}`", "",
             f"Generated from {code(profile_path)} by profilebot. Edit the profile, not these files: the next sync "
             "replaces them. Notes written outside this section are kept.", "",
             "| change | files |", "| --- | ---: |"]
    lines += [f"| {_KIND_WORDS[kind]} | {plan.count(kind)} |" for kind in (ADDED, CHANGED, REMOVED)]
    lines += [f"| papers affected | {len(plan.items)} |", ""]
    lines += removals(plan)
    if kept_papers := [item for item in plan.items if item.kind != "removed"]:  # removed ones lead, above
        lines += ["#### Publications", "", *(item_line(item) for item in kept_papers), ""]
    lines += _files(plan)
    return lines + left_as_is(plan)


def removals(plan: Plan) -> list[str]:
    """What this change takes away, before anything else: files removed, papers removed, and the content each
    changed file loses (a page body, a key, a link, a BibTeX entry)."""
    gone = [f"- removes `{c.path}`" for c in plan.files if c.kind == REMOVED][:MAX_LISTED_FILES]
    gone += [item_line(item) for item in plan.items if item.kind == "removed"]
    gone += [f"- `{c.path}` loses {describe(plan.losses[c.path])}" for c in plan.files if c.path in plan.losses]
    return ["#### Removes", "", *gone, ""] if gone else []


def left_as_is(plan: Plan) -> list[str]:
    """The files not written, each with why: the person's own, or changes that would lose content."""
    lines = [f"- `{path}` is yours ({KEPT_REASON}): left alone, the generated one is not written." for path in plan.kept]
    lines += [f"- `{path}` would lose {describe(plan.losses[path])}: left as it is ({HELD_HINT})." for path in plan.held]
    lines += [f"- `{path}` not added: set `site.{setting}: true` in profilebot.yaml to add it."
              for path, setting in sorted(plan.left_out.items())]
    return ["#### Left as it is", "", *lines, ""] if lines else []


def _additions_markdown(plan: Plan) -> list[str]:
    """The profile target's body: the edit is the reviewer's to judge, so say where each entry came from."""
    from profilebot.report import additions

    path = _profile_file(plan)
    if not any(item.change for item in plan.additions):
        what = (f"Other records of your work know these entries and `{path}` lacks them. profilebot appended them "
                "to the file; every other line is unchanged.")
    else:
        what = (f"Other records of your work know these entries, or details `{path}` lacks (the change column "
                "says which): profilebot appended the new entries and added the missing lines to existing ones "
                "(for a paper published since, its `status` line changes); every other line is unchanged.")
    return [f"### profilebot: `{plan.target}`", "",
            what + " Check each one, then merge (or close this pull request and edit the profile by hand). "
            "Notes written outside this section are kept.", "",
            *additions.markdown(plan.additions), ""]


def proposal(plan: Plan) -> Proposal:
    """The works and fills the profile target's PR proposes, for the hidden line diff/decisions.py reads back."""
    return Proposal(tuple(a.identity for a in plan.additions if a.identity is not None),
                    tuple(fill for a in plan.additions for fill in a.fills),
                    tuple(a.other for a in plan.additions if a.other is not None))


def _profile_file(plan: Plan) -> str:
    """profile.yaml's path among the plan's files (citations.yaml may come first)."""
    from profilebot.load.citations import FILE_NAME

    paths = [f.path for f in plan.files if not f.path.endswith(FILE_NAME)]
    return paths[0] if paths else plan.files[0].path


def item_line(item: ItemChange) -> str:
    if item.kind == "new":
        return f"- **new paper** `{item.key}`: {quote(item.title)}"
    if item.kind == "removed":
        return f"- **removed paper** `{item.key}`: {quote(item.title)}"
    details = "; ".join(_field_words(change.label, change.old, change.new) for change in item.fields)
    return f"- **updated** `{item.key}` ({quote(item.title)}): {details}"


def _field_words(label: str, old: str | None, new: str | None) -> str:
    if old is None and new is None:
        return f"{label} changed"
    if old is None:
        return f"{label} added: {quote(new)}"
    if new is None:
        return f"{label} removed (was {quote(old)})"
    if label == "title":
        return f"title changed (was {quote(old)})"  # the new title already leads the line
    return f"{label} {quote(old)} → {quote(new)}"


def _files(plan: Plan) -> list[str]:
    lines = ["#### Files", ""]
    labelled = [change for change in plan.files if change.label]
    # Exports: say per format which papers moved, since people download these files by format. A file that
    # knows its own paper changes (the ORCID files carry only papers on ORCID) lists those, not the plan's.
    for change in labelled[:MAX_LISTED_FILES]:
        items = plan.items if change.items is None else change.items
        lines.append(f"- {_KIND_WORDS[change.kind]} `{change.path}` ({change.label}){_paper_summary(items)}")
    unlabelled = [change for change in plan.files if not change.label]
    lines += [f"- {_KIND_WORDS[c.kind]} `{c.path}`" for c in unlabelled[:MAX_LISTED_FILES]]
    hidden = len(plan.files) - min(len(labelled), MAX_LISTED_FILES) - min(len(unlabelled), MAX_LISTED_FILES)
    if hidden > 0:
        lines.append(f"- … and {hidden} more files")
    return lines


def _paper_summary(items: Sequence[ItemChange]) -> str:
    groups = [(kind, [item.key for item in items if item.kind == kind]) for kind in ("removed", "updated", "new")]
    words = {"new": "added", "updated": "updated", "removed": "removed"}
    parts = [f"{words[kind]}: {', '.join(keys)}" for kind, keys in groups if keys]
    return f": papers {'; '.join(parts)}" if parts else ""


def quote(text: str | None) -> str:
    # One line per item, free of markup a title might carry (report/markdown.py).
    return f"“{inline(text or '')}”"


def merge(existing: str | None, new_section: str) -> str:
    """Replace the marked section of `existing`, or append it; text outside the markers is never changed."""
    if not existing:
        return new_section
    if _SECTION.search(existing):
        return _SECTION.sub(lambda _: new_section, existing, count=1)
    return existing.rstrip() + "\n\n" + new_section


def withdrawn(body: str) -> str:
    """The body of a PR the bot closes itself: its proposal line goes, so closing it is no one's decision."""
    return re.sub(r"\n?<!-- profilebot:proposal [A-Za-z0-9+/=]+ -->", "", body)


def recorded_commit(text: str | None) -> str | None:
    match = _COMMIT.search(text or "")
    return match.group(1) if match else None


def recorded_plan(text: str | None) -> str | None:
    match = _PLAN.search(text or "")
    return match.group(1) if match else None


def human_push_comment(branch: str, head_sha: str) -> str:
    return (f"{HUMAN_PUSH_MARKER}\nSomeone other than profilebot pushed to `{branch}` (head {head_sha[:7]}), so "
            "profilebot will leave this branch alone and stop updating this pull request. Merge or close it; the "
            "next sync after that starts afresh.")


def closed_comment(target: str, profile_path: str = PROFILE_PATH) -> str:
    return (f"{CLOSED_MARKER}\nThe repository now matches {code(profile_path)} for `{target}`, so this pull "
            "request is no longer needed. Closed by profilebot.")
