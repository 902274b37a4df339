"""Escaping for every output syntax: BibTeX/LaTeX, tagged lines (RIS, EndNote, RefWorks), XML, JSON, Markdown."""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any

# C0/C1 controls other than whitespace, and the code points XML 1.0 forbids: no output format can carry
# them, and they only reach a profile by copy-paste accident.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")


def one_line(text: str) -> str:
    """Any run of whitespace (newlines included) → one space, trimmed, controls dropped.

    Why: titles and names are single-line in every citation format, and BibTeX/LaTeX collapse
    whitespace anyway, so this is the form all of them can round-trip.
    """
    return " ".join(_CONTROL.sub("", text or "").split())


# ---------------------------------------------------------------------------------------------- BibTeX

# Characters with a meaning in LaTeX or BibTeX. Braces become \textbrace… (not \{): BibTeX counts
# braces without looking at backslashes, so `\{` would unbalance the field. Every escape sits in its own
# group, `{\textbraceleft}`, `{\%}`, which BibTeX's name parser treats as one special character like `{\'e}`.
_LATEX_SPECIALS = {
    "\\": r"{\textbackslash}",
    "{": r"{\textbraceleft}",
    "}": r"{\textbraceright}",
    "%": r"{\%}",
    "&": r"{\&}",
    "$": r"{\$}",
    "#": r"{\#}",
    "_": r"{\_}",
    "~": r"{\textasciitilde}",
    "^": r"{\textasciicircum}",
    # Not special to BibTeX inside braces, but bibtexparser 2 aborts the entry on `@{` anywhere.
    "@": "{@}",
}
# Pairs TeX fonts turn into one glyph ("--" → en dash, "``" → “, "!`" → ¡); `{}` between them keeps both.
_LIGATURE_PAIRS = {(a, b) for a in "-'`,<>" for b in "-'`,<>"} | {("!", "`"), ("?", "`")}

# Combining accent → LaTeX accent command (the letter follows). Scholar writes these forms.
_ACCENTS = {
    "\u0301": "'", "\u0300": "`", "\u0302": "^", "\u0308": '"', "\u0303": "~", "\u0304": "=",
    "\u0307": ".", "\u030b": "H", "\u030c": "v", "\u0306": "u", "\u030a": "r", "\u0327": "c", "\u0328": "k",
}
_SPECIAL_LETTERS = {
    "ß": r"\ss", "ø": r"\o", "Ø": r"\O", "æ": r"\ae", "Æ": r"\AE", "œ": r"\oe", "Œ": r"\OE",
    "ł": r"\l", "Ł": r"\L", "ı": r"\i", "å": r"\aa", "Å": r"\AA",
}


def _latex_letter(char: str) -> str | None:
    """'í' → `{\\'\\i}`, 'Š' → `{\\v{S}}`; None for anything that is not a Latin letter with one accent."""
    if char in _SPECIAL_LETTERS:
        return "{" + _SPECIAL_LETTERS[char] + "}"
    decomposed = unicodedata.normalize("NFD", char)
    if len(decomposed) != 2 or not ("a" <= decomposed[0].lower() <= "z") or decomposed[1] not in _ACCENTS:
        return None
    base, command = decomposed[0], _ACCENTS[decomposed[1]]
    # Accents sit on a dotless i/j, as Scholar writes `Rodr{\'\i}guez`.
    base = {"i": r"\i", "j": r"\j"}.get(base, base)
    if command.isalpha():
        return "{\\" + command + "{" + base + "}}"
    return "{\\" + command + base + "}"


# Anything that is not plain printable ASCII free of specials and ligature pairs takes the slow path.
_NEEDS_ESCAPE = re.compile(r"[^ -~]|[\\{}%&$#_~^@]|[-'`,<>][-'`,<>]|[!?]`|^ | $|  ")


def bibtex_text(text: str, latex_accents: bool = True) -> str:
    """A field value for inside `{…}`: one line, LaTeX specials escaped, braces always balanced.

    With latex_accents, Latin letters with one accent become LaTeX accent commands as Scholar writes
    them (`Camacho-Rodr{\\'\\i}guez`); every other non-ASCII character stays UTF-8, which BibTeX 8-bit,
    biber and every reader tested accept. Readers decode it with a LaTeX-to-Unicode converter.
    """
    if not _NEEDS_ESCAPE.search(text or ""):
        return text or ""
    out: list[str] = []
    previous = ""
    for char in one_line(text):
        if (previous, char) in _LIGATURE_PAIRS:
            out.append("{}")
        previous = char
        if char in _LATEX_SPECIALS:
            out.append(_LATEX_SPECIALS[char])
        elif latex_accents and ord(char) > 127 and (latex := _latex_letter(char)) is not None:
            out.append(latex)
        else:
            out.append(char)
    return "".join(out)


_AND = re.compile(r"(?i)(^|\s)and(\s|$)")


def bibtex_name(family: str, given: str, latex_accents: bool = True) -> str:
    """`Family, Given` for an `author` list; a part that BibTeX would split is protected by braces.

    BibTeX splits the list on the word "and" and the name on commas, and a single-part name on spaces,
    so such parts become one brace group.
    """
    def part(text: str, protect_spaces: bool) -> str:
        escaped = bibtex_text(text, latex_accents)
        risky = "," in escaped or _AND.search(escaped) or (protect_spaces and " " in escaped)
        return "{" + escaped + "}" if risky else escaped

    family_text = part(family, protect_spaces=not one_line(given))
    if not one_line(given):
        return family_text
    return f"{family_text}, {part(given, protect_spaces=False)}"


def bibtex_verbatim(text: str) -> str:
    """A `doi` or `url` value: kept as typed, because biblatex and the url package read these fields
    verbatim (`\\_` would become part of the address); only what would break the entry — braces,
    backslashes, whitespace — or the `href="…"` a site prints it into — a double quote — is percent-encoded,
    which leaves the address meaning the same (a DOI never holds a quote: identifiers.is_doi)."""
    return "".join(f"%{ord(c):02X}" if c in '{}\\"' or c.isspace() else c for c in _CONTROL.sub("", text.strip()))


# ------------------------------------------------------------------------------ RIS, EndNote, RefWorks

def tagged_value(text: str) -> str:
    """A value on a `TAG  - value` / `%T value` / `T1 value` line: one line, trimmed, no controls.

    The tagged formats end a value at the line break and have no escape for one, so line breaks become
    spaces; nothing else needs escaping because a tag is only recognised at the start of a line.
    """
    return one_line(text)


# ------------------------------------------------------------------------------------------------ XML

_XML_SPECIALS = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\r": "&#13;"})
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_XML_CHANGED = re.compile("[&<>\"\r\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")  # what xml_text changes


def xml_text(text: str) -> str:
    """Element or attribute text: markup characters as entities, `\\r` kept as `&#13;` (a parser would
    turn a raw one into `\\n`), characters XML 1.0 cannot carry dropped."""
    if not text or not _XML_CHANGED.search(text):  # nearly every value (a year, an id, a name): one search
        return text or ""
    return _XML_FORBIDDEN.sub("", text).translate(_XML_SPECIALS)


# ----------------------------------------------------------------------------------------------- JSON

def json_document(data: Any, sort_keys: bool = False) -> str:
    """UTF-8 JSON, two-space indent, final newline; sort_keys where key order carries no meaning.

    orjson writes exactly the bytes json.dumps(ensure_ascii=False, indent=2) writes (a test holds
    them equal) about ten times faster: the standard encoder drops to pure Python once indent is set.
    """
    try:
        import orjson
        option = orjson.OPT_INDENT_2 | (orjson.OPT_SORT_KEYS if sort_keys else 0)
        return orjson.dumps(data, option=option).decode("utf-8") + "\n"
    except (ImportError, TypeError):  # TypeError: what orjson refuses, e.g. integers beyond 64 bits
        return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=sort_keys) + "\n"


# ------------------------------------------------------------------------------------------- Markdown

# Inline syntax anywhere (emphasis, code, links, HTML, entities, GFM tables/strikethrough, math), and
# the marks that open a block when they start a line (headings, lists, quotes, setext underlines).
_MARKDOWN_INLINE = re.compile(r"([\\`*_\[\]<>&|~$])")
_MARKDOWN_BLOCK_START = re.compile(r"^(?:#{1,6}(?=\s|$)|[-+](?=\s|$)|-{2,}|=+|>|\d{1,9}(?=[.)](?:\s|$)))")
# A heading's optional closing sequence: '#'s after a space at the end of the line, which a heading drops.
_MARKDOWN_CLOSING_HASHES = re.compile(r"(?<=[ \t])(#+[ \t]*)$")


def markdown_text(text: str) -> str:
    """Inline Markdown that renders literally: one line, syntax characters backslash-escaped
    (CommonMark lets any ASCII punctuation be escaped), ordinary punctuation left readable."""
    escaped = _MARKDOWN_CLOSING_HASHES.sub(r"\\\1", _MARKDOWN_INLINE.sub(r"\\\1", one_line(text)))
    match = _MARKDOWN_BLOCK_START.match(escaped)
    if match is None:
        return escaped
    if match.group(0)[0].isdigit():  # "12. x" is a list item: escape the dot, not the number
        cut = match.end()
        return escaped[:cut] + "\\" + escaped[cut:]
    return "\\" + escaped
