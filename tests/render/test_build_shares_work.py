"""One build makes each shared value once: the CV view (cv.md, cv.typ/cv.pdf, the site's CV page and JSON
Resume all serialize it), the printed-names profile, and the works every exporter lists (issue 23, item 5)."""

from __future__ import annotations

from collections import Counter

import pytest

from profilebot.config import Settings
from profilebot.render import citations, cv_view, outputs


@pytest.mark.parametrize("template", ["static", "al-folio"])
def test_each_cv_section_is_built_once_per_build(default_profile, monkeypatch, template):
    calls: Counter[str] = Counter()

    def counted(key, builder):
        def build(profile, tags):
            calls[key] += 1
            return builder(profile, tags)
        return build

    builders = {key: counted(key, builder) for key, builder in cv_view._SECTION_BUILDERS.items()}
    monkeypatch.setattr(cv_view, "_SECTION_BUILDERS", builders)
    artifacts = outputs.render_all(default_profile, Settings(sections={"site": {"template": template}}))
    assert {"cv.md", "cv.pdf", "resume.json"} <= {a.path for a in artifacts}
    assert calls and set(calls.values()) == {1}, calls


def test_the_works_are_listed_once_for_every_exporter_and_the_site(default_profile, monkeypatch):
    calls = Counter()
    original = citations.unique_keys

    def counted(keys):
        calls["works"] += 1
        return original(keys)

    monkeypatch.setattr(citations, "unique_keys", counted)
    outputs.render_all(default_profile, Settings())
    assert calls["works"] == 1


def test_a_remembered_value_is_made_again_for_another_profile_or_other_arguments(default_profile):
    made = []

    @citations.memo_by_profile
    def value(profile, key, tags=frozenset()):
        made.append((id(profile), key, tags))
        return len(made)

    first = value(default_profile, "a")
    assert value(default_profile, "a") == first and value(default_profile, "b") != first
    assert value(default_profile, "a", tags=frozenset({"x"})) != first
    other = outputs.with_printed_names(default_profile, "initials")
    assert value(other, "a") != first and len(made) == 4


def test_each_papers_links_are_made_once_for_the_cv_and_once_for_the_whole_static_site(default_profile, monkeypatch):
    """The publication list, the home page and the paper's own page show the same links: one list per paper
    for the site, beside the one of the CV view (which every CV output shares)."""
    from profilebot.render.site import papers

    calls = Counter()
    original = papers.paper_links

    def counted(paper, website=None):
        calls[paper.id] += 1
        return original(paper, website)

    monkeypatch.setattr(papers, "paper_links", counted)
    outputs.render_all(default_profile, Settings())
    assert calls and set(calls.values()) == {2}, calls


def test_each_papers_author_list_and_badges_are_rendered_once_for_the_static_site(default_profile, monkeypatch):
    """The publication list and the paper's own page print the same author list and badges: each is rendered
    once per paper and printed twice, so each author is looked at once (and each inventor of a patent)."""
    from profilebot.render.site import papers

    looked_at = []
    original = papers.owner_test

    def counting(person):
        test = original(person)
        return lambda author: looked_at.append(author.name) or test(author)

    monkeypatch.setattr(papers, "owner_test", counting)
    pages = {a.path: a.data.decode() for a in outputs.render_site(default_profile, {}, cv_pdf=b"")}
    authors = [a.name for p in default_profile.publications for a in p.authors]
    inventors = [a.name for p in default_profile.patents for a in p.inventors]
    assert sorted(looked_at) == sorted(authors + inventors)
    paper = default_profile.publications[0]
    assert pages[f"publications/{paper.id}.html"].count(paper.authors[-1].name) >= 1


def test_the_printed_profile_is_one_object_however_the_style_is_passed(default_profile):
    """Everything remembered per profile further down keys on this object: `with_printed_names(p)` and
    `with_printed_names(p, "full")` must not make two (each would build its own CV view and BibTeX)."""
    printed = outputs.with_printed_names(default_profile)
    assert outputs.with_printed_names(default_profile, "full") is printed
    assert outputs.with_printed_names(default_profile, style="full") is printed
    assert outputs.with_printed_names(default_profile, "initials") is not printed
