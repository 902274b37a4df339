"""JSON Resume text → Candidates for publications, positions (`work`), education and awards."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from profilebot.errors import UsageError
from profilebot.importers.json_input import listed
from profilebot.importers.candidate import Candidate, citation_key, slug, year_of
from profilebot.importers.source import Imported, Request, one_file
from profilebot.model.identifiers import bare_doi
from profilebot.model.matching import Work

_DATE = re.compile(r"^\s*(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def parse(text: str, source: str) -> dict[str, Any]:
    from profilebot.importers.json_input import loads

    data = loads(text, source, "JSON Resume files are strict JSON: no comments, no raw line breaks inside strings, "
                 "commas between items.")
    if not isinstance(data, dict):
        raise UsageError(f"{source}: a JSON Resume file is an object with 'basics', 'work', 'education', ….")
    return data


def candidates(text: str, source: str, owner: str) -> list[Candidate]:
    data = parse(text, source)
    found = []
    for index, item in enumerate(_items(data, "publications")):
        found.append(_publication(item, f"{source}: publications[{index}]", owner))
    for index, item in enumerate(_items(data, "work")):
        found.append(_position(item, f"{source}: work[{index}]"))
    for index, item in enumerate(_items(data, "education")):
        found.append(_education(item, f"{source}: education[{index}]"))
    for index, item in enumerate(_items(data, "awards")):
        found.append(_award(item, f"{source}: awards[{index}]"))
    return [c for c in found if c is not None]


def _award(item: dict[str, Any], origin: str) -> Candidate | None:
    title = _text(item.get("title"))
    if not title:
        return None
    entry: dict[str, Any] = {"title": title}
    if _date(item.get("date")) is not None:
        entry["date"] = _date(item.get("date"))
    if _text(item.get("awarder")):
        entry["awarder"] = _text(item.get("awarder"))
    if _text(item.get("summary")):
        entry["note"] = _text(item.get("summary"))
    return Candidate("awards", entry, origin, None, slug(title, str(entry.get("date", ""))))


_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_ORCID = re.compile(r"\d{4}-\d{4}-\d{4}-\d{3}[\dX]")


def person_fields(text: str, source: str) -> dict[str, Any]:
    """What `basics` tells about the person: email (when it is an address), url → website, profiles → ids by
    network (the handle from `username`, or read from the profile URL when the username is empty)."""
    from profilebot.model import networks

    basics = parse(text, source).get("basics")
    if not isinstance(basics, dict):
        return {}
    found: dict[str, Any] = {}
    email = _text(basics.get("email"))
    if _EMAIL.match(email):
        found["email"] = email
    website = _text(basics.get("url") or basics.get("website"))
    if website.startswith(("https://", "http://")):
        found["website"] = website
    by_label = {label.lower(): key for key, (label, _) in networks.NETWORKS.items()} | {"twitter": "twitter", "x": "twitter"}
    profiles: dict[str, str] = {}
    for item in listed(basics.get("profiles")):
        if not isinstance(item, dict):
            continue
        key = by_label.get(_text(item.get("network")).lower())
        handle = _handle(key, _text(item.get("username")), _text(item.get("url"))) if key else ""
        if key and handle:
            profiles.setdefault(key, handle)
    if profiles:
        found["profiles"] = profiles
    return found


def _handle(key: str, username: str, url: str) -> str:
    """The id a profile URL carries (ORCID iD, Scholar user=, the path after the network's own prefix)."""
    from urllib.parse import parse_qs, urlparse

    from profilebot.model import networks

    if key == "orcid":
        found = _ORCID.search(username or url)
        return found.group(0) if found else ""
    if username:
        return username.lstrip("@")
    if key == "scholar":
        return (parse_qs(urlparse(url).query).get("user") or [""])[0]
    prefix = networks.NETWORKS[key][1].split("{}")[0].split("://", 1)[-1].removeprefix("www.")
    rest = url.split("://", 1)[-1].removeprefix("www.")
    if key == "twitter" and rest.startswith("twitter.com/"):
        rest = "x.com/" + rest[len("twitter.com/"):]  # the same accounts under the old name
    handle = rest[len(prefix):].strip("/").split("?")[0] if rest.startswith(prefix) else ""
    # Semantic Scholar's author pages put the name before the id (author/Han-Zhou/2111825271): the id is the handle.
    return handle.rsplit("/", 1)[-1] if key == "semantic_scholar" else handle


def _items(data: dict[str, Any], key: str) -> list[dict[str, Any]]:
    """The section's entries; a section that is no list (a number, true, text) holds none."""
    return [item for item in listed(data.get(key)) if isinstance(item, dict)]


def _publication(item: dict[str, Any], origin: str, owner: str) -> Candidate | None:
    title = _text(item.get("name"))
    if not title:
        return None
    date = _date(item.get("releaseDate"))
    website = _text(item.get("website") or item.get("url"))
    doi = bare_doi(website) if website else None
    # JSON Resume has no author list: the owner is the one author we know of, and the private todo says so.
    entry: dict[str, Any] = {"type": "other", "status": "published", "title": title, "authors": [owner]}
    if _text(item.get("publisher")):
        entry["venue"] = {"name": _text(item.get("publisher"))}
    if date is not None:
        entry["date"] = date
    if doi:
        entry["doi"] = doi
    elif website:
        entry["url"] = website
    entry["todo"] = "JSON Resume has no author list or work type: the authors hold only you; complete both."
    year = year_of(date)
    work = Work(key=origin, title=title, year=year, doi=doi, venue=entry.get("venue", {}).get("name"), source=origin)
    return Candidate("publications", entry, origin, work, citation_key(owner, year, title))


def _position(item: dict[str, Any], origin: str) -> Candidate | None:
    organization = _text(item.get("name") or item.get("company"))
    title = _text(item.get("position"))
    if not organization or not title:
        return None
    period: dict[str, Any] = {"start": _date(item.get("startDate")) or "unknown"}
    period["end"] = _date(item.get("endDate")) or ("present" if not _text(item.get("endDate")) else "unknown")
    entry: dict[str, Any] = {"kind": "other", "title": title, "organization": organization, "periods": [period]}
    if _text(item.get("location")):
        entry["location"] = _text(item.get("location"))
    highlights = [_text(h) for h in listed(item.get("highlights")) if _text(h)]
    if highlights:
        entry["highlights"] = highlights
    return Candidate("positions", entry, origin, None, slug(organization, title))


def _education(item: dict[str, Any], origin: str) -> Candidate | None:
    institution = _text(item.get("institution"))
    degree = _text(item.get("studyType")) or _text(item.get("area"))
    if not institution or not degree:
        return None
    entry: dict[str, Any] = {"degree": degree, "institution": institution}
    if _text(item.get("studyType")) and _text(item.get("area")):
        entry["field"] = _text(item.get("area"))
    for key, name in (("start", "startDate"), ("end", "endDate")):
        if _date(item.get(name)) is not None:
            entry[key] = _date(item.get(name))
    if _text(item.get("score") or item.get("gpa")):
        entry["gpa"] = _text(item.get("score") or item.get("gpa"))
    return Candidate("education", entry, origin, None, slug(institution, degree))


def _text(value: Any) -> str:
    """A value as one line of text; a list or an object is no text (never its Python form "['a', 'b']")."""
    return " ".join(str(value).split()) if value not in (None, "") and not isinstance(value, (dict, list)) else ""


def _date(value: Any) -> int | str | None:
    """'2021-05-28' → '2021-05-28', '2026' → 2026; empty or malformed → None."""
    match = _DATE.match(str(value or ""))
    if not match:
        return None
    parts = [p for p in match.groups() if p]
    return int(parts[0]) if len(parts) == 1 else "-".join(parts)


# --- `profilebot import jsonresume` (the importer interface, importers/source.py) ----------------------------------

NAME = "jsonresume"
VALUE = "a JSON Resume file"
EXAMPLE = "resume.json"  # a VALUE, for the commands `init` suggests


def imported(request: Request) -> Imported:
    """Works, positions, education and awards, and what `basics` says about the person."""
    text, found = one_file(request, candidates)
    return replace(found, person=person_fields(text, request.value))
