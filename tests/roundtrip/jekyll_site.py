"""Debian's `jekyll build` of an academicpages round-trip copy, and which of the original URLs it serves.

The copy's own collections (`_publications`, `_talks`) and `files/` are built with the site's real
`collections:` and `permalink:` settings from its `_config.yml`, one minimal layout instead of the theme
(Debian packages no Minimal Mistakes), and jekyll-redirect-from's behaviour (redirect_from.rb beside this
module). A `{% link files/… %}` whose file the corpus did not copy gets an empty stand-in, so a build fails
only for what the round trip did.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import yaml

from tests.roundtrip import site_compare

PLUGIN = Path(__file__).resolve().parent / "jekyll_plugins" / "redirect_from.rb"
LAYOUT = "<!doctype html><html><body><h1>{{ page.title }}</h1>{{ content }}</body></html>\n"
_LINK_TAG = re.compile(r"\{%-?\s*link\s+(\S+)\s*-?%\}")
_FOLDERS = ("_publications", "_talks", "files")


def build(copy: Path, original: Path, folder: Path) -> tuple[Path | None, str]:
    """(the built _site, "") or (None, jekyll's own error output)."""
    source = folder / "source"
    shutil.rmtree(source, ignore_errors=True)
    source.mkdir(parents=True)
    for name in _FOLDERS:
        if (copy / name).is_dir():
            shutil.copytree(copy / name, source / name, symlinks=False)
    config = _config(copy / "_config.yml")
    (source / "_config.yml").write_text(yaml.safe_dump(config, sort_keys=True), "utf-8")
    (source / "_layouts").mkdir()
    (source / "_layouts" / "single.html").write_text(LAYOUT, "utf-8")
    (source / "_plugins").mkdir()
    shutil.copy(PLUGIN, source / "_plugins" / PLUGIN.name)
    for page in [p for name in _FOLDERS[:2] for p in (source / name).rglob("*") if p.is_file()]:
        for target in _LINK_TAG.findall(page.read_text("utf-8", "replace")):
            stand_in = source / target
            if not stand_in.exists() and not (original / target).exists() and ".." not in target:
                stand_in.parent.mkdir(parents=True, exist_ok=True)
                stand_in.write_bytes(b"")
    built = folder / "_site"
    result = subprocess.run(["jekyll", "build", "--source", str(source), "--destination", str(built), "--quiet"],
                            capture_output=True, text=True, timeout=240)
    if result.returncode != 0:
        return None, (result.stdout + result.stderr).strip()
    return built, ""


def missing_urls(built: Path, original: Path) -> list[str]:
    """The original site's page URLs (permalink, collection permalink, redirect_from) the build does not serve."""
    entries = site_compare.jekyll_entries(_tree(original))
    missing = []
    for entry in entries:
        for url in entry.urls:
            if not _served(built, url):
                missing.append(f"{entry.path}: {url}")
    return missing


def _served(built: Path, url: str) -> bool:
    relative = url.lstrip("/")
    return any(candidate.is_file() for candidate in (built / relative / "index.html", built / f"{relative}.html",
                                                     built / relative))


def _config(path: Path) -> dict:
    """The settings that decide URLs, from the site's own _config.yml; the theme, plugins and the rest left out."""
    try:
        real = yaml.safe_load(path.read_text("utf-8", "replace")) if path.is_file() else {}
    except yaml.YAMLError:
        real = {}
    real = real if isinstance(real, dict) else {}
    collections = real.get("collections") if isinstance(real.get("collections"), dict) else {}
    kept = {name: {key: value for key, value in (settings or {}).items() if key in ("output", "permalink")}
            for name, settings in collections.items()}
    config: dict = {"collections": kept, "defaults": [{"scope": {"path": ""}, "values": {"layout": "single"}}],
                    "markdown": "kramdown", "plugins": []}
    if isinstance(real.get("permalink"), str):
        config["permalink"] = real["permalink"]
    return config


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}
