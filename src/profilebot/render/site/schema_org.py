"""schema.org JSON-LD values: the Person on the home page and a ScholarlyArticle on each paper page."""

from __future__ import annotations

from typing import Any

from profilebot.model.identifiers import doi_url
from profilebot.model.profile import Profile, Publication
from profilebot.render import cv_view
from profilebot.render.site import papers
from profilebot.render.site.safety import known, safe_url


def person(profile: Profile, site_url: str | None) -> dict[str, Any]:
    who = profile.person
    given, family = who.name_parts()
    data: dict[str, Any] = {"@context": "https://schema.org", "@type": "Person", "name": who.name}
    if given:
        data["givenName"] = given
    if family:
        data["familyName"] = family
    if who.headline:
        data["jobTitle"] = who.headline
    contacts = who.public_contacts()
    if "email" in contacts:
        data["email"] = "mailto:" + contacts["email"]
    if "phone" in contacts:
        data["telephone"] = contacts["phone"]
    url = site_url or safe_url(who.website)
    if url:
        data["url"] = url
    same_as = [link.url for link in papers.profile_links(who) if link.url != url]
    if same_as:
        data["sameAs"] = same_as
    if profile.interests:
        data["knowsAbout"] = list(profile.interests)
    if known(who.location):
        data["homeLocation"] = {"@type": "Place", "name": who.location}
    schools = sorted({e.institution for e in profile.education})
    if schools:
        data["alumniOf"] = [{"@type": "CollegeOrUniversity", "name": name} for name in schools]
    # The positions the CV prints as going on ("Present", with or without a written end), from the CV view.
    cv = cv_view.build(profile, ("experience", "teaching"))
    current = [e.where[0] for s in cv.sections for e in s.entries if e.ongoing and e.where]
    if current:
        data["affiliation"] = [{"@type": "Organization", "name": name} for name in current]
    if profile.awards:
        data["award"] = [a.title for a in profile.awards]
    return data


def article(profile: Profile, paper: Publication, site_url: str | None) -> dict[str, Any]:
    data: dict[str, Any] = {"@context": "https://schema.org", "@type": "ScholarlyArticle", "headline": paper.title,
                            "name": paper.title}
    data["author"] = [_author(author.name, papers.is_owner(profile.person, author), profile, site_url)
                      for author in paper.authors]
    if paper.date:
        data["datePublished"] = paper.date.iso()
    if paper.venue:
        data["isPartOf"] = {"@type": "Periodical" if paper.type == "journal-article" else "CreativeWork",
                            "name": paper.venue.name}
    if paper.doi:
        data["sameAs"] = doi_url(paper.doi)
    if paper.abstract:
        data["abstract"] = paper.abstract
    if paper.keywords:
        data["keywords"] = list(paper.keywords)
    if site_url:
        data["url"] = f"{site_url}publications/{paper.id}.html"
    return data


def _author(name: str, owner: bool, profile: Profile, site_url: str | None) -> dict[str, Any]:
    entry: dict[str, Any] = {"@type": "Person", "name": profile.person.name if owner else name}
    if owner and site_url:
        entry["url"] = site_url
    return entry
