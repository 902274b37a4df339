"""resume.json: the profile as a JSON Resume 1.x document (basics, work, education, awards, publications, …).

Mapping: person → basics (label = headline, summary = bio, url = website; location "City, Rest" →
city + region; profiles with their site URL); only public contact fields appear. positions → work
(one entry per position: startDate = first period's start, endDate = last period's end, omitted while
ongoing; the periods with their modes, the unit and the supervisors go in summary because JSON
Resume has one date range per job; highlights = the highlights of the position's projects).
education → education (studyType = degree, area = field, score = GPA; department, thesis, advisors,
"end date expected" and the note go in an extra `summary`, which the schema allows). awards → awards
(summary names the paper an award was given to). publications and patents → publications (JSON Resume
has no author, status or patent section: summary carries "Authors: …", the status when unpublished,
and the patent number; publisher = the venue, or "US Patent 11,928,446"). projects → projects (roles,
entity = the position's organization, highlights). interests → interests. Dates are ISO (YYYY,
YYYY-MM or YYYY-MM-DD); "unknown" dates are omitted. Not carried: talks and service (no standard
section), co-first-author marks beyond the summary's asterisks.
"""

from __future__ import annotations

from typing import Any

from profilebot.model import networks
from profilebot.model.identifiers import doi_url
from profilebot.model.dates import DateValue
from profilebot.model.profile import Education, Profile
from profilebot.render import citations, cv_view
from profilebot.render.citations import Work
from profilebot.render.escaping import json_document

NAME = "json_resume"
DEFAULT_PATH = "resume.json"
MEDIA_TYPE = "application/json"
WORKS = "all"  # which works the file carries: every publication and patent

SCHEMA_URL = "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"

def render(profile: Profile) -> str:
    return json_document(resume(profile), sort_keys=True)


def resume(profile: Profile) -> dict[str, Any]:
    all_works = citations.works(profile)
    cv = cv_view.build(profile, ("experience", "teaching", "projects", "awards"))
    data: dict[str, Any] = {
        "$schema": SCHEMA_URL,
        "basics": basics(profile),
        "work": [work_entry(e) for key in ("experience", "teaching") for e in _entries(cv, key)],
        "education": [education_entry(e) for e in profile.education],
        "awards": [award_entry(e) for e in _entries(cv, "awards")],
        "publications": [publication_entry(w, profile) for w in all_works],
        "projects": projects(cv),
        "interests": [{"name": interest} for interest in profile.interests],
    }
    return {key: value for key, value in data.items() if value}


def _entries(cv: cv_view.CV, key: str) -> tuple[cv_view.Entry, ...]:
    section = cv.section(key)
    return section.entries if section else ()


def _put(data: dict[str, Any], key: str, value: Any) -> None:
    if value:
        data[key] = value


def _iso(value: DateValue | None) -> str | None:
    return value.date.iso() if value is not None and value.date is not None else None


def basics(profile: Profile) -> dict[str, Any]:
    person = profile.person
    data: dict[str, Any] = {"name": person.name}
    _put(data, "label", person.headline)
    _put(data, "image", person.photo)
    for key, value in sorted(person.public_contacts().items()):
        data[key] = value
    _put(data, "url", person.website)
    _put(data, "summary", person.bio)
    if person.location:
        city, _, rest = person.location.partition(",")
        data["location"] = {"city": city.strip(), **({"region": rest.strip()} if rest.strip() else {})}
    profiles = []
    for key, username in sorted(person.profiles.items()):
        url = networks.url(key, username)
        profiles.append({"network": networks.label(key), "username": username, **({"url": url} if url else {})})
    _put(data, "profiles", profiles)
    return data


def work_entry(entry: cv_view.Entry) -> dict[str, Any]:
    """A position of the CV view: one date range (JSON Resume has one per job), the rest in summary."""
    data: dict[str, Any] = {"name": entry.where[0], "position": entry.title}
    _put(data, "location", entry.place + (" (remote)" if entry.remote else "") if entry.place else
         ("Remote" if entry.remote else None))
    _put(data, "startDate", entry.start.iso() if entry.start else None)
    _put(data, "endDate", entry.end.iso() if entry.end and not entry.ongoing else None)
    summary = list(entry.where[1:])
    if len(entry.when) > 1 or entry.when[0].mode:
        summary.append(entry.when_text)
    summary += [str(d) for d in entry.details]
    _put(data, "summary", ". ".join(summary))
    _put(data, "highlights", [*entry.highlights, *(h for p in entry.children for h in p.highlights)])
    return data


def education_entry(education: Education) -> dict[str, Any]:
    data: dict[str, Any] = {"institution": education.institution, "studyType": education.degree}
    _put(data, "area", education.field)
    _put(data, "startDate", _iso(education.start))
    _put(data, "endDate", _iso(education.end))
    _put(data, "score", education.gpa)
    # JSON Resume has no field for these; its schema allows extra keys, and résumé themes ignore them.
    notes = [education.department or "", f"Thesis: {education.thesis}" if education.thesis else "",
             "Advisors: " + ", ".join(education.advisors) if education.advisors else "",
             "End date expected" if education.end is not None and education.end.expected else "", education.note or ""]
    _put(data, "summary", ". ".join(n for n in notes if n))
    return data


def award_entry(entry: cv_view.Entry) -> dict[str, Any]:
    data: dict[str, Any] = {"title": entry.title}
    _put(data, "date", entry.start.iso() if entry.start else None)
    _put(data, "awarder", entry.where[0] if entry.where else None)
    summary = [f"For the paper “{entry.paper}”" if entry.paper else "", *(str(d) for d in entry.details)]
    _put(data, "summary", ". ".join(s for s in summary if s))
    return data


def author_list(work: Work) -> str:
    names = [a.name + ("*" if a.equal_contribution else "") for a in work.authors] + (
        [citations.ET_AL] if work.more_authors else [])
    label = "Inventors" if work.patent is not None else "Authors"
    return f"{label}: " + ", ".join(names)


def publication_entry(work: Work, profile: Profile) -> dict[str, Any]:
    data: dict[str, Any] = {"name": work.title}
    publisher = citations.patent_label(work.patent) if work.patent is not None else work.venue
    _put(data, "publisher", publisher)
    _put(data, "releaseDate", work.date.iso() if work.date else None)
    _put(data, "url", work.url or (doi_url(work.doi) if work.doi else None))
    summary = [author_list(work)] + [n for n in citations.notes(work, profile) if n != publisher]
    if any(a.equal_contribution for a in work.authors):
        summary.append("* Equal contribution")
    # A part that ends in its own period ("et al.", "Jr.") takes no second one before the next.
    data["summary"] = " ".join(part if part.endswith(".") or i == len(summary) - 1 else part + "."
                               for i, part in enumerate(summary))
    return data


def projects(cv: cv_view.CV) -> list[dict[str, Any]]:
    """The CV view's projects: each one under its position first (entity = that position's organization,
    however the two are linked), then the projects done outside any position."""
    placed = [(child, entry.where[0] if entry.where else None)
              for key in ("experience", "teaching") for entry in _entries(cv, key) for child in entry.children]
    loose = [(entry, None) for entry in _entries(cv, "projects")]
    return [project_entry(entry, entity) for entry, entity in placed + loose]


def project_entry(entry: cv_view.Entry, entity: str | None) -> dict[str, Any]:
    data: dict[str, Any] = {"name": entry.title}
    _put(data, "description", ". ".join(str(d) for d in entry.details))
    _put(data, "highlights", list(entry.highlights))
    _put(data, "startDate", entry.start.iso() if entry.start else None)
    _put(data, "url", entry.links[0].url if entry.links else None)
    _put(data, "roles", [entry.role] if entry.role else None)
    _put(data, "entity", entity)
    return data
