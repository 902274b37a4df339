"""An import bounded before the work: a source with more entries than one person's works is refused once read,
before matching and writing (issue 21: 100,000 BibTeX entries ran 100 s / 1.7 GB into an internal error)."""

from __future__ import annotations

from pathlib import Path

from profilebot import cli
from profilebot.commands import import_
from tests.paths import REALWORLD


def test_a_source_with_more_entries_than_the_limit_is_refused_saying_what_to_do(tmp_path: Path, monkeypatch,
                                                                              capsys) -> None:
    monkeypatch.setattr(import_, "MAX_ENTRIES", 50)  # scholar-1.bib, a real Scholar export, holds 82
    profile = tmp_path / "profile.yaml"
    profile.write_text("person:\n  name: Sean Crowell\n", "utf-8")
    source = REALWORLD / "scholar" / "scholar-1.bib"
    assert cli.main(["import", "bibtex", str(source), str(profile), "--write"]) == 1
    err = capsys.readouterr().err
    assert f"{source}: 82 entries; one import takes at most 50" in err and "split the file" in err
    assert "Traceback" not in err and profile.read_text("utf-8") == "person:\n  name: Sean Crowell\n"


def test_a_file_over_the_size_limit_names_the_file_to_import(tmp_path: Path, capsys) -> None:
    profile = tmp_path / "profile.yaml"
    profile.write_text("person:\n  name: Sean Crowell\n", "utf-8")
    big = tmp_path / "library.bib"
    with big.open("wb") as stream:
        stream.truncate(11 * 1024 * 1024)
    assert cli.main(["import", "bibtex", str(big), str(profile)]) == 2
    err = capsys.readouterr().err
    assert "library.bib: the file is 11,534,336 bytes" in err and "bytes of a file to import" in err


def test_too_many_bibtex_entries_are_refused_before_any_is_parsed(tmp_path: Path, monkeypatch, capsys) -> None:
    """Counted by one scan, not parsed: 69,000 entries ran for minutes through the parser before the limit."""
    from profilebot.importers import bibtex

    def parsed(*args, **kwargs):
        raise AssertionError("parsed before the limit")

    monkeypatch.setattr(import_, "MAX_ENTRIES", 50)
    monkeypatch.setattr(bibtex, "parse", parsed)
    profile = tmp_path / "profile.yaml"
    profile.write_text("person:\n  name: Sean Crowell\n", "utf-8")
    source = REALWORLD / "scholar" / "scholar-1.bib"
    assert cli.main(["import", "bibtex", str(source), str(profile)]) == 1
    assert f"{source}: 82 entries; one import takes at most 50" in capsys.readouterr().err


def test_the_line_of_each_entry_is_counted_once(tmp_path: Path) -> None:
    """Each entry's line comes from the one before it (counting from the top for each was quadratic: 8,000
    entries took 17 s); the lines are those of the file."""
    from profilebot.importers import bibtex

    text = (REALWORLD / "scholar" / "scholar-1.bib").read_text("utf-8")
    starts = [number for number, line in enumerate(text.splitlines(), 1) if line.startswith("@")]
    assert [entry.line for entry in bibtex.parse(text, "scholar-1.bib")] == starts


def test_an_al_folio_site_with_too_many_entries_is_refused_before_parsing(tmp_path: Path, monkeypatch,
                                                                           capsys) -> None:
    from profilebot.importers import bibtex

    def parsed(*args, **kwargs):
        raise AssertionError("parsed before the limit")

    monkeypatch.setattr(import_, "MAX_ENTRIES", 10)
    monkeypatch.setattr(bibtex, "parse", parsed)
    site = REALWORLD / "sites" / "al-folio" / "strubell__strubell.github.io"
    profile = tmp_path / "profile.yaml"
    profile.write_text("person:\n  name: Emma Strubell\n", "utf-8")
    assert cli.main(["import", "al-folio", str(site), str(profile)]) == 1
    assert f"{site / '_bibliography' / 'papers.bib'}: " in capsys.readouterr().err
