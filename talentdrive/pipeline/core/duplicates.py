"""Which candidate records look like one person: the rule, on plain values (no Django).

Two records are a pair when their names are the same and at least one more thing ties them:

* the name: Chinese names (any CJK character) compared exactly, ignoring spaces and middle dots;
  other names case-, accent- and space-insensitively, in either order ("Li Lei", "LI  Lei", "Lilei",
  "Lei Li" are one name);
* and one of: the same school (an application's or the parsed résumé's, compared case- and
  space-insensitively); a similar email local part (``li.lei+jobs@a.com`` and ``lilei1998@b.com``:
  case, dots, ``+`` suffixes and trailing digits ignored, at least three letters left); or a shared
  contact (one record's phone or email appears among the other's résumé contacts, or both résumés list
  the same phone).

The phone alone cannot tie two records: phones are unique, so two records never share one, and the
person's second record holds their résumé's phone at most as a résumé contact, which the last rule reads.
A name alone is not enough either: common names are shared by different people.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations

SAME_SCHOOL = "same_school"
SIMILAR_EMAIL = "similar_email"
SHARED_CONTACT = "shared_contact"

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ebef]")
_NAME_DROP = re.compile(r"[\s·・.\-]+")
_WORD = re.compile(r"[^\W\d_]+")
_NOT_ALNUM = re.compile(r"[\W_]+")
_MIN_EMAIL_KEY = 3


@dataclass(frozen=True)
class PersonFacts:
    candidate_id: int
    full_name: str
    email: str = ""
    phone: str = ""
    schools: frozenset[str] = frozenset()
    resume_phones: frozenset[str] = frozenset()
    resume_emails: frozenset[str] = frozenset()


@dataclass(frozen=True)
class DuplicatePair:
    first: int
    second: int
    reasons: tuple[str, ...]


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text).casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=16384)
def name_keys(full_name: str) -> frozenset[str]:
    """The keys under which a name is the same name; empty for an empty name."""
    text = unicodedata.normalize("NFKC", full_name or "").strip()
    if not text:
        return frozenset()
    if _CJK.search(text):
        return frozenset({_NAME_DROP.sub("", text)})
    words = _WORD.findall(_fold(text))
    if not words:
        return frozenset()
    return frozenset({"".join(words), "".join(sorted(words))})


@lru_cache(maxsize=16384)
def school_key(school: str) -> str:
    return _NOT_ALNUM.sub("", _fold(school or ""))


@lru_cache(maxsize=16384)
def email_key(email: str) -> str:
    """The local part with case, dots, a ``+`` suffix and trailing digits left out; '' if too short."""
    local = (email or "").partition("@")[0].partition("+")[0]
    key = _NOT_ALNUM.sub("", _fold(local)).rstrip("0123456789")
    return key if len(key) >= _MIN_EMAIL_KEY else ""


def _reasons(a: PersonFacts, b: PersonFacts) -> tuple[str, ...]:
    reasons = []
    schools_a = {key for key in map(school_key, a.schools) if key}
    schools_b = {key for key in map(school_key, b.schools) if key}
    if schools_a & schools_b:
        reasons.append(SAME_SCHOOL)
    if email_key(a.email) and email_key(a.email) == email_key(b.email):
        reasons.append(SIMILAR_EMAIL)
    if (
        (a.phone and a.phone in b.resume_phones)
        or (b.phone and b.phone in a.resume_phones)
        or (a.email and a.email in b.resume_emails)
        or (b.email and b.email in a.resume_emails)
        or (a.resume_phones & b.resume_phones)
    ):
        reasons.append(SHARED_CONTACT)
    return tuple(reasons)


def same_name_groups(names: Iterable[tuple[int, str]]) -> list[frozenset[int]]:
    """Groups of two or more candidate ids under one name key: the only records that can pair."""
    by_key: dict[str, set[int]] = defaultdict(set)
    for candidate_id, full_name in names:
        for key in name_keys(full_name):
            by_key[key].add(candidate_id)
    groups = {frozenset(ids) for ids in by_key.values() if len(ids) > 1}
    return sorted(groups, key=min)


def duplicate_pairs(people: Iterable[PersonFacts]) -> list[DuplicatePair]:
    """Every pair of records that look like one person, the best-supported first, then by id."""
    facts = {person.candidate_id: person for person in people}
    seen: set[tuple[int, int]] = set()
    pairs = []
    for group in same_name_groups((p.candidate_id, p.full_name) for p in facts.values()):
        for first, second in combinations(sorted(group), 2):
            if (first, second) in seen:
                continue
            seen.add((first, second))
            reasons = _reasons(facts[first], facts[second])
            if reasons:
                pairs.append(DuplicatePair(first, second, reasons))
    return sorted(pairs, key=lambda pair: (-len(pair.reasons), pair.first, pair.second))
