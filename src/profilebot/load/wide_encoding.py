"""Which wide Unicode encoding a file's bytes are in, if any: UTF-16 or UTF-32, little- or big-endian.

Windows writes these where people expect UTF-8: Notepad's "Unicode", PowerShell 5's `>` and `Out-File`,
EndNote and Citavi exports. Such a file is valid text, just not UTF-8, and it is told by its byte-order mark,
or without one by the zero bytes that ASCII characters (YAML's keys, BibTeX's `@` and braces) leave in every
second (UTF-16) or in three of every four bytes (UTF-32). The profile's loader names the encoding in its
error; the importers decode it (importers/encoding.py).
"""

from __future__ import annotations

import codecs

# UTF-32's little-endian mark begins with UTF-16's, so it is looked for first.
_MARKS = ((codecs.BOM_UTF32_LE, "UTF-32LE"), (codecs.BOM_UTF32_BE, "UTF-32BE"),
          (codecs.BOM_UTF16_LE, "UTF-16LE"), (codecs.BOM_UTF16_BE, "UTF-16BE"))
_SAMPLE = 4096  # enough text to tell; the decision never reads the whole file


def wide_encoding(raw: bytes) -> tuple[str, int] | None:
    """(Python codec name, length of its byte-order mark) for UTF-16/UTF-32 bytes, or None (UTF-8 or 8-bit)."""
    for mark, name in _MARKS:
        if raw.startswith(mark):
            return name, len(mark)
    head = raw[:_SAMPLE]
    if b"\x00" not in head or len(head) < 4:
        return None  # UTF-8 text holds no zero byte (the loader refuses NUL as a control character)
    for name, width, low, high in (("UTF-32LE", 4, 0, 3), ("UTF-32BE", 4, 3, 0), ("UTF-16LE", 2, 0, 1),
                                   ("UTF-16BE", 2, 1, 0)):
        units = [head[at:at + width] for at in range(0, len(head) - width + 1, width)]
        # An ASCII character is one unit: its byte at the low end, zeros in the rest. YAML's keys, indentation
        # and line breaks (BibTeX's braces and field names) make a quarter of even a Chinese file's characters;
        # the mirrored pattern (the other byte order) stays rare, as CJK text seldom has a zero low byte.
        ascii_like = sum(1 for unit in units if unit[low] != 0 and unit.count(0) == width - 1)
        mirrored = sum(1 for unit in units if unit[high] != 0 and unit.count(0) == width - 1)
        if ascii_like >= 0.25 * len(units) and mirrored <= 0.05 * len(units):
            return name, 0
    return None


def name_of(codec: str) -> str:
    """'UTF-16LE' → 'UTF-16 (little-endian)', as an editor's "Save with encoding" menu words it."""
    return f"{codec[:6]} ({'little' if codec.endswith('LE') else 'big'}-endian)"
