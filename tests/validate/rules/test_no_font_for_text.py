"""PB411: text in a script none of the PDF CV's fonts has is a warning (issue 21: the PDF printed boxes with no
word); every script the CV's fonts cover passes."""

import pytest

from profilebot.validate.rules.no_font_for_text import CODE

PAPER = ("person: {name: Ada}\npublications:\n  - id: p\n    type: journal-article\n    status: published\n"
         "    authors: [Ada]\n    date: 1843\n")

TABLE = [
    ("person: {name: 'Ada Lovelace'}\n", []),
    # The scripts of issue 21 and the others the fonts cover; a Persian ZWNJ, a ZWJ emoji, VS16.
    ("person: {name: 'مریم میرزاخانی', headline: 'ኃይሌ ገብረሥላሴ · Վիկտոր · ნიკო · ஸ்ரீ · ශ්‍රී · ខ្មែរ'}\n", []),
    (PAPER + "    title: 'श्रीनिवास রামানুজন ศาสตราจารย์ 黄瀚贤 한국어 ∀ε ⊆ ℝ 👩🏽\u200d🔬 ❤️ שלום'\n", []),
    (PAPER + "    title: 'Tibetan བོད་ཡིག in a title'\n", [(CODE, 8, 12)]),
    ("person: {name: 'Sequoyah ᏍᏏᏉᏯ', headline: 'ܣܘܪܝܝܐ'}\n", [(CODE, 1, 16), (CODE, 1, 43)]),
    (PAPER.replace("[Ada]", "[Ada, 'ᠮᠣᠩᠭᠣᠯ']") + "    title: T\n", [(CODE, 6, 20)]),
]


@pytest.mark.parametrize(("snippet", "expected"), TABLE)
def test_table(lint, snippet, expected):
    assert lint(snippet, CODE) == expected


def test_the_message_names_each_character_once_with_its_code_point():
    from profilebot.validate.pipeline import check

    found = [f for f in check("person: {name: 'བོད་ བོད་'}\n").findings if f.code == CODE]
    assert len(found) == 1 and "'བ' (U+0F56)" in found[0].message and found[0].message.count("U+0F56") == 1
