"""An import's cost grows with the entries it adds, once: the profile is never read again or re-serialised per entry.

Counted in operations, not seconds (a timing test would be flaky on CI's two shared cores): what ruamel's round-trip
reader reads (it costs ~0.1 ms a line: reading a 10,000-line profile again took a second of a 2.5 s import) and
what its emitter writes, during the import of the largest real Hugo site of the corpus that has an owner to add.
"""

from __future__ import annotations

import io

from ruamel.yaml.main import YAML

from profilebot.commands.import_ import proposed_changes
from profilebot.load import yaml_document
from profilebot.validate.pipeline import check
from tests.paths import REAL_SITES

SITE = REAL_SITES / "hugo" / "GeertLitjens__geertlitjens.github.io"  # 102 publications, 8 talks, an owner page
BEFORE = "person:\n  name: Geert Litjens\n"


def test_a_large_import_reads_the_profile_as_written_and_writes_each_new_line_once(monkeypatch):
    read: list[int] = []  # lines of each text ruamel's round-trip reader read
    written: list[int] = []  # lines of each text ruamel's emitter wrote
    parsed: list[int] = []  # lines of each profile-sized text the loader (yaml_document) parsed
    load, dump, parse = YAML.load, YAML.dump, yaml_document.parse

    def counted_load(self, stream):
        read.append(str(stream).count("\n"))
        return load(self, stream)

    def counted_dump(self, data, stream, **kwargs):
        out = io.StringIO()
        dump(self, data, out, **kwargs)
        written.append(out.getvalue().count("\n"))
        stream.write(out.getvalue())

    def counted_parse(text, *args, **kwargs):
        if text.startswith("person:"):  # the profile, not a page's front matter read by the importer
            parsed.append(text.count("\n"))
        return parse(text, *args, **kwargs)

    monkeypatch.setattr(YAML, "load", counted_load)
    monkeypatch.setattr(YAML, "dump", counted_dump)
    monkeypatch.setattr(yaml_document, "parse", counted_parse)
    additions, updates, after = proposed_changes(BEFORE, check(BEFORE).profile, "hugo", str(SITE))

    added = after.count("\n") - BEFORE.count("\n")
    assert len(additions) > 100 and added > 2_000
    assert after.startswith("person:\n  name: Geert Litjens\n  ") and not updates  # the owner's fields were added
    # Round-trip reads: only the profile as the person wrote it (one per kind of edit: the person, the sections),
    # never a text holding the imported entries.
    assert read and len(read) <= 3 and max(read) < 20, read
    # The emitter writes each new line once: one dump per section (plus one-line quoting probes), not the
    # document per entry.
    assert added <= sum(written) < added + len(written) + 20, (added, sum(written), len(written))
    # The whole edited profile is parsed a fixed number of times (the append's own check, `check`), not per entry.
    assert len([lines for lines in parsed if lines > 1_000]) <= 3, parsed
