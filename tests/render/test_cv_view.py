"""The one CV view every CV output serializes: sections, entries, dates, projects of a position, selection."""

from __future__ import annotations

import dataclasses

import yaml

from profilebot.model.dates import DateValue, span
from profilebot.model.profile import Period, Position, Profile, Project
from profilebot.render import cv_markdown, cv_view, json_resume
from profilebot.render.site import al_folio, schema_org, static


def test_sections_in_cv_order_with_every_entry(default_profile: Profile) -> None:
    cv = cv_view.build(default_profile)
    assert [s.key for s in cv.sections] == ["interests", "education", "experience", "publications", "patents",
                                           "awards"]
    assert len(cv.section("publications").entries) == len(default_profile.publications)
    assert [g.title for g in cv.section("publications").groups] == ["Conference Papers", "Workshop Papers",
                                                                       "Preprints and Work under Review"]
    assert sum(len(e.children) for e in cv.section("experience").entries) == len(default_profile.projects)


def test_publications_newest_first_within_a_group(default_profile: Profile) -> None:
    reversed_profile = dataclasses.replace(default_profile, publications=default_profile.publications[::-1])
    published = cv_view.build(reversed_profile).section("publications").groups[0].entries
    days = [e.start.first_day() for e in published]
    assert days == sorted(days, reverse=True)


def test_dates_print_one_way_and_never_unknown() -> None:
    assert span(DateValue.parse("2015-09"), DateValue.parse("2019-07")) == "Sep 2015 – Jul 2019"
    assert span(DateValue.parse("unknown"), DateValue.parse("expected 2024-12")) == "Dec 2024 (expected)"
    assert span(DateValue.parse("2019"), DateValue.parse("unknown")) == "2019 –"
    assert span(DateValue.parse("2020-06"), None) == "Jun 2020"
    assert Period(DateValue.parse("2020-06")).until.human() == "Present"


def _open_position_profile(default_profile: Profile) -> Profile:
    """A position still going on (no end) whose project links to it only through the project's `position:`."""
    position = Position("lab", "research", "Researcher", "Lab", (Period(DateValue.parse("2020-06")),))
    project = Project("p1", "Linked from the project side", position="lab", highlights=("Did things",))
    return dataclasses.replace(default_profile, positions=(position,), projects=(project,))


def test_every_cv_output_agrees_on_open_periods_and_projects_linked_by_position(default_profile: Profile) -> None:
    profile = _open_position_profile(default_profile)
    assert "- Jun 2020 – Present" in cv_markdown.render(profile)
    assert "- **Linked from the project side**" in cv_markdown.render(profile)
    cv_yml = yaml.safe_load(al_folio._yaml(al_folio.cv_sections(profile)))
    row = next(s for s in cv_yml if s["title"] == "Experience")["contents"][0]
    assert row["year"] == "Jun 2020 – Present"
    assert row["description"] == [{"title": "Linked from the project side", "contents": ["Did things"]}]
    page = next(a for a in static.render(profile, {}) if a.path == "cv.html").data.decode()
    assert "Jun 2020 – Present" in page and "Linked from the project side" in page
    work = json_resume.resume(profile)["work"][0]
    assert work["startDate"] == "2020-06" and "endDate" not in work


def test_bibtex_dashes_print_as_en_dashes(default_profile: Profile) -> None:
    paper = dataclasses.replace(default_profile.publications[0], title="Pages 1--2 and a---b")
    profile = dataclasses.replace(default_profile, publications=(paper,))
    assert "“Pages 1–2 and a—b”" in cv_markdown.render(profile)


def test_include_selects_by_tag(default_profile: Profile) -> None:
    chosen = dataclasses.replace(default_profile.publications[2], selected=True)
    profile = dataclasses.replace(default_profile, publications=(chosen, *default_profile.publications[3:]))
    cv = cv_view.build(profile, include=["selected", "industry"])
    assert [e.id for e in cv.section("publications").entries] == [chosen.id]
    assert {e.where[0] for e in cv.section("experience").entries} == {
        p.organization for p in profile.positions if p.kind == "industry"}
    assert cv.section("education") is not None and cv.section("patents") is None


def test_sections_pick_and_order(default_profile: Profile) -> None:
    cv = cv_view.build(default_profile, ["awards", "education"])
    assert [s.key for s in cv.sections] == ["awards", "education"]


def test_the_static_site_prints_bibtex_dashes_as_en_dashes_too(default_profile: Profile) -> None:
    paper = dataclasses.replace(default_profile.publications[0], title="Pages 1--2 and a---b")
    pages = {a.path: a.data.decode() for a in static.render(dataclasses.replace(default_profile,
                                                                                publications=(paper,)), {})}
    assert "Pages 1–2 and a—b" in pages["publications.html"]
    assert "<h1>Pages 1–2 and a—b</h1>" in pages[f"publications/{paper.id}.html"]
    assert "Pages 1–2 and a—b" in pages["cv.html"]


def test_a_short_venue_the_name_already_holds_is_printed_once(default_profile) -> None:
    """Issue 21: the CV printed '(LREC-COLING 2024) (LREC-COLING)'."""
    import dataclasses

    from profilebot.model.profile import Venue
    from profilebot.render import cv_markdown

    paper = dataclasses.replace(default_profile.publications[0], venue=Venue(
        name="Joint International Conference on Computational Linguistics, Language Resources and Evaluation "
             "(LREC-COLING 2024)", short="LREC-COLING"))
    profile = dataclasses.replace(default_profile, publications=(paper, *default_profile.publications[1:]))
    entry = next(e for e in cv_view.build(profile).section("publications").entries if e.id == paper.id)
    assert entry.venue_short is None
    text = cv_markdown.render(profile)
    assert "(LREC-COLING 2024)" in text and "(LREC-COLING)" not in text
    assert cv_view.short_venue("ACM SIGMOD International Conference", "SIGMOD") == "SIGMOD"  # no parenthesis
    assert cv_view.short_venue("Physics Letters (PhysicsL)", "ICS") == "ICS"


def test_json_resume_projects_keep_their_entity_however_they_are_linked(default_profile: Profile) -> None:
    """The default profile's projects linked only from their position's `projects:` list still name its organization."""
    unlinked = tuple(dataclasses.replace(p, position=None) for p in default_profile.projects)
    profile = dataclasses.replace(default_profile, projects=unlinked)
    entities = {p["name"]: p.get("entity") for p in json_resume.resume(profile)["projects"]}
    assert len(entities) == len(default_profile.projects)
    assert entities == {p["name"]: p.get("entity") for p in json_resume.resume(default_profile)["projects"]}
    assert all(entities.values())


def test_schema_org_affiliation_is_every_position_the_cv_prints_as_present(default_profile: Profile) -> None:
    """The default profile's current position (end: present), and the same one with no end written at all."""
    open_ended = tuple(dataclasses.replace(p, periods=p.periods[:-1] + (dataclasses.replace(p.periods[-1], end=None),))
                       if p.end is not None and p.end.present else p for p in default_profile.positions)
    for profile in (default_profile, dataclasses.replace(default_profile, positions=open_ended)):
        assert schema_org.person(profile, None)["affiliation"] == [
            {"@type": "Organization", "name": "University of California San Diego"}]
        assert "Present" in cv_markdown.render(profile)
