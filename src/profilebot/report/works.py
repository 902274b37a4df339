"""Works drift (profile vs ORCID or Scholar) and sync outcomes → text for people."""

from __future__ import annotations

from profilebot.diff.works import Drift
from profilebot.model.matching import VERSION, Work, representative


def format_drift(drift: Drift, remote: str) -> str:
    """Three sections, each line one work by title; a clean result says so in one line."""
    if drift.is_empty:
        linked = sum(1 for pair in drift.linked if pair.kind == VERSION)
        extra = f" ({linked} preprint/published pair(s) linked)" if linked else ""
        return f"{remote}: in step with the profile{extra}."
    lines = [f"{remote}: {len(drift.missing_remote)} missing on {remote}, {len(drift.missing_local)} missing from "
             f"the profile, {len(drift.differences)} field difference(s)."]
    if drift.missing_remote:
        lines.append(f"Missing on {remote}:")
        lines += [f"  + {_describe(work)}  [{work.key}]" for work in drift.missing_remote]
    if drift.missing_local:
        lines.append("Missing from the profile:")
        for versions in drift.missing_local:
            shown = representative(versions)
            held = ", ".join(sorted({w.source for w in versions if w.source}))
            lines.append(f"  - {_describe(shown)}" + (f"  (held by {held})" if held else ""))
    if drift.differences:
        lines.append("Field differences (profile → remote version):")
        lines += [f"  ~ [{d.work}] {d.field}: {d.ours!r} vs {d.theirs!r}  (source: {d.source})"
                  for d in drift.differences]
    return "\n".join(lines)


def _describe(work: Work) -> str:
    year = f" ({work.year})" if work.year else ""
    return f"{work.title}{year}"


def format_additions(additions) -> str:
    """A Markdown table: each proposed entry, its section and where it came from (also the PR body's core)."""
    if not additions:
        return "Nothing to add: the profile already holds every entry of the source."
    rows = ["| section | id | title | from |", "| --- | --- | --- | --- |"]
    for addition in additions:
        entry = addition.entry
        title = entry.get("title") or entry.get("degree") or entry.get("organization") or ""
        rows.append(f"| {addition.section} | {entry['id']} | {_cell(title)} | {_cell(addition.origin)} |")
    return "\n".join(rows)


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def format_outcome(outcome) -> str:
    """What a sync did on ORCID: the import file written, or works created / already there / failed."""
    if outcome.import_file:
        return (f"No ORCID_TOKEN: wrote {outcome.import_file} with the works ORCID lacks; on orcid.org choose "
                "Works → Add → Import BibTeX and select it.")
    lines = [f"ORCID: {len(outcome.created)} work(s) added, {len(outcome.already_there)} already there, "
             f"{len(outcome.failed)} failed."]
    lines += [f"  ! {failure}" for failure in outcome.failed]
    return "\n".join(lines)
