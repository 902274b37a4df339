"""diff/losses.py on real files of people's sites: what a new version of a file would take away."""

from __future__ import annotations

import re

from profilebot.diff import losses
from profilebot.diff.losses import BODY, ENTRY, FIELD, KEY, LINK, VALUE, Loss
from profilebot.render import outputs
from tests.paths import DEFAULT_PROFILE, REAL_SITES

PAGE_PATH = "_publications/2018-11-02-PRCV2018.md"
PAGE = (REAL_SITES / "academicpages" / "SaoYan__saoyan.github.io" / PAGE_PATH).read_bytes()
BIB = (REAL_SITES / "al-folio" / "K-Wu__K-Wu.github.io" / "_bibliography" / "papers.bib").read_bytes()
CV = (REAL_SITES / "al-folio" / "0xAdriaTorralba__0xAdriaTorralba.github.io" / "_data" / "cv.yml").read_bytes()


def test_an_unchanged_file_or_an_updated_value_loses_nothing():
    assert losses.lost(PAGE_PATH, PAGE, PAGE) == ()
    venue = PAGE.replace(b"venue: 'Chinese Conference", b"venue: 'The Chinese Conference")
    assert losses.lost(PAGE_PATH, PAGE, venue) == ()
    # A front-matter value the profile changed is an update, even a link: its old URL is not a loss.
    url = PAGE.replace(b"paperurl: 'https://link.springer.com/chapter/10.1007/978-3-030-03335-4_18'",
                       b"paperurl: 'https://doi.org/10.1007/978-3-030-03335-4_18'")
    assert losses.lost(PAGE_PATH, PAGE, url) == ()


def test_a_page_that_loses_its_body_and_a_key_names_both_and_the_links_of_the_body():
    head, _body = PAGE.split(b"\n---\n", 1)
    flattened = head.replace(b"\npaperurl: 'https://link.springer.com/chapter/10.1007/978-3-030-03335-4_18'", b"") \
        + b"\n---\nOne escaped paragraph.\n"
    found = losses.lost(PAGE_PATH, PAGE, flattened)
    assert found[0] == Loss(BODY, "")
    assert Loss(LINK, "https://github.com/SaoYan/Multiscale-Super-Spectral") in found
    assert Loss(KEY, "paperurl") in found
    assert losses.describe(found).startswith("the page body, link https://arxiv.org/abs/1806.03575")


def test_a_bibliography_that_loses_an_entry_or_a_field_names_it_by_key():
    without_thesis = re.sub(rb"@phdthesis\{kunphdthesis2024,.*?\n\}\n", b"", BIB, count=1, flags=re.S)
    assert without_thesis != BIB
    assert Loss(ENTRY, "kunphdthesis2024") in losses.lost("_bibliography/papers.bib", BIB, without_thesis)
    entry = BIB.split(b"@inproceedings{wu2023hector,", 1)[1].split(b"\n}", 1)[0]
    abstract = next(line for line in entry.split(b"\n") if line.strip().lower().startswith(b"abstract"))
    without_abstract = BIB.replace(abstract + b"\n", b"", 1)
    assert losses.lost("_bibliography/papers.bib", BIB, without_abstract) == (Loss(FIELD, "wu2023hector.abstract"),)


def test_a_hand_made_cv_data_file_replaced_by_the_generated_one_names_what_the_person_wrote():
    from profilebot.validate.pipeline import check

    profile = check(DEFAULT_PROFILE.read_text("utf-8")).profile
    generated = next(a.data for a in outputs.render_site(profile, {"template": "al-folio"}, cv_pdf=b"")
                     if a.path == "_data/cv.yml")
    found = losses.lost("_data/cv.yml", CV, generated)
    assert Loss(VALUE, "MSc in Fundamental Principles of Data Science") in found
    assert Loss(VALUE, "Zero-Knowledge Cryptography") in found


def test_a_removed_file_loses_everything_and_a_binary_file_is_replaced_whole():
    assert losses.lost("files/cv.pdf", b"%PDF-1.4 mine", None) == (Loss(losses.FILE, "files/cv.pdf"),)
    assert losses.lost("files/cv.pdf", b"%PDF-1.4 \xff\xfe", b"%PDF-1.4 \xfe\xff") == ()
