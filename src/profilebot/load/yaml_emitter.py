"""ruamel.yaml's emitter with its two per-character loops replaced by regular expressions: the same bytes, faster.

Why: writing the entries of a large import (274 pages of a real Hugo site, 10,000 lines with their abstracts) spent
half its time in `analyze_scalar` and `write_plain`, which look at every character of every value in Python. Both
are transcribed here rule for rule from ruamel.yaml 0.19's Emitter (the source they copy is named in each method);
tests/load/test_yaml_emitter.py compares them with ruamel's own on the real corpus and on generated text, so a new
ruamel that changes its rules fails there instead of changing anyone's file.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from ruamel.yaml.emitter import Emitter, ScalarAnalysis

_BREAKS = "\n\x85\u2028\u2029"
_WHITESPACE = "\0 \t\r" + _BREAKS
_ANY_BREAK = re.compile(f"[{_BREAKS}]")
_BREAK_THEN_SPACE = re.compile(f"[{_BREAKS}] ")
_SPACE_THEN_BREAK = re.compile(f" [{_BREAKS}]")
_FLOW_INSIDE = re.compile(r"[,\[\]{}]")
# ': ' (a colon followed by whitespace or the end) and ' #' (a comment mark after whitespace), past the first char.
_COLON_SPACE = re.compile(f":(?:[{re.escape(_WHITESPACE)}]|$)")
_SPACE_HASH = re.compile(f"[{re.escape(_WHITESPACE)}]#")


@functools.lru_cache(maxsize=4)
def _special(allow_unicode: bool, supplementary: bool) -> re.Pattern[str]:
    """A character the emitter can only write escaped (in double quotes)."""
    printable = "\n\x20-\x7e"
    if allow_unicode:
        printable += "\x85\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd" + ("\U00010000-\U0010ffff" if supplementary else "")
    return re.compile(f"[^{printable}]")


class FastEmitter(Emitter):
    def analyze_scalar(self, scalar: Any) -> Any:
        """ruamel.yaml.emitter.Emitter.analyze_scalar, rule for rule."""
        if not scalar:
            return super().analyze_scalar(scalar)
        length = len(scalar)
        first = scalar[0]
        followed_by_whitespace = length == 1 or scalar[1] in _WHITESPACE
        block_indicators = flow_indicators = scalar.startswith(("---", "..."))
        if first in "#,[]{}&*!|>'\"%@`":
            flow_indicators = block_indicators = True
        if first in "?:":
            if self.serializer.use_version == (1, 1) or length == 1:
                flow_indicators = True
            if followed_by_whitespace:
                block_indicators = True
        if first == "-" and followed_by_whitespace:
            flow_indicators = block_indicators = True
        rest = scalar[1:]
        if _FLOW_INSIDE.search(rest) or ("?" in rest and self.serializer.use_version == (1, 1)):
            flow_indicators = True
        if _COLON_SPACE.search(rest) or _SPACE_HASH.search(scalar):
            flow_indicators = block_indicators = True
        line_breaks = bool(_ANY_BREAK.search(scalar))
        special_characters = bool(_special(bool(self.allow_unicode), bool(self.unicode_supplementary)).search(scalar))
        leading = first == " " or first in _BREAKS
        trailing_space = scalar[-1] == " "
        trailing = trailing_space or scalar[-1] in _BREAKS
        break_space = bool(_BREAK_THEN_SPACE.search(scalar))
        space_break = bool(_SPACE_THEN_BREAK.search(scalar))

        allow_flow_plain = allow_block_plain = allow_single_quoted = allow_block = True
        if leading or trailing:
            allow_flow_plain = allow_block_plain = False
        if trailing_space:
            allow_block = False
        if break_space:
            allow_flow_plain = allow_block_plain = allow_single_quoted = False
        if special_characters:
            allow_flow_plain = allow_block_plain = allow_single_quoted = allow_block = False
        elif space_break:
            allow_flow_plain = allow_block_plain = allow_single_quoted = False
            if not self.allow_space_break:
                allow_block = False
        if line_breaks:
            allow_flow_plain = allow_block_plain = False
        if flow_indicators:
            allow_flow_plain = False
        if block_indicators:
            allow_block_plain = False
        return ScalarAnalysis(scalar=scalar, empty=False, multiline=line_breaks, allow_flow_plain=allow_flow_plain,
                              allow_block_plain=allow_block_plain, allow_single_quoted=allow_single_quoted,
                              allow_double_quoted=True, allow_block=allow_block)

    def write_plain(self, text: Any, split: Any = True) -> None:
        """ruamel.yaml.emitter.Emitter.write_plain for the usual case: one line that fits the width, so no word is
        wrapped and nothing is broken (the loop would write the text whole); any other case is ruamel's."""
        if (self.root_context or not text or self.encoding or _ANY_BREAK.search(text)
                or self.column + 1 + len(text) > self.best_width):
            super().write_plain(text, split)
            return
        if not self.whitespace:
            self.column += 1
            self.stream.write(" ")
        self.whitespace = False
        self.indention = False
        self.column += len(text)
        self.stream.write(text)
