"""Skills, domains, venues and competitions: the project's taxonomy, with a small built-in fallback.

``knowledge()`` is the one switch: it returns the shared bilingual taxonomy (talentdrive.matching.core)
when it loads, and otherwise a minimal built-in vocabulary so parsing never depends on it being valid.
"""

from __future__ import annotations

import gc
import os
import re
from collections.abc import Mapping
from functools import cache, cached_property
from pathlib import Path
from typing import NamedTuple, Protocol


class Hit(NamedTuple):
    """One mention (a named tuple: immutable, and cheap to make by the hundred per resume)."""

    id: str
    name: str
    surface: str
    start: int
    end: int
    top: bool = False  # venues: a top venue; awards: a tier-1/2 result


class Found(NamedTuple):
    """The skills or the domains of one text: each hit as (id, surface, start, end), and each id's name.

    The hits are the taxonomy matcher's own tuples, passed on as they are: a resume has a hundred."""

    hits: list[tuple[str, str, int, int]]
    names: Mapping[str, str]


def _found(hits: list[Hit]) -> Found:
    return Found([(h.id, h.surface, h.start, h.end) for h in hits], {h.id: h.name for h in hits})


class Knowledge(Protocol):
    def skills(self, text: str) -> list[Hit]: ...
    def domains(self, text: str) -> list[Hit]: ...
    def skills_and_domains(self, text: str) -> tuple[Found, Found]: ...
    def venues(self, text: str) -> list[Hit]: ...
    def awards(self, text: str) -> list[Hit]: ...


class _TaxonomyKnowledge:
    def __init__(self, taxonomy: object, fallback: _BuiltinKnowledge) -> None:
        self.taxonomy = taxonomy
        self.fallback = fallback

    def skills(self, text: str) -> list[Hit]:
        return [Hit(m.skill_id, m.name, m.surface, m.start, m.end) for m in self.taxonomy.find_skills(text)]  # type: ignore[attr-defined]

    def domains(self, text: str) -> list[Hit]:
        domains = self.taxonomy.domains  # type: ignore[attr-defined]
        if not domains:
            return self.fallback.domains(text)
        found = self.taxonomy.find_domains(text)  # type: ignore[attr-defined]
        return [Hit(m.domain_id, domains[m.domain_id].name_en, m.surface, m.start, m.end) for m in found]

    @cached_property
    def _names(self) -> tuple[dict[str, str], dict[str, str]]:
        """Skill ids and domain ids to their English names."""
        return tuple(  # type: ignore[return-value]
            {key: record.name_en for key, record in table.items()}
            for table in (self.taxonomy.skills, self.taxonomy.domains)  # type: ignore[attr-defined]
        )

    def skills_and_domains(self, text: str) -> tuple[Found, Found]:
        if not self.taxonomy.domains:  # type: ignore[attr-defined]
            return _found(self.skills(text)), _found(self.fallback.domains(text))
        found_skills, found_domains = self.taxonomy.match_skills_and_domains(text)  # type: ignore[attr-defined]
        skill_names, domain_names = self._names
        return Found(found_skills, skill_names), Found(found_domains, domain_names)

    def venues(self, text: str) -> list[Hit]:
        venues = self.taxonomy.venues  # type: ignore[attr-defined]
        if not venues:
            return self.fallback.venues(text)
        found = self.taxonomy.find_venues(text)  # type: ignore[attr-defined]
        return [Hit(m.venue_id, venues[m.venue_id].name, m.surface, m.start, m.end, m.top) for m in found]

    def awards(self, text: str) -> list[Hit]:
        awards = self.taxonomy.awards  # type: ignore[attr-defined]
        if not awards:
            return self.fallback.awards(text)
        found = self.taxonomy.find_awards(text)  # type: ignore[attr-defined]
        return [
            Hit(m.award_id, awards[m.award_id].name_en, m.surface, m.start, m.end, m.tier <= 2) for m in found
        ]


def _table(
    rows: dict[str, tuple[str, ...]], flags: int = re.IGNORECASE
) -> tuple[re.Pattern[str], dict[str, str]]:
    by_surface = {}
    for key, names in rows.items():
        for name in names:
            by_surface[name.lower()] = key
    alternatives = sorted({name for names in rows.values() for name in names}, key=len, reverse=True)
    pattern = re.compile(
        r"(?<![A-Za-z0-9])(?:" + "|".join(re.escape(name) for name in alternatives) + r")(?![A-Za-z0-9])",
        flags,
    )
    return pattern, by_surface


_SKILLS = {
    "python": ("Python",), "cpp": ("C++",), "java": ("Java",), "cuda": ("CUDA",), "pytorch": ("PyTorch",),
    "tensorflow": ("TensorFlow",), "jax": ("JAX",), "llm": ("LLM", "LLMs", "large language model", "large language models", "大模型", "大语言模型"),
    "transformer": ("Transformer", "Transformers"), "rlhf": ("RLHF",), "reinforcement-learning": ("reinforcement learning", "强化学习"),
    "computer-vision": ("computer vision", "计算机视觉"), "nlp": ("NLP", "natural language processing", "自然语言处理"),
    "deep-learning": ("deep learning", "深度学习"), "machine-learning": ("machine learning", "机器学习"),
    "speech-recognition": ("speech recognition", "ASR", "语音识别"), "multimodal": ("multimodal", "多模态"),
    "distributed-training": ("distributed training", "分布式训练"), "deepspeed": ("DeepSpeed",), "megatron": ("Megatron", "Megatron-LM"),
    "vllm": ("vLLM",), "triton": ("Triton",), "kubernetes": ("Kubernetes", "K8s"), "docker": ("Docker",),
    "sql": ("SQL",), "spark": ("Spark",), "go": ("Golang",), "rust": ("Rust",), "linux": ("Linux",),
    "diffusion-models": ("diffusion model", "diffusion models", "扩散模型"), "agents": ("agent", "agents", "智能体"),
    "rag": ("RAG", "retrieval-augmented generation", "检索增强生成"), "recommender-systems": ("recommender systems", "推荐系统"),
}  # fmt: skip
_DOMAINS = {
    "healthcare": ("healthcare", "medical", "clinical", "医疗", "医学", "健康", "医院"),
    "education": ("education", "edtech", "教育", "在线教育"),
    "finance": ("finance", "fintech", "banking", "金融", "银行", "证券"),
    "e-commerce": ("e-commerce", "ecommerce", "电商", "电子商务"),
    "autonomous-driving": ("autonomous driving", "self-driving", "自动驾驶", "智能驾驶"),
    "gaming": ("gaming", "game", "games", "游戏"),
    "robotics": ("robotics", "robot", "机器人", "具身智能"),
    "smart-hardware": ("smart glasses", "wearable", "AR glasses", "智能眼镜", "可穿戴", "智能硬件"),
    "advertising": ("advertising", "ads", "广告"),
    "security": ("cybersecurity", "网络安全"),
}  # fmt: skip
_TOP_VENUES = (
    "NeurIPS", "NIPS", "ICML", "ICLR", "CVPR", "ICCV", "ECCV", "ACL", "EMNLP", "NAACL", "KDD", "SIGKDD", "AAAI", "IJCAI",
    "SIGIR", "WWW", "The Web Conference", "Interspeech", "ICASSP", "MICCAI", "ISCA", "MICRO", "HPCA", "ASPLOS", "OSDI",
    "SOSP", "NSDI", "SIGGRAPH", "MLSys", "TPAMI", "IJCV", "JMLR", "TACL", "Nature", "Science", "CHI", "UbiComp", "SIGMOD", "VLDB",
)  # fmt: skip
_OTHER_VENUES = (
    "arXiv",
    "WACV",
    "BMVC",
    "ICPR",
    "ICIP",
    "COLING",
    "CIKM",
    "WSDM",
    "ICME",
    "ACCV",
    "ICRA",
    "IROS",
    "TIP",
    "TNNLS",
    "TKDE",
    "TMM",
)
_VENUE_ALIASES = {"NIPS": "NeurIPS", "SIGKDD": "KDD", "The Web Conference": "WWW"}
_AWARDS = {
    "icpc": ("ACM-ICPC", "ICPC", "ACM ICPC", "ACM/ICPC"), "ccpc": ("CCPC",), "noi": ("NOI", "全国青少年信息学奥林匹克"),
    "ioi": ("IOI", "国际信息学奥林匹克"), "apio": ("APIO",), "noip": ("NOIP",), "imo": ("IMO",), "kaggle": ("Kaggle",),
    "mcm": ("MCM", "ICM", "美国大学生数学建模"), "cumcm": ("全国大学生数学建模", "数学建模"), "challenge-cup": ("挑战杯",),
    "national-scholarship": ("国家奖学金", "National Scholarship"),
}  # fmt: skip
_TOP_AWARDS = {"icpc", "ioi", "imo", "noi", "kaggle"}


class _BuiltinKnowledge:
    def __init__(self) -> None:
        self._skills = _table(_SKILLS)
        self._domains = _table(_DOMAINS)
        self._venues = _table({name: (name,) for name in (*_TOP_VENUES, *_OTHER_VENUES)}, flags=0)
        self._awards = _table(_AWARDS)

    @staticmethod
    def _find(table: tuple[re.Pattern[str], dict[str, str]], text: str) -> list[tuple[str, re.Match[str]]]:
        pattern, by_surface = table
        return [(by_surface[m.group().lower()], m) for m in pattern.finditer(text)]

    def skills(self, text: str) -> list[Hit]:
        return [
            Hit(key, _SKILLS[key][0], m.group(), m.start(), m.end())
            for key, m in self._find(self._skills, text)
        ]

    def domains(self, text: str) -> list[Hit]:
        return [Hit(key, key, m.group(), m.start(), m.end()) for key, m in self._find(self._domains, text)]

    def skills_and_domains(self, text: str) -> tuple[Found, Found]:
        return _found(self.skills(text)), _found(self.domains(text))

    def venues(self, text: str) -> list[Hit]:
        hits = []
        for key, m in self._find(self._venues, text):
            name = _VENUE_ALIASES.get(key, key)
            hits.append(Hit(name.lower(), name, m.group(), m.start(), m.end(), key in _TOP_VENUES))
        return hits

    def awards(self, text: str) -> list[Hit]:
        return [
            Hit(key, _AWARDS[key][0], m.group(), m.start(), m.end(), key in _TOP_AWARDS)
            for key, m in self._find(self._awards, text)
        ]


@cache
def knowledge() -> Knowledge:
    """The vocabulary used for skills, domains, venues and awards (loaded once per process).

    Administrators' taxonomy files are read from ``TALENTDRIVE_TAXONOMY_DIRS`` (comma-separated), the
    environment variable behind the Django setting of the same name: parsing workers import only this
    core, so the environment is what they share with the web process. Edits apply to new processes.
    """
    builtin = _BuiltinKnowledge()
    extra = [
        Path(item.strip())
        for item in os.environ.get("TALENTDRIVE_TAXONOMY_DIRS", "").split(",")
        if item.strip()
    ]
    # A broken administrator file falls back to the shipped taxonomy, a broken taxonomy to the built-in
    # list: parsing must never stop over vocabulary.
    for paths in [extra] if not extra else [extra, []]:
        try:
            from talentdrive.taxonomy.model import load_taxonomy

            taxonomy = load_taxonomy(paths)
            taxonomy.compile_matchers()
        except Exception:  # noqa: BLE001, S112
            continue
        _settle()
        return _TaxonomyKnowledge(taxonomy, builtin)
    return builtin


def _settle() -> None:
    """Keep the loaded vocabulary out of the cyclic garbage collector's way.

    The taxonomy's tries and records (about 100,000 objects) live as long as the process. Left tracked,
    every full collection walks all of them again, and parsing allocates enough to trigger one every few
    resumes: that was a quarter of the parsing time. Collect once, then move everything alive now out of
    the collector's reach (``gc.freeze``); objects made later are collected as usual.
    """
    gc.collect()
    gc.freeze()
