"""importers/hugo on real Hugo Blox / Hugo Academic sites (../shared/realworld/sites/hugo, SOURCES.md there)."""

from __future__ import annotations

import pytest

from profilebot.commands.import_ import DISK, proposed_changes
from profilebot.errors import UsageError
from profilebot.importers import hugo
from profilebot.validate.pipeline import check
from tests.paths import REAL_SITES

HUGO = REAL_SITES / "hugo"
EMPTY = "person:\n  name: Site Owner\n"


def entry(site: str, bundle: str) -> dict:
    files = hugo.site_files(HUGO / site, DISK)
    authors = hugo.site_authors((p, t) for p, t in files.items() if p.startswith(("data/", "content/authors/")))
    return hugo.publication_entry(f"{bundle}/index.md", files[f"{bundle}/index.md"], files.get(f"{bundle}/cite.bib"),
                                  authors, "Site Owner")


def test_an_older_page_admin_slug_equal_contribution_legacy_links_and_numeric_type():
    found = entry("hanzhou032__starter-hugo-academic", "content/publication/claps")
    assert found["authors"][:2] == [{"name": "Zhou, Han", "equal_contribution": True},
                                    {"name": "Wan, Xingchen", "equal_contribution": True}]  # `admin` → Han Zhou
    assert found["type"] == "conference-paper"  # publication_types '1'
    assert found["links"] == {"pdf": "https://arxiv.org/pdf/2310.12774.pdf", "code": "https://github.com/cambridgeltl/ClaPS"}
    assert found["date"] == "2023-10-07" and found["venue"]["short"].startswith("Findings")
    kept = found["origin"]["fields"]
    assert kept["summary"].startswith("Efficient prompt") and kept["links"][0]["name"] == "Abstract"
    assert kept["publication_types"] == ["1"] and "url_pdf" not in kept  # the site's own spelling, kept
    assert found["origin"]["path"] == "content/publication/claps/index.md"


def test_a_current_bundle_with_its_cite_bib_the_richer_wins():
    found = entry("GeertLitjens__geertlitjens.github.io", "content/publication/vos-15")
    assert found["authors"][0] == "Vos, Eline K." and len(found["authors"]) == 8
    assert (found["volume"], found["pages"], found["pmid"]) == ("50", "490-497", "25867656")  # only cite.bib has them
    assert found["doi"] == "10.1097/RLI.0000000000000157"  # as written
    assert found["venue"] == {"name": "Invest Radiol"}  # `*Invest Radiol*`: the emphasis is the kit's markup
    assert found["date"] == "2015-08"  # the page says 2015-08-01, cite.bib month Aug.: the day is the converter's
    assert found["origin"]["fields"]["publication"] == "*Invest Radiol*"


def test_year_only_works_stay_year_only():
    found = entry("Aelphy__aelphy.github.io", "content/publications/usvyatsov-2022-tntorch")
    assert found["date"] == 2022 and found["type"] == "journal-article"  # '2022-01-01', bib year only, type '2'
    assert found["origin"]["fields"]["lastmod"] == "2022-10-12T20:21:18+02:00"


def test_toml_talks_and_leaf_event_pages():
    profile = check(proposed_changes(EMPTY, check(EMPTY).profile, "hugo",
                                     str(HUGO / "GeertLitjens__geertlitjens.github.io"))[2]).profile
    talk = next(t for t in profile.talks if t.origin.path == "content/talk/bessensap/index.md")
    assert (talk.title, talk.event, str(talk.date)) == ("Bessensap", "Bessensap", "2018-06-15")
    assert talk.url.startswith("https://www.nwo.nl/") and talk.origin.entry_type == "toml"
    assert talk.origin.fields["url_pdf"] == "bessensap.pdf" and talk.origin.fields["image"]["caption"] == ""
    profile = check(proposed_changes(EMPTY, check(EMPTY).profile, "hugo",
                                     str(HUGO / "CliffordAnderson__academic-site"))[2]).profile
    assert len(profile.talks) == 25 and all(t.origin.path.startswith("content/events/") for t in profile.talks)


def test_co_author_slugs_and_the_owner_file():
    files = hugo.site_files(HUGO / "CNardin__CNardin.github.io", DISK)
    authors = hugo.site_authors((p, t) for p, t in files.items() if p.startswith(("data/", "content/authors/")))
    assert hugo.owner_of(authors).slug == "chiara-nardin" and len(authors) >= 7
    person = hugo.person_fields(hugo.owner_of(hugo.site_authors(
        (p, t) for p, t in hugo.site_files(HUGO / "hanzhou032__starter-hugo-academic", DISK).items()
        if p.startswith("content/authors/"))))
    assert person["name"] == "Han Zhou" and person["headline"] == "PhD student in NLP"
    assert person["profiles"] == {"twitter": "hanzhou032", "semantic_scholar": "2111825271",
                                  "scholar": "7pXfJVgAAAAJ", "github": "hanzhou032", "linkedin": "hanzhou032"}


def test_a_broken_page_is_one_error_with_its_line(tmp_path):
    page = tmp_path / "content" / "publications" / "x" / "index.md"
    page.parent.mkdir(parents=True)
    page.write_text("---\ntitle: A\nauthors: [unclosed\n---\n", "utf-8")
    with pytest.raises(UsageError) as error:
        proposed_changes(EMPTY, check(EMPTY).profile, "hugo", str(tmp_path))
    assert "content/publications/x/index.md:4:" in str(error.value) or "index.md:3:" in str(error.value)
    page.write_text('+++\ntitle = "A\n+++\n', "utf-8")
    with pytest.raises(UsageError) as error:
        proposed_changes(EMPTY, check(EMPTY).profile, "hugo", str(tmp_path))
    assert "index.md:2:" in str(error.value) and "TOML" in str(error.value)


def test_not_a_hugo_site(tmp_path):
    with pytest.raises(UsageError) as error:
        proposed_changes(EMPTY, check(EMPTY).profile, "hugo", str(tmp_path))
    assert "no Hugo publication or talk pages" in str(error.value)
