"""Property tests: profiles full of hostile strings still give outputs every reader parses, with the text intact."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import jsonschema
from tests.render import readers
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from profilebot.model.dates import PartialDate
from profilebot.model.profile import Author, Patent, Person, Profile, Publication, Venue
from profilebot.render import (
    bibtex, citations, csl_json, cv_markdown, cv_view, endnote, json_resume, orcid_import, orcid_works, orcid_xml,
    refworks, ris,
)
from profilebot.render.escaping import one_line

HOSTILE = ["{", "}", "{{ }}", "\\", "%", "&", "<", ">", '"', "'", "''", "--", "`", "~", "^", "$", "#", "_",
           "\n", "\r\n", "\t", "\u200f", "\u202e", "😀", "é", "í", "Ø", "ß", "黄", "and", ",", "@", "*", "[", "]",
           "|", "ER  - ", "%A ", "RT "]
# Surrogates cannot be written as UTF-8 and other controls cannot reach a profile through YAML.
_chars = st.characters(blacklist_categories=("Cs", "Cc"))
text = st.lists(st.one_of(st.sampled_from(HOSTILE), _chars, st.text(_chars, max_size=4)), min_size=1, max_size=8) \
    .map("".join).filter(lambda t: one_line(t) != "")
name_part = text.filter(lambda t: "," not in t and " and " not in f" {one_line(t).lower()} ")
dates = st.builds(PartialDate, st.integers(1900, 2100), st.none() | st.integers(1, 12), st.none()) \
    | st.builds(PartialDate, st.integers(1900, 2100), st.just(3), st.integers(1, 28))


@st.composite
def authors(draw):
    given, family = draw(name_part), draw(name_part)
    return Author(name=f"{given} {family}", given=given, family=family,
                  equal_contribution=draw(st.booleans()))


@st.composite
def publications(draw, index):
    status = draw(st.sampled_from(["published", "accepted", "under-review", "preprint"]))
    return Publication(
        id=f"p{index}", type=draw(st.sampled_from(["conference-paper", "journal-article", "book", "report"])),
        status=status, title=draw(text), authors=tuple(draw(st.lists(authors(), min_size=1, max_size=3))),
        venue=Venue(draw(text)) if draw(st.booleans()) else None, date=draw(st.none() | dates),
        workshop=draw(st.booleans()), note=draw(st.none() | text),
        doi=draw(st.none() | st.just("10.1145/3639285")), url=draw(st.none() | st.just("https://x.org/a_b%c")))


@st.composite
def profiles(draw):
    pubs = tuple(draw(publications(i)) for i in range(draw(st.integers(1, 3))))
    patents = tuple(Patent(id=f"t{i}", title=draw(text), inventors=tuple(draw(st.lists(authors(), min_size=1,
                                                                                       max_size=2))),
                           number=draw(st.sampled_from(["US11928446B2", "CN108765282B", "weird {#}"])),
                           date=draw(st.none() | dates)) for i in range(draw(st.integers(0, 1))))
    person = Person(name=draw(text), headline=draw(st.none() | text))
    return Profile(person=person, publications=pubs, patents=patents, interests=(draw(text),))


SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(profiles())
def test_bibtex_parses_and_round_trips(profile):
    for module, works in ((bibtex, citations.works(profile)), (orcid_import, citations.orcid_works(profile))):
        entries = readers.read_bibtex(module.render(profile))
        assert [e.key for e in entries] == [w.key for w in works]
        for entry, work in zip(entries, works):
            assert entry.text("title") == one_line(work.title)
            assert entry.authors == [(one_line(a.family), one_line(a.given)) for a in work.authors]


@SETTINGS
@given(profiles())
def test_ris_parses_and_round_trips(profile):
    records = readers.read_ris(ris.render(profile))
    works = citations.works(profile)
    assert len(records) == len(works)
    for record, work in zip(records, works):
        assert record["primary_title"] == one_line(work.title)
        assert record["first_authors"] == [one_line(a.family_given()) for a in work.authors]


@SETTINGS
@given(profiles())
def test_endnote_and_refworks_parse_and_round_trip(profile):
    works = citations.works(profile)
    for reader, module, title_tag, author_tag in ((readers.read_endnote, endnote, "%T", "%A"),
                                                  (readers.read_refworks, refworks, "T1", "A1")):
        records = reader(module.render(profile))
        assert len(records) == len(works)
        for record, work in zip(records, works):
            assert readers.values(record, title_tag) == [one_line(work.title)]
            assert readers.values(record, author_tag) == [one_line(a.family_given()) for a in work.authors]


@SETTINGS
@given(profiles())
def test_json_outputs_validate_and_keep_text_exactly(profile):
    items = readers.read_json(csl_json.render(profile))
    jsonschema.validate(items, readers.schema("csl/csl-data.json"))
    assert [i["title"] for i in items] == [w.title for w in citations.works(profile)]
    resume = readers.read_json(json_resume.render(profile))
    jsonschema.validate(resume, readers.schema("jsonresume/schema.json"))
    assert resume["basics"]["name"] == profile.person.name
    assert [p["name"] for p in resume["publications"]] == [w.title for w in citations.works(profile)]


@SETTINGS
@given(profiles())
def test_orcid_xml_validates_and_equals_the_json(profile):
    xml = orcid_xml.render(profile)
    readers.orcid_xsd().validate(xml)
    root = ET.fromstring(xml.encode("utf-8"))
    works = readers.read_json(orcid_works.render(profile))["bulk"]
    titles = [w.findtext("work:title/common:title", namespaces=readers.NS) for w in root]
    assert titles == [w["work"]["title"]["title"]["value"] for w in works]
    assert titles == [w.title for w in citations.orcid_works(profile)]
    citations_xml = [w.findtext("work:citation/work:citation-value", namespaces=readers.NS) for w in root]
    assert citations_xml == [w["work"]["citation"]["citation-value"] for w in works]


@SETTINGS
@given(profiles())
def test_cv_markdown_shows_every_title_literally(profile):
    shown = "\n".join(readers.markdown_text_tokens(cv_markdown.render(profile)))
    for work in citations.works(profile):
        # Literally, except BibTeX's typed dashes, which a text output prints as the dash they stand for.
        assert f"“{cv_view.dashes(one_line(work.title))}”" in shown
    assert one_line(profile.person.name) in shown
