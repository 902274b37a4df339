from profilebot.model.keys import letter_suffix


def test_letter_suffixes_run_a_to_z_then_aa_like_scholar():
    assert [letter_suffix(n) for n in (0, 1, 25, 26, 27, 51, 52, 701, 702)] == [
        "a", "b", "z", "aa", "ab", "az", "ba", "zz", "aaa"]


def test_letter_suffixes_never_repeat():
    suffixes = [letter_suffix(n) for n in range(5000)]
    assert len(set(suffixes)) == len(suffixes)


import re  # noqa: E402

import pytest  # noqa: E402

from profilebot.model.keys import MAX_ID_LENGTH, VALID_ID, id_from_name  # noqa: E402
from tests.paths import REAL_SITES  # noqa: E402

ACADEMICPAGES = REAL_SITES / "academicpages"


@pytest.mark.parametrize(("name", "expected"), [
    ("2022-10-12-partial homoscedasticity", "2022-10-12-partial-homoscedasticity"),  # wjmoss's talk (PB001)
    ("\ufeffDENITRIFICATION-IN-RIPARIAN-ZONE", "DENITRIFICATION-IN-RIPARIAN-ZONE"),  # pinshuai's BOM
    ("Relaçoes-Estáticas", "Relacoes-Estaticas"),
    ("GI-number-1", "GI-number-1"),  # a valid name stays as it is, case and all
    ("DBLP:conf/icse/X20", "DBLP-conf-icse-X20"),
    ("_draft", "draft"),
    ("Straße", "Strasse"),
    ("論文", ""),  # nothing left: the caller's fallback (a Scholar-shaped key) is used
])
def test_a_name_becomes_the_nearest_valid_id(name, expected):
    assert id_from_name(name) == expected


def test_a_long_name_is_cut_at_a_word_break():
    name = ("Residence-time-distributions-in-non-uniform-aquifer-recharge-and-thickness-conditions-Insights-"
            "from-the-analytical-solutions")  # an Alex-Gauvain page name (154 characters with its date)
    made = id_from_name(name)
    assert len(made) <= MAX_ID_LENGTH and name.startswith(made) and name[len(made)] == "-"


def test_every_real_page_name_makes_a_valid_id():
    names = [page.name.rsplit(".", 1)[0] for page in ACADEMICPAGES.glob("*/_*/**/*.md")]
    assert len(names) > 300
    made = [id_from_name(name) for name in names]
    assert all(VALID_ID.match(i) and len(i) <= MAX_ID_LENGTH for i in made if i)
    assert not [name for name, i in zip(names, made) if not i and re.search(r"[A-Za-z0-9]", name)]
    odd = [n for n in names if " " in n or "\ufeff" in n or len(n) > MAX_ID_LENGTH]
    assert len(odd) >= 5  # the corpus does hold the names this is about
