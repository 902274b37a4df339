"""al-folio's papers.bib edited in place, on every real site of ../shared/realworld/sites/al-folio (issue 19).

Right after `import`, the adapter gives the site's own papers.bib back byte for byte (front matter, @string
macros, @comment blocks, key order, field layout, custom keys). When the profile changes, only those values
change: the file read back gives the profile's values and every field profilebot has no field for is as it was.
"""

from __future__ import annotations

import dataclasses

import bibtexparser
import pytest

from profilebot.importers import bibtex
from profilebot.importers.propose import propose
from profilebot.load import build, edit
from profilebot.model.dates import PartialDate
from profilebot.model.profile import Author, Profile, Publication, Venue
from profilebot.render.site import al_folio
from profilebot.validate.pipeline import check
from tests.paths import REAL_SITES

AL_FOLIO = REAL_SITES / "al-folio"
BIB = al_folio.BIBLIOGRAPHY
SITES = sorted(p.name for p in AL_FOLIO.iterdir() if (p / BIB).is_file())


EMPTY = "person:\n  name: Owner Person\n"


def imported(data: bytes) -> Profile:
    """The profile `import al-folio` makes of this papers.bib (from a profile with only the owner's name): the
    additions built as load/build does (the whole import, YAML and `check` included, is the next test's)."""
    found = bibtex.candidates(data.decode("utf-8"), BIB, "Owner Person", BIB)
    sections: dict[str, list] = {}
    for addition in propose(check(EMPTY).profile, found):
        sections.setdefault(addition.section, []).append(addition.entry)
    return build.profile_from({"person": {"name": "Owner Person"}, **sections})


@pytest.mark.parametrize("site", ["25sal__25sal", "ellisbrown__ellisbrown.github.io"])
def test_the_imported_profile_passes_check(site):
    found = bibtex.candidates(site_bib(site).decode("utf-8"), BIB, "Owner Person", BIB)
    text = edit.append(EMPTY, [(a.section, a.entry) for a in propose(check(EMPTY).profile, found)])
    checked = check(text)
    assert not list(checked.errors()), [f.message for f in checked.errors()][:3]
    assert checked.profile == imported(site_bib(site))


def built(profile: Profile, site_file: bytes | None, **options) -> bytes:
    existing = {BIB: site_file} if site_file is not None else {}
    return {a.path: a.data for a in al_folio.render(profile, options, existing)}[BIB]


def site_bib(site: str) -> bytes:
    return (AL_FOLIO / site / BIB).read_bytes()


@pytest.mark.parametrize("site", SITES)
def test_right_after_import_the_site_file_comes_back_byte_for_byte(site):
    original = site_bib(site)
    assert built(imported(original), original) == original


def revised(paper: Publication, index: int) -> Publication:
    """A profile edit of every value the adapter owns (a preprint's venue is its server: left alone)."""
    changes = dict(title=paper.title + " Revised", selected=not paper.selected, abstract="New & improved.",
                   pages="1-9", volume="42", date=PartialDate.parse("2019-03"),
                   links=dict(paper.links, code=f"https://example.org/code{index}"),
                   authors=paper.authors[:1] + (Author("Zed New", "Zed", "New"),) + paper.authors[1:])
    if paper.type != "preprint":
        changes["venue"] = Venue(f"New Venue {index}", "NV")
    if not (paper.origin and "doi" in paper.origin.fields):  # a DOI set aside stays the site's own
        changes["doi"] = f"10.1234/ABC.{index}"
    return dataclasses.replace(paper, **changes)


COMPARED = ("title", "selected", "abstract", "pages", "volume", "date", "venue", "links", "type", "status",
            "origin", "bibtex_show", "preview", "arxiv", "issue", "publisher", "url", "note")


@pytest.mark.parametrize("site", SITES)
def test_a_changed_profile_changes_only_its_values_and_every_other_field_stays(site):
    original = site_bib(site)
    profile = imported(original)
    changed = dataclasses.replace(profile, publications=tuple(revised(p, i) for i, p in
                                                              enumerate(profile.publications)))
    result = built(changed, original)
    assert bibtex.parse(result.decode("utf-8"), site)  # no block the parser cannot read (a repeated key is fine)
    # An entry whose key is not a valid id is found by that key (its id is made from its title and year).
    back = {p.origin.key or p.id: p for p in imported(result).publications}
    for ours in changed.publications:
        theirs = back[ours.origin.key or ours.id]
        assert [getattr(theirs, f) for f in COMPARED] == [getattr(ours, f) for f in COMPARED], ours.id
        assert theirs.doi.lower() == ours.doi.lower() if ours.doi else theirs.doi is None
        assert [(a.family, a.given, a.equal_contribution) for a in theirs.authors] == \
            [(a.family, a.given, a.equal_contribution) for a in ours.authors]
    assert original.startswith(b"---\n---") == result.startswith(b"---\n---")
    # Editing again with the same profile changes nothing more.
    assert built(changed, result) == result


def test_only_the_changed_value_changes_and_its_case_and_layout_stay():
    site = "strubell__strubell.github.io"
    original = site_bib(site).decode("utf-8")
    profile = imported(original.encode())
    energy = next(p for p in profile.publications if p.id == "strubell-etal-2019-energy")
    assert energy.doi == "10.18653/v1/P19-1355"  # doi = "10.18653/v1/P19-1355": its case kept
    lowered = dataclasses.replace(energy, doi="10.18653/v1/p19-1355", pages="3645-3651")
    result = built(dataclasses.replace(profile, publications=tuple(
        lowered if p is energy else p for p in profile.publications)), original.encode()).decode("utf-8")
    # The DOI compares case-insensitively (unchanged); the pages change in their own quotes and spacing.
    assert result == original.replace('    pages = "3645--3650",', '    pages = {3645--3651},')


def test_works_the_file_lacks_are_appended_and_entries_the_profile_lacks_stay_unless_removal_is_set():
    site = "444thLiao__mypage"
    original = site_bib(site)
    profile = imported(original)
    new = Publication("new2025paper", "journal-article", "published", "A New Paper", (Author("Owner Person"),),
                      Venue("Journal of New Things"), PartialDate.parse("2025"))
    dropped = profile.publications[0]
    kept = dataclasses.replace(profile, publications=(*profile.publications[1:], new))
    result = built(kept, original).decode("utf-8")
    assert result.startswith(original.decode("utf-8").rstrip("\n"))
    appended = bibtexparser.parse_string(result).entries[-1]
    assert appended.key == "new2025paper" and appended["journal"] == "Journal of New Things"
    assert f"{{{dropped.id}," in result  # never dropped without the removal setting
    removed = built(kept, original, allow_removals=True).decode("utf-8")
    assert f"{{{dropped.id}," not in removed and f"{{{profile.publications[1].id}," in removed


def test_a_preprint_now_published_changes_its_entry_type_and_venue_field():
    site = "ellisbrown__ellisbrown.github.io"
    original = site_bib(site)
    profile = imported(original)
    paintbench = next(p for p in profile.publications if p.id == "xu2026paintbench")
    published = dataclasses.replace(paintbench, type="conference-paper", status="published",
                                    venue=Venue("Conference on Computer Vision and Pattern Recognition", "CVPR"))
    result = built(dataclasses.replace(profile, publications=tuple(
        published if p is paintbench else p for p in profile.publications)), original)
    entry = next(e for e in bibtexparser.parse_string(result.decode("utf-8")).entries if e.key == "xu2026paintbench")
    assert entry.entry_type == "inproceedings" and "journal" not in entry.fields_dict
    assert entry["booktitle"] == "Conference on Computer Vision and Pattern Recognition" and entry["abbr"] == "CVPR"
    assert entry["annotation"] == "* Equal contribution" and entry["website"] == "https://paintbench.github.io/"
    back = next(p for p in imported(result).publications if p.id == "xu2026paintbench")
    assert (back.type, back.status, back.venue) == ("conference-paper", "published", published.venue)


def test_a_file_made_anew_writes_the_origin_back():
    site = "0jaehunny0__0jaehunny0.github.io"
    profile = imported(site_bib(site))
    fresh = bibtexparser.parse_string(built(profile, None).decode("utf-8")).entries
    iccad = next(e for e in fresh if e.key == "kwak2025iccad")
    assert iccad.entry_type == "articlebold" and iccad["abbr2"] == "Mobile"
    again = {p.id: p for p in imported(built(profile, None)).publications}
    assert again["kwak2025iccad"].origin == next(p for p in profile.publications if p.id == "kwak2025iccad").origin
    pdf = next(p for p in imported(site_bib("594zyc__594zyc.github.io")).publications if p.id == "zhang2020task")
    aaai = bibtexparser.parse_string(built(dataclasses.replace(profile, publications=(pdf,)), None).decode()).entries[0]
    assert aaai["pdf"] == "aaai20_damd.pdf"  # al-folio's own form: a bare name under assets/pdf/


def test_reads_names_papers_bib_when_the_site_has_one():
    profile = imported(site_bib("444thLiao__mypage"))
    assert al_folio.reads(profile, {}, [BIB, al_folio.CV, "README.md"]) == {BIB: True}
    assert al_folio.reads(profile, {}, ["README.md"]) == {}


def test_a_new_paper_with_co_first_authors_gets_al_folio_s_legend():
    profile = imported(site_bib("444thLiao__mypage"))
    new = Publication("new2025paper", "journal-article", "published", "A New Paper",
                      (Author("Ann Lee", "Ann", "Lee", equal_contribution=True),
                       Author("Owner Person", "Owner", "Person", equal_contribution=True)),
                      Venue("Journal of New Things"), PartialDate.parse("2025"))
    result = built(dataclasses.replace(profile, publications=(*profile.publications, new)), site_bib("444thLiao__mypage"))
    entry = bibtexparser.parse_string(result.decode("utf-8")).entries[-1]
    assert entry["author"] == "Lee*, Ann and Person*, Owner" and entry["annotation"] == "* Equal contribution"
    back = next(p for p in imported(result).publications if p.id == "new2025paper")
    assert [a.equal_contribution for a in back.authors] == [True, True]


def test_a_site_papers_bib_that_cannot_be_read_is_one_error_with_its_line_and_is_left_alone():
    from profilebot.errors import UsageError

    original = site_bib("444thLiao__mypage")
    broken = original + b"\n@article{broken,\n  title={unclosed\n"
    with pytest.raises(UsageError, match=r"^_bibliography/papers\.bib:\d+: the entry starting here cannot be read "
                                         r".*the site's papers\.bib was left as it is\.\n  hint: ") as raised:
        built(imported(original), broken)
    assert "then run again" in raised.value.hint
