"""al-folio's `_bibliography/papers.bib` edited in place: only the values that come from the profile change.

An entry of the person's file is read back the way `import al-folio` reads it (importers/bibtex.py); each
value the profile holds (title, authors, venue, date, DOI, links, al-folio's keys…) is compared with what
that reading gives, and only a value that differs is rewritten, in the entry's own field, with the text the
fresh entry (al_folio.fresh_entry) would print. So right after an import nothing changes at all, and later a
changed DOI rewrites that one value: the key, the entry type, the field order, spacing, braces or quotes, the
fields profilebot has no field for, the `---` front matter, `@string` macros, `@comment` blocks and every
other byte stay as typed. Works the file lacks are appended; an entry the profile does not hold stays
(unless `site.allow_removals` is set), because the bot never drops what it does not own.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable

from profilebot.importers import bibtex, bibtex_source
from profilebot.importers.bibtex_source import EntrySpan, FieldSpan
from profilebot.model.keys import letter_suffix
from profilebot.model.profile import Profile, Publication

# What the profile holds of an entry, compared as read back, and the BibTeX fields that print it.
_VENUE_FIELDS = ("journal", "booktitle", "school", "institution", "howpublished")  # al_folio.VENUE_FIELDS
_GROUPS: tuple[tuple[Callable[[Publication], Any], tuple[str, ...]], ...] = (
    (lambda p: p.title, ("title",)),
    # "Zed New" and "New, Zed" are one name: compared by their parts.
    (lambda p: ([(a.family, a.given, a.equal_contribution) for a in p.authors], p.more_authors), ("author",)),
    (lambda p: p.venue.name if p.venue else None, _VENUE_FIELDS),
    (lambda p: p.venue.short if p.venue else None, ("abbr",)),
    (lambda p: p.date, ("year", "month")),
    (lambda p: (p.doi or "").lower(), ("doi",)),  # DOIs compare case-insensitively; the typed case stays
    (lambda p: p.volume, ("volume",)),
    (lambda p: p.pages, ("pages",)),
    (lambda p: p.issue, ("number",)),
    (lambda p: p.publisher, ("publisher", "organization")),
    (lambda p: p.isbn, ("isbn",)),
    (lambda p: p.issn, ("issn",)),
    (lambda p: p.pmid, ("pmid",)),
    (lambda p: p.url, ("url",)),
    (lambda p: p.abstract, ("abstract",)),
    (lambda p: p.arxiv, ("arxiv",)),
    (lambda p: p.note, ("note",)),
    (lambda p: p.selected, ("selected",)),
    (lambda p: p.bibtex_show is False, ("bibtex_show",)),
    (lambda p: p.preview, ("preview",)),
    (lambda p: p.google_scholar_id, ("google_scholar_id",)),
    (lambda p: p.altmetric, ("altmetric",)),
    (lambda p: p.dimensions, ("dimensions",)),
) + tuple((lambda p, link=link: p.links.get(link), (field,)) for field, link in bibtex.AL_FOLIO_LINKS.items())


def edited(text: str, path: str, profile: Profile, fresh: Callable[[Publication], str], remove: bool = False) -> str:
    """`text` (the site's papers.bib at `path`) with the profile's values written into the entries they came
    from and the works it lacks appended (each made by `fresh`)."""
    entries = bibtex.parse(text, path, "the site's papers.bib was left as it is",
                           "Close every { with a } and end each field with a comma in the site's papers.bib, "
                           "then run again: profilebot edits its entries in place and must read each one.")
    spans = bibtex_source.entry_spans(text)
    by_id = {p.id: p for p in profile.publications}
    read = [bibtex.candidate(entry, path, profile.person.name, path) for entry in entries]
    matched = _matched(entries, read, profile, by_id)
    used = {paper.id for paper in matched if paper is not None}
    edits: list[tuple[int, int, str]] = []
    for span, theirs, ours in zip(spans, read, matched):
        if ours is not None:
            edits += _entry_edits(text, span, _as_read(theirs, ours.id), ours, profile, fresh)
        elif remove and theirs.section == "publications":
            edits.append((span.start, _line_end(text, span.end), ""))
    added = [fresh(p) for p in profile.publications if p.id not in used]
    result = _applied(text, edits)
    if added:
        body = result.rstrip("\n")
        result = body + ("\n\n" if body else "") + "\n\n".join(added) + "\n"
    return result


def _matched(entries: list[bibtex.Entry], read: list[Any], profile: Profile,
             by_id: dict[str, Publication]) -> list[Publication | None]:
    """The profile's paper for each entry: by its key (or the id import gave it), else, for a key used twice
    (import gave the second one a new id), the unclaimed paper of the same title and year."""
    used: set[str] = set()
    matched: list[Publication | None] = []
    by_key = {p.origin.key: p for p in profile.publications if p.origin is not None and p.origin.key}
    for entry, theirs in zip(entries, read):
        keyed = by_key.get(entry.key)
        ours = keyed if keyed is not None and keyed.id not in used else next(
            (by_id[k] for k in (entry.key, theirs.id_hint) if k in by_id and k not in used), None)
        if theirs.section != "publications":
            ours = None
        if ours is not None:
            used.add(ours.id)
        matched.append(ours)
    for index, (entry, theirs) in enumerate(zip(entries, read)):
        # A key used twice: import gave the second entry the key with a letter (propose._unique).
        if matched[index] is None and theirs.section == "publications":
            hint = theirs.id_hint or entry.key
            found = next((by_id[k] for k in (f"{hint}{letter_suffix(n)}" for n in range(26))
                          if k in by_id and k not in used), None)
            if found is not None:
                used.add(found.id)
                matched[index] = found
    for index, (theirs, ours) in enumerate(zip(read, matched)):
        if ours is None and theirs.section == "publications":
            title, year = _title_key(theirs.entry.get("title", "")), theirs.work.year if theirs.work else None
            found = next((p for p in profile.publications if p.id not in used and _title_key(p.title) == title
                          and p.year == year), None)
            if found is not None:
                used.add(found.id)
                matched[index] = found
    return matched


def _title_key(title: str) -> str:
    return " ".join(title.casefold().split())


def _as_read(candidate: Any, paper_id: str) -> tuple[Publication, tuple[str, ...]]:
    """The entry as the profile would hold it after an import, with its awards' titles."""
    from profilebot.load import build

    data = dict(candidate.entry, id=paper_id)
    data.pop("todo", None)
    awards = tuple(award["title"] for section, award in candidate.companions if section == "awards")
    return build.publication(data), awards


def _entry_edits(text: str, span: EntrySpan, read: tuple[Publication, tuple[str, ...]], ours: Publication,
                 profile: Profile, fresh: Callable[[Publication], str]) -> list[tuple[int, int, str]]:
    theirs, their_awards = read
    changed: list[tuple[str, ...]] = [names for value, names in _GROUPS if value(theirs) != value(ours)]
    if their_awards != tuple(a.title for a in profile.awards_for(ours.id)):
        changed.append(("award",))
    if not changed and (theirs.type, theirs.status) == (ours.type, ours.status):
        return []  # the entry says what the profile says: not one byte changes
    fresh_spans = bibtex_source.entry_spans(fresh(ours))
    if not fresh_spans:
        return []
    made = _first_of_each(fresh_spans[0].fields)  # the exporter's own fields come before the origin's
    edits: list[tuple[int, int, str]] = []
    kind = span.type
    if (theirs.type, theirs.status) != (ours.type, ours.status):
        kind = fresh_spans[0].type
        kind_start = text.index("@", span.start) + 1
        kind_end = kind_start + len(text[kind_start:].split("{", 1)[0].split("(", 1)[0].rstrip())
        edits.append((kind_start, kind_end, fresh_spans[0].type))
        if _VENUE_FIELDS not in changed:
            changed.append(_VENUE_FIELDS)  # an @article's journal is an @inproceedings' booktitle
    have = _first_of_each(span.fields)
    insert: list[FieldSpan] = []
    for names in changed:
        if names == _VENUE_FIELDS:
            edits_, inserted = _venue_edits(text, span, kind, fresh_spans[0].type, made, have)
            edits += edits_
            insert += inserted
            continue
        written = {n for n in names if n in have}
        # Every copy of a repeated field (readers differ on which one counts) gets the new value.
        for field in (f for f in span.fields if f.name in written):
            edits.append((field.value_start, field.value_end, made[field.name].raw) if field.name in made
                         else _removal(text, field))
        insert += [made[n] for n in names if n in made and n not in have]
    if insert:
        removed = {start for start, _end, replacement in edits if not replacement}
        kept = [f for f in span.fields if _removal(text, f)[0] not in removed]
        edits.append(_insertion(text, span, kept[-1] if kept else None, insert))
    return edits


def _venue_edits(text: str, span: EntrySpan, kind: str, fresh_type: str, made: dict[str, FieldSpan],
                 have: dict[str, FieldSpan]) -> tuple[list[tuple[int, int, str]], list[FieldSpan]]:
    """The venue in the field the entry's type `kind` (its new one when the type changed) reads it from: a
    thesis's school, an @misc's howpublished, an @articlebold's journal; the value the fresh entry prints."""
    fields = bibtex.venue_fields(kind)
    value = next((made[n] for n in bibtex.venue_fields(fresh_type) if n in made), None)
    current = next((n for n in bibtex.venue_fields(span.type) if n in have), None)
    edits: list[tuple[int, int, str]] = []
    target = current if current in fields and kind == span.type else fields[0]
    for field in span.fields:
        if field.name == current:
            edits.append((field.value_start, field.value_end, value.raw) if value is not None and current == target
                         else _removal(text, field))
    if value is None or current == target:
        return edits, []
    return edits, [FieldSpan(target, 0, 0, 0, value.raw)]


def _first_of_each(fields: Iterable[FieldSpan]) -> dict[str, FieldSpan]:
    """BibTeX reads the first of a repeated field: that is the one to edit."""
    first: dict[str, FieldSpan] = {}
    for field in fields:
        first.setdefault(field.name, field)
    return first


def _removal(text: str, field: FieldSpan) -> tuple[int, int, str]:
    """The field, its comma and its line when it has one to itself."""
    start = field.start
    line_start = text.rfind("\n", 0, start) + 1
    if not text[line_start:start].strip():
        start = line_start
    end = field.value_end
    while end < len(text) and text[end] in " \t":
        end += 1
    if end < len(text) and text[end] == ",":
        end += 1
    while end < len(text) and text[end] in " \t\r":
        end += 1
    if end < len(text) and text[end] == "\n" and start == line_start:
        end += 1
    return start, end, ""


def _insertion(text: str, span: EntrySpan, last: FieldSpan | None, fields: list[FieldSpan]) -> tuple[int, int, str]:
    """New fields after the entry's last kept one, laid out like it (its indent and `name = value` spacing)."""
    if last is None:
        block = "".join(f"\n  {f.name}={f.raw}," for f in fields) + "\n"
        if "," not in text[span.start:span.closing]:  # `@misc{key}`: the key needs its comma
            return span.closing, span.closing, "," + block
        at = text.index(",", span.start) + 1
        return at, at, block
    line_start = text.rfind("\n", 0, last.start) + 1
    indent = text[line_start:last.start] if not text[line_start:last.start].strip() else "  "
    between = text[last.start + len(last.name):last.value_start]
    newline = "\r\n" if "\r\n" in text[span.start:span.end] else "\n"
    lines = [f"{newline}{indent}{f.name}{between}{f.raw}" for f in fields]
    tail = text[last.value_end:span.closing]
    if tail.lstrip().startswith(","):  # a trailing comma after each field: the new ones get one too
        at = last.value_end + tail.index(",") + 1
        return at, at, "".join(line + "," for line in lines)
    return last.value_end, last.value_end, "," + ",".join(lines)


def _applied(text: str, edits: list[tuple[int, int, str]]) -> str:
    for start, end, replacement in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):
        text = text[:start] + replacement + text[end:]
    return text


def _line_end(text: str, end: int) -> int:
    """Just after the entry's line break (and one blank line after it), so a removal leaves no gap."""
    for _ in range(2):
        newline = text.find("\n", end)
        if newline == -1 or text[end:newline].strip():
            break
        end = newline + 1
    return end

