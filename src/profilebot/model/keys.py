"""Letter suffixes (a, b, …, z, aa) that tell equal keys and ids apart, the way Google Scholar does."""

from __future__ import annotations


def letter_suffix(n: int) -> str:
    """0 → a, 25 → z, 26 → aa: bijective base 26, so suffixes never run out."""
    text = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        text = chr(ord("a") + rest) + text
    return text
