"""Author names from the citation strings and author fields of real academicpages pages (../shared)."""

from __future__ import annotations

import pytest

from profilebot.importers import citation_authors
from profilebot.render.site import front_matter_edit
from tests.paths import REAL_SITES

AP = REAL_SITES / "academicpages"


def field(site: str, page: str, key: str) -> str:
    path = AP / site / page
    return str(front_matter_edit.parse(path.read_text("utf-8"), str(path)).data[key])


@pytest.mark.parametrize(("site", "page", "names", "truncated"), [
    # The owner in <strong> among co-authors: once read as the owner alone on every paper of the site.
    ("sharanramjee__sharanramjee.github.io", "_publications/mlceti2019.md",
     ["Ramjee, Sharan", "Ju, Shengtai", "Yang, Diyu", "Liu, Xiaoyu", "El Gamal, Aly", "Eldar, Yonina C."], False),
    # 'Family, Given et al. &quot;A Title.&quot; …': once seven "authors" including `Title, quot;A`.
    ("FHellmann__fhellmann.github.io", "_publications/2024-Aoftalp.md", ["Hellmann, Fabio"], True),
    # <b>, <sup> marks and BibTeX's <span class="bibtex-protected"> inside a name.
    ("CEA-jiangming__CEA-jiangming.github.io", "_publications/articles/jiang2017.md",
     ["Jiang, Ming", "Bobin, Jérôme", "Starck, Jean-Luc"], False),
    # APA with `&amp;` and a byte-order mark pasted at the start.
    ("pinshuai__academicpages.github.io", "_publications/2016-01-01-Nutrient-in-parafluvial-hyporheic-zone.md",
     ["Briody, A. C.", "Cardenas, M. B.", "Shuai, P.", "Knappett, P. S. K.", "Bennett, P. C."], False),
    # The year after the names: "Jones, E.J., Poole, K.C., …, 2020. Title".
    ("Katarina-Poole__Katarina-Poole.github.io", "_publications/2020-ferret-weights.md",
     ["Jones, E. J.", "Poole, K. C.", "Sollini, J.", "Town, S. M.", "Bizley, J. K."], False),
    # "Family, Given" pairs of one-word names, and a LaTeX umlaut escaped as `\&quot;u`.
    ("MatteoMagnini__matteomagnini.github.io",
     "_publications/2023-01-01-symbolic-knowledge-extraction-for-explainable-nutritional-recommenders.md",
     ["Magnini, Matteo", "Ciatto, Giovanni", "Cantürk, Furkan", "Aydogan, Reyhan", "Omicini, Andrea"], False),
    # Chicago: the first author inverted, the others not.
    ("BillJr99__BillJr99.github.io", "_publications/2022-mdpielectronics.md",
     ["Paul, Ankita", "Tajin, Md. A.S.", "Das, Anup", "Mongan, William M.", "Dandekar, Kapil R."], False),
    # "Given Family. Title." with no year before the title.
    ("BillJr99__BillJr99.github.io", "_publications/2006-aamas.md",
     ["Modi, Pragnesh Jay", "Mancoridis, Spiros", "Mongan, William M.", "Regli, William", "Mayk, Israel"], False),
])
def test_real_citations(site, page, names, truncated):
    found = citation_authors.from_citation(field(site, page, "citation"))
    assert found is not None and list(found.names) == names and found.truncated == truncated


def test_owner_marks_in_family_initial_lists():
    # `authors: Kouamouo T., <b>Gautheron L.</b>`: once stored as `T.</b>, <b>Gautheron`.
    value = field("lucasgautheron__academicpages.github.io", "_publications/2019-01-01-lections-europennes-un-vote-de-classe-avant-tout-European-Elections-Its-Always-About-Class.md",
                  "authors")
    assert "<b>" in value
    assert citation_authors.names(value) == citation_authors.Names(("Kouamouo, T.", "Gautheron, L.")), value


def test_author_fields_with_html_underline_and_bold():
    chris = field("ChrisWoodgate__chriswoodgate.github.io", "_publications/2023-10-23-ismail-eat.md", "authors")
    assert "<u>" in chris
    assert citation_authors.names(chris).names[3] == "Woodgate, C. D."
    valentyn = citation_authors.names("D. Davletshina, <b>V. Melnychuk</b>, V. Tran")
    assert valentyn.names == ("Davletshina, D.", "Melnychuk, V.", "Tran, V.")


def test_every_real_citation_and_author_field_reads():
    unread = []
    for page in sorted(AP.glob("*/_publications/**/*.md")):
        text = page.read_text("utf-8")
        if not front_matter_edit.has_front_matter(text):
            continue
        data = front_matter_edit.parse(text, str(page)).data
        if data.get("authors") and citation_authors.names(str(data["authors"])) is None:
            unread.append((page, data["authors"]))
        if data.get("citation") and citation_authors.from_citation(str(data["citation"])) is None:
            unread.append((page, data["citation"]))
    assert not unread


@pytest.mark.parametrize("text", ["", "A very long sentence that is no list of names at all because it goes on (2020).",
                                  "1234, 5678 (2020)."])
def test_what_is_not_names_is_none(text):
    assert citation_authors.from_citation(text) is None
