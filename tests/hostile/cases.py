"""The hostile command matrix: whole `profilebot` commands on hostile input, each with the one outcome it must
end in — a clear error (exit 1 or 2, naming the file and what to do) or the right output (exit 0) — never an
internal error. Each case writes its own inputs, built from real files (../shared/realworld, the default
profile) with the hostile part put in. One table, run two ways: in process by test_command_matrix.py, and as
whole processes by benchmarks/hostile.py, which measures each one's wall time and peak memory.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from tests.paths import DEFAULT_PROFILE, REALWORLD

OWNER_PAGE = REALWORLD / "sites/academicpages/Jieli12__Jieli12.github.io/_publications/2024-01-11JieAutoCPD.md"
SCHOLAR = REALWORLD / "scholar" / "scholar-1.bib"  # Sean Crowell's Google Scholar export
RESUME = REALWORLD / "jsonresume" / "resume-1.json"  # Andreea Pocol's JSON Resume
AL_FOLIO = REALWORLD / "sites/al-folio/ellisbrown__ellisbrown.github.io"


@dataclass(frozen=True)
class Case:
    name: str
    issue: str  # the issue 21 finding it proves, as the audit words it
    make: Callable[[Path], list[str]]  # writes the inputs into an empty folder; returns profilebot's arguments
    exit_code: int
    says: tuple[str, ...] = ()  # each is in the output; "{folder}" stands for the case's folder
    never: tuple[str, ...] = ()  # none is in the output
    env: Mapping[str, str] = field(default_factory=dict)
    then: Callable[[Path], list[str]] | None = None  # a follow-up command that must then exit 0 (check the result)

    def expected(self, folder: Path) -> list[str]:
        return [text.replace("{folder}", str(folder)) for text in self.says]


def _write(folder: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


def _profile(folder: Path, name: str = "profile.yaml", person: str = "Sean Crowell") -> Path:
    return _write(folder, name, f"person:\n  name: {person}\n")


def _scholar_with(folder: Path, old: str, new: str, encoding: str = "utf-8") -> Path:
    text = SCHOLAR.read_text("utf-8")
    assert old in text
    return _write(folder, "scholar.bib", text.replace(old, new, 1), encoding)


def _control_characters_bibtex(folder: Path) -> list[str]:
    bib = _scholar_with(folder, "title={Spectrograph Characterization",
                        "title={Spectro\x07graph \x1b[1mCharacter\x00ization")
    return ["import", "bibtex", str(bib), str(_profile(folder)), "--write"]


def _control_characters_jsonresume(folder: Path) -> list[str]:
    data = json.loads(RESUME.read_text("utf-8"))
    # JSON's escapes also give a lone surrogate (no UTF-8 file holds one) and the noncharacter U+FFFE.
    data["publications"][0]["name"] = ("Generating Rough\u0000 Stereoscopic\u0008 3D\ud800 Line Drawings\ufffe "
                                       "from 3D Images")
    resume = _write(folder, "resume.json", json.dumps(data))
    return ["import", "jsonresume", str(resume), str(_profile(folder, person="Andreea Pocol")), "--write"]


def _jsonresume_title_as_a_list(folder: Path) -> list[str]:
    data = json.loads(RESUME.read_text("utf-8"))
    data["publications"][0]["name"] = ["Generating Rough Stereoscopic 3D Line Drawings", "from 3D Images"]
    resume = _write(folder, "resume.json", json.dumps(data))
    return ["import", "jsonresume", str(resume), str(_profile(folder, person="Andreea Pocol"))]


def _zero_width_space_in_an_imported_author(folder: Path) -> list[str]:
    bib = _scholar_with(folder, "author={Burgh, Eric and Crowell, Sean", "author={Burgh, Eric and Crow\u200bell, Sean")
    return ["import", "bibtex", str(bib), str(_profile(folder)), "--write"]


def _jsonresume_of_the_wrong_shape(folder: Path) -> list[str]:
    """Sections and lists holding a number or true where JSON Resume has a list ('float' is not iterable)."""
    data = json.loads(RESUME.read_text("utf-8"))
    data["awards"], data["basics"]["profiles"] = 1.5, True
    data["work"] = [{**data["work"][0], "highlights": 7}] if data.get("work") else 7
    resume = _write(folder, "resume.json", json.dumps(data))
    return ["import", "jsonresume", str(resume), str(_profile(folder, person="Andreea Pocol"))]


def _jsonresume_date_no_calendar_has(folder: Path) -> list[str]:
    """A release date of month 13 reaches the edited profile (with the person's email added), where the editor's
    reader made a datetime of it and failed; check names it instead."""
    data = json.loads(RESUME.read_text("utf-8"))
    data["publications"][0]["releaseDate"] = "2021-13-45"
    data["basics"]["email"] = "andreea@example.org"
    resume = _write(folder, "resume.json", json.dumps(data))
    return ["import", "jsonresume", str(resume), str(_profile(folder, person="Andreea Pocol"))]


def _csl_author_as_a_number(folder: Path) -> list[str]:
    item = {"id": "gi2021", "type": "paper-conference", "title": "Generating Rough Stereoscopic 3D Line Drawings "
            "from 3D Images", "author": 1.0, "issued": {"date-parts": [[2021]]}, "DOI": "10.20380/GI2021.20"}
    return ["import", "csl", str(_write(folder, "items.json", json.dumps([item]))),
            str(_profile(folder, person="Andreea Pocol"))]


def _al_folio_description_as_one_line(folder: Path) -> list[str]:
    cv = (AL_FOLIO / "_data" / "cv.yml").read_text("utf-8")
    line = "      description:\n        - Advised by Professor <a href=\"https://my.vanderbilt.edu/mkunda/\">"
    assert line in cv
    _write(folder, "site/_data/cv.yml", cv.replace(line, "      description: Advised by Professor <a href=\""
                                                        "https://my.vanderbilt.edu/mkunda/\">", 1))
    return ["import", "al-folio", str(folder / "site"), str(_profile(folder, person="Ellis Brown"))]


def _check_profile(folder: Path) -> list[str]:
    return ["check", str(folder / "profile.yaml")]


def _default_profile_as(encoding: str, mark: bytes = b"") -> Callable[[Path], list[str]]:
    def make(folder: Path) -> list[str]:
        path = folder / "p.yaml"
        path.write_bytes(mark + DEFAULT_PROFILE.read_text("utf-8").encode(encoding))
        return ["check", str(path)]
    return make


def _utf16_bibtex(folder: Path) -> list[str]:
    bib = _scholar_with(folder, "title={Spectrograph Characterization", "title={Spectrographe de Zürich", "utf-16")
    return ["import", "bibtex", str(bib), str(_profile(folder))]


def _rule_off_in_p_yaml(folder: Path) -> list[str]:
    """A profile that is not called profile.yaml, with an error-level rule turned off in profilebot.yaml."""
    profile = _write(folder, "p.yaml", "person:\n  name: Sean Crowell\n  headline: Pаypal\n")  # Cyrillic а: PB409
    _write(folder, "profilebot.yaml", "rules:\n  PB409: off\n")
    return ["import", "bibtex", str(SCHOLAR), str(profile)]


def _p_yaml_written_in_one_line_style(folder: Path) -> list[str]:
    """Valid YAML the editor does not splice into: the refusal names this file, not profile.yaml."""
    profile = _write(folder, "p.yaml", "person:\n  name: Sean Crowell\npublications: [{id: old, type: other, "
                     "status: published, title: An old note, authors: [Sean Crowell], date: 2001}]\n")
    return ["import", "bibtex", str(SCHOLAR), str(profile)]


def _academicpages_with(key: str, value: str) -> Callable[[Path], list[str]]:
    def make(folder: Path) -> list[str]:
        text = OWNER_PAGE.read_text("utf-8")
        lines = [f"{key}: {value}" if line.startswith(f"{key}:") else line for line in text.splitlines()]
        _write(folder, "site/_publications/" + OWNER_PAGE.name, "\n".join(lines) + "\n")
        return ["import", "academicpages", str(folder / "site"), str(_profile(folder, person="Jie Li"))]
    return make


def _build_with_epoch(folder: Path) -> list[str]:
    return ["build", str(DEFAULT_PROFILE), "-o", str(folder / "out")]


def _build_with_lang(lang: str) -> Callable[[Path], list[str]]:
    def make(folder: Path) -> list[str]:
        profile = _write(folder, "profile.yaml", DEFAULT_PROFILE.read_text("utf-8"))
        _write(folder, "profilebot.yaml", f"site:\n  lang: {lang}\n")
        return ["build", str(profile), "-o", str(folder / "out")]
    return make


def _photo_through_linked_folder(folder: Path) -> list[str]:
    outside = _write(folder, "outside/passwd", "root:x:0:0:root:/root:/bin/bash\n").parent
    (folder / "repo").mkdir()
    (folder / "repo" / "img").symlink_to(outside, target_is_directory=True)
    profile = _write(folder, "repo/profile.yaml", "person:\n  name: Ada Lovelace\n  photo: img/passwd\n")
    return ["build", str(profile), "--site-only", "-o", str(folder / "clone")]


def _zero_width_space_in_name(folder: Path) -> list[str]:
    text = DEFAULT_PROFILE.read_text("utf-8").replace("name: Hanxian Huang\n", "name: \"Hanxian\\u200bHuang\"\n", 1)
    assert "\\u200b" in text
    return ["check", str(_write(folder, "profile.yaml", text))]


INTERNAL = ("internal error", "Traceback")
EPOCH = ("SOURCE_DATE_EPOCH is", "at most 253402300799")
CASES = (
    Case("control characters in a BibTeX title", "Low: control characters in imported titles",
         _control_characters_bibtex, 0, ("U+0000, U+0007, U+001B", "profile.yaml: added 80 entries."),
         then=_check_profile),
    Case("control characters in a JSON Resume title", "Low: control characters in imported titles",
         _control_characters_jsonresume, 0, ("U+0000, U+0008, U+D800, U+FFFE",), then=_check_profile),
    Case("UTF-16 profile with a byte-order mark", "Minor: UTF-16 refused with a parse error",
         _default_profile_as("utf-16"), 2, ("{folder}/p.yaml:1:1: error PB000 the file is saved as UTF-16 "
                                            "(little-endian); profilebot reads UTF-8", "Save it as UTF-8")),
    Case("UTF-16 profile without a byte-order mark", "Minor: UTF-16 refused with a parse error",
         _default_profile_as("utf-16-be"), 2, ("saved as UTF-16 (big-endian)",), ("U+0000",)),
    Case("UTF-32 profile", "Minor: UTF-16 refused with a parse error",
         _default_profile_as("utf-32"), 2, ("saved as UTF-32 (little-endian)",)),
    Case("UTF-16 BibTeX export", "Minor: UTF-16 refused with a parse error",
         _utf16_bibtex, 0, ("Spectrographe de Zürich",), ("\x00",)),
    Case("p.yaml with a rule off in profilebot.yaml", "Minor: an error naming profile.yaml for p.yaml",
         _rule_off_in_p_yaml, 0, ("Run again with --write",), ("profile.yaml",)),
    Case("p.yaml with a one-line publications list", "Minor: an error naming profile.yaml for p.yaml",
         _p_yaml_written_in_one_line_style, 1, ("{folder}/p.yaml:3:1: 'publications' is written as a one-line list",
                                               "Nothing was changed"), ("profile.yaml",)),
    Case("academicpages title as a list", "Minor: a list-valued academicpages title",
         _academicpages_with("title", "[Automatic Change-Point Detection, Deep Learning]"), 2,
         ("2024-01-11JieAutoCPD.md:2:1: `title:` is a list; expected one text", "nothing was imported"),
         ("['Automatic",)),
    Case("JSON Resume title as a list", "Minor: a list-valued academicpages title",
         _jsonresume_title_as_a_list, 0, ("Run again with --write",), ("['Generating",)),
    Case("JSON Resume lists holding a number or true", "Low: control characters in imported titles (wrong shapes)",
         _jsonresume_of_the_wrong_shape, 0, ("Run again with --write",)),
    Case("JSON Resume release date 2021-13-45", "Low: control characters in imported titles (wrong shapes)",
         _jsonresume_date_no_calendar_has, 1, ("the imported entries would not pass `check`",)),
    Case("CSL author as a number", "Low: control characters in imported titles (wrong shapes)",
         _csl_author_as_a_number, 0, ("Run again with --write",)),
    Case("al-folio cv.yml description as one line", "Minor: a list-valued academicpages title (the class)",
         _al_folio_description_as_one_line, 0, ("note: Advised by Professor Maithilee Kunda.",), ("A; d; v",)),
    Case("academicpages venue as a mapping", "Minor: a list-valued academicpages title",
         _academicpages_with("venue", "{name: JRSSB}"), 2, ("`venue:` is a mapping; expected one text",)),
    *(Case(f"SOURCE_DATE_EPOCH={value[:24]}", "Low: an out-of-range SOURCE_DATE_EPOCH", _build_with_epoch, 2,
           EPOCH, env={"SOURCE_DATE_EPOCH": value})
      for value in ("99999999999999999999", "253402300800", "²", "9" * 5000)),
    Case("site.lang: en-US", "Medium: site.lang en-US crashes build", _build_with_lang("en-US"), 0,
         ("files in",)),
    Case("site.lang: zh-Hans-CN", "Medium: site.lang zh-Hans-CN crashes build", _build_with_lang("zh-Hans-CN"), 0,
         ("files in",)),
    Case("site.lang: english", "Medium: site.lang english crashes build", _build_with_lang("english"), 1,
         ("profilebot.yaml:2:9: site.lang has the value 'english'",)),
    Case("photo: img/passwd through a linked folder", "Medium: photo through a folder symlink",
         _photo_through_linked_folder, 2, ("leads outside",), ("root:x:0",)),
    Case("zero-width space inside an imported author's name", "Minor: a zero-width space inside a name",
         _zero_width_space_in_an_imported_author, 0, ("profile.yaml: added 80 entries.",), then=_check_profile),
    Case("zero-width space inside the owner's name", "Minor: a zero-width space inside a name",
         _zero_width_space_in_name, 1, ("error PB409 person.name holds the invisible character U+200B",)),
)


def environment(case: Case) -> dict[str, str]:
    """The environment a case's process runs in: this one without SOURCE_DATE_EPOCH, plus the case's own."""
    return {**{k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}, **case.env}
