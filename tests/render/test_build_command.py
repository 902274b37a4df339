"""`profilebot build` as a whole process: byte-identical reruns, key order irrelevant, no private field anywhere."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
PHONE = "+1 858 214 0677"


def _build(profile: Path, out: Path) -> dict[str, bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    result = subprocess.run([sys.executable, "-m", "profilebot", "build", str(profile), "-o", str(out)],
                            capture_output=True, text=True, env=env, cwd=profile.parent, timeout=120)
    assert result.returncode == 0, result.stderr
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def _reordered(data):
    """Every mapping with its keys in reverse order (lists keep their order: it carries meaning)."""
    if isinstance(data, dict):
        return {k: _reordered(data[k]) for k in reversed(list(data))}
    if isinstance(data, list):
        return [_reordered(v) for v in data]
    return data


def test_build_twice_and_reordered_keys_give_identical_bytes(tmp_path):
    first = _build(ROOT / "profile.yaml", tmp_path / "one")
    second = _build(ROOT / "profile.yaml", tmp_path / "two")
    assert first == second
    copy_dir = tmp_path / "copy"
    copy_dir.mkdir()
    data = yaml.safe_load((ROOT / "profile.yaml").read_text("utf-8"))
    # Dates stay strings so the copy says exactly what the original says.
    text = yaml.safe_dump(_reordered(data), sort_keys=False, allow_unicode=True)
    assert text.index("publications:") < text.index("person:")
    (copy_dir / "profile.yaml").write_text(text, "utf-8")
    reordered = _build(copy_dir / "profile.yaml", tmp_path / "three")
    exports = {"publications.bib", "publications.ris", "publications.enw", "publications.rfw",
               "publications.csl.json", "resume.json", "orcid-works.json", "orcid-works.xml",
               "orcid-import.bib", "cv.md"}
    assert exports <= set(first)
    for path in exports:
        assert reordered[path] == first[path], path


def test_no_output_contains_the_private_phone(tmp_path):
    files = _build(ROOT / "profile.yaml", tmp_path / "out")
    digits = "".join(c for c in PHONE if c.isdigit())
    assert len(files) >= 10
    assert {"cv.pdf", "site/cv.pdf"} <= set(files)
    for path, data in files.items():
        text = _pdf_text(data) if path.endswith(".pdf") else data.decode("utf-8")
        assert PHONE not in text, path
        assert digits not in "".join(c for c in text if c.isdigit()), path
        assert "858 214" not in text and "8582140677" not in text, path


def test_a_removed_papers_files_go_stale_and_are_removed_but_other_files_stay(tmp_path):
    profile = tmp_path / "profile.yaml"
    text = (ROOT / "profile.yaml").read_text("utf-8")
    profile.write_text(text, "utf-8")
    out = tmp_path / "out"
    _build(profile, out)
    (out / "notes.md").write_text("mine\n", "utf-8")  # the person's file, outside what build owns
    (out / "site" / "CNAME").write_text("example.org\n", "utf-8")
    assert (out / "site" / "publications" / "yu2024geot.html").is_file()
    start, end = text.index("  - id: yu2024geot"), text.index("  - id: huang2024towards")
    profile.write_text(text[:start] + text[end:], "utf-8")
    profile.write_text(profile.read_text("utf-8").replace("    publication: yu2024geot\n", ""), "utf-8")
    files = _build(profile, out)
    assert not any("yu2024geot" in path for path in files)
    assert files["notes.md"] == b"mine\n" and files["site/CNAME"] == b"example.org\n"
    fresh = _build(profile, tmp_path / "fresh")
    assert {p: d for p, d in files.items() if p not in ("notes.md", "site/CNAME")} == fresh


def _pdf_text(data: bytes) -> str:
    import io

    import pypdf

    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)


def test_include_private_reaches_only_the_local_cv_and_sync_refuses_it(tmp_path, capsys):
    from profilebot.cli import main

    assert main(["-q", "build", str(ROOT / "profile.yaml"), "-o", str(tmp_path / "out"), "--include-private"]) == 0
    digits = "".join(c for c in PHONE if c.isdigit())
    local = _pdf_text((tmp_path / "out" / "cv.pdf").read_bytes())
    assert digits in "".join(c for c in local if c.isdigit())
    assert PHONE in (tmp_path / "out" / "cv.typ").read_text("utf-8")
    site = _pdf_text((tmp_path / "out" / "site" / "cv.pdf").read_bytes())
    assert digits not in "".join(c for c in site if c.isdigit())
    capsys.readouterr()
    assert main(["sync", str(ROOT / "profile.yaml"), "--include-private"]) == 2
    assert "private contact values are never published" in capsys.readouterr().err


def test_source_date_epoch_must_be_a_number(tmp_path, monkeypatch, capsys):
    from profilebot.cli import main

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    assert main(["build", str(ROOT / "profile.yaml"), "-o", str(tmp_path / "out")]) == 2
    assert "SOURCE_DATE_EPOCH is 'yesterday'" in capsys.readouterr().err


def test_build_runs_without_cycle_collection_and_gives_it_back(tmp_path, monkeypatch):
    """A 2,000-paper build spent about a tenth of its time in the cycle collector's passes over its
    short-lived objects: build switches it off while it runs, and back on after (also after an error)."""
    import gc

    from profilebot import cli
    from profilebot.render import outputs

    seen = []
    original = outputs.render_all

    def watched(*args, **kwargs):
        seen.append(gc.isenabled())
        return original(*args, **kwargs)

    monkeypatch.setattr(outputs, "render_all", watched)
    assert gc.isenabled()
    assert cli.main(["build", str(ROOT / "profile.yaml"), "-o", str(tmp_path / "out"), "--quiet"]) == 0
    assert seen == [False] and gc.isenabled()
    assert cli.main(["build", str(tmp_path / "missing.yaml"), "-o", str(tmp_path / "out")]) != 0
    assert gc.isenabled()


def test_check_and_a_static_build_load_no_importer_and_no_other_site_template(tmp_path):
    """Start-up is part of a build's time: the lint rules name files without the academicpages adapter (and
    the importers it reads pages with), so `check` and a static build never import them."""
    code = ("import sys; from profilebot.cli import main; rc = main(['-q', 'build', sys.argv[1], '-o', sys.argv[2]]);"
            "print(rc, sorted(m for m in sys.modules if m.startswith(('profilebot.importers', "
            "'profilebot.render.site.academicpages', 'profilebot.render.site.al_folio', "
            "'profilebot.render.site.hugo_blox'))))")
    done = subprocess.run([sys.executable, "-c", code, str(ROOT / "profile.yaml"), str(tmp_path / "out")],
                          capture_output=True, text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
                          timeout=120, check=False)
    assert done.stdout.strip().splitlines()[-1] == "0 []", done.stdout + done.stderr
