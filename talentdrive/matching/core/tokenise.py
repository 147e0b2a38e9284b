"""Bilingual tokenisation: ``tokenise`` for keyword search over jobs, ``bm25_tokens`` for text relevance.

Chinese runs become overlapping character bigrams (a run of one character stays a unigram) in both.
``tokenise`` lower-cases Latin-script words and stems them with the Snowball English stemmer
(PyStemmer), so a job searched for "engineer" is found by "engineering". ``bm25_tokens``, which the
match index and the requisition's text query use, reads Latin text as the plain-BM25 baseline
(bm25s's default tokeniser) does: words of two or more letters or digits, bm25s's English stopwords,
no stemming. It keeps "c++" / "c#" whole. Measured on the O*NET check's dev split, stemming cost
text relevance 0.02 nDCG@10 in English, and single-character tokens (list numbers "1.", "2.") 0.04
in Chinese (docs/quality.md, "Text relevance").
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

# bm25s's English stopword list (bm25s.stopwords.STOPWORDS_EN), so relevance matches the baseline's.
BM25_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "but",
        "by",
        "for",
        "if",
        "in",
        "into",
        "is",
        "it",
        "no",
        "not",
        "of",
        "on",
        "or",
        "such",
        "that",
        "the",
        "their",
        "then",
        "there",
        "these",
        "they",
        "this",
        "to",
        "was",
        "will",
        "with",
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


def bm25_tokens(text: str) -> list[str]:
    """Text-relevance tokens: Chinese character bigrams, English words as written (lower case),
    two characters or more (or a single letter with ``+``/``#``), bm25s's English stopwords out."""
    tokens: list[str] = []
    for match in _TOKEN.finditer(text.lower()):
        run = match.group()
        if run[0] >= _CJK_START and run[0] <= "\u9fff":
            if len(run) == 1:
                tokens.append(run)
            else:
                tokens.extend(run[i : i + 2] for i in range(len(run) - 1))
        elif len(run) > 1 and run not in BM25_STOPWORDS:
            tokens.append(run)
    return tokens
