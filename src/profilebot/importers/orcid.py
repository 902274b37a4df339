"""ORCID API v3.0 works JSON → Works (one per source version, grouped as ORCID groups them) and Candidates."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable

from profilebot.errors import UsageError
from profilebot.importers.candidate import Candidate, citation_key
from profilebot.importers.source import DEFAULT_STEPS, Files, Imported, Request
from profilebot.model.identifiers import bare_doi, normalize_arxiv
from profilebot.model.matching import Work

# Work types that are preprints whichever side describes them.
_PREPRINT_TYPES = {"preprint", "working-paper"}


def parse_works(data: Any, source: str = "ORCID") -> list[Work]:
    """A `/works` response (or a `/record` holding one) → a Work per work-summary, `group` = ORCID's group.

    Refuses a v2.x response with a clear message: its upper-case enums and missing normalised ids
    would silently mis-match.
    """
    groups = _groups(data, source)
    works = []
    for index, group in enumerate(groups):
        summaries = (group.get("work-summary") or []) if isinstance(group, dict) else None
        if not isinstance(summaries, list):
            raise _malformed(source, f"group {index}", group, "an object with a 'work-summary' list")
        for number, summary in enumerate(summaries):
            if not isinstance(summary, dict):
                raise _malformed(source, f"group {index} work {number}", summary, "a work-summary object")
            _refuse_v2(summary, source)
            try:
                works.append(work_from(summary, group=f"group-{index}"))
            except (AttributeError, TypeError, KeyError, ValueError, IndexError):
                raise _malformed(source, f"group {index} work {number}", summary,
                                 "ORCID's work-summary fields (title.title.value, external-ids, …)") from None
    return works


def _malformed(source: str, where: str, value: Any, expected: str) -> UsageError:
    """One line about an answer that is JSON but not ORCID's documented shape, the value cut short."""
    shown = repr(value)
    shown = shown if len(shown) <= 60 else shown[:57] + "..."
    return UsageError(f"{source}: {where} is not in ORCID's /works shape (expected {expected}; got {shown}).",
                      "Check the ORCID API address (ORCID_API_URL) or the saved file: it is not an ORCID v3.0 answer.")


def work_from(work: dict, group: str = "") -> Work:
    """A work-summary or full work → Work; `extra` keeps put-code, source and contributors for reports."""
    ids = _external_ids(work)
    year = _year(work)
    contributors = _contributors(work)
    work_type = work.get("type") or "other"
    put_code = work.get("put-code")
    source_name, source_kind, source_id = _source(work)
    return Work(
        key=str(put_code), title=_title(work), year=year, first_author=contributors[0] if contributors else "",
        type=work_type, doi=ids.get("doi"), arxiv=ids.get("arxiv"), isbn=ids.get("isbn"),
        patent=ids.get("pat") if work_type == "patent" else None,
        venue=((work.get("journal-title") or {}).get("value")), preprint=work_type in _PREPRINT_TYPES,
        source=source_name, group=group,
        extra={"put_code": put_code, "source_kind": source_kind, "source_id": source_id,
               "contributors": contributors, "date": _date(work), "url": (work.get("url") or {}).get("value"),
               "source_work_id": ids.get("source-work-id")},  # profilebot gives a work without DOI its profile id
    )


def with_details(works: list[Work], details: Iterable[dict]) -> list[Work]:
    """Replace summaries by the full works read in bulk (contributors become known), keeping each group."""
    full = {str(item["work"].get("put-code")): item["work"] for item in details if item.get("work")}
    return [work_from(full[w.key], w.group) if w.key in full else w for w in works]


def candidates(works: Iterable[Work], owner: str, orcid_id: str) -> list[Candidate]:
    """Proposed publications and patents for ORCID works (already clustered: pass one version per work)."""
    return [_candidate(work, owner, orcid_id) for work in works]


def _candidate(work: Work, owner: str, orcid_id: str) -> Candidate:
    origin = f"ORCID {orcid_id}: put-code {work.key} ({work.source or 'unknown source'})"
    authors = list(work.extra.get("contributors") or [])
    todo = None if authors else "ORCID lists no contributors for this work: the authors hold only you; complete them."
    authors = authors or [owner]
    date = work.extra.get("date")
    if work.type == "patent":
        entry: dict[str, Any] = {"title": work.title, "inventors": authors, "number": work.patent or work.key}
    else:
        entry = {"type": work.type or "other", "status": "preprint" if work.preprint else "published",
                 "title": work.title, "authors": authors}
        if work.venue:
            entry["venue"] = {"name": work.venue}
    if date is not None:
        entry["date"] = date
    doi = bare_doi(work.doi or "")  # stored as written; compared folded (normalize_doi)
    # With a DOI, the DOI is the link: Scopus's http:// record pages (PB402 on every untouched import) add nothing.
    url = None if doi else work.extra.get("url")
    for name, value in (("doi", doi), ("arxiv", normalize_arxiv(work.arxiv or "")), ("isbn", work.isbn),
                        ("url", url)):
        if value and work.type != "patent":
            entry[name] = value
    if todo:
        entry["todo"] = todo
    section = "patents" if work.type == "patent" else "publications"
    return Candidate(section, entry, origin, work, citation_key(authors[0], work.year, work.title))


def _groups(data: Any, source: str) -> list[dict]:
    if isinstance(data, dict) and "activities-summary" in data:
        data = ((data.get("activities-summary") or {}).get("works")) or {}
    if not isinstance(data, dict) or not isinstance(data.get("group"), list):
        raise UsageError(f"{source}: not an ORCID works response (expected a JSON object with a 'group' list).",
                         "Save the output of GET https://pub.orcid.org/v3.0/<ORCID iD>/works.")
    return data["group"]


def _refuse_v2(summary: dict, source: str) -> None:
    work_type = str(summary.get("type") or "")
    if work_type.isupper() or str(summary.get("visibility") or "").isupper():
        raise UsageError(
            f"{source}: this is an ORCID API v2.x response (work type '{work_type}', visibility "
            f"'{summary.get('visibility')}'); profilebot reads API v3.0, whose identifiers ORCID normalises.",
            "Fetch the record again from https://pub.orcid.org/v3.0/<ORCID iD>/works.")


def _title(work: dict) -> str:
    return (((work.get("title") or {}).get("title")) or {}).get("value") or ""


def _external_ids(work: dict) -> dict[str, str]:
    """First value per type among the work's own ids (`part-of` ids such as a journal ISSN are not the work's)."""
    found: dict[str, str] = {}
    for ext in ((work.get("external-ids") or {}).get("external-id")) or []:
        if ext.get("external-id-relationship") == "part-of":
            continue
        kind = str(ext.get("external-id-type") or "").lower()
        normalized = (ext.get("external-id-normalized") or {}).get("value")
        found.setdefault(kind, normalized or ext.get("external-id-value") or "")
    return found


def _date(work: dict) -> int | str | None:
    date = work.get("publication-date") or {}
    parts = [((date.get(name) or {}).get("value")) for name in ("year", "month", "day")]
    if not parts[0] or not str(parts[0]).isdigit():
        return None
    known = [str(parts[0])]
    for part in parts[1:]:  # a day counts only after a month
        if not part or not str(part).isdigit():
            break
        known.append(f"{int(part):02d}")
    return int(known[0]) if len(known) == 1 else "-".join(known)


def _year(work: dict) -> int | None:
    value = (((work.get("publication-date") or {}).get("year")) or {}).get("value")
    return int(value) if value and str(value).isdigit() else None


def _contributors(work: dict) -> list[str]:
    """Credit names in sequence order, when the full work was read (summaries carry none)."""
    people = ((work.get("contributors") or {}).get("contributor")) or []
    return [p["credit-name"]["value"] for p in people if (p.get("credit-name") or {}).get("value")]


def _source(work: dict) -> tuple[str, str, str]:
    """(display name, 'user' | 'client', id): the person's own entries are told apart from Crossref's etc."""
    source = work.get("source") or {}
    name = (source.get("source-name") or {}).get("value") or ""
    if (source.get("source-client-id") or {}).get("path"):
        return name or "a member client", "client", source["source-client-id"]["path"]
    orcid = (source.get("source-orcid") or {}).get("path") or ""
    return (name or "the record holder"), "user", orcid


# --- `profilebot import orcid` (the importer interface, importers/source.py) ---------------------------------------

NAME = "orcid"
VALUE = "an ORCID iD (or a saved v3.0 /works JSON file)"
EXAMPLE = "0000-0002-1825-0097"  # a VALUE, for the commands `init` suggests


def steps(value: str, disk: Files) -> int:
    """A live record also has its missing works read in full (a third step)."""
    return DEFAULT_STEPS if disk.is_file(Path(value)) else DEFAULT_STEPS + 1


def imported(request: Request) -> Imported:
    """From the live record (summaries, then full works only for the ones to import) or a saved JSON file."""
    from profilebot.importers.json_input import loads
    from profilebot.model import matching
    from profilebot.targets import orcid as orcid_site

    value = request.value
    settings = http = None
    if request.files.is_file(Path(value)):
        request.say(f"reading {value}")
        works, orcid_id = parse_works(loads(request.files.text(Path(value)), value), value), "file"
    else:
        settings = orcid_site.configure({}, request.environ, orcid_id=value)
        if settings is None:  # an empty argument: neither a file nor an iD
            raise UsageError("import orcid needs an ORCID iD or a saved ORCID works JSON file.",
                             "For example: profilebot import orcid 0000-0002-1825-0097")
        http, orcid_id = orcid_site.client(settings, request.policy, request.tally), settings.orcid_id
        request.say(f"reading ORCID record {orcid_id}")
        works = orcid_site.fetch(settings, None, http)
    ours = matching.profile_works(request.profile)
    request.say(f"matching {len(works)} work{'s' * (len(works) != 1)} with the profile's {len(ours)}")
    chosen = [matching.representative(versions) for versions in matching.match(ours, works).only_theirs]
    if settings is not None and http is not None and chosen:
        request.say(f"reading {len(chosen)} full work{'s' * (len(chosen) != 1)}")
        chosen = orcid_site.read_details(settings, chosen, [w.key for w in chosen], http)
    return Imported(candidates(chosen, request.profile.person.name, orcid_id))
