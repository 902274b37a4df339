"""The fast emitter (load/yaml_emitter.py) decides and writes exactly as ruamel's own: every scalar's analysis is
compared with ruamel's, and every dump's bytes, on the lines and files of real sites and on every short text over
the characters its rules look at."""

from __future__ import annotations

import io

from ruamel.yaml import YAML
from ruamel.yaml.emitter import Emitter

from profilebot.load.yaml_emitter import FastEmitter
from tests.paths import REAL_SITES

SITES = ("hugo/AshishMahabal__website2024_acad", "al-folio/kyleclo__kyleclo.github.io",
         "academicpages/ChrisWoodgate__chriswoodgate.github.io", "academicpages/BillJr99__BillJr99.github.io")


class _Compared(FastEmitter):
    def analyze_scalar(self, scalar):
        fast = super().analyze_scalar(scalar)
        assert fast.__dict__ == Emitter.analyze_scalar(self, scalar).__dict__, repr(scalar)
        return fast


def _dump(values: list, emitter: type, width: int, version: tuple[int, int] | None, flow: bool,
          allow_unicode: bool) -> str:
    yaml = YAML()
    yaml.Emitter = emitter
    yaml.width = width
    yaml.allow_unicode = allow_unicode
    if version:
        yaml.version = version
    if flow:
        yaml.default_flow_style = True
    stream = io.StringIO()
    yaml.dump({"values": values, "nested": [{"key": value} for value in values]}, stream)
    return stream.getvalue()


# (width, YAML version, flow style, allow_unicode): profilebot's own writer first, then every other choice once.
SETTINGS = ((100_000, None, False, True), (40, (1, 1), True, False))
EVERY_SETTING = tuple((width, version, flow, allow_unicode) for width in (100_000, 40) for version in (None, (1, 1))
                      for flow in (False, True) for allow_unicode in (True, False))


def _same(values: list, settings: tuple = SETTINGS) -> None:
    for width, version, flow, allow_unicode in settings:
        assert (_dump(values, _Compared, width, version, flow, allow_unicode)
                == _dump(values, Emitter, width, version, flow, allow_unicode))


def _real_texts() -> list[str]:
    texts: dict[str, None] = {}  # each once, in order
    for site in SITES:
        for path in sorted((REAL_SITES / site).rglob("*")):
            if path.is_file() and path.suffix in (".md", ".bib", ".yml", ".yaml", ".toml"):
                text = path.read_text("utf-8", "replace")
                texts.update(dict.fromkeys([text[:2_000]] + text.splitlines()))
    return list(texts)


def test_real_lines_and_files_are_written_as_ruamel_writes_them():
    texts = _real_texts()
    assert len(texts) > 5_000
    for start in range(0, len(texts), 2_000):
        _same(texts[start:start + 2_000])


def test_every_short_text_over_the_characters_that_matter_is_written_as_ruamel_writes_it():
    alphabet = "a -?:#,[\n'\t\x85\ufeff\xa0"  # indicators, whitespace, breaks, a BOM, a printable non-ASCII
    texts = [""] + list(alphabet)
    texts += [x + y for x in alphabet for y in alphabet] + [x + y + z for x in alphabet for y in alphabet for z in alphabet]
    _same(texts, EVERY_SETTING)

