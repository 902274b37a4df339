"""Works drift (profile vs ORCID or Scholar) and sync outcomes → text for people."""

from __future__ import annotations

from typing import Any, Mapping, Protocol, Sequence

from profilebot.diff.works import CLIENT, USER, Drift, FieldDifference, WorksPlan, Written
from profilebot.load.edit import FieldEdit
from profilebot.model.matching import VERSION, Work, representative
from profilebot.report import drift as shapes
from profilebot.report.additions import left_out
from profilebot.report.markdown import inline
from profilebot.report.pull_request import quote


# What format_additions reads, as a shape: the entries come from importers/, which the
# report stage must not import (tests/test_architecture.py).
class ProposedEntry(Protocol):
    @property
    def section(self) -> str: ...
    @property
    def entry(self) -> Mapping[str, Any]: ...
    @property
    def origin(self) -> str: ...
    @property
    def left_out(self) -> tuple[str, ...]: ...


# What a token without orcid.client_id cannot do (Outcome.needs_client_id), said after ORCID's drift.
CLIENT_ID_ADVICE = ("Set orcid.client_id (or ORCID_CLIENT_ID) to the client ORCID_TOKEN belongs to and profilebot will "
                    "also update the works it added.")


def describe(plan: WorksPlan) -> str:
    """A record target's drift for people: the summary line, then a section per kind of drift."""
    from profilebot.report import openalex

    extended = shapes.openalex(plan.drift)
    return openalex.format_drift(extended) if extended is not None else format_drift(plan.drift, plan.remote)


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
    if drift.updates:
        lines.append(f"Works profilebot added to {remote} that drifted (a sync with a member token updates them):")
        lines += [f"  ~ [{d.work}] {d.field}: {d.theirs!r} → {d.ours!r}  (put-code {d.put_code})"
                  for update in drift.updates for d in update.differences]
    if drift.foreign_differences:
        lines.append("Field differences (profile → remote version):")
        lines += [f"  ~ [{d.work}] {d.field}: {d.ours!r} vs {d.theirs!r}  (source: {d.source}){_who_fixes(d)}"
                  for d in drift.foreign_differences]
    return "\n".join(lines)


def as_json(plan: WorksPlan) -> dict[str, Any]:
    """A record target's entry of `diff --format json`: the keys of a repository target's entry (no files or
    publications) plus `works`, what each side lacks and which fields differ (and, for OpenAlex, what it
    adds: published_since, fills, misattributed)."""
    from profilebot.report import openalex

    drift = plan.drift
    works = {
        "missing_remote": [_work_json(work) | {"id": work.key} for work in drift.missing_remote],
        "missing_local": [_work_json(representative(versions))
                          | {"sources": sorted({w.source for w in versions if w.source})}
                          for versions in drift.missing_local],
        "differences": [{"id": d.work, "field": d.field, "profile": d.ours, "remote": d.theirs,
                         "source": d.source, "owned": d.owned, **({"put_code": d.put_code} if d.put_code else {})}
                        for d in drift.differences],
    }
    extended = shapes.openalex(drift)
    if extended is not None:
        works |= openalex.as_json(extended)
    return {"target": plan.target, "drift": not drift.is_empty, "files": [], "publications": [], "works": works}


def _work_json(work: Work) -> dict[str, Any]:
    return {"title": work.title, "year": work.year}


def markdown(plan: WorksPlan) -> list[str]:
    """A record target's section of `diff --format markdown` (the PR check's comment)."""
    from profilebot.report import openalex

    drift, remote = plan.drift, plan.remote
    summary = describe(plan)
    lines = [f"### profilebot: `{plan.target}`", ""]
    extended = shapes.openalex(drift)
    if drift.is_empty and not (extended is not None and extended.misattributed):
        return lines + [summary]
    lines += [summary.splitlines()[0], ""]
    if drift.missing_remote:
        lines += [f"#### Missing on {remote}", "",
                  *(f"- `{work.key}`: {_quoted(work)}" for work in drift.missing_remote), ""]
    if drift.missing_local:
        lines += ["#### Missing from the profile", ""]
        for versions in drift.missing_local:
            held = ", ".join(sorted({w.source for w in versions if w.source}))
            lines.append(f"- {_quoted(representative(versions))}" + (f" (held by {quote(held)})" if held else ""))
        lines.append("")
    if drift.differences:
        lines += ["#### Field differences", "",
                  *(f"- `{d.work}` {d.field}: {quote(d.ours)} in the profile, {quote(d.theirs)} on {remote} "
                    f"(source: {quote(d.source)}){_who_fixes(d)}" for d in drift.differences), ""]
    if extended is not None:
        lines += openalex.markdown(extended)
    return lines[:-1]


def _quoted(work: Work) -> str:
    return quote(work.title) + (f" ({work.year})" if work.year else "")


def _who_fixes(difference: FieldDifference) -> str:
    """Only a version's source may change it on ORCID, so say who that is for this one."""
    if difference.held_by == USER:
        return " — profilebot never edits it: edit it on orcid.org"
    if difference.held_by == CLIENT:
        return (f" — profilebot never edits it: ask {difference.source} to correct it "
                "(on orcid.org you can only add your own version and mark it preferred)")
    return ""


def _describe(work: Work) -> str:
    year = f" ({work.year})" if work.year else ""
    return f"{work.title}{year}"


def format_additions(additions: Sequence[ProposedEntry]) -> str:
    """A Markdown table: each proposed entry, its section and where it came from (also the PR body's core)."""
    if not additions:
        return "Nothing to add: the profile already holds every entry of the source."
    rows = ["| section | id | title | from |", "| --- | --- | --- | --- |"]
    for addition in additions:
        entry = addition.entry
        title = entry.get("title") or entry.get("degree") or entry.get("organization") or ""
        rows.append(f"| {addition.section} | {entry['id']} | {_cell(title)} | {_cell(addition.origin)} |")
    return "\n".join(rows + left_out((a.entry["id"], a.left_out) for a in additions) + merged(additions))


def merged(additions: Sequence[ProposedEntry]) -> list[str]:
    """Every entry of the source that became one work with another (model.matching.one_work), and why, so nothing
    of the source disappears without a word."""
    notes = [f"- `{a.entry['id']}` also stands for {_cell(other)}" for a in additions
             for other in getattr(a, "merged", ())]
    return ["", "Merged into one work (the source lists these as separate entries):", *notes] if notes else []


def format_updates(updates: Sequence[FieldEdit]) -> str:
    """A Markdown table of the fields set in existing entries (load.edit.FieldEdit): a filled DOI, a new status."""
    rows = ["| section | id | field | new value |", "| --- | --- | --- | --- |"]
    for update in updates:
        value = update.value.get("name", "") if isinstance(update.value, dict) else update.value
        rows.append(f"| {update.section} | {update.entry_id} | {update.key} | {_cell(str(value))} |")
    return "\n".join(rows)


def _cell(text: str) -> str:
    return inline(text)


def format_outcome(outcome: Written) -> str:
    """What a sync did on ORCID: the import file written, or works created / already there / failed."""
    if outcome.import_file:
        return (f"No ORCID_TOKEN: wrote {outcome.import_file} with the works ORCID lacks; on orcid.org choose "
                "Works → Add → Import BibTeX and select it.")
    lines = [f"ORCID: {len(outcome.created)} work(s) added, {len(outcome.already_there)} already there, "
             f"{len(outcome.updated)} updated, {len(outcome.failed)} failed."]
    lines += [f"  ! {failure}" for failure in outcome.failed]
    return "\n".join(lines)
