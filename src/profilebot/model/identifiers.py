"""DOI, arXiv, ORCID, ISBN and patent-number normalisation and checksums, as ORCID and registries apply them."""

from __future__ import annotations

import html
import re
from urllib.parse import quote, unquote

# The DOI Handbook allows any printable character in a suffix, but registered DOIs use printable ASCII, and
# sites print a DOI inside `href="https://doi.org/…"`: a quote, backslash, backtick, brace, caret or pipe in
# one is an injection, not an identifier (`10.1234/x"><script>`). `<` and `>` occur only in old Wiley SICI
# DOIs, as `<427::AID-JBM2>` (a digit after `<`, `::` inside): anything else between them is markup.
_DOI_CHAR = r"[!#-&(-;=?-\[\]_a-z~]"
_SICI = r"<[0-9][0-9a-z.;:-]*::[0-9a-z.;:-]*>"
_DOI = re.compile(r"10\.\d{4,9}(?:\.\d+)*/(?:" + _DOI_CHAR + "|" + _SICI + ")+", re.IGNORECASE)
# What may follow a DOI inside a longer value: its end, a space, or a sentence's closing punctuation.
_DOI_END = re.compile(r"[.,;)\]]*(?:\s|$)")
_DOI_RESOLVER = re.compile(r"(?i)^\s*(?:https?://(?:dx\.)?doi\.org/|doi:\s*)")
_ARXIV_NEW = re.compile(r"(\d{4}\.\d{4,5})(?:v\d+)?")
_ARXIV_OLD = re.compile(r"([a-z\-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?", re.IGNORECASE)
_ORCID = re.compile(r"^(?:https?://)?(?:www\.)?(?:sandbox\.)?(?:orcid\.org/)?(\d{4}-\d{4}-\d{4}-\d{3}[\dX])$")
# Office code, serial (digits, optionally with commas), optional kind code: US11928446B2, CN108765282B, EP1234567A1.
_PATENT = re.compile(r"^([A-Z]{2})\s?((?:\d[\d,]*)\d)\s?([A-Z]\d?)?$")


def normalize_doi(value: str) -> str | None:
    """`doi:10.1109/CVPR.2016.90` or a doi.org URL → `10.1109/cvpr.2016.90` (ORCID's way: unescape, extract, lower).

    For comparing (DOIs are case-insensitive); what is stored and printed is `bare_doi`, as the person wrote it.
    """
    doi = bare_doi(value)
    return doi.lower() if doi else None


def bare_doi(value: str) -> str | None:
    """`doi:10.1109/CVPR.2016.90` or a doi.org URL → `10.1109/CVPR.2016.90`: the DOI inside, its case kept
    (a person's `10.1109/CVPR.2016.90` printed lower-cased would be drift noise on every site and export).

    None when the value holds no DOI, or when one runs on into characters no DOI holds
    (`10.1234/x<svg/onload=…>`, `10.1234/x"onfocus=…`): a value that is partly markup is not trimmed into a
    plausible identifier.
    """
    text = html.unescape(value or "")
    if _DOI_RESOLVER.match(text) and "%" in text:
        text = unquote(text)  # a resolver link writes <, >, # and the like percent-encoded (doi_url)
    match = _DOI.search(text)
    if not match or not _DOI_END.match(text, match.end()):
        return None
    # A sentence's full stop after a DOI is not part of it, unless the suffix is nothing but dots.
    doi = match.group(0).rstrip(".")
    return doi if not doi.endswith("/") else match.group(0)


def is_doi(value: str) -> bool:
    """A bare DOI as a profile should store it: `10.<registrant>/<suffix>`, no resolver prefix, printable ASCII
    without the characters that end an HTML attribute or a BibTeX field."""
    return bool(_DOI.fullmatch(value or ""))


def doi_url(doi: str) -> str:
    """The doi.org address of a DOI, percent-encoded where a character means something else in a URL (`#`,
    `?`, `%`) or in a page (`<`, `>`), so every output that links a DOI links the same address."""
    return "https://doi.org/" + quote(doi, safe="/:;()._-!$&*+,=@~[]")


def normalize_arxiv(value: str) -> str | None:
    """`arXiv:2401.01234v2` or an abs/pdf URL → `2401.01234`; old style `hep-th/9901001` kept."""
    text = (value or "").strip()
    for pattern in (_ARXIV_NEW, _ARXIV_OLD):
        match = pattern.search(text)
        if match:
            return match.group(1).lower() if pattern is _ARXIV_OLD else match.group(1)
    return None


def orcid_path(value: str) -> str | None:
    """Bare iD from any accepted form (bare, orcid.org/…, https://orcid.org/…), or None if malformed."""
    match = _ORCID.match((value or "").strip())
    return match.group(1) if match else None


def orcid_checksum_ok(value: str) -> bool:
    """ISO 7064 MOD 11-2, as ORCID computes the 16th character."""
    path = orcid_path(value)
    if path is None:
        return False
    digits = path.replace("-", "")
    total = 0
    for char in digits[:15]:
        total = (total + int(char)) * 2
    result = (12 - total % 11) % 11
    return digits[15] == ("X" if result == 10 else str(result))


def isbn_ok(value: str) -> bool:
    """ISBN-10 or ISBN-13 with a correct check digit (hyphens and spaces ignored)."""
    digits = normalize_isbn(value)
    if re.fullmatch(r"\d{9}[\dX]", digits):
        total = sum((10 - i) * (10 if c == "X" else int(c)) for i, c in enumerate(digits))
        return total % 11 == 0
    if re.fullmatch(r"\d{13}", digits):
        total = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(digits))
        return total % 10 == 0
    return False


def normalize_isbn(value: str) -> str:
    return re.sub(r"[\s-]", "", value or "").upper()


def parse_patent_number(value: str) -> tuple[str, str, str] | None:
    """`US11928446B2` → ("US", "11928446", "B2"); None when it is not office + serial + kind."""
    match = _PATENT.match((value or "").strip().upper())
    if not match:
        return None
    return match.group(1), match.group(2).replace(",", ""), match.group(3) or ""
