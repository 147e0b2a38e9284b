"""Text normalisation shared by the taxonomy matcher and the scorers.

Resumes mix full-width and half-width characters (``Ｐｙｔｈｏｎ``, ``ＮｅｕｒＩＰＳ``), ligatures and
different cases. Matching runs on a folded copy of the text; :func:`fold_with_offsets` keeps a map
back to the original so every mention can point at the exact characters the candidate wrote.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["fold", "fold_char", "fold_with_offsets", "is_cjk", "name_key"]

_SEPARATORS = re.compile(r"[\s\-_\u00a0\u3000]+")


@lru_cache(maxsize=8192)
def fold_char(char: str) -> str:
    """NFKC (full-width → half-width, ligatures split) and case folding for one character."""
    return unicodedata.normalize("NFKC", char).casefold()


class _FoldTable(dict[int, str]):
    """``str.translate`` table that folds each character on first sight and remembers it."""

    def __missing__(self, code: int) -> str:
        folded = fold_char(chr(code))
        self[code] = folded
        return folded


_FOLD_TABLE = _FoldTable()
# The full-width forms of ASCII and the ideographic space: NFKC maps each to its ASCII counterpart.
_FULL_WIDTH = re.compile("[\uff01-\uff5e\u3000]")


def _half_width(match: re.Match[str]) -> str:
    char = match.group()
    return " " if char == "\u3000" else chr(ord(char) - 0xFEE0)


def fold(text: str) -> str:
    """Fold a whole string for comparisons (not offset-preserving)."""
    if text.isascii():
        return text.lower()
    return unicodedata.normalize("NFKC", text).casefold()


def fold_with_offsets(text: str) -> tuple[str, list[int] | None]:
    """Fold ``text`` and return ``(folded, offsets)``.

    ``offsets[i]`` is the index in ``text`` of the character that produced ``folded[i]``, with one
    extra entry equal to ``len(text)``. ``offsets`` is ``None`` when folding kept every character in
    place (the common case), so callers can skip the lookup.
    """
    if text.isascii():
        return text.lower(), None
    # Chinese text is NFKC-stable apart from its full-width punctuation. With that mapped to ASCII, a
    # stable text holds only characters that NFKC leaves alone, so folding it is case folding, done in
    # C for the whole string instead of a table lookup per character.
    halved = _FULL_WIDTH.sub(_half_width, text) if _FULL_WIDTH.search(text) else text
    if unicodedata.is_normalized("NFKC", halved):
        folded = halved.casefold()
        if len(folded) == len(text):
            return folded, None
    folded = text.translate(_FOLD_TABLE)
    if len(folded) == len(text):
        # No character folds to nothing, so equal lengths mean every character stayed one character.
        return folded, None
    pieces = [fold_char(char) for char in text]
    offsets: list[int] = []
    for index, piece in enumerate(pieces):
        offsets.extend([index] * len(piece))
    offsets.append(len(text))
    return folded, offsets


def is_cjk(char: str) -> bool:
    """True for Han ideographs, kana and Hangul (scripts written without spaces between words)."""
    code = ord(char)
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0x20000 <= code <= 0x2EBEF
        or 0xF900 <= code <= 0xFAFF
        or 0x3040 <= code <= 0x30FF
        or 0xAC00 <= code <= 0xD7AF
    )


def name_key(name: str) -> str:
    """The comparison key of a taxonomy name: folded, with spaces, hyphens and underscores unified.

    "Fine-tuning", "fine tuning" and "ＦＩＮＥ＿ＴＵＮＩＮＧ" share one key, so two entries that differ
    only by such separators are treated as the same name.
    """
    return _SEPARATORS.sub(" ", fold(name)).strip()
