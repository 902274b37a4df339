"""Text of an imported file whatever era it comes from: UTF-16 and UTF-32 as Windows tools write them (told
by load/wide_encoding.py), UTF-8, then the 8-bit encodings old BibTeX exports used (Windows-1252, a superset
of Latin-1), never U+FFFD replacement characters.

A Latin-1 byte sequence is almost never valid UTF-8 (é is one byte 0xE9 followed by an ASCII letter), so
trying UTF-8 first and falling back tells the two apart; Windows-1252 covers the printable Latin-1 range
plus the curly quotes and dashes Word put there, and Latin-1 itself takes the five bytes 1252 leaves out.
"""

from __future__ import annotations

import codecs

from profilebot.load.wide_encoding import wide_encoding


def decode(raw: bytes) -> str:
    wide = wide_encoding(raw)
    if wide is not None:
        codec, mark = wide
        try:
            return raw[mark:].decode(codec)
        except UnicodeDecodeError:
            pass  # not that encoding after all (a cut-off file, binary data): read it as 8-bit text below
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8):]
    for encoding in ("utf-8", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")
