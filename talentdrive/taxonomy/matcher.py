"""Fast dictionary matching of taxonomy names in free text (Chinese, English or mixed).

Names live in a character trie. Regular expressions find, in C, the positions where a name could
start: a Latin word, looked up whole among the first words of names ("large" for "large language
model"), or, outside Latin script, a position from which patterns compiled from the trie can read a
whole name. A plain dict walk from each position reads every name that starts there; the longest
acceptable one wins and the scan resumes after it. Latin-script names must end on a word boundary ("Go"
does not fire inside "good", "R" not inside "RNN"); CJK names match as substrings, because Chinese is
written without spaces. Spaces, hyphens and underscores inside a name match any run of such separators
in the text. Several matchers (skills and domains) can share one pass (:class:`MultiMatcher`). Building
them takes about 0.1 s for the shipped taxonomy, and compiling the patterns for names outside Latin
script about 0.3 s more, once per process.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from talentdrive.taxonomy.text import fold_with_offsets, is_cjk, name_key

__all__ = ["MultiMatcher", "NameEntry", "NameHit", "NameMatcher", "address_spans"]

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


class NameHit(NamedTuple):
    """One accepted occurrence (a named tuple: immutable, and cheap to make by the hundred per text)."""

    target: str
    surface: str
    start: int
    end: int


class _Node(dict[str, "_Node"]):
    __slots__ = ("key",)  # no per-node attribute dict: half the memory, and a faster ``node.key``

    def __init__(self) -> None:
        super().__init__()
        self.key: str | None = None  # set where a name ends


_new_hit = tuple.__new__  # NameHit(...) without the Python-level __new__ of a named tuple
_LATIN_RUN = re.compile(f"[{_LATIN}]+")


class _Trie:
    """The character trie of some names, the patterns that find where one could start, and the heads
    that can start one: every single character that begins a name outside Latin script, and for Latin
    script the whole first word ("large" for "large language model", "c" for "C++"). A Latin name
    ends on a word boundary, so the walk from a word start finds nothing unless the text's whole word
    is such a head; the pattern reads the word, and a set lookup spares the walk.

    Outside Latin script a name may start at any character, and Chinese text is dense with characters
    that begin some name without finishing one ("模" of 模型压缩, "训" of 训练框架). There the
    patterns are the trie itself, as regular expressions that accept a position only if a whole name
    can be read from it (:func:`_filter_source`), so the walks in Python happen where a name is."""

    __slots__ = ("_others", "heads", "latin", "root")
    heads: dict[str, _Node]  # each head and the trie node it leads to

    def __init__(self, keys: Iterable[str]) -> None:
        self.root = _Node()
        heads: set[str] = set()
        for key in keys:
            node = self.root
            for char in key:
                node = node.setdefault(_SEP if char == " " else char, _Node())
            node.key = key
            word = _LATIN_RUN.match(key)
            heads.add(word.group() if word else key[0])
        self.heads = {}
        for head in heads:
            node = self.root
            for char in head:
                node = node[char]
            self.heads[head] = node
        latin = _chars(c for c in self.root if c in _WORD_CHARS)
        # The first letter is read before the look behind it, so the engine skips in C to the next letter.
        self.latin = re.compile(f"[{latin}](?<![{_LATIN}].)[{_LATIN}]*") if latin else None
        self._others: tuple[tuple[re.Pattern[str], ...], tuple[re.Pattern[str], ...]] | None = None

    @property
    def others(self) -> tuple[tuple[re.Pattern[str], ...], tuple[re.Pattern[str], ...]]:
        """The patterns for names that start outside Latin script: those for an ASCII first character
        (".NET"), which any text may hold, and the rest, which only a text beyond ASCII can. Compiled on
        first use (about 0.3 s for the shipped taxonomy's thousand-odd Chinese names, once per process)."""
        if self._others is None:
            firsts = [c for c in self.root if c not in _WORD_CHARS]
            self._others = (
                _filters(self.root, sorted(c for c in firsts if c.isascii())),
                _filters(self.root, sorted(c for c in firsts if not c.isascii())),
            )
        return self._others


def _filters(root: _Node, firsts: list[str]) -> tuple[re.Pattern[str], ...]:
    # The engine skips, in C, every character that cannot start an alternative, and then tries the
    # alternatives one by one: a few patterns of some dozens of first characters each are far quicker
    # than one of hundreds.
    count = max(1, min(8, len(firsts) // 32))
    return tuple(
        re.compile("|".join(_filter_source(root, first) for first in firsts[group::count]))
        for group in range(count)
        if firsts[group::count]
    )


_FILTER_SEPARATORS = "[" + "".join(sorted(re.escape(c) for c in _SEPARATOR_CHARS | {_SEP})) + "]"
_FILTER_BOUNDARY = f"(?![{_LATIN}+#])"


def _filter_source(root: _Node, first: str) -> str:
    """A pattern that reads ``first`` and then, without consuming it, the rest of some name: every
    text the walk in :func:`_scan` accepts as a name from this position, and possibly a little more
    (the walk makes choices at separators that the pattern does not), so it never hides a name."""
    rest = _rest_source(root[first], first, 0)
    return re.escape(first) + (f"(?={rest})" if rest else "")


def _rest_source(node: _Node, incoming: str, depth: int) -> str:
    if node.key is not None and incoming not in _WORD_CHARS:
        return ""  # a name ends here whatever follows
    if depth > 200:
        return ""  # absurdly long names: accept the position and let the walk decide
    alternatives = [_FILTER_BOUNDARY] if node.key is not None else []
    beside_cjk = incoming != _SEP and is_cjk(incoming)
    for char, child in sorted(node.items()):
        rest = _rest_source(child, char, depth + 1)
        # Separator runs are read whole and never given back (possessive), as the walk skips a run whole:
        # backtracking into a long run would cost time growing with its square.
        if char == _SEP:
            alternatives.append(f"{_FILTER_SEPARATORS}++{rest}")
        else:
            # Separators may stand between two characters when either is Chinese ("AI 芯片", "机器\n学习").
            optional = f"{_FILTER_SEPARATORS}*+" if beside_cjk or is_cjk(char) else ""
            alternatives.append(f"{optional}{re.escape(char)}{rest}")
    if len(alternatives) == 1:
        return alternatives[0]
    return "(?:" + "|".join(alternatives) + ")"


def _chars(chars: Iterable[str]) -> str:
    """The body of a character class holding exactly ``chars``."""
    return "".join(sorted(re.escape(c) for c in chars))


class NameMatcher:
    """Finds every non-overlapping, longest, boundary-respecting occurrence of the given names."""

    def __init__(self, entries: Iterable[NameEntry]) -> None:
        self._entries: dict[str, list[NameEntry]] = {}
        for entry in entries:
            key = name_key(entry.name)
            if key:
                self._entries.setdefault(key, []).append(entry)
        self._trie = _Trie(self._entries)
        self._plans = _plans((self._entries,))

    def entries(self, key: str) -> list[NameEntry]:
        return self._entries.get(key, [])

    def lookup(self, name: str) -> str | None:
        """The target of a name given on its own (e.g. a venue field), ignoring context rules."""
        entries = self._entries.get(name_key(name))
        return entries[0].target if entries else None

    def find(self, text: str) -> list[NameHit]:
        return _scan(self._trie, self._plans, 1, text)[0]

    def iter_find(self, text: str) -> Iterator[NameHit]:
        yield from self.find(text)

    def prepare(self) -> None:
        """Compile the start patterns now rather than on the first text outside Latin script."""
        _ = self._trie.others


class MultiMatcher:
    """Several matchers (skills and domains) in one pass over the text, each with the results it would
    find alone: one trie walk per position serves them all, and the text is folded and searched for
    addresses once."""

    def __init__(self, matchers: Sequence[NameMatcher]) -> None:
        self._matchers = tuple(matchers)
        self._tables = tuple(m._entries for m in self._matchers)
        self._trie = _Trie(dict.fromkeys(k for table in self._tables for k in table))
        self._plans = _plans(self._tables)
        # After a separator the walk prefers a name that continues past it over one that skips it ("ai 芯片"
        # beside "ai芯片"). Were that choice to differ between the shared trie and a matcher's own, the
        # matchers run one at a time instead.
        self._shared = not any(
            _separator_choice_differs(self._trie.root, m._trie.root) for m in self._matchers
        )

    def prepare(self) -> None:
        """Compile the start patterns now rather than on the first text outside Latin script."""
        if self._shared:
            _ = self._trie.others
        else:
            for matcher in self._matchers:
                matcher.prepare()

    def find(self, text: str) -> list[list[NameHit]]:
        if not self._shared:
            return [matcher.find(text) for matcher in self._matchers]
        return _scan(self._trie, self._plans, len(self._tables), text)


def _separator_choice_differs(shared: _Node, own: _Node) -> bool:
    """True where the shared trie continues after a separator with a character that ``own`` continues
    with only directly, beside Chinese (the only place a separator may be skipped): there the shared
    walk would follow a name ``own`` does not hold."""
    stack: list[tuple[_Node, _Node, str]] = [(shared, own, "")]
    while stack:
        node, mine, last = stack.pop()
        spaced, my_spaced = node.get(_SEP), mine.get(_SEP)
        if spaced is not None:
            for char in mine:
                if (
                    char != _SEP
                    and char in spaced
                    and (my_spaced is None or char not in my_spaced)
                    and (is_cjk(char) or not last or last == _SEP or is_cjk(last))
                ):
                    return True
        stack.extend((node[char], child, char) for char, child in mine.items())
    return False


_ASCII_SPACE = " \t\n\r\f\v"
_NEXT_SPACE = re.compile(f"[{_ASCII_SPACE}]")
# Every address holds one of these; only the run of non-space characters around one is searched.
# (Each alternative opens with its rarest character, so the engine skips, in C, to the next "@", "." or ":".)
_ADDRESS_ANCHOR = re.compile(
    r"@|\.(?:com|org|net|io|ai|edu|cn|dev|me|app)|\.(?<=www\.)|:(?<=http:)//|:(?<=https:)//"
)


def address_spans(folded: str) -> list[tuple[int, int]]:
    """The spans of web and e-mail addresses in folded text, in order (see ``_ADDRESS``)."""
    spans: list[tuple[int, int]] = []
    if "." not in folded:
        return spans
    position, length = 0, len(folded)
    while (anchor := _ADDRESS_ANCHOR.search(folded, position)) is not None:
        at = anchor.start()
        # Addresses hold no (ASCII) space, so the address search can start at the run's first character.
        start = max(folded.rfind(space, position, at) for space in _ASCII_SPACE) + 1
        after = _NEXT_SPACE.search(folded, at)
        stop = after.start() if after is not None else length
        spans.extend(match.span() for match in _ADDRESS.finditer(folded, start, stop))
        position = stop
    return spans


# For each name, the tables that hold it: (table number, target, whether a rule must accept it, entries).
_Plan = tuple[tuple[int, str, bool, list[NameEntry]], ...]


def _plans(tables: Sequence[dict[str, list[NameEntry]]]) -> dict[str, _Plan]:
    plans: dict[str, list[tuple[int, str, bool, list[NameEntry]]]] = {}
    for which, table in enumerate(tables):
        for key, entries in table.items():
            first = entries[0]
            plans.setdefault(key, []).append((which, first.target, first.exact or first.context, entries))
    return {key: tuple(plan) for key, plan in plans.items()}


def _scan(trie: _Trie, plans: dict[str, _Plan], count: int, text: str) -> list[list[NameHit]]:
    """Every accepted hit of each of ``count`` tables' names, one list per table."""
    results: list[list[NameHit]] = [[] for _ in range(count)]
    latin, heads = trie.latin, trie.heads
    if not text or not heads:
        return results
    folded, offsets = fold_with_offsets(text)
    length = len(folded)
    covered = [0] * count
    lowest = 0  # min(covered): a position every table has already covered is not walked
    addresses = address_spans(folded)
    next_address, address_count = 0, len(addresses)
    separators, word_chars, boundary_chars = _SEPARATOR_CHARS, _WORD_CHARS, _BOUNDARY_CHARS
    # Where a name may start, in order: Latin words that are heads, and positions outside Latin script
    # where a whole name can be read.
    candidates: list[tuple[int, str]] = (
        [(match.start(), head) for match in latin.finditer(folded) if (head := match[0]) in heads]
        if latin is not None
        else []
    )
    ascii_patterns, other_patterns = trie.others
    patterns = ascii_patterns if folded.isascii() else ascii_patterns + other_patterns
    if patterns:
        others = [(match.start(), match[0]) for pattern in patterns for match in pattern.finditer(folded)]
        if others:
            candidates += others
            candidates.sort()
    for begin, head in candidates:
        if begin < lowest:
            continue
        node = heads[head]
        index = begin + len(head)
        if address_count:
            # Candidates come in order, so one pointer walks the (ordered) address spans.
            while next_address < address_count and addresses[next_address][1] <= begin:
                next_address += 1
            if next_address < address_count and addresses[next_address][0] <= begin:
                continue
        # Walk the trie from the end of the head (a name cannot end inside a Latin word), collecting every
        # name that ends on a word boundary.
        found: list[tuple[str, int]] = []
        if node.key is not None and (
            index >= length or folded[index - 1] not in word_chars or folded[index] not in boundary_chars
        ):
            found.append((node.key, index))
        while node and index < length:  # a leaf (most names) has nothing to walk on to
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
        if not found:
            continue
        # Longest first; a name whose context rule fails gives way to a shorter one. Each table takes its
        # own longest accepted name: a table is still open here while it has covered nothing past
        # ``begin`` (taking a name moves its cover past ``begin``).
        taken = False
        for key, stop in reversed(found):
            surface = ""
            for which, target, ruled, entries in plans[key]:
                if begin < covered[which]:
                    continue
                if not surface:
                    start, end = (begin, stop) if offsets is None else (offsets[begin], offsets[stop - 1] + 1)
                    surface = text[start:end]
                if ruled:
                    entry = _accept(entries, text, surface, start, end)
                    if entry is None:
                        continue
                    target = entry.target
                covered[which] = stop
                results[which].append(_new_hit(NameHit, (target, surface, start, end)))
                taken = True
        if taken:
            lowest = min(covered)
    return results


def _accept(entries: list[NameEntry], text: str, surface: str, start: int, end: int) -> NameEntry | None:
    for entry in entries:
        if entry.exact and _exact_form(surface) != _exact_form(entry.name):
            continue
        if entry.context and not _in_list_context(text, start, end):
            continue
        return entry
    return None


@lru_cache(maxsize=4096)  # the same few short names ("Go", "R", "C") over and over
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
