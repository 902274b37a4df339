"""cv.typ and cv.pdf: the CV view (render/cv_view.py) typeset by Typst, offline and reproducible.

cv.typ is self-contained: the chosen theme, the layout (typst_assets/) and the CV as data (JSON inside
one Typst string literal, escaped below, which Typst's JSON reader parses). Profile text therefore only
ever reaches Typst as string values, and the layout places strings as text, so markup characters (`# $ * _ @ <`, backslashes) print as typed and nothing in a
profile can import or run anything. The compiler is the `typst` wheel; it gets only the fonts shipped
in typst_assets/fonts (no system fonts) and a source with no package imports, so it never reaches the
network. The PDF's dates come from the options (SOURCE_DATE_EPOCH) or the profile, never the clock,
so two builds of one profile give the same bytes.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from profilebot.model.dates import MONTH_NAMES
from profilebot.model.profile import Profile
from profilebot.render import cv_fonts, cv_view
from profilebot.render.artifact import Artifact
from profilebot.render.cv_view import CV, Entry

TYP_PATH = "cv.typ"
PDF_PATH = "cv.pdf"
THEMES = ("classic", "modern")
PAPERS = ("a4", "us-letter")
ICONS = ("email", "phone", "website", "location", "profile")
# With no date anywhere in the profile, the PDF says it was made at the Unix epoch (never "today").
NO_DATE = (1970, 1, 1)


@dataclass(frozen=True)
class CvOptions:
    """The `cv:` section of profilebot.yaml (checked by config.py) plus what `build` passes in."""

    theme: str = "classic"
    paper: str = "a4"
    sections: tuple[str, ...] = cv_view.SECTIONS
    include: tuple[str, ...] = ()
    publications: cv_view.Grouping = cv_view.Grouping()
    lang: str = "en"
    include_private: bool = False          # only `build --include-private`, for a local file
    source_date_epoch: int | None = None   # SOURCE_DATE_EPOCH, read by the command, not here

    @classmethod
    def from_mapping(cls, cv: Mapping[str, Any], lang: str | None = None, **extra: Any) -> CvOptions:
        return cls(theme=str(cv.get("theme") or "classic"), paper=str(cv.get("paper") or "a4"),
                   sections=tuple(cv.get("sections") or cv_view.SECTIONS),
                   include=tuple(str(t) for t in cv.get("include") or ()),
                   publications=cv_view.Grouping.from_mapping(cv.get("publications")), lang=lang or "en", **extra)


def render(profile: Profile, options: CvOptions = CvOptions()) -> list[Artifact]:
    """cv.typ and cv.pdf for `profile`."""
    typ, pdf = render_started(profile, options)
    return [typ, Artifact(PDF_PATH, pdf(), "application/pdf")]


def render_started(profile: Profile, options: CvOptions = CvOptions()) -> tuple[Artifact, Callable[[], bytes]]:
    """cv.typ, and a function that returns cv.pdf's bytes (raising what the compiler raised).

    Why: Typst typesets without holding Python's lock, so the PDF compiles on a worker thread while the
    caller renders everything else (the exports, the site's pages); a build waits for it only at the end.
    The source is made here, on the caller's thread: only the compiler runs on the other one.
    """
    view = cv_view.build(profile, options.sections, options.include, include_private=options.include_private,
                         grouping=options.publications)
    date = creation_date(profile, options.source_date_epoch)
    text = source(view, options, date)
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="typst")
    compiling = pool.submit(compile_pdf, text, date)
    pool.shutdown(wait=False)  # takes no more work; the thread ends when this compile does
    return Artifact.text(TYP_PATH, text, "text/vnd.typst"), compiling.result


def creation_date(profile: Profile, source_date_epoch: int | None) -> tuple[int, int, int]:
    """SOURCE_DATE_EPOCH when given, else the first day of the newest dated work, award or talk."""
    if source_date_epoch is not None:
        day = datetime.datetime.fromtimestamp(source_date_epoch, datetime.timezone.utc).date()
        return (day.year, day.month, day.day)
    dates = [item.date for group in (profile.publications, profile.patents, profile.awards, profile.talks)
             for item in group if item.date is not None]
    return max((d.first_day() for d in dates), default=NO_DATE)


# ----------------------------------------------------------------------------------------- Typst values

# Every control character but the line break (C0, DEL, C1): written as a \u{…} escape.
_TYPST_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")


def typst_string(text: str) -> str:
    """A Typst string literal: backslash and quote escaped, a line break as \\n, every other control character
    as \\u{…}. Three replaces and one search, all in C: the CV's data is one string of two million characters
    full of quotes, which a translate table walked a character at a time (a tenth of a second)."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    if _TYPST_CONTROL.search(escaped):  # rare (a tab): load refuses the other controls in a profile
        escaped = _TYPST_CONTROL.sub(lambda found: f"\\u{{{ord(found.group(0)):x}}}", escaped)
    return '"' + escaped + '"'


def typst_value(value: Any) -> str:
    """Python data as a Typst literal: dicts (identifier keys), sequences, strings, numbers, booleans, none."""
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return typst_string(value)
    if isinstance(value, Mapping):
        return "(" + ", ".join(f"{key}: {typst_value(item)}" for key, item in value.items()) + ")" if value else "(:)"
    items = [typst_value(item) for item in value]
    return "(" + ", ".join(items) + ("," if len(items) == 1 else "") + ")"


def _entry(entry: Entry) -> dict[str, Any]:
    return {
        "title": entry.title, "role": entry.role, "where": entry.where, "place": entry.place, "remote": entry.remote,
        "when": [{"text": s.text, "mode": s.mode} for s in entry.when],
        "details": [{"label": d.label, "values": d.values} for d in entry.details],
        "highlights": entry.highlights, "links": [{"label": link.label, "url": link.url} for link in entry.links],
        "authors": [{"text": n.text, "owner": n.owner, "equal": n.equal} for n in entry.authors],
        "more_authors": entry.more_authors,
        "venue": entry.venue, "venue_short": entry.venue_short, "year": entry.year, "paper": entry.paper,
        "children": [_entry(child) for child in entry.children],
    }


def updated(date: tuple[int, int, int]) -> str | None:
    """The footer's "Last updated December 2024": the CV's own date (SOURCE_DATE_EPOCH or the newest dated work),
    so two builds stay byte-identical; none when nothing in the profile is dated."""
    if date == NO_DATE:
        return None
    return f"Last updated {MONTH_NAMES[date[1] - 1]} {date[0]}"


def typst_language(tag: str) -> dict[str, str | None]:
    """`site.lang`, a BCP 47 tag (`en`, `en-US`, `zh-Hans-CN`, `es-419`), as Typst's text settings take it: `lang`
    an ISO 639 code (the primary subtag, lower case) and `region` an ISO 3166-1 alpha-2 code or none. Typst
    refuses anything else, so a script subtag or a numeric region is not passed on."""
    parts = tag.split("-")
    lang = parts[0].lower() if re.fullmatch(r"[A-Za-z]{2,3}", parts[0]) else "en"
    region = next((p.upper() for p in parts[1:] if re.fullmatch(r"[A-Za-z]{2}", p)), None)
    return {"lang": lang, "region": region}


def data(cv: CV, options: CvOptions, date: tuple[int, int, int]) -> dict[str, Any]:
    head = cv.header
    interests = cv.section("interests")
    keywords = ["curriculum vitae", *(e.title for e in interests.entries)] if interests else ["curriculum vitae"]
    return {
        "meta": {"title": f"{head.name} — Curriculum Vitae", "author": head.name, "keywords": keywords,
                 **typst_language(options.lang), "paper": options.paper, "date": date, "updated": updated(date)},
        "header": {"name": head.name, "headline": head.headline, "location": head.location, "bio": head.bio,
                   "contacts": [{"icon": c.kind if c.kind in ICONS else "profile", "label": c.label,
                                 "text": c.text, "url": c.url} for c in head.contacts]},
        "sections": [{"key": s.key, "title": s.title, "equal_contribution": s.equal_contribution,
                      "groups": [{"title": g.title, "entries": [_entry(e) for e in g.entries]} for g in s.groups]}
                     for s in cv.sections],
    }


def source(cv: CV, options: CvOptions, date: tuple[int, int, int]) -> str:
    icons = {name: _asset(f"icons/{name}.svg").strip() for name in ICONS}
    return "\n".join([
        "// cv.typ, written by profilebot from profile.yaml: edit the profile, not this file.",
        f"// Compile: typst compile --font-path <profilebot>/render/typst_assets/fonts cv.typ  (theme: {options.theme})",
        "",
        _asset(f"themes/{options.theme}.typ").strip(),
        "",
        f"#let icons = {typst_value(icons)}",
        f"#let fallback-fonts = {typst_value(cv_fonts.FALLBACK_FAMILIES)}",
        "",
        _asset("layout.typ").strip(),
        "",
        # The CV as JSON inside one Typst string: parsed by Typst's JSON reader, much faster than a literal of
        # thousands of dictionaries for a long CV, and just as inert (strings stay strings).
        f"#let cv = json(bytes({typst_string(json.dumps(data(cv, options, date), ensure_ascii=False))}))",
        "",
        "#render(cv, theme)",
        "",
    ])


# ------------------------------------------------------------------------------------------ compiling

def compile_pdf(text: str, date: tuple[int, int, int]) -> bytes:
    """The PDF of a cv.typ source: shipped fonts only, tagged (for screen readers), dated `date`."""
    import typst

    timestamp = int(datetime.datetime(*date, tzinfo=datetime.timezone.utc).timestamp())
    return bytes(typst.compile(text.encode("utf-8"), font_paths=_fonts(), timestamp=timestamp, pdf_tags=True))


@lru_cache(maxsize=1)
def _fonts() -> Any:
    """The shipped fonts, indexed once per process: neither the system's nor the compiler's own."""
    import typst

    folder = resources.files("profilebot.render").joinpath("typst_assets", "fonts")
    return typst.Fonts(include_system_fonts=False, include_embedded_fonts=False, font_paths=[str(folder)])


@lru_cache(maxsize=32)
def _asset(name: str) -> str:
    return resources.files("profilebot.render").joinpath("typst_assets", name).read_text("utf-8")
