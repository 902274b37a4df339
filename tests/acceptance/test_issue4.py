"""Issue 4 (the site): every template through the real CLI — deterministic, private fields out, owned paths only."""

from __future__ import annotations

import re

import pytest

from tests.acceptance.helpers import DEFAULT_PROFILE, built_files, process
from profilebot.validate.pipeline import check

TEMPLATES = ["static", "academicpages", "al-folio"]


def private_values() -> list[str]:
    profile = check(DEFAULT_PROFILE.read_text("utf-8")).profile
    values = [field.value for field in vars(profile.person).values()
              if getattr(field, "visibility", None) == "private"]
    assert values, "the default profile keeps its phone private"
    return values


@pytest.mark.parametrize("template", TEMPLATES)
def test_each_template_builds_byte_identically_without_private_fields(tmp_path, template):
    first, second = tmp_path / "a", tmp_path / "b"
    for out in (first, second):
        run = process("build", str(DEFAULT_PROFILE), "-o", str(out), "--template", template)
        assert run.code == 0 and run.no_traceback, run.out
    site = {path: data for path, data in built_files(first).items() if path.startswith("site/")}
    assert site and site == {p: d for p, d in built_files(second).items() if p.startswith("site/")}
    # The phone in any spelling: its digits with any spaces, dots, dashes or brackets between them.
    spellings = [re.compile(r"[\s.()-]*".join(re.escape(c) for c in re.sub(r"\D", "", value)))
                 for value in private_values()]
    for path, data in site.items():
        text = data.decode("utf-8", "replace")
        for value, spelling in zip(private_values(), spellings):
            assert value not in text and not spelling.search(text), (template, path)


@pytest.mark.parametrize("template", TEMPLATES)
def test_every_paper_title_reaches_every_template(tmp_path, template):
    from profilebot.render.escaping import bibtex_text

    run = process("build", str(DEFAULT_PROFILE), "-o", str(tmp_path), "--template", template)
    assert run.code == 0, run.out
    text = "\n".join(d.decode("utf-8") for p, d in built_files(tmp_path).items()
                     if p.startswith("site/") and not p.endswith(".pdf"))  # the PDF CV: tests/render/test_cv_pdf.py
    profile = check(DEFAULT_PROFILE.read_text("utf-8")).profile
    for paper in profile.publications:
        assert paper.title in text or bibtex_text(paper.title) in text, (template, paper.title)
