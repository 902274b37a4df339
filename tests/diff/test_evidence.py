"""Evidence for a proposed work and the hold-back rule, on a profile with co-authors and an affiliation."""

from __future__ import annotations

from profilebot.diff import evidence
from profilebot.diff.evidence import Record
from profilebot.validate.pipeline import check

PROFILE = check("""person:
  name: Sean Crowell
  name_variants: ["S. M. R. Crowell"]
  profiles: {orcid: 0000-0002-1825-0097}
positions:
  - id: ou
    kind: academic
    title: Research Scientist
    organization: University of Oklahoma
    periods: [{start: 2015-01}]
publications:
  - id: crowell2019
    type: journal-article
    status: published
    title: Carbon flux estimates from OCO-2
    authors: ["Crowell, Sean", "Baker, David", "Moore, Berrien"]
    date: 2019
""").profile


def test_each_kind_of_evidence_is_found_and_worded():
    assert PROFILE is not None
    found = evidence.of(PROFILE, ["Baker, David F.", "Crowell, S. M. R.", "Someone, Else"],
                        Record(orcids=("https://orcid.org/0000-0002-1825-0097",),
                               affiliations=("University of Oklahoma",)))
    assert (found.orcid, found.position, found.coauthors, found.affiliation) == (True, 2, 1, "University of Oklahoma")
    assert found.level == evidence.ORCID
    words = found.words()
    assert "ORCID iD" in words and "at author position 2" in words and "1 co-author shared" in words


def test_a_name_alone_is_held_back_unless_the_setting_says_a_name_is_enough():
    assert PROFILE is not None
    namesake = evidence.of(PROFILE, ["Crowell, Robert", "Doe, Jane"])  # (Sarah would fit the variant S. M. R.)
    alone = evidence.of(PROFILE, ["Crowell, S.", "Doe, Jane"])
    assert namesake.level == "none" and alone.level == evidence.NAME
    assert alone.held(evidence.CORROBORATED) and not alone.held(evidence.NAME)
    with_colleague = evidence.of(PROFILE, ["Crowell, S.", "Moore, B."])
    assert with_colleague.level == evidence.CORROBORATED and not with_colleague.held(evidence.CORROBORATED)
    assert with_colleague.held(evidence.ORCID)
    own = evidence.of(PROFILE, ["Crowell, S."], Record(own="on your ORCID record"))
    assert own.level == evidence.ORCID and own.words().startswith("on your ORCID record")
