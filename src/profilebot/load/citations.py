"""citations.yaml → Citations, every problem an error with file:line:col (the file is written by `sync`,
but people edit and merge it, so `build` must refuse a count that lost its source or date)."""

from __future__ import annotations

import re
from typing import Any

from profilebot.errors import UsageError
from profilebot.load import yaml_document
from profilebot.model.citations import Citation, Citations

FILE_NAME = "citations.yaml"
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
FIELDS = ("cited_by", "source", "date", "record")


def parse(text: str, source: str = FILE_NAME) -> Citations:
    document = yaml_document.parse(text, source)
    if document.findings:
        first = document.findings[0]
        raise UsageError(f"{first.location}: {first.message}", first.hint)
    data = document.data or {}

    def where(*path: Any) -> str:
        position = document.source_map.position(path) or document.source_map.key_position(path) or (1, 1)
        return f"{source}:{position[0]}:{position[1]}"

    if not isinstance(data, dict) or not isinstance(data.get("works") or {}, dict):
        raise UsageError(f"{where()}: expected a mapping with `works:` (work id → cited_by, source, date).")
    works = {}
    for work_id, entry in (data.get("works") or {}).items():
        if not isinstance(entry, dict):
            raise UsageError(f"{where('works', work_id)}: expected {{cited_by: N, source: …, date: YYYY-MM-DD}}.")
        for key in entry:
            if key not in FIELDS:
                raise UsageError(f"{where('works', work_id, key)}: unknown key '{key}'.", f"Keys: {', '.join(FIELDS)}.")
        count, origin, date = entry.get("cited_by"), entry.get("source"), str(entry.get("date") or "")
        if not isinstance(count, int) or isinstance(count, bool) or count < 0:
            raise UsageError(f"{where('works', work_id)}: cited_by must be a whole number ≥ 0.")
        if not isinstance(origin, str) or not origin.strip() or not _DATE.match(date):
            # A count without its source and date is never shown; refusing it here says so before `build`.
            raise UsageError(f"{where('works', work_id)}: a count needs its source and the date it was read "
                             "(source: OpenAlex, date: YYYY-MM-DD).")
        record = entry.get("record")
        works[str(work_id)] = Citation(count, origin.strip(), date, str(record) if record else None)
    return Citations(works)
