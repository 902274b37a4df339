"""The importers' edge (importers/links.py): a link or DOI that is no web address or DOI never reaches a
profile from any source — BibTeX url/pdf/html, CSL URL, JSON Resume url, academicpages paperurl, the DOI of
each — and the import says what it left out; on the whole real corpus, imports then pass `check`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from profilebot.commands.import_ import proposed_changes
from profilebot.errors import UsageError
from profilebot.importers import academicpages, bibtex, encoding, jsonresume, links
from profilebot.importers.candidate import Candidate
from profilebot.model.urls import problem
from profilebot.validate.pipeline import check
from tests.paths import REALWORLD

SVG = "https://ok.example/<svg/onload=window.pwned=1>"
QUOTE = 'https://ok.example/a"autofocus="autofocus"onfocus="window.pwned=1'
DOI = "10.1234/x<svg/onload=window.pwned=1>"
PROFILE = "person:\n  name: Emma Strubell\n"


def _bibtex(tmp: Path) -> Path:
    text = (REALWORLD / "sites/al-folio/strubell__strubell.github.io/_bibliography/papers.bib").read_text("utf-8")
    text = text.replace("html = {https://arxiv.org/abs/2411.13055}", f"html = {{{SVG}}}", 1)
    text = text.replace("pdf = {https://arxiv.org/pdf/2411.13055}", f"pdf = {{{QUOTE}}},\n url = {{{QUOTE}}},\n"
                        f" doi = {{{DOI}}}", 1)
    (tmp / "papers.bib").write_text(text, "utf-8")
    return tmp / "papers.bib"


def _jsonresume(tmp: Path) -> Path:
    data = json.loads((REALWORLD / "jsonresume/resume-1.json").read_text("utf-8"))
    data["publications"][0]["website"] = SVG
    (tmp / "resume.json").write_text(json.dumps(data), "utf-8")
    return tmp / "resume.json"


def _academicpages(tmp: Path) -> Path:
    site = REALWORLD / "sites/academicpages/Jieli12__Jieli12.github.io/_publications"
    folder = tmp / "_publications"
    folder.mkdir()
    for page in site.iterdir():
        text = page.read_text("utf-8")
        if page.name == "2024-01-11JieAutoCPD.md":
            text = text.replace("'https://jieli12.github.io/files/papers/JRSSB-Discussion-Main2024.pdf'",
                                f"'{QUOTE}'")
        (folder / page.name).write_text(text, "utf-8")
    return folder


def _csl(tmp: Path) -> Path:
    # The first paper of resume-1.json (a real CV) as a reference manager would export it.
    item = {"id": "gi2021", "type": "paper-conference", "title": "Generating Rough Stereoscopic 3D Line Drawings "
            "from 3D Images", "author": [{"family": "Pocol", "given": "Andreea"}], "issued": {"date-parts": [[2021]]},
            "URL": SVG, "DOI": DOI}
    (tmp / "items.json").write_text(json.dumps([item]), "utf-8")
    return tmp / "items.json"


@pytest.mark.parametrize(("source", "make", "expected"), [
    ("bibtex", _bibtex, {"html link", "pdf link", "url", "doi"}),
    ("csl", _csl, {"url", "doi"}),
    ("jsonresume", _jsonresume, {"url"}),
    ("academicpages", _academicpages, {"url"}),
])
def test_no_importer_brings_in_a_link_or_doi_that_is_markup(source, make, expected, tmp_path: Path) -> None:
    path = make(tmp_path)
    profile = check(PROFILE).profile
    additions, _updates, edited = proposed_changes(PROFILE, profile, source, str(path))
    assert additions
    for hostile in (SVG, QUOTE, DOI, "<svg", "onfocus"):
        assert hostile not in edited
    assert not check(edited).errors()
    notes = [note for a in additions for note in a.left_out]
    assert {note.split(" (")[0] for note in notes} == expected, notes
    assert all("which no web address holds" in n or "not a DOI" in n or "'hhttps:' is not" in n for n in notes)


def test_the_import_report_names_what_was_left_out(tmp_path: Path, capsys) -> None:
    from profilebot.report.works import format_additions

    additions, _, _ = proposed_changes(PROFILE, check(PROFILE).profile, "bibtex", str(_bibtex(tmp_path)))
    report = format_additions(additions)
    assert "Left out of these entries" in report and "`fernandez2024hardware`: html link (it contains '<', '>'" \
        in report
    assert "<svg" not in report  # the value itself is never printed: it is markup


def test_invisible_characters_around_a_link_are_trimmed_not_refused() -> None:
    """pinshuai's academicpages pages start their paperurl with a byte-order mark (a real copy's leftover)."""
    entry, notes = links.checked_entry({"url": "\ufeffhttp://doi.wiley.com/10.1111/gwat.12509 ",
                                        "links": {"pdf": "assets/pdf/2020 Tan. NasN JBC.pdf"}})
    assert entry == {"url": "http://doi.wiley.com/10.1111/gwat.12509",
                     "links": {"pdf": "assets/pdf/2020 Tan. NasN JBC.pdf"}} and notes == []


def _corpus_candidates() -> list[Candidate]:
    found: list[Candidate] = []
    for path in sorted((REALWORLD / "sites").rglob("*.bib")):
        try:
            found += bibtex.candidates(encoding.decode(path.read_bytes()), str(path), "A. Person")
        except UsageError:  # a file the BibTeX reader refuses as a whole (duplicate fields) adds nothing here
            continue
    for path in sorted((REALWORLD / "sites").rglob("resume.json")):
        try:
            found += jsonresume.candidates(encoding.decode(path.read_bytes()), str(path), "A. Person")
        except UsageError:  # not valid JSON (a real site's trailing comma)
            continue
    for site in sorted((REALWORLD / "sites" / "academicpages").iterdir()):
        pages = sorted(p for name in ("_publications", "_talks") if (site / name).is_dir()
                       for p in (site / name).iterdir() if p.suffix in (".md", ".markdown", ".html"))
        try:
            found += academicpages.candidates([(str(p), encoding.decode(p.read_bytes())) for p in pages], "A. Person")
        except UsageError:  # a site with a page that has no front matter is refused as a whole
            continue
    return found


def test_on_the_whole_corpus_every_kept_link_is_valid_and_almost_every_link_is_kept() -> None:
    candidates = _corpus_candidates()
    assert len(candidates) > 1000
    kept_links = left = 0
    for candidate in candidates:
        entry = links.checked(candidate).entry
        values = [(entry.get(k), a) for k, a in (("url", True), ("website", True), ("slides", False))]
        values += [(v, False) for v in (entry.get("links") or {}).values()]
        for value, absolute in values:
            if value:
                kept_links += 1
                assert problem(value, absolute) is None, value
        left += len(links.checked(candidate).left_out)
    print(f"corpus: {len(candidates)} entries, {kept_links} links kept, {left} links or DOIs left out")
    # What the corpus holds that is no link: 'hhttps://', Markdown's 'paper\\_02.pdf', a handle in a doi field.
    assert left < kept_links / 50
