"""Fast dictionary matching of taxonomy names in free text (Chinese, English or mixed).

All names are compiled into one regular expression shaped like a trie, so the engine walks the text
once and, at each position, prefers the longest name (branches are ordered longest-first). Latin-script
names must sit on word boundaries ("Go" does not fire inside "good", "R" not inside "RNN"); CJK names
match as substrings, because Chinese is written without spaces. Spaces, hyphens and underscores inside
a name match any run of such separators in the text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from talentdrive.matching.core.text import fold_with_offsets, name_key

__all__ = ["NameEntry", "NameHit", "NameMatcher"]

_LATIN = "a-z0-9\u00c0-\u024f"
_SEP = "\x00"  # stands for a separator inside trie keys
_SEP_PATTERN = r"[\s\-_\u00b7]+"
# Neighbours that show an ambiguous name is an item of a list ("Python, R, SQL", "C/C++", "（Go）").
_LIST_PUNCTUATION = set(",，、/|;；:：()（）[]【】&+·•")
_LIST_WORDS = {"and", "or", "和", "与", "及", "或", "以及"}
_YEAR_AFTER = re.compile(r"\s*'?(?:19|20)?\d\d\b")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\s*$")
_WORD_AFTER = re.compile(r"^\s*([A-Za-z]+|[\u4e00-\u9fff]{1,2})")


@dataclass(frozen=True, slots=True)
class NameEntry:
    """One name of one target. ``exact`` names match only as written (case-sensitive); ``context``
    names additionally need a list-like neighbour (comma, slash, bracket, "and", a year)."""

    target: str
    name: str
    exact: bool = False
    context: bool = False


@dataclass(frozen=True, slots=True)
class NameHit:
    target: str
    surface: str
    start: int
    end: int


class _Node(dict[str, "_Node"]):
    terminal: bool = False


def _boundary_after(char: str) -> str:
    return f"(?![{_LATIN}+#])" if re.match(f"[{_LATIN}]", char) else ""


def _trie_pattern(node: _Node, last_char: str) -> str:
    branches = []
    # Longer continuations first so the leftmost match is also the longest one.
    for char in sorted(node, key=lambda c: (c == _SEP, c)):
        piece = _SEP_PATTERN if char == _SEP else re.escape(char)
        branches.append(piece + _trie_pattern(node[char], char))
    if node.terminal:
        branches.append(_boundary_after(last_char))
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


def _insert(root: _Node, key: str) -> None:
    node = root
    for char in key.replace(" ", _SEP):
        node = node.setdefault(char, _Node())
    node.terminal = True


class NameMatcher:
    """Finds every non-overlapping, longest, boundary-respecting occurrence of the given names."""

    def __init__(self, entries: Iterable[NameEntry]) -> None:
        self._entries: dict[str, list[NameEntry]] = {}
        latin_root, other_root = _Node(), _Node()
        for entry in entries:
            key = name_key(entry.name)
            if not key:
                continue
            self._entries.setdefault(key, []).append(entry)
            _insert(latin_root if re.match(f"[{_LATIN}]", key[0]) else other_root, key)
        alternatives = []
        if latin_root:
            alternatives.append(f"(?<![{_LATIN}])" + _trie_pattern(latin_root, ""))
        if other_root:
            alternatives.append(_trie_pattern(other_root, ""))
        self._regex = re.compile("|".join(alternatives)) if alternatives else None

    def entries(self, key: str) -> list[NameEntry]:
        return self._entries.get(key, [])

    def lookup(self, name: str) -> str | None:
        """The target of a name given on its own (e.g. a venue field), ignoring context rules."""
        entries = self._entries.get(name_key(name))
        return entries[0].target if entries else None

    def find(self, text: str) -> list[NameHit]:
        return list(self.iter_find(text))

    def iter_find(self, text: str) -> Iterator[NameHit]:
        if self._regex is None or not text:
            return
        folded, offsets = fold_with_offsets(text)
        for match in self._regex.finditer(folded):
            start, end = match.span()
            if offsets is not None:
                start, end = offsets[start], offsets[end - 1] + 1
            surface = text[start:end]
            entry = self._accept(self._entries.get(name_key(match.group()), []), text, surface, start, end)
            if entry is not None:
                yield NameHit(entry.target, surface, start, end)

    @staticmethod
    def _accept(entries: list[NameEntry], text: str, surface: str, start: int, end: int) -> NameEntry | None:
        for entry in entries:
            if entry.exact and _exact_form(surface) != _exact_form(entry.name):
                continue
            if entry.context and not _in_list_context(text, start, end):
                continue
            return entry
        return None


def _exact_form(name: str) -> str:
    return " ".join(re.split(_SEP_PATTERN, unicodedata.normalize("NFKC", name).strip()))


def _in_list_context(text: str, start: int, end: int) -> bool:
    before, after = text[max(0, start - 24) : start], text[end : end + 24]
    word_before = _WORD_BEFORE.search(before)
    # "Computer Science", "Let's Go": a capitalised word right before is part of a longer name.
    if word_before and word_before.group(1)[0].isupper() and before.endswith(word_before.group(1) + " "):
        return False
    left, right = before.rstrip()[-1:], after.lstrip()[:1]
    if left in _LIST_PUNCTUATION or right in _LIST_PUNCTUATION:
        return True
    if _YEAR_AFTER.match(after):
        return True
    word_after = _WORD_AFTER.match(after)
    if word_after and word_after.group(1).lower() in _LIST_WORDS:
        return True
    return bool(word_before and word_before.group(1).lower() in _LIST_WORDS)
