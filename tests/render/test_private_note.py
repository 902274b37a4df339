"""A note marked private ({value, visibility: private}, $defs/note) stays in profile.yaml and out of every output;
the default profile's transcriber's remark is a YAML comment, not public text (issue 21)."""

from __future__ import annotations

from profilebot.config import Settings
from profilebot.render import outputs
from profilebot.validate.pipeline import check
from tests.paths import DEFAULT_PROFILE

PROFILE = """person:
  name: Ada Lovelace
education:
  - id: phd
    degree: Ph.D.
    institution: University of London
    start: 1840
    end: 1843
    note: {value: "Ask the registrar about the missing year", visibility: private}
publications:
  - id: notes
    type: journal-article
    status: published
    title: Notes on the Analytical Engine
    authors: [Ada Lovelace]
    date: 1843
    note: {value: "Translated from Menabrea", visibility: public}
"""


def _everything(text: str) -> bytes:
    checked = check(text)
    assert not checked.errors(), checked.findings
    return b"\n".join(a.data for a in outputs.render_all(checked.profile, Settings()) if not a.path.endswith(".pdf"))


def test_a_private_note_is_in_no_output_and_a_public_one_is() -> None:
    written = _everything(PROFILE)
    assert b"registrar" not in written
    assert b"Translated from Menabrea" in written


def test_the_default_profile_prints_no_transcribers_note() -> None:
    text = DEFAULT_PROFILE.read_text("utf-8")
    assert b"begins with" not in _everything(text) and "begins with \"De\"" in text  # kept, as a comment


def test_a_note_of_another_shape_is_refused_at_its_position() -> None:
    checked = check(PROFILE.replace("visibility: private", "visibility: secret"))
    assert [f.code for f in checked.errors()] and checked.errors()[0].line == 9
