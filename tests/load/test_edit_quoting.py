"""edit.py's fast answer to "does this string need quotes?" agrees with the YAML emitter it stands in for."""

from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st

from profilebot.load import edit

_TEXT = st.text(alphabet=st.sampled_from(list("aZé w.,;()'’/&+?!-–—:#\"{}[]0123456789_")), min_size=1, max_size=30)


def _emitter_says_plain(value: str) -> bool:
    stream = io.StringIO()
    edit._writer().dump([value], stream)
    return not stream.getvalue()[2:].startswith(("'", '"'))


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_the_fast_path_never_calls_plain_what_the_emitter_would_quote(value):
    if edit._SURELY_PLAIN.match(value) and value.lower() not in edit._YAML11_WORDS:
        assert _emitter_says_plain(value)


def test_real_titles_and_names_take_the_fast_path():
    for value in ("Mental models of menu structures in diabetes assistants", "Calero Valdez, André",
                  "Older users’ rejection of mobile health apps a case for a stand-alone device?"):
        assert edit._SURELY_PLAIN.match(value) and not edit._needs_quotes(value, flow=False)
    for value in ("Fasor: A fast tensor program", "yes", "no", "#hashtag", "2024-01-01", "1e3", "'quoted'"):
        assert edit._needs_quotes(value, flow=False) == (not _emitter_says_plain(value))


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_the_fast_path_never_calls_quoted_what_the_emitter_would_write_plain(value):
    if edit._SURELY_QUOTED.search(value):
        assert not _emitter_says_plain(value)
