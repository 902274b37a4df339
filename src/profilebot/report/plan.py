"""Plans → text, JSON or Markdown for `profilebot diff` (and `sync --dry-run`)."""

from __future__ import annotations

import json
from typing import Any, Sequence

from profilebot.diff.adoption import KEPT_REASON, kept_note, not_added_note
from profilebot.diff.losses import HELD_HINT, held_note
from profilebot.diff.losses import describe as describe_losses
from profilebot.diff.plan import REMOVED, Plan, describe
from profilebot.diff.works import WorksPlan
from profilebot.report import additions, pull_request, works
from profilebot.report import drift as shapes

FORMATS = ("text", "json", "markdown")


def format_plans(plans: Sequence[Plan], form: str, profile_path: str = pull_request.PROFILE_PATH) -> str:
    """`profile_path`: the profile the run read, which the Markdown names as the pull request body does."""
    if form == "json":
        return json.dumps([as_json(plan) for plan in plans], indent=2, ensure_ascii=False, sort_keys=True)
    if form == "markdown":
        return "\n\n".join("\n".join(pull_request.markdown(plan, profile_path)) if not plan.is_empty else
                           f"### profilebot: `{plan.target}`\n\nNo drift: the repository matches the profile."
                           + "".join(f"\n\n{block}" for block in ["\n".join(pull_request.left_as_is(plan)).strip()]
                                     if block)
                           for plan in plans)
    return "\n".join(text(plan) for plan in plans)


def format_reports(reports: Sequence[Plan | WorksPlan], form: str,
                   profile_path: str = pull_request.PROFILE_PATH) -> str:
    """Every target's drift, repository targets' file plans and record targets' works alike (json, markdown)."""
    if form == "json":
        return json.dumps([shapes.by_shape(r, as_json, works.as_json) for r in reports], indent=2,
                          ensure_ascii=False, sort_keys=True)
    if form == "markdown":
        return "\n\n".join(shapes.by_shape(r, lambda plan: format_plans([plan], form, profile_path),
                                            lambda record: "\n".join(works.markdown(record))) for r in reports)
    raise ValueError(f"format_reports writes json or markdown, not {form!r}")


def text(plan: Plan) -> str:
    notes = [f"  kept    {note}" for note in kept_notes(plan)]
    notes += [f"  held    {held_note(path, plan.losses[path])}" for path in plan.held]
    notes += [f"  skipped {not_added_note(path, setting)}" for path, setting in sorted(plan.left_out.items())]
    if plan.is_empty:
        return "\n".join([f"{plan.target}: no drift.", *notes])
    papers = f"; {len(plan.items)} paper{'s' * (len(plan.items) != 1)}" if plan.items else ""
    lines = [f"{plan.target}: {describe(plan.files)}{papers}"]
    # Removals first: a removed file, then each file that loses content, then the rest.
    for change in sorted(plan.files, key=lambda c: (c.kind != REMOVED, c.path not in plan.losses)):
        lines.append(f"  {change.kind:<8}{change.path}" + (f"  ({change.label})" if change.label else "")
                     + (f"  removes {describe_losses(plan.losses[change.path])}" if change.path in plan.losses
                        else ""))
    lines += ["  " + pull_request.item_line(item)[2:].replace("**", "") for item in plan.items]
    lines += ["  " + line for line in additions.text_lines(plan.additions)]
    return "\n".join(lines + notes)


def kept_notes(plan: Plan) -> list[str]:
    """A line per file left alone because it is the person's (files/cv.pdf on a site that has its own CV)."""
    return [kept_note(path) for path in plan.kept]


def as_json(plan: Plan) -> dict[str, Any]:
    def removes(path: str) -> dict[str, Any]:
        return {"removes": [{"kind": loss.kind, "what": loss.what} for loss in plan.losses[path]]} \
            if path in plan.losses else {}

    return {
        "target": plan.target,
        "drift": not plan.is_empty,
        "files": [{"path": c.path, "change": c.kind, **({"format": c.label} if c.label else {}), **removes(c.path)}
                  for c in plan.files],
        "publications": [{"id": i.key, "change": i.kind, "title": i.title,
                          "fields": [{"field": f.field, "old": f.old, "new": f.new} for f in i.fields]}
                         for i in plan.items],
        **({"additions": additions.as_json(plan.additions)} if plan.additions else {}),
        **({"kept": [{"path": path, "reason": KEPT_REASON} for path in plan.kept]} if plan.kept else {}),
        **({"held": [{"path": path, "reason": HELD_HINT, **removes(path)} for path in plan.held]} if plan.held else {}),
        **({"not_added": [{"path": path, "setting": f"site.{setting}"} for path, setting in sorted(plan.left_out.items())]}
           if plan.left_out else {}),
    }
