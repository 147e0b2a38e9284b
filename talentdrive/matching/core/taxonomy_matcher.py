"""Fast dictionary matching of taxonomy names in free text (Chinese, English or mixed).

Names live in a character trie. A regular expression finds, in C, the positions where a name could
start (a character that begins some name; for Latin script only at the start of a word), and a plain
dict walk from each position reads every name that starts there; the longest acceptable one wins and
the scan resumes after it. Latin-script names must end on a word boundary ("Go" does not fire inside
"good", "R" not inside "RNN"); CJK names match as substrings, because Chinese is written without
spaces. Spaces, hyphens and underscores inside a name match any run of such separators in the text.
There is no compilation step, so start-up stays fast however many names the taxonomy holds.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from talentdrive.matching.core.text import fold_with_offsets, is_cjk, name_key

__all__ = ["NameEntry", "NameHit", "NameMatcher"]

_LATIN = "a-z0-9\u00c0-\u024f"
_SEP = "\x00"  # stands for a separator inside the trie
_SEPARATOR_CHARS = frozenset(" \t\n\r\f\v-_\u00a0\u3000\u00b7")
_SEPARATOR_RUN = re.compile(r"[\s\-_\u00b7]+")
# A Latin-script name must not continue into a letter, a digit, or "+"/"#" ("C" inside "C++").
_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789") | frozenset(map(chr, range(0xC0, 0x250)))
_BOUNDARY_CHARS = _WORD_CHARS | {"+", "#"}
# Neighbours that show an ambiguous name is an item of a list ("Python, R, SQL", "C/C++", "（Go）").
_LIST_PUNCTUATION = set(",，、/|;；:：()（）[]【】+·•")
# Web addresses and e-mail addresses are not prose: "github.com/ml-lab" names no skill.
# Linear time: an address may start only where its run of address characters starts (the lookbehinds),
# so a long run that is no address ("2019.09-2019.09-…") is scanned once, not once from every dot.
_ADDRESS = re.compile(
    r"(?:https?://|www\.)\S+"
    r"|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|(?<![\w-])(?<![\w-]\.)-*\w[\w-]*(?:\.[\w-]+)*\.(?:com|org|net|io|ai|edu|cn|dev|me|app)(?:/\S*)?",
    re.ASCII,
)
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
    key: str | None = None  # set where a name ends


class NameMatcher:
    """Finds every non-overlapping, longest, boundary-respecting occurrence of the given names."""

    def __init__(self, entries: Iterable[NameEntry]) -> None:
        self._entries: dict[str, list[NameEntry]] = {}
        self._root = _Node()
        for entry in entries:
            key = name_key(entry.name)
            if not key:
                continue
            self._entries.setdefault(key, []).append(entry)
            node = self._root
            for char in key:
                node = node.setdefault(_SEP if char == " " else char, _Node())
            node.key = key
        latin = "".join(sorted(re.escape(c) for c in self._root if c in _WORD_CHARS))
        other = "".join(sorted(re.escape(c) for c in self._root if c not in _WORD_CHARS))
        parts = [f"(?<![{_LATIN}])[{latin}]"] if latin else []
        parts += [f"[{other}]"] if other else []
        self._starts = re.compile("|".join(parts)) if parts else None

    def entries(self, key: str) -> list[NameEntry]:
        return self._entries.get(key, [])

    def lookup(self, name: str) -> str | None:
        """The target of a name given on its own (e.g. a venue field), ignoring context rules."""
        entries = self._entries.get(name_key(name))
        return entries[0].target if entries else None

    def find(self, text: str) -> list[NameHit]:
        return list(self.iter_find(text))

    def iter_find(self, text: str) -> Iterator[NameHit]:
        if self._starts is None or not text:
            return
        folded, offsets = fold_with_offsets(text)
        length, covered = len(folded), 0
        root, entries = self._root, self._entries
        addresses = [m.span() for m in _ADDRESS.finditer(folded)] if "." in folded else []
        next_address = 0
        separators, word_chars, boundary_chars = _SEPARATOR_CHARS, _WORD_CHARS, _BOUNDARY_CHARS
        for candidate in self._starts.finditer(folded):
            begin = candidate.start()
            if begin < covered:
                continue
            if addresses:
                # Candidates come in order, so one pointer walks the (ordered) address spans.
                while next_address < len(addresses) and addresses[next_address][1] <= begin:
                    next_address += 1
                if next_address < len(addresses) and addresses[next_address][0] <= begin:
                    continue
            # Walk the trie from here, collecting every name that ends on a word boundary.
            found: list[tuple[str, int]] = []
            node, index = root, begin
            while index < length:
                char = folded[index]
                child = node.get(char)
                if child is None:
                    if char not in separators:
                        break
                    after = index + 1
                    while after < length and folded[after] in separators:
                        after += 1
                    following = folded[after] if after < length else ""
                    spaced = node.get(_SEP)
                    if spaced is not None and following in spaced:
                        child, index = spaced, after - 1
                    elif following in node and (is_cjk(following) or is_cjk(folded[index - 1])):
                        # Mixed text puts spaces between Latin and Chinese: "AI 芯片" is the name "AI芯片".
                        char, child, index = following, node[following], after
                    else:
                        break
                node, index = child, index + 1
                if node.key is not None and (
                    index >= length or char not in word_chars or folded[index] not in boundary_chars
                ):
                    found.append((node.key, index))
            # Longest first; a name whose context rule fails gives way to a shorter one.
            for key, stop in reversed(found):
                start, end = (begin, stop) if offsets is None else (offsets[begin], offsets[stop - 1] + 1)
                surface = text[start:end]
                entry = _accept(entries[key], text, surface, start, end)
                if entry is not None:
                    covered = stop
                    yield NameHit(entry.target, surface, start, end)
                    break


def _accept(entries: list[NameEntry], text: str, surface: str, start: int, end: int) -> NameEntry | None:
    for entry in entries:
        if entry.exact and _exact_form(surface) != _exact_form(entry.name):
            continue
        if entry.context and not _in_list_context(text, start, end):
            continue
        return entry
    return None


def _exact_form(name: str) -> str:
    return " ".join(_SEPARATOR_RUN.split(unicodedata.normalize("NFKC", name).strip()))


def _in_list_context(text: str, start: int, end: int) -> bool:
    before, after = text[max(0, start - 24) : start], text[end : end + 24]
    word_before = _WORD_BEFORE.search(before)
    # "Computer Science", "Let's Go": a capitalised word right before is part of a longer name.
    if word_before and word_before.group(1)[0].isupper() and before.endswith(word_before.group(1) + " "):
        return False
    left, right = before.rstrip()[-1:], after.lstrip()[:1]
    if left in _LIST_PUNCTUATION or right in _LIST_PUNCTUATION:
        return True
    # Chinese text embeds Latin terms without spaces: "CV算法", "熟悉Go语言".
    if (left and is_cjk(left)) or (right and is_cjk(right)):
        return True
    if _YEAR_AFTER.match(after):
        return True
    word_after = _WORD_AFTER.match(after)
    if word_after and word_after.group(1).lower() in _LIST_WORDS:
        return True
    return bool(word_before and word_before.group(1).lower() in _LIST_WORDS)
