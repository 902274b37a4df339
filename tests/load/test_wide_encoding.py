"""load/wide_encoding.py tells UTF-16 and UTF-32 (either byte order, with or without a byte-order mark) from
UTF-8 and 8-bit text, on real files and on a profile written mostly in Chinese, and never calls binary junk
or UTF-8 text wide."""

from __future__ import annotations

import codecs

import pytest

from profilebot.load.wide_encoding import name_of, wide_encoding
from tests.paths import DEFAULT_PROFILE, REALWORLD

REAL = [DEFAULT_PROFILE, REALWORLD / "scholar" / "scholar-1.bib",
        REALWORLD / "sites/academicpages/Jiajie-Mei__Jiajie-Mei.github.io/_talks/2018-06-10-Baidu-max-k.md"]
# Mostly CJK: about a third of the characters are ASCII (keys, indentation, line breaks).
CHINESE = ("person:\n  name: 王小明\n  headline: 深度学习在自然语言处理中的应用研究与实践探索\npublications:\n"
           "  - title: 基于大规模预训练语言模型的中文文本分类方法研究进展综述\n")
CODECS = [("utf-16-le", "UTF-16LE"), ("utf-16-be", "UTF-16BE"), ("utf-32-le", "UTF-32LE"), ("utf-32-be", "UTF-32BE")]


@pytest.mark.parametrize("text", [p.read_text("utf-8") for p in REAL] + [CHINESE], ids=[p.name for p in REAL] + ["zh"])
@pytest.mark.parametrize(("codec", "name"), CODECS)
def test_wide_text_is_told_with_or_without_its_mark(text: str, codec: str, name: str) -> None:
    raw = text.encode(codec)
    assert wide_encoding(raw) == (name, 0)
    mark = {"UTF-16LE": codecs.BOM_UTF16_LE, "UTF-16BE": codecs.BOM_UTF16_BE, "UTF-32LE": codecs.BOM_UTF32_LE,
            "UTF-32BE": codecs.BOM_UTF32_BE}[name]
    assert wide_encoding(mark + raw) == (name, len(mark))


@pytest.mark.parametrize("raw", [p.read_bytes() for p in REAL] + [CHINESE.encode("utf-8"), "Zürich".encode("latin-1"),
                                                                   bytes(range(256)) * 8, b"a\x00b" * 500, b""])
def test_utf_8_8_bit_text_and_junk_are_not_wide(raw: bytes) -> None:
    assert wide_encoding(raw) is None


def test_the_encoding_is_named_as_an_editor_names_it() -> None:
    assert name_of("UTF-16LE") == "UTF-16 (little-endian)" and name_of("UTF-32BE") == "UTF-32 (big-endian)"
