"""A complete importer that is not in the product: RenderCV's publication entries (`cv.sections.<any>[]` with
title, authors, date, journal, doi), registered by tests/importers/test_contract.py with one line in
plugins.IMPORTERS and run by the real `profilebot import` command. It is what a new importer costs: this module."""

from __future__ import annotations

import re
from typing import Any

import yaml

from profilebot.importers.candidate import Candidate, citation_key, year_of
from profilebot.importers.source import Imported, Request, one_file
from profilebot.model.matching import Work

NAME = "rendercv"
VALUE = "a RenderCV YAML file"
EXAMPLE = "cv.yaml"
_MARKUP = re.compile(r"[*_\\]")  # RenderCV's Markdown emphasis around the owner's name


def candidates(text: str, source: str, owner: str) -> list[Candidate]:
    sections = (yaml.safe_load(text) or {}).get("cv", {}).get("sections", {})
    found = []
    for name, entries in sections.items():
        for index, item in enumerate(entries or []):
            if isinstance(item, dict) and item.get("title") and item.get("authors"):
                found.append(_publication(item, f"{source}#{name}[{index}]"))
    return found


def _publication(item: dict[str, Any], origin: str) -> Candidate:
    title = " ".join(str(item["title"]).split())
    authors = [_MARKUP.sub("", str(a)).strip() for a in item["authors"]]
    year = int(m.group()) if (m := re.search(r"\b(19|20)\d\d\b", str(item.get("date", "")))) else None
    entry: dict[str, Any] = {"type": "journal-article", "status": "published", "title": title, "authors": authors}
    if year is not None:
        entry["date"] = year
    if item.get("journal"):
        entry["venue"] = {"name": str(item["journal"])}
    if item.get("doi"):
        entry["doi"] = str(item["doi"])
    work = Work(key=origin, title=title, year=year_of(year), doi=entry.get("doi"), source=origin)
    return Candidate("publications", entry, origin, work, citation_key(authors[0], year, title))


def imported(request: Request) -> Imported:
    return one_file(request, candidates)[1]
