"""The address Jekyll serves a collection document at, from the site's `_config.yml`.

A page without `permalink:` is served where its collection's permalink pattern puts it (academicpages
ships `/:collection/:path/`: `_publications/2020-12-01-Longform.md` → `/publications/2020-12-01-Longform/`).
Import records that address so the page keeps being served there, and the adapter knows it is the page's
own address (not one to redirect from).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Mapping

from profilebot.load import yaml_document

# Jekyll's built-in permalink styles.
_STYLES = {"date": "/:categories/:year/:month/:day/:title:output_ext", "pretty": "/:categories/:year/:month/:day/:title/",
           "ordinal": "/:categories/:year/:y_day/:title:output_ext", "none": "/:categories/:title:output_ext"}
_DEFAULT = "/:collection/:path:output_ext"  # Jekyll's default for a collection with output: true


@dataclass(frozen=True)
class SiteConfig:
    """What `_config.yml` says about addresses (each collection's permalink pattern) and, for academicpages,
    the `publication_category` keys its publications page lists papers under, in order."""

    permalinks: Mapping[str, str] = field(default_factory=dict)
    publication_categories: tuple[str, ...] = ()

    @classmethod
    def parse(cls, text: str, source: str = "_config.yml") -> SiteConfig:
        """The config's collection permalinks; a config that does not read leaves Jekyll's defaults (the site
        then does not build either, and the page addresses are the least of it)."""
        if not text.strip():
            return cls()
        document = yaml_document.parse(text, source)
        data = document.data if isinstance(document.data, dict) and not document.findings else {}
        collections = data.get("collections")
        found: dict[str, str] = {}
        if isinstance(collections, dict):
            for name, settings in collections.items():
                if isinstance(settings, dict) and isinstance(settings.get("permalink"), str):
                    found[str(name)] = settings["permalink"].strip()
        categories = data.get("publication_category")
        return cls(found, tuple(str(key) for key in categories) if isinstance(categories, dict) else ())

    def url(self, path: str, fields: Mapping[str, Any] | None = None, date: str | None = None) -> str:
        """The address of the document at `path` (site-relative, `_publications/x.md`) with no `permalink:`."""
        folder, _, rest = path.partition("/")
        collection = folder.lstrip("_")
        pattern = self.permalinks.get(collection, _DEFAULT)
        pattern = _STYLES.get(pattern, pattern)
        stem = rest.rsplit(".", 1)[0] if "." in rest.rsplit("/", 1)[-1] else rest
        name = stem.rsplit("/", 1)[-1]
        dated = re.match(r"^(\d{4})-(\d{2})-(\d{2})-(.+)$", name)
        year, month, day = (dated.group(1), dated.group(2), dated.group(3)) if dated else ("", "", "")
        if date and re.match(r"^\d{4}-\d{2}-\d{2}", date):
            year, month, day = date[:4], date[5:7], date[8:10]
        title = dated.group(4) if dated else name
        categories = (fields or {}).get("categories") or (fields or {}).get("category") or ""
        if isinstance(categories, list):
            categories = "/".join(str(c) for c in categories)
        values = {"collection": collection, "path": stem, "name": name, "title": title, "slug": title,
                  "output_ext": ".html", "year": year, "month": month, "day": day, "categories": str(categories)}
        url = re.sub(r":(collection|path|name|title|slug|output_ext|year|month|day|categories)",
                     lambda m: values[m.group(1)], pattern)
        return re.sub(r"/{2,}", "/", "/" + url.lstrip("/"))


def same_address(a: str, b: str) -> bool:
    """Two addresses Jekyll serves as one page: `/x/`, `/x` and `/x.html`, `/x/index.html`."""
    def norm(url: str) -> str:
        url = url.split("#", 1)[0].split("?", 1)[0]
        url = re.sub(r"/index\.html$", "/", url)
        url = re.sub(r"\.html$", "", url)
        return url.rstrip("/") or "/"

    return norm(a) == norm(b)
