"""Chinese names of AI skills that are everyday words elsewhere: read as the skill only in context.

The taxonomy gives AI skills short Chinese synonyms (部署 for model deployment, 量化 for quantisation,
微调 for LLM fine-tuning, 蒸馏 for knowledge distillation). In an AI job text they mean the skill; in
another occupation's prose they are ordinary words: 部署防火墙 (deploy firewalls), 量化考核指标
(quantified targets), 蒸馏装置 (a still), 车身轻量化 (lighter car bodies). Read as skills there, they
gave a DevOps or security job an AI requirement it does not have, and English query words
("model deployment") in place of its own ("deployment").

Which names, from the taxonomy's own structure rather than a list: a Chinese synonym of a skill
under artificial intelligence that is either the tail of a longer Chinese name of the same skill,
the longer name putting a qualifier of two characters or more in front of it (模型部署 → 部署 with
the qualifier 模型; 知识蒸馏, 模型蒸馏 → 蒸馏 with 知识 or 模型), or only two characters long (调色,
降噪, 抓取). The skill's own Chinese name (大模型, 多模态) is never one of them: it is what the
taxonomy calls the skill.

Such a name counts as the skill only when its clause (up to a comma, a semicolon or a full stop) says
the field too: one of its qualifiers (负责模型的训练与部署), one of the words that make a Chinese
term an AI one (模型, 算法: 精排算法), or another AI skill named in full (大模型推理与部署, TensorRT 部署,
AI 应用的部署). Otherwise the words are the text's own (``crosslingual.body_words_en`` reads them).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

AI_ROOT = "artificial-intelligence"
# Words that make a Chinese term an AI one wherever they stand beside it (精排模型, 量化算法).
FIELD_WORDS = ("模型", "算法")
# A qualifier this short (大 of 大模型微调 over 模型微调) says nothing the shorter name lacks.
MIN_QUALIFIER = 2
_ALL_CJK = re.compile(r"^[\u3400-\u9fff]+$")
_CLAUSE_END = re.compile(r"[\n\r，,；;。!?！？]")


def _is_ai(skill_id: str, taxonomy: Any) -> bool:
    ancestors = getattr(taxonomy, "ancestors", None)
    return skill_id == AI_ROOT or (ancestors is not None and AI_ROOT in ancestors(skill_id))


@lru_cache(maxsize=8)  # one taxonomy per file set (compared by identity), a few at most
def context_names(taxonomy: Any) -> Mapping[tuple[str, str], frozenset[str]]:
    """(skill id, Chinese name) → the qualifiers that make it the skill, for every name that needs
    its context (see the module's docstring); the qualifiers may be empty."""
    found: dict[tuple[str, str], frozenset[str]] = {}
    for skill in getattr(taxonomy, "skills", {}).values():
        if not _is_ai(skill.id, taxonomy):
            continue
        chinese = [n for n in dict.fromkeys(skill.names) if n and _ALL_CJK.match(n)]
        for name in chinese:
            if name == skill.name_zh:
                continue
            qualifiers = frozenset(
                longer[: -len(name)]
                for longer in chinese
                if longer != name and longer.endswith(name) and len(longer) - len(name) >= MIN_QUALIFIER
            )
            if qualifiers or len(name) <= 2:
                found[(skill.id, name)] = qualifiers
    return found


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    before = max((m.end() for m in _CLAUSE_END.finditer(text, 0, start)), default=0)
    after = _CLAUSE_END.search(text, end)
    return before, after.start() if after else len(text)


def _key(mention: Any) -> tuple[str, str]:
    return str(getattr(mention, "skill_id", "")), str(getattr(mention, "surface", ""))


def _bound(taxonomy: Any) -> Mapping[tuple[str, str], frozenset[str]]:
    if not hasattr(taxonomy, "skills"):
        return {}
    try:
        return context_names(taxonomy)
    except TypeError:  # a taxonomy that cannot be a cache key (tests' stand-ins)
        return context_names.__wrapped__(taxonomy)


def in_context(mentions: Sequence[Any], text: str, taxonomy: Any) -> list[Any]:
    """The mentions of ``text`` that name their skill there: all of them, except a name that needs its
    context (``context_names``) in a clause that does not say the field."""
    bound = _bound(taxonomy)
    if not bound:
        return list(mentions)
    needing = [m for m in mentions if _key(m) in bound]
    if not needing:
        return list(mentions)
    free = [m for m in mentions if _key(m) not in bound and _is_ai(_key(m)[0], taxonomy)]
    dropped = set()
    for mention in needing:
        start, end = _clause(text, mention.start, mention.end)
        clause = text[start:end]
        words = (*bound[_key(mention)], *FIELD_WORDS)
        if any(word in clause for word in words):
            continue
        if any(start <= other.start and other.end <= end for other in free):
            continue
        dropped.add(id(mention))
    return [m for m in mentions if id(m) not in dropped]


def find_skills_in_context(text: str, taxonomy: Any) -> list[Any]:
    """``taxonomy.find_skills(text)`` without the names that do not mean their skill there."""
    return in_context(taxonomy.find_skills(text), text, taxonomy)
