"""Every artifact `build` writes: each exporter at its default path, the PDF CV, then the site under site/."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Collection, Mapping
from typing import Any

from profilebot import plugins
from profilebot.errors import ConfigError
from profilebot.model import names
from profilebot.model.citations import NONE, Citations
from profilebot.model.profile import Author, Profile
from profilebot.render import budget, cv_typst, cv_view
from profilebot.render.citations import memo_by_profile
from profilebot.render.artifact import Artifact, export

DEFAULT_TEMPLATE = "static"
MAX_OUTPUT_BYTES = budget.LIMIT  # what one build may write in all (render/budget.py)
SITE_FOLDER = "site"


def name_style(settings: Any) -> str:
    """`names: {style: full | initials}` in profilebot.yaml: "André Calero Valdez" (default) or "A. Calero Valdez"."""
    style = settings.section("names").get("style") or names.FULL
    if style not in names.STYLES:
        raise ConfigError(f"profilebot.yaml: names.style is {style!r}; expected one of {', '.join(names.STYLES)}.",
                          "full prints \"André Calero Valdez\", initials prints \"A. Calero Valdez\".")
    return style


def with_printed_names(profile: Profile, style: str = names.FULL) -> Profile:
    """The profile with every author's `name` as people write it (names.display); given/family stay, so BibTeX
    and RIS still print "Family, Given". Every renderer goes through here: one place decides how names look.

    Remembered: the exports, the CV and the site of one build get the same printed profile object, so what
    is remembered per profile further down (the works, the CV view, each paper's BibTeX) is made once. The
    style is always passed on by position: `f(p)` and `f(p, "full")` are one call to remember, not two."""
    return _printed_names(profile, style)


@memo_by_profile
def _printed_names(profile: Profile, style: str) -> Profile:
    def printed(people: tuple[Author, ...]) -> tuple[Author, ...]:
        return tuple(dataclasses.replace(a, name=names.display(a.name, a.given, a.family, style)) for a in people)

    return dataclasses.replace(
        profile,
        publications=tuple(dataclasses.replace(p, authors=printed(p.authors)) for p in profile.publications),
        patents=tuple(dataclasses.replace(p, inventors=printed(p.inventors)) for p in profile.patents))


def render_exports(profile: Profile, style: str = names.FULL,
                   grouping: cv_view.Grouping = cv_view.Grouping()) -> list[Artifact]:
    """Every export format; `grouping` (`cv: publications:`) groups cv.md's publications as the PDF's."""
    profile = with_printed_names(profile, style)
    return [export(exporter, profile, grouping=grouping) for exporter in plugins.exporters()]


def cv_options(settings: Any, **extra: Any) -> cv_typst.CvOptions:
    """The PDF CV's options: profilebot.yaml's `cv:` section, in the site's language."""
    return cv_typst.CvOptions.from_mapping(settings.section("cv"), settings.section("site").get("lang"), **extra)


def render_cv(profile: Profile, options: cv_typst.CvOptions, style: str = names.FULL) -> list[Artifact]:
    """cv.typ and cv.pdf (with private contact values only when options.include_private: a local file)."""
    return cv_typst.render(with_printed_names(profile, style), options)


def site_reads(profile: Profile, site_options: Mapping[str, Any], present: Collection[str],
               template: str | None = None, citations: Citations = NONE,
               style: str = names.FULL) -> dict[str, bool]:
    """The site files (among `present`, paths from the site's root) whose bytes the template edits in place:
    path → True when they must be read even if the bot wrote them last, False when a file the bot wrote and
    nobody changed since may be left unread (the adapter contract in ARCHITECTURE.md, "Site adapters").

    A template that does not edit in place (no `reads`) reads nothing.
    """
    adapter = _site_adapter(site_options, template)
    reads = getattr(adapter, "reads", None) if adapter else None
    if reads is None:
        return {}
    present = frozenset(present)
    wanted = reads(with_printed_names(profile, style), {**site_options, "citations": citations}, present)
    return {str(path): bool(must) for path, must in wanted.items() if path in present}


def render_site(profile: Profile, site_options: Mapping[str, Any], template: str | None = None,
                citations: Citations = NONE, style: str = names.FULL, cv: cv_typst.CvOptions | None = None,
                cv_pdf: bytes | Callable[[], bytes] | None = None,
                existing: Mapping[str, bytes] | None = None, without: Collection[str] = ()) -> list[Artifact]:
    """The site's files with paths relative to the site's root (not prefixed with site/); `citations` (read
    from citations.yaml by the caller) reach the templates as the `citations` option.

    `existing`: the bytes of files `site_reads` named (those the caller read), which the template edits in
    place; only a template that defines `reads` is given them. `without`: paths not to make (extras a site
    does not get, site_extras; the PDF is then not compiled).

    A template that declares CV_PDF gets the public PDF CV at that path (`cv_pdf` when the caller has
    already compiled it or started compiling it: bytes or the function that returns them); a site never
    carries private contact values.
    """
    adapter = _site_adapter(site_options, template)
    if adapter is None:
        return []
    pdf_path = getattr(adapter, "CV_PDF", None)
    if pdf_path in without:
        pdf_path = None
    if pdf_path and cv_pdf is None:
        public = dataclasses.replace(cv or cv_typst.CvOptions(), include_private=False)
        _, cv_pdf = cv_typst.render_started(with_printed_names(profile, style), public)  # typesets while pages render
    # The static site's publications page groups them as the CV does (`cv: publications:`).
    grouping = (cv or cv_typst.CvOptions()).publications
    printed = with_printed_names(profile, style)
    options = {**site_options, "citations": citations, "publication_groups": grouping}
    if getattr(adapter, "reads", None) is None:
        artifacts = list(adapter.render(printed, options))
    else:
        artifacts = list(adapter.render(printed, options, dict(existing or {})))
    artifacts = [a for a in artifacts if a.path not in without]
    if pdf_path and cv_pdf is not None:
        artifacts.append(Artifact(pdf_path, cv_pdf() if callable(cv_pdf) else cv_pdf, "application/pdf"))
    return artifacts


def site_extras(site_options: Mapping[str, Any], template: str | None = None) -> dict[str, str]:
    """The template's outputs the profile's entries do not need (its EXTRAS: path → the site setting that adds
    them to a site the person brought), e.g. the CV PDF; a template without EXTRAS has none."""
    adapter = _site_adapter(site_options, template)
    return dict(getattr(adapter, "EXTRAS", {})) if adapter else {}


def _site_adapter(site_options: Mapping[str, Any], template: str | None) -> Any:
    if not plugins.SITE_TEMPLATES:
        return None
    return plugins.load(plugins.SITE_TEMPLATES, template_name_of(site_options, template), "site template")


def template_name_of(site_options: Mapping[str, Any], template: str | None = None) -> str:
    """The site template's name: the one asked for, else site.template, else static."""
    return str(template or site_options.get("template") or DEFAULT_TEMPLATE)


def template_name(settings: Any, template: str | None = None) -> str:
    return template_name_of(settings.section("site"), template)


def site_owned_paths(settings: Any, template: str | None = None) -> tuple[str, ...]:
    """The paths the site template owns, relative to the site's root."""
    if not plugins.SITE_TEMPLATES:
        return ()
    return tuple(plugins.load(plugins.SITE_TEMPLATES, template_name(settings, template), "site template").OWNED_PATHS)


def owned_paths(settings: Any, template: str | None = None) -> tuple[str, ...]:
    """What `build` owns in its output folder: each export file, the CV, and the site template's paths under site/."""
    exports = tuple(exporter.DEFAULT_PATH for exporter in plugins.exporters())
    site = tuple(f"{SITE_FOLDER}/{path}" for path in site_owned_paths(settings, template))
    return exports + (cv_typst.TYP_PATH, cv_typst.PDF_PATH) + site


def render_all(profile: Profile, settings: Any, template: str | None = None, citations: Citations = NONE,
               include_private: bool = False, source_date_epoch: int | None = None,
               site_existing: Mapping[str, bytes] | None = None) -> list[Artifact]:
    """Every output; `site_existing`: the files the template edits in place, from the site folder (site_reads)."""
    style = name_style(settings)
    options = cv_options(settings, source_date_epoch=source_date_epoch)
    printed = with_printed_names(profile, style)
    # The PDF typesets on a worker thread while the site and the exports render (see cv_typst.render_started).
    typ, pdf = cv_typst.render_started(printed, dataclasses.replace(options, include_private=include_private))
    # The site's copy is the public CV: the same bytes unless this build asked for private values.
    public_pdf = None if include_private else pdf
    site = render_site(profile, dict(settings.section("site")), template, citations, style, options, public_pdf,
                       site_existing)
    prefixed = [Artifact(f"{SITE_FOLDER}/{a.path}", a.data, a.media_type) for a in site]
    exports = render_exports(profile, style, options.publications)
    cv = [typ, Artifact(cv_typst.PDF_PATH, pdf(), "application/pdf")]
    return sorted(exports + cv + prefixed, key=lambda a: a.path)


def oversize(artifacts: list[Artifact], limit: int | None = None) -> str | None:
    """Why these outputs are too large to write (naming the largest), or None."""
    limit = MAX_OUTPUT_BYTES if limit is None else limit
    total = sum(len(a.data) for a in artifacts)
    if total <= limit:
        return None
    largest = sorted(artifacts, key=lambda a: -len(a.data))[:3]
    named = ", ".join(f"{a.path} ({len(a.data):,} bytes)" for a in largest)
    return f"the outputs come to {total:,} bytes, more than the {limit:,} a build writes; the largest: {named}"
