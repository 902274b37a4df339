"""BibTeX of real al-folio sites (../shared/realworld/sites/al-folio) read as the site means it (issue 19).

Each test is one "What was seen" bullet on the real file that showed it: published papers with an arXiv id
stay published, `@string` venues expanded, a thesis's school, co-first marks, DOIs' case, al-folio's bare
PDF names, abstracts, and every field profilebot has no field for kept in the entry's `origin`.
"""

from __future__ import annotations

from pathlib import Path

import bibtexparser
import pytest

from profilebot.importers import bibtex
from profilebot.importers.candidate import Candidate
from tests.paths import REAL_SITES

AL_FOLIO = REAL_SITES / "al-folio"
SITE_BIB = "_bibliography/papers.bib"


def papers(site: str) -> dict[str, dict]:
    """Each entry's profile data by its key, as `import al-folio` reads it."""
    return {c.id_hint: c.entry for c in read(site) if c.section == "publications"}


def read(site: str) -> list[Candidate]:
    path = AL_FOLIO / site / SITE_BIB
    return bibtex.candidates(path.read_text("utf-8"), str(path), "Owner", SITE_BIB)


def raw_entries(site: str):
    return bibtexparser.parse_string((AL_FOLIO / site / SITE_BIB).read_text("utf-8")).entries


@pytest.mark.parametrize("site, published", [("594zyc__594zyc.github.io", 11), ("0xtob__0xtob.github.io", 13)])
def test_an_inproceedings_or_article_with_a_venue_and_an_arxiv_id_stays_published(site, published):
    # Before: 5 of 12 papers of 594zyc (AAAI, CVPR, ACL Findings, COLM, a journal) and 11 of 16 of 0xtob
    # (CVPR, CVIU) became `type: preprint` because they carry `arxiv=` and no DOI.
    found = papers(site)
    with_venue = {e.key for e in raw_entries(site) if e.entry_type.lower() in ("inproceedings", "article")
                  and ("booktitle" in e.fields_dict or ("journal" in e.fields_dict
                                                         and "arxiv" not in e["journal"].lower()))}
    assert len(with_venue) >= published
    for key in with_venue:
        assert found[key]["type"] != "preprint" and found[key]["status"] == "published", key
        assert found[key]["venue"]["name"], key


def test_the_aaai_paper_is_a_conference_paper_with_its_arxiv_id():
    aaai = papers("594zyc__594zyc.github.io")["zhang2020task"]
    assert (aaai["type"], aaai["arxiv"], aaai["venue"]["name"]) == (
        "conference-paper", "1911.10484", "Proceedings of the AAAI Conference on Artificial Intelligence")


def test_an_arxiv_only_article_is_still_a_preprint():
    paintbench = papers("ellisbrown__ellisbrown.github.io")["xu2026paintbench"]  # journal={arXiv preprint …}
    assert (paintbench["type"], paintbench["status"], paintbench["arxiv"]) == ("preprint", "preprint", "2606.00188")


def test_string_macros_are_expanded_into_the_venue():
    found = papers("0xtob__0xtob.github.io")  # @string{CVPR = "IEEE Conference on Computer Vision and …"}
    venues = {entry["venue"]["name"] for entry in found.values() if "venue" in entry}
    assert "IEEE Conference on Computer Vision and Pattern Recognition" in venues
    assert "CVPR" not in venues and "ECCV" not in venues


def test_a_thesis_school_is_its_venue_not_its_publisher():
    thesis = papers("K-Wu__K-Wu.github.io")["kunphdthesis2024"]
    assert thesis["type"] == "dissertation-thesis" and "publisher" not in thesis
    assert thesis["venue"]["name"] == "University of Illinois at Urbana-Champaign"
    masters = papers("ellisbrown__ellisbrown.github.io")["brown2023online"]
    assert masters["venue"] == {"name": "Carnegie Mellon University", "short": "Thesis"} and "publisher" not in masters


def test_co_first_marks_are_equal_contribution_and_the_legend_is_kept():
    found = papers("ellisbrown__ellisbrown.github.io")
    paintbench = found["xu2026paintbench"]  # author={Xu*, Kai and Brown*, Ellis and …}
    assert paintbench["authors"][:3] == [{"name": "Xu, Kai", "equal_contribution": True},
                                         {"name": "Brown, Ellis", "equal_contribution": True}, "Madhu, Shrikar"]
    assert paintbench["origin"]["fields"]["annotation"] == "* Equal contribution"
    # Here † means "Equal advising" (the annotation says so): not a co-first mark, and kept as typed.
    beyond = found["tong2026beyond"]
    assert "Zettlemoyer†, Luke" in beyond["authors"]
    assert beyond["origin"]["fields"]["annotation"] == "* Equal contribution, † Equal advising"
    marked = [a for a in papers("yoonholee__yoonholee.github.io").values() for a in a["authors"] if isinstance(a, dict)]
    assert marked and all("*" not in a["name"] for a in marked)


def test_a_dagger_is_a_co_first_mark_when_nothing_says_otherwise():
    names, _, marks = bibtex.authors_with_marks("Lee†, Ann and Kim†, Bo and Park, Cy")
    assert names == ["Lee, Ann", "Kim, Bo", "Park, Cy"] and marks == [True, True, False]


def test_dois_keep_their_case():
    found = papers("0xAdriaTorralba__0xAdriaTorralba.github.io")  # doi={https://doi.org/10.4230/LIPIcs.AFT.2024.6}
    assert "10.4230/LIPIcs.AFT.2024.6" in {entry.get("doi") for entry in found.values()}


def test_al_folio_pdf_names_are_site_paths():
    aaai = papers("594zyc__594zyc.github.io")["zhang2020task"]  # pdf={aaai20_damd.pdf}
    assert aaai["links"]["pdf"] == "/assets/pdf/aaai20_damd.pdf"
    assert bibtex.al_folio_link("pdf", "https://arxiv.org/pdf/1.pdf") == "https://arxiv.org/pdf/1.pdf"
    assert bibtex.al_folio_link("code", "repo") == "repo"  # al-folio links `code` as typed


def test_every_abstract_is_imported():
    found = papers("kyleclo__kyleclo.github.io")
    assert sum("abstract" in entry for entry in found.values()) == len(found) == 96


def test_fields_profilebot_has_no_field_for_are_kept_in_order_with_the_entry_type():
    jaehun = papers("0jaehunny0__0jaehunny0.github.io")
    assert jaehun["kwak2025iccad"]["origin"] == {"template": "al-folio", "path": SITE_BIB,
                                                 "entry_type": "articlebold", "fields": {"abbr2": "Mobile"}}
    blog = next(e for e in papers("0xtob__0xtob.github.io").values() if "blog" in e["origin"].get("fields", {}))
    assert blog["origin"]["fields"]["blog"].startswith("https://")
    coming = next(e for e in papers("594zyc__594zyc.github.io").values() if "codecoming" in e["origin"].get("fields", {}))
    assert coming["origin"]["fields"]["codecoming"] == "true"
    kept = {name for site in ("25sal__25sal", "strubell__strubell.github.io", "joahannes__joahannes.github.io",
                              "kyleclo__kyleclo.github.io", "swabhs__swabhs.github.io")
            for e in papers(site).values() for name in e["origin"].get("fields", {})}
    assert {"keywords", "address", "series", "editor", "location", "numpages", "tags"} <= kept
    assert {e["origin"].get("entry_type") for e in papers("25sal__25sal").values()} >= {"inbook", "conference"}
    award = papers("ellisbrown__ellisbrown.github.io")["tong2026beyond"]["origin"]["fields"]
    assert award["award_name"] == "Spotlight <strong>(2.2%)</strong>"


def test_values_check_would_refuse_are_kept_in_origin_not_dropped():
    adria = papers("0xAdriaTorralba__0xAdriaTorralba.github.io")
    handles = [e for e in adria.values() if "doi" in e["origin"].get("fields", {})]
    assert {e["origin"]["fields"]["doi"] for e in handles} >= {"http://hdl.handle.net/2445/185952"}
    assert all("doi" not in e for e in handles)
    typo = next(e for e in papers("strubell__strubell.github.io").values()
                if e["origin"].get("fields", {}).get("pdf") == "hhttps://arxiv.org/pdf/2402.00838")
    assert "pdf" not in typo.get("links", {})


def test_entries_inside_a_comment_block_are_not_papers_and_repeated_fields_are_read():
    found = papers("swabhs__swabhs.github.io")  # @Comment{ @inproceedings{vazquez2024proceedings, …} }
    assert "vazquez2024proceedings" not in found and len(found) == 67
    # A field typed twice (swabhs' `selected`, 25sal's `isbn`, ellisbrown's `year`) no longer refuses the site.
    assert len(papers("25sal__25sal")) == 234 - 0 and papers("ellisbrown__ellisbrown.github.io")


def test_others_is_kept_as_more_authors_not_a_todo():
    liao = next(e for e in papers("444thLiao__mypage").values() if "Tan, Wei" in e["authors"])
    assert "others" not in liao["authors"] and liao["more_authors"] is True and "todo" not in liao


@pytest.mark.parametrize("site", sorted(p.name for p in AL_FOLIO.iterdir() if (p / SITE_BIB).is_file()))
def test_the_scanner_reads_every_real_site_as_bibtexparser_does(site):
    """Keys, types, every field and its value as typed, repeated fields included (bibtexparser without its
    middlewares; `@comment{…}` blocks blanked first, since bibtexparser reads into them where BibTeX does not)."""
    from bibtexparser.model import Entry, ParsingFailedBlock

    from profilebot.importers import bibtex_source

    text = (AL_FOLIO / site / SITE_BIB).read_text("utf-8")
    theirs = []
    for block in bibtexparser.parse_string(bibtex_source.without_comments(text), parse_stack=[]).blocks:
        block = block.ignore_error_block if isinstance(block, ParsingFailedBlock) else block
        if isinstance(block, Entry):
            theirs.append((block.key, block.entry_type.lower(), [(f.key.lower(), f.value) for f in block.fields]))
    ours = [(e.key, e.type, [(f.name, f.raw) for f in e.fields]) for e in bibtex_source.entry_spans(text)]
    assert ours == theirs


def test_scan_offsets_cover_each_value_exactly():
    text = Path(AL_FOLIO / "strubell__strubell.github.io" / SITE_BIB).read_text("utf-8")
    from profilebot.importers import bibtex_source

    for span in bibtex_source.entry_spans(text):
        assert text[span.start] == "@" and text[span.end - 1] in "})"
        for field in span.fields:
            assert text[field.value_start:field.value_end] == field.raw and field.raw
