"""Keyword search over open jobs: bilingual, taxonomy-aware, best match first. Pure Python, no Django.

A query is cut into units: each skill or domain the taxonomy names in it ("pretraining", "ASR",
"多模态") is one concept, and every other word is one token (stemmed English words, Chinese character
bigrams, as the matching core tokenises). A job matches when it has every unit: a concept through any
of its names in either language ("pre-training", "speech recognition", "multimodal") or through a more
specific skill under it, a token in its words. Matches are ordered by the summed rarity of the units
they hold (inverse document frequency among the jobs searched), a unit in the title counting double;
ties keep the order the jobs were given in.

When nothing matches, ``suggest`` offers what to show instead of an empty page: the query with each
unknown word replaced by the closest word the jobs use ("multimodel" → "multimodal"), when that finds
jobs, and the jobs holding the most of the query's units (related jobs).
"""

from __future__ import annotations

import difflib
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np

from talentdrive.matching.core.tokenise import tokenise

# Units of a query beyond this many are ignored (a pasted paragraph is not a keyword).
MAX_UNITS = 12


class Vocabulary(Protocol):
    def find_skills(self, text: str) -> Sequence[Any]: ...
    def find_domains(self, text: str) -> Sequence[Any]: ...
    def ancestors(self, skill_id: str) -> tuple[str, ...]: ...


@dataclass(frozen=True, slots=True)
class JobText:
    id: int
    title: str  # every language's title
    body: str  # every language's description
    code: str = ""  # the external id, matched whole


@dataclass(frozen=True, slots=True)
class _Job:
    id: int
    code: str
    title_units: frozenset[str]
    units: frozenset[str]


@dataclass(frozen=True)
class KeywordIndex:
    jobs: tuple[_Job, ...]
    frequency: Counter[str]
    # The Latin-script words of the jobs as written (lower case), for "did you mean".
    words: frozenset[str] = frozenset()
    # For each unit the positions (in ``jobs``) of the jobs holding it, and for each external id its jobs:
    # a search intersects a few sets instead of visiting every job.
    postings: dict[str, frozenset[int]] = field(default_factory=dict)
    codes: dict[str, tuple[int, ...]] = field(default_factory=dict)
    # ``words`` in a fixed order with their letter counts, so "did you mean" compares a word in full only
    # with the words whose letters could make them close.
    word_list: tuple[str, ...] = ()
    letters: dict[str, int] = field(default_factory=dict)
    letter_counts: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), dtype=np.int16))
    word_lengths: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int32))
    # For each unit, the positions of its jobs in order and what it counts in each (2 in the title, else
    # 1): related jobs are scored over a whole array at once.
    multipliers: dict[str, tuple[np.ndarray, np.ndarray]] = field(default_factory=dict)

    def idf(self, unit: str) -> float:
        n = len(self.jobs)
        return math.log(1 + (n - self.frequency[unit] + 0.5) / (self.frequency[unit] + 0.5))


def _concept_ids(text: str, vocabulary: Vocabulary) -> list[tuple[str, int, int]]:
    """(concept unit, start, end) of every skill and domain mention."""
    found = [(f"skill:{_id(m, 'skill_id')}", m.start, m.end) for m in vocabulary.find_skills(text)]
    found += [(f"domain:{_id(m, 'domain_id')}", m.start, m.end) for m in vocabulary.find_domains(text)]
    return found


def _id(mention: Any, attribute: str) -> str:
    return str(getattr(mention, attribute, None) or getattr(mention, "id", ""))


def _units(text: str, vocabulary: Vocabulary) -> set[str]:
    """Everything a job text can be found by: its tokens, its concepts and their broader concepts."""
    units = set(tokenise(text))
    for unit, _start, _end in _concept_ids(text, vocabulary):
        units.add(unit)
        if unit.startswith("skill:"):
            units.update(f"skill:{parent}" for parent in vocabulary.ancestors(unit[6:]))
    return units


def build_index(jobs: Iterable[JobText], vocabulary: Vocabulary) -> KeywordIndex:
    """Index jobs once; searching is then a pass over sets."""
    built = []
    frequency: Counter[str] = Counter()
    words: set[str] = set()
    for job in jobs:
        title_units = _units(job.title, vocabulary)
        units = title_units | _units(job.body, vocabulary)
        frequency.update(units)
        words.update(w.lower() for w in _WORD.findall(f"{job.title}\n{job.body}"))
        built.append(_Job(job.id, job.code.casefold(), frozenset(title_units), frozenset(units)))
    postings: dict[str, set[int]] = {}
    codes: dict[str, list[int]] = {}
    for position, held in enumerate(built):
        for unit in held.units:
            postings.setdefault(unit, set()).add(position)
        codes.setdefault(held.code, []).append(position)
    word_list = tuple(sorted(words))
    letters = {letter: column for column, letter in enumerate(sorted({c for w in word_list for c in w}))}
    letter_counts = np.zeros((len(word_list), len(letters)), dtype=np.int16)
    for row, word in enumerate(word_list):
        for letter, count in Counter(word).items():
            letter_counts[row, letters[letter]] = count
    return KeywordIndex(
        tuple(built),
        frequency,
        frozenset(words),
        {unit: frozenset(found) for unit, found in postings.items()},
        {code: tuple(found) for code, found in codes.items()},
        word_list,
        letters,
        letter_counts,
        np.array([len(word) for word in word_list], dtype=np.int32),
        {unit: _multipliers(built, unit, found) for unit, found in postings.items()},
    )


def _multipliers(jobs: Sequence[_Job], unit: str, positions: set[int]) -> tuple[np.ndarray, np.ndarray]:
    ordered = sorted(positions)
    counted = [2.0 if unit in jobs[position].title_units else 1.0 for position in ordered]
    return np.array(ordered, dtype=np.intp), np.array(counted, dtype=np.float64)


_WORD = re.compile(r"[A-Za-z][A-Za-z0-9+#-]{2,}")


def query_units(query: str, vocabulary: Vocabulary) -> list[str]:
    """The units a query asks for: its concepts, then its words outside them."""
    concepts = _concept_ids(query, vocabulary)
    units = list(dict.fromkeys(unit for unit, _start, _end in concepts))
    # Words inside a concept's mention are that concept, not extra words to find.
    covered = sorted((start, end) for _unit, start, end in concepts)
    rest = []
    cursor = 0
    for start, end in covered:
        if start > cursor:
            rest.append(query[cursor:start])
        cursor = max(cursor, end)
    rest.append(query[cursor:])
    units += [token for token in dict.fromkeys(tokenise(" ".join(rest))) if token not in units]
    return units[:MAX_UNITS]


def search(index: KeywordIndex, query: str, vocabulary: Vocabulary) -> list[int]:
    """Ids of the jobs holding every unit of the query (or whose external id it is), best first."""
    units = query_units(query, vocabulary)
    code = query.strip().casefold()
    weights = {unit: index.idf(unit) for unit in units}
    by_code = set(index.codes.get(code, ())) if code else set()
    holding: set[int] = set()
    if units:
        postings = sorted((index.postings.get(unit, frozenset()) for unit in units), key=len)
        holding = set(postings[0]).intersection(*postings[1:])
    scored: list[tuple[float, int, int]] = [(math.inf, p, index.jobs[p].id) for p in by_code]
    for position in holding - by_code:
        job = index.jobs[position]
        score = sum(weights[unit] * (2.0 if unit in job.title_units else 1.0) for unit in units)
        scored.append((score, position, job.id))
    scored.sort(key=lambda item: (-item[0], item[1]))
    return [job_id for _score, _position, job_id in scored]


@dataclass(frozen=True)
class Suggestion:
    """What to offer when a query finds nothing: a corrected query ("" if none) and related job ids."""

    query: str = ""
    related: tuple[int, ...] = ()


# A word is replaced only by a known word at least this similar (difflib's ratio).
CLOSE_WORD = 0.8


def _close_words(index: KeywordIndex, word: str) -> list[str]:
    """The known word closest to ``word`` at ``CLOSE_WORD`` or above, as difflib.get_close_matches over all
    the words finds it. difflib's ratio never exceeds its ``quick_ratio`` (the letters two words share,
    counted with repeats, twice over their summed length), so the words below the cutoff by that bound are
    left out at once, all together, and only the rest are compared in full."""
    if not index.word_list:
        return []
    wanted = np.zeros(len(index.letters), dtype=np.int16)
    for letter, count in Counter(word).items():
        column = index.letters.get(letter)
        if column is not None:
            wanted[column] = count
    shared = np.minimum(index.letter_counts, wanted).sum(axis=1)
    bound = 2.0 * shared / (index.word_lengths + len(word))
    possible = [index.word_list[row] for row in np.flatnonzero(bound >= CLOSE_WORD - 1e-9)]
    return difflib.get_close_matches(word, possible, n=1, cutoff=CLOSE_WORD)


def suggest(index: KeywordIndex, query: str, vocabulary: Vocabulary, *, limit: int = 5) -> Suggestion:
    """A spelling the jobs use that finds results, and the jobs sharing the most of the query's units."""
    corrected = query
    for word in dict.fromkeys(_WORD.findall(query)):
        if word.lower() in index.words:
            continue
        close = _close_words(index, word.lower())
        if close:
            corrected = re.sub(rf"(?<![A-Za-z]){re.escape(word)}(?![A-Za-z])", close[0], corrected)
    if corrected == query or not search(index, corrected, vocabulary):
        corrected = ""
    units = query_units(query, vocabulary)
    weights = {unit: index.idf(unit) for unit in units}
    # Each job's score summed unit by unit in the query's order, as a sum over the units it holds would
    # (the same additions in the same order, so equal scores stay equal).
    scores = np.zeros(len(index.jobs), dtype=np.float64)
    for unit in units:
        held = index.multipliers.get(unit)
        if held is not None:
            positions, counted = held
            scores[positions] += weights[unit] * counted
    scored = np.flatnonzero(scores)
    best = scored[np.lexsort((scored, -scores[scored]))[:limit]]
    return Suggestion(corrected, tuple(index.jobs[position].id for position in best.tolist()))
