"""`profilebot import orcid ORCID-ID|FILE.json | openalex AUTHOR-ID|ORCID-ID | dblp PID|FILE | bibtex FILE | csl FILE |
jsonresume FILE | academicpages SITE-OR-FOLDER | al-folio SITE | hugo SITE [PROFILE] [--write]`."""

from __future__ import annotations

import argparse
import difflib
import os
import sys
import time
from pathlib import Path

from profilebot.commands.common import DEFAULT_PROFILE, add_profile_argument, load_valid
from profilebot.progress import Progress
from profilebot.targets.http import RetryPolicy, Tally  # no network library: requests loads when one is sent

HELP = "add the works (and JSON Resume positions and education) the profile lacks; prints the diff, --write saves"
SOURCES = ("orcid", "openalex", "dblp", "bibtex", "csl", "jsonresume", "academicpages", "al-folio", "hugo")
# What the file argument should be, and the hint when it is missing (files.read_bytes): never profile.yaml's.
# One person's works: the most prolific authors list about 2,000. Matching and writing the YAML of 5,000 take about
# 20 s; 69,000 (a whole library's export, which still fits the 10 MB file limit) took over ten minutes.
MAX_ENTRIES = 5_000
_SOURCE_FILE = ("a file to import", "Check the path of the file to import (the second argument).")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", choices=SOURCES, help="where the entries come from")
    parser.add_argument("value", help="an ORCID iD (or a saved v3.0 /works JSON file); an OpenAlex author id (or ORCID iD); "
                        "a DBLP person id such as 123/4567 (or its saved .xml/.bib file); the BibTeX / JSON "
                        "Resume file; an academicpages site (or its _publications / _talks folder); an al-folio site; "
                        "or a Hugo Blox site")
    add_profile_argument(parser)
    parser.add_argument("--write", action="store_true", help="save the edited profile instead of printing the diff")


def run(args: argparse.Namespace) -> int:
    from profilebot import files
    from profilebot.progress import for_command
    from profilebot.report.works import format_additions, format_updates

    settings, checked = load_valid(args.profile)
    text = files.read_text(args.profile)
    started = time.monotonic()
    tally = Tally()  # the clients count every request they send into it
    with for_command(args, _steps(args.source, args.value)) as progress:
        additions, updates, edited = proposed_changes(text, checked.profile, args.source, args.value, progress,
                                                      settings, tally, str(args.profile))
        progress.detail(f"{args.source}: {tally.requests} request{'s' * (tally.requests != 1)}, "
                        f"{len(additions)} to add, {len(updates)} field(s) to set, "
                        f"{time.monotonic() - started:.2f}s")
    report = format_additions(additions) if additions or not updates else ""
    if updates:
        report = "\n\n".join(filter(None, [report, format_updates(updates)]))
    if not additions and not updates:
        print(report)
        return 0
    if args.write:
        files.rewrite_text(args.profile, edited, text)
        if not args.quiet:
            print(f"{args.profile}: added {len(additions)} entr{'y' if len(additions) == 1 else 'ies'}"
                  f"{f', set {len(updates)} field(s)' if updates else ''}.")
            print(report)
        return 0
    sys.stdout.writelines(difflib.unified_diff(text.splitlines(keepends=True), edited.splitlines(keepends=True),
                                               f"a/{args.profile}", f"b/{args.profile}"))
    if not args.quiet:
        print("\n" + report + "\n\nRun again with --write to save these changes.")
    return 0


def _steps(source: str, value: str) -> int:
    """Reading and matching; a live ORCID record also has its full works read (the third step)."""
    return 3 if source == "orcid" and not Path(value).is_file() else 2


def proposed_edit(text: str, profile, source: str, value: str, progress: Progress | None = None):
    """(additions, edited text); the edited profile is checked before anyone sees it."""
    additions, _updates, edited = proposed_changes(text, profile, source, value, progress)
    return additions, edited


def proposed_changes(text: str, profile, source: str, value: str, progress: Progress | None = None,
                     settings=None, tally: Tally | None = None, path: str = DEFAULT_PROFILE):
    """(additions, field edits of existing entries, edited text), checked before anyone sees it as `check` checks
    the file at `path` (its name in every message, profilebot.yaml's rule levels); `settings` (profilebot.yaml)
    gives OpenAlex its mailto; the requests sent to read the source are counted in `tally`."""
    from profilebot.errors import ProfilebotError
    from profilebot.importers.propose import propose
    from profilebot.load import edit
    from profilebot.report.text import format_findings
    from profilebot.validate.pipeline import check

    progress = progress or Progress(0, quiet=True)
    tally = tally if tally is not None else Tally()
    if source == "openalex":
        candidates, updates = _openalex_changes(value, profile, progress, tally, settings)
    else:
        candidates, updates = _candidates(source, value, profile, progress, tally), []
    _at_most_max_entries(len(candidates), value)  # before matching and writing them, which grow with every entry
    additions = propose(profile, candidates)
    person = _person_fields(source, value, profile)
    if not additions and not updates and not person:
        return additions, updates, text
    edited = edit.update(edit.append(text, [(a.section, a.entry) for a in additions]), updates)
    if person:  # JSON Resume's basics, a Hugo site's owner, an al-folio site's address: added where the person has none
        edited = edit.add_person_fields(edited, person)
    levels = settings.rules if settings is not None else {}
    checked = check(edited, path, levels)
    spellings = _owner_spellings(profile, checked.profile)
    if spellings:
        from profilebot.load import patch

        for spelling in spellings:  # one at a time: two new spellings start the same new list
            edited = patch.apply(edited, [spelling])
        checked = check(edited, path, levels)
    errors = checked.errors()
    if errors:
        from profilebot.importers.propose import at_their_sources

        # The edited profile was never written: point at the imported entries' own files, and the profile's lines
        # as they are on disk.
        placed = at_their_sources(list(errors)[:20], profile, additions, check(text, path).document.source_map,
                                  path)
        raise ProfilebotError(f"the imported entries would not pass `check`; nothing was changed:\n"
                              + format_findings(placed, show_hints=True),
                              "Fix the source (or add these entries by hand) and import again.")
    return additions, updates, edited


def _at_most_max_entries(count: int, value: str) -> None:
    from profilebot.errors import ProfilebotError

    if count > MAX_ENTRIES:
        raise ProfilebotError(f"{value}: {count:,} entries; one import takes at most {MAX_ENTRIES:,} "
                              "(a profile lists one person's works).",
                              "Export only your own works from the source, or split the file and import each part.")


def _at_most_max_bibtex_entries(text: str, where: str) -> None:
    """Counted by one scan before parsing, which costs about a millisecond an entry (69,000: minutes)."""
    from profilebot.importers.bibtex_source import entry_count

    _at_most_max_entries(entry_count(text), where)


def _person_fields(source: str, value: str, profile) -> dict:
    """What the source tells about the person that the profile's person lacks: JSON Resume's `basics`, a Hugo
    site's owner; for an al-folio site, its address (`url` + `baseurl` of _config.yml: the site its
    `/assets/pdf/…` links live on) and the basics of its own resume.json."""
    from profilebot import files
    from profilebot.importers import al_folio, encoding, jsonresume, links

    if source == "hugo":
        return links.without_controls(_hugo_person(Path(value), profile))[0]
    if source == "jsonresume":
        found = jsonresume.person_fields(encoding.decode(files.read_bytes(Path(value), _SOURCE_FILE)), value)
    elif source == "al-folio" and Path(value).is_dir():
        root, found = Path(value), {}
        resume = root / AL_FOLIO_CV[0]
        if resume.is_file():
            text = encoding.decode(files.read_bytes(resume, _SOURCE_FILE))
            if not al_folio.is_sample_resume(text, str(resume)):
                found = jsonresume.person_fields(text, str(resume))
        config = root / "_config.yml"
        if config.is_file() and "website" not in found:
            website = al_folio.site_address(encoding.decode(files.read_bytes(config, _SOURCE_FILE)))
            if website:
                found["website"] = website
    else:
        return {}
    person = profile.person
    have = {"email": person.email, "website": person.website, "profiles": person.profiles}
    return links.without_controls({key: item for key, item in found.items() if not have.get(key)})[0]


def _owner_spellings(before, after) -> list:
    """The owner's spellings on the imported works, to add to person.name_variants when the owner is not found
    as written (PB207's own fix, validate/fixes.py), so the import leaves no PB207 behind."""
    from profilebot.validate import fixes

    def variants(profile) -> set:
        return {f.change for f in fixes.plan(profile) if f.code == "PB207"} if profile is not None else set()

    return sorted(variants(after) - variants(before), key=lambda change: str(change.value))


def _openalex_changes(value: str, profile, progress: Progress, tally: Tally, settings=None):
    """The works OpenAlex attributes to the author (owner named in the author list) that the profile lacks,
    and the DOIs, arXiv ids and publications it can fill in."""
    from profilebot.config import Settings
    from profilebot.diff import openalex as drift_of
    from profilebot.importers import openalex as openalex_json
    from profilebot.targets import openalex

    progress.start("openalex", f"reading the works of OpenAlex author {value}")
    works, _ = openalex.read(profile, settings or Settings(), os.environ, author=value, policy=_policy(), tally=tally)
    progress.start("openalex", f"matching {_count(len(works), 'work', 'works')} with the profile")
    drift = drift_of.compare(profile, works)
    return openalex_json.candidates(drift.missing, profile.person.name), drift_of.edits(drift)


def _candidates(source: str, value: str, profile, progress: Progress, tally: Tally):
    from profilebot import files
    from profilebot.importers import encoding
    from profilebot.importers import bibtex, csl_json, jsonresume

    if source == "orcid":
        return _orcid_candidates(value, profile, progress, tally)
    if source == "dblp":
        return _dblp_candidates(value, progress, tally)
    if source == "academicpages":
        return _academicpages_candidates(Path(value), profile, progress)
    if source == "al-folio":
        return _al_folio_candidates(Path(value), profile, progress)
    if source == "hugo":
        return _hugo_candidates(Path(value), profile, progress)
    path = Path(value)
    progress.start(source, f"reading {path}")
    text = encoding.decode(files.read_bytes(path, _SOURCE_FILE))
    if source == "bibtex":
        _at_most_max_bibtex_entries(text, value)
    reader = {"bibtex": bibtex, "csl": csl_json, "jsonresume": jsonresume}[source]
    found = reader.candidates(text, str(path), profile.person.name)
    progress.start(source, f"matching {_count(len(found), 'entry', 'entries')} with the profile")
    return found


def _academicpages_candidates(path: Path, profile, progress: Progress):
    """Every `_publications/*.md` and `_talks/*.md` of an academicpages site (or of one of those folders),
    with the site's local `.bib` files that a page's `bibtexurl` may name."""
    from profilebot import files
    from profilebot.errors import UsageError
    from profilebot.importers import academicpages, encoding

    progress.start("academicpages", f"reading {path}")
    if not path.is_dir():
        raise UsageError(f"{path}: not a folder.", "Pass an academicpages site (the folder holding _publications/) "
                         "or its _publications or _talks folder.")
    if path.name in ("_publications", "_talks"):
        root, folders = path.parent, [path]
    else:
        root, folders = path, [path / name for name in ("_publications", "_talks") if (path / name).is_dir()]
    if not folders:
        raise UsageError(f"{path}: no _publications/ or _talks/ folder here.",
                         "Pass an academicpages site (the folder holding _publications/) or one of those folders.")
    # Every page, in subfolders too (_publications/articles/…); site-relative paths are what the adapter edits.
    pages = sorted(p for folder in folders for p in folder.rglob("*")
                   if p.suffix in (".md", ".markdown", ".html") and p.is_file() and not p.is_symlink())[:20000]
    texts = [(page.relative_to(root).as_posix(), encoding.decode(files.read_bytes(page, _SOURCE_FILE)))
             for page in pages]
    bib_folder = root / "files"
    local = {p.relative_to(root).as_posix(): encoding.decode(files.read_bytes(p, _SOURCE_FILE))
             for p in sorted(bib_folder.rglob("*.bib"))[:5000]} if bib_folder.is_dir() else {}
    config_file = root / "_config.yml"
    config = encoding.decode(files.read_bytes(config_file, _SOURCE_FILE)) if config_file.is_file() else None
    found = academicpages.candidates(texts, profile.person.name, local, config, where=str(root))
    progress.start("academicpages", f"matching {_count(len(found), 'entry', 'entries')} with the profile")
    return found


AL_FOLIO_BIB = "_bibliography/papers.bib"
AL_FOLIO_CV = ("assets/json/resume.json", "_data/cv.yml")  # al-folio shows resume.json when it exists
AL_FOLIO_COAUTHORS = "_data/coauthors.yml"


def _al_folio_candidates(root: Path, profile, progress: Progress):
    """The whole al-folio site: `_bibliography/papers.bib` (each entry with its origin, so the adapter edits it
    in place), the CV page's data (`assets/json/resume.json`, else `_data/cv.yml`; al-folio's own sample is
    skipped) and the ORCID iDs of `_data/coauthors.yml`."""
    from profilebot import files
    from profilebot.errors import UsageError
    from profilebot.importers import al_folio, bibtex, encoding, jsonresume

    progress.start("al-folio", f"reading {root}")
    if not root.is_dir():
        raise UsageError(f"{root}: not a folder.", "Pass the al-folio site (the folder holding _bibliography/).")
    paths = [AL_FOLIO_BIB, *AL_FOLIO_CV, AL_FOLIO_COAUTHORS]
    texts = {p: encoding.decode(files.read_bytes(root / p, _SOURCE_FILE)) for p in paths if (root / p).is_file()}
    if AL_FOLIO_BIB not in texts and not any(p in texts for p in AL_FOLIO_CV):
        raise UsageError(f"{root}: no {AL_FOLIO_BIB} or _data/cv.yml here.",
                         "Pass the al-folio site: the folder holding _bibliography/ and _data/.")
    owner = profile.person.name
    found = []
    if AL_FOLIO_BIB in texts:
        _at_most_max_bibtex_entries(texts[AL_FOLIO_BIB], str(root / AL_FOLIO_BIB))
        found += bibtex.candidates(texts[AL_FOLIO_BIB], str(root / AL_FOLIO_BIB), owner, AL_FOLIO_BIB)
    resume = texts.get(AL_FOLIO_CV[0])
    if resume is not None and not al_folio.is_sample_resume(resume, str(root / AL_FOLIO_CV[0])):
        # The papers come from papers.bib (richer); the CV page's work, education and awards from here.
        found += [c for c in jsonresume.candidates(resume, str(root / AL_FOLIO_CV[0]), owner)
                  if c.section != "publications"]
    elif AL_FOLIO_CV[1] in texts:
        found += al_folio.cv_candidates(texts[AL_FOLIO_CV[1]], str(root / AL_FOLIO_CV[1]))
    if AL_FOLIO_COAUTHORS in texts:
        found = al_folio.with_orcids(found, al_folio.coauthor_orcids(texts[AL_FOLIO_COAUTHORS],
                                                                     str(root / AL_FOLIO_COAUTHORS)))
    progress.start("al-folio", f"matching {_count(len(found), 'entry', 'entries')} with the profile")
    return found


def _hugo_site(path: Path) -> dict[str, str]:
    """The text of every file `import hugo` reads, by its path from the site's root: the publication and talk
    pages with their cite.bib, and the author profiles."""
    from profilebot import files
    from profilebot.errors import UsageError
    from profilebot.importers import encoding, hugo

    if not path.is_dir():
        raise UsageError(f"{path}: not a folder.", "Pass a Hugo Blox site: the folder holding content/ and config/.")
    wanted = [*hugo.PUBLICATION_FOLDERS, *hugo.TALK_FOLDERS, "data/authors/", "content/authors/"]
    found: dict[str, str] = {}
    for folder in sorted({w.rstrip("/") for w in wanted}):
        root = path / folder
        if not root.is_dir():
            continue
        for file in sorted(root.rglob("*")):
            relative = file.relative_to(path).as_posix()
            if file.is_file() and (file.suffix in (".md", ".yaml", ".yml") or file.name == "cite.bib"):
                found[relative] = encoding.decode(files.read_bytes(file, _SOURCE_FILE))
    if not any(hugo.is_page(p, hugo.PUBLICATION_FOLDERS + hugo.TALK_FOLDERS) for p in found):
        raise UsageError(f"{path}: no Hugo publication or talk pages here (content/publications/<name>/index.md, "
                         "content/publication/…, content/events/…, content/talk/…).",
                         "Pass the root of a Hugo Blox (Wowchemy, Hugo Academic) site.")
    return found


def _hugo_candidates(path: Path, profile, progress: Progress):
    """Every publication bundle (front matter + cite.bib) and talk page of a Hugo Blox site, either layout."""
    from profilebot.importers import hugo

    progress.start("hugo", f"reading {path}")
    site = _hugo_site(path)
    authors = hugo.site_authors((p, t) for p, t in site.items() if p.startswith(("data/authors/", "content/authors/")))
    bibs = {p: t for p, t in site.items() if p.endswith("/cite.bib")}
    found = hugo.candidates(((p, t) for p, t in site.items() if p.endswith(".md")), bibs, authors,
                            profile.person.name)
    progress.start("hugo", f"matching {_count(len(found), 'entry', 'entries')} with the profile")
    return found


def _hugo_person(path: Path, profile) -> dict:
    """The site owner's author profile fields the profile's person lacks."""
    from profilebot.importers import hugo

    site = _hugo_site(path)
    authors = hugo.site_authors((p, t) for p, t in site.items() if p.startswith(("data/authors/", "content/authors/")))
    found = hugo.person_fields(hugo.owner_of(authors))
    person = profile.person
    have = {"name": person.name, "given_names": person.given_names, "family_name": person.family_name,
            "headline": person.headline, "bio": person.bio, "email": person.email, "profiles": person.profiles}
    return {key: item for key, item in found.items() if not have.get(key)}


def _dblp_candidates(value: str, progress: Progress, tally: Tally):
    """A DBLP person's records (the .xml from dblp.org by pid, or a saved .xml or .bib file)."""
    from profilebot import files
    from profilebot.importers import encoding
    from profilebot.importers import bibtex, dblp
    from profilebot.targets import dblp as dblp_site

    path = Path(value)
    if path.is_file():
        progress.start("dblp", f"reading {path}")
        text, source = encoding.decode(files.read_bytes(path, _SOURCE_FILE)), str(path)
        if not text.lstrip().startswith("<"):  # DBLP's BibTeX export
            return dblp.clean_bibtex_candidates(bibtex.candidates(text, source))
    else:
        progress.start("dblp", f"reading DBLP person {value}")
        source, text = dblp_site.person_xml(value, os.environ, _policy(), tally)
    _name, _pid, works = dblp.parse_person(text, source)
    progress.start("dblp", f"matching {_count(len(works), 'record', 'records')} with the profile")
    return dblp.candidates(works, source)


def _policy() -> RetryPolicy:
    """The policy a command's clients retry under (the one session.context gives targets)."""
    from profilebot.targets import session

    return session.POLICY


def _orcid_candidates(value: str, profile, progress: Progress, tally: Tally):
    """From the live record (summaries, then full works only for the ones to import) or a saved JSON file."""
    import json

    from profilebot import files
    from profilebot.errors import UsageError
    from profilebot.importers import orcid as orcid_json
    from profilebot.model import matching
    from profilebot.targets import orcid

    if Path(value).is_file():
        progress.start("orcid", f"reading {value}")
        from profilebot.importers.json_input import loads

        from profilebot.importers import encoding

        data = loads(encoding.decode(files.read_bytes(Path(value))), value)
        works, orcid_id, settings, http = orcid_json.parse_works(data, value), "file", None, None
    else:
        settings = orcid.configure({}, os.environ, orcid_id=value)
        if settings is None:  # an empty argument: neither a file nor an iD
            raise UsageError("import orcid needs an ORCID iD or a saved ORCID works JSON file.",
                             "For example: profilebot import orcid 0000-0002-1825-0097")
        http, orcid_id = orcid.client(settings, _policy(), tally), settings.orcid_id
        progress.start("orcid", f"reading ORCID record {orcid_id}")
        works = orcid.fetch(settings, None, http)
    ours = matching.profile_works(profile)
    progress.start("orcid", f"matching {_count(len(works), 'work', 'works')} with the profile's {len(ours)}")
    missing = matching.match(ours, works).only_theirs
    chosen = [matching.representative(versions) for versions in missing]
    if settings is not None and http is not None and chosen:
        progress.start("orcid", f"reading {_count(len(chosen), 'full work', 'full works')}")
        chosen = orcid.read_details(settings, chosen, [w.key for w in chosen], http)
    return orcid_json.candidates(chosen, profile.person.name, orcid_id)


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"
