"""What a client reads out of a service's answer, checked in one place before anything reads it.

A server (or whatever answers at a wrong API URL: a proxy, a captive portal, another service) can send JSON of
any shape: a list where an object is documented, no "sha", a number as text. Read with `answer["sha"]`, that is a
KeyError or TypeError deep in a sync, an internal error (exit 3). Instead each request names the shape of what
its caller reads — only the fields it uses, with their types — and `checked` turns any difference into one line
naming the service, the request, the field and what was wrong, with a hint; the caller then reads the value
knowing its shape. Fields the bot does not read are never checked: services add fields all the time.

    COMMIT = Object(sha=TEXT)
    TREE = Object(sha=TEXT, truncated=Optional(BOOLEAN), tree=ListOf(Object(path=TEXT, sha=TEXT, type=TEXT)))
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from profilebot.errors import TargetError

SHOWN = 80  # characters of the answer quoted in the error: enough to recognise it, never a megabyte


class Shape:
    """A shape checks a value and says what is wrong with it (None: nothing)."""

    def problem(self, value: Any, at: str) -> str | None:
        raise NotImplementedError

    def describe(self) -> str:
        raise NotImplementedError


@dataclass(frozen=True)
class Kind(Shape):
    """A JSON scalar: text, a whole number (never a boolean, which Python counts as one), true/false."""

    name: str
    types: tuple[type, ...]

    def problem(self, value: Any, at: str) -> str | None:
        if isinstance(value, self.types) and not (isinstance(value, bool) and bool not in self.types):
            return None
        return f"{_name(at)} should be {self.name}, not {_kind_of(value)}"

    def describe(self) -> str:
        return self.name


@dataclass(frozen=True)
class _Any(Shape):
    def problem(self, value: Any, at: str) -> str | None:
        return None

    def describe(self) -> str:
        return "anything"


@dataclass(frozen=True)
class Optional(Shape):
    """The field may be missing or null; when present, it has `shape`."""

    shape: Shape

    def problem(self, value: Any, at: str) -> str | None:
        return None if value is None else self.shape.problem(value, at)

    def describe(self) -> str:
        return f"{self.shape.describe()} or null"


class Object(Shape):
    """A JSON object holding at least these fields (others are ignored)."""

    def __init__(self, **fields: Shape) -> None:
        self.fields: Mapping[str, Shape] = fields

    def problem(self, value: Any, at: str) -> str | None:
        if not isinstance(value, dict):
            return f"{_name(at)} should be an object, not {_kind_of(value)}"
        for name, shape in self.fields.items():
            where = f"{at}.{name}" if at else name
            if name not in value and not isinstance(shape, Optional):
                return f"{where} is missing"
            if (found := shape.problem(value.get(name), where)) is not None:
                return found
        return None

    def describe(self) -> str:
        return "an object"


@dataclass(frozen=True)
class ListOf(Shape):
    """A JSON array whose every item has `shape`."""

    item: Shape

    def problem(self, value: Any, at: str) -> str | None:
        if not isinstance(value, list):
            return f"{_name(at)} should be a list, not {_kind_of(value)}"
        for index, item in enumerate(value):
            if (found := self.item.problem(item, f"{at}[{index}]")) is not None:
                return found
        return None

    def describe(self) -> str:
        return f"a list of {self.item.describe()}"


ANY: Shape = _Any()
TEXT = Kind("text", (str,))
INTEGER = Kind("a whole number", (int,))
BOOLEAN = Kind("true or false", (bool,))
SHA = Object(sha=TEXT)  # what a created blob, tree or commit answers with, as far as the bot reads it


def checked(service: str, what: str, value: Any, shape: Shape, hint: str) -> Any:
    """`value` when it has `shape`; otherwise one TargetError naming `service`, the request (`what`), the field
    and what it holds, with `hint` (usually: check the variable that sets the service's address)."""
    problem = shape.problem(value, "")
    if problem is None:
        return value
    shown = repr(value)
    shown = shown if len(shown) <= SHOWN else shown[:SHOWN - 3] + "..."
    raise TargetError(f"{service}'s answer to '{what}' is not in the documented shape: {problem}; it was {shown}.",
                      hint, service=service)


def _name(at: str) -> str:
    return at or "the answer"


def _kind_of(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return f"the number {value!r}"
    if isinstance(value, str):
        return f"the text {value[:30]!r}" + ("…" if len(value) > 30 else "")
    if isinstance(value, list):
        return f"a list of {len(value)}"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__
