"""Bilingual tokenisation for text relevance.

Chinese runs become overlapping character bigrams (a run of one character stays a unigram);
Latin-script words are lower-cased and stemmed with the Snowball English stemmer (PyStemmer).
Bigrams rather than jieba words because they need no dictionary, are deterministic across versions,
tokenise a million resumes in minutes rather than tens of minutes, and recall domain words jieba
splits differently in queries and documents (e.g. 多模态 → 多模 模态 on both sides).
"""

from __future__ import annotations

import re
from functools import lru_cache

import Stemmer

_TOKEN = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]+|[a-z0-9][a-z0-9]*[+#]*", re.IGNORECASE)
_CJK_START = "\u3400"

# Function words that carry no relevance in job descriptions or resumes.
STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "has",
        "have",
        "in",
        "is",
        "it",
        "of",
        "on",
        "or",
        "that",
        "the",
        "to",
        "we",
        "with",
        "you",
        "your",
        "our",
        "will",
        "this",
        "be",
        "able",
        "etc",
    ]
)

_stemmer = Stemmer.Stemmer("english")


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    return _stemmer.stemWord(word)


def tokenise(text: str) -> list[str]:
    """Split zh/en text into relevance tokens: Chinese character bigrams, stemmed English words."""
    tokens: list[str] = []
    for match in _TOKEN.finditer(text.lower()):
        run = match.group()
        if run[0] >= _CJK_START and run[0] <= "\u9fff":
            if len(run) == 1:
                tokens.append(run)
            else:
                tokens.extend(run[i : i + 2] for i in range(len(run) - 1))
        elif run not in STOPWORDS:
            tokens.append(_stem(run))
    return tokens
