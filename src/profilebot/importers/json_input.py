"""JSON that people and servers hand to profilebot, parsed into data or one clear error, never a crash.

The standard parser raises RecursionError on deeply nested input (100,000 brackets) and ValueError on an
integer of more than 4,300 digits; both are bad input, not bugs.
"""

from __future__ import annotations

import json
from typing import Any

from profilebot.errors import UsageError


def loads(text: str, source: str, hint: str | None = None) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise UsageError(f"{source}:{error.lineno}:{error.colno}: not valid JSON: {error.msg}.", hint) from None
    except RecursionError:
        raise UsageError(f"{source}: the JSON nests deeper than Python can read.",
                         "Check that this is the file you meant; real records nest a few levels.") from None
    except ValueError as error:  # an integer of thousands of digits
        raise UsageError(f"{source}: not valid JSON: {str(error).split(';')[0]}.", hint) from None


def listed(value: Any) -> list[Any]:
    """A value a source's format says is a list, read as one: a list as it is; anything else a person or a tool
    may have put there (a number, true, a text, an object) holds no items, rather than being iterated."""
    return value if isinstance(value, list) else []
