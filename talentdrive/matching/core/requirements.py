"""Requirements of a requisition: from structured fields, or extracted from a zh/en job description.

Extraction is line by line. A heading such as 任职要求 / Requirements switches following lines to
must-have, 加分项 / Preferred / Nice to have switches them to nice-to-have; a marker inside a line
(…优先, …者优先, preferred, a plus, 必须, must) overrides the heading for that line. Lines before any
heading (the role summary) count as must-have only for skills named with an explicit must marker,
otherwise as nice-to-have: summaries name the area, requirement lists name the bar.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from talentdrive.matching.core import crosslingual
from talentdrive.matching.core.context_zh import find_skills_in_context
from talentdrive.matching.core.profile import DEGREE_RANK, normalise_degree


class RequirementError(ValueError):
    """The job description cannot be turned into requirements (empty, or nothing recognisable)."""


class SkillFinder(Protocol):
    def find_skills(self, text: str) -> Sequence[Any]: ...
    def find_domains(self, text: str) -> Sequence[Any]: ...


RULES = ("penalty", "filter")


@dataclass(frozen=True)
class Requirements:
    """What a requisition asks for. ``degree_rule``/``years_rule``: 'penalty' (default) or 'filter'."""

    must: tuple[str, ...] = ()
    nice: tuple[str, ...] = ()
    domain: str = ""
    min_degree: str = "none"
    min_years: float = 0.0
    research: bool = False
    # Skills the requisition names that the taxonomy lacks: they count as text (they are in ``text``).
    must_text: tuple[str, ...] = ()
    nice_text: tuple[str, ...] = ()
    degree_rule: str = "penalty"
    years_rule: str = "penalty"
    text: str = ""
    # The English and Chinese names of the skills and domain the requisition names. Text relevance
    # does not read them (measured: they cost the O*NET check more than they gave the judged set;
    # the skills themselves reach across languages through must/nice); ``eval rankproxy --fusion``
    # measures them.
    expansion: str = ""
    title: str = ""
    # English query words for the Chinese parts (crosslingual.py): the title's, counted as the title
    # is, and the English names of the skills the text names in Chinese.
    title_words_en: str = ""
    text_words_en: str = ""
    # The tools a Chinese job text names in Latin letters: kept in the text query however common
    # (crosslingual.latin_terms).
    latin_terms: tuple[str, ...] = ()
    focus_area: str = ""
    city: str = ""
    warnings: tuple[str, ...] = field(default=(), compare=False)

    @property
    def is_empty(self) -> bool:
        return (
            not (self.must or self.nice or self.must_text or self.nice_text or self.domain or self.research)
            and self.min_degree == "none"
            and not self.min_years
        )


_MUST_HEAD = re.compile(
    r"^\W*(任职要求|岗位要求|职位要求|任职资格|基本要求|硬性要求|必备|requirements?|qualifications?|minimum qualifications|"
    r"basic qualifications|must[- ]haves?|what you need|you have|required)\W*$",
    re.I,
)
_NICE_HEAD = re.compile(
    r"^\W*(加分项?|优先条件|优先|加分条件|preferred( qualifications)?|nice[- ]to[- ]haves?|bonus( points)?|pluses|"
    r"it'?s a plus|good to have)\W*$",
    re.I,
)
# A heading with its list on the same line: "Requirements: Python, Django, SQL.", "加分项：有 RLHF 经验".
_LABELLED = re.compile(r"^(?P<label>[^:：]{2,40}?)\s*[:：]\s*(?P<rest>\S.*)$")
_OTHER_HEAD = re.compile(
    r"^\W*(岗位职责|工作职责|职位描述|responsibilities|what you('ll| will) do|about the role|职责)\W*$", re.I
)
_NICE_INLINE = re.compile(
    r"优先|加分|更佳|为佳|preferred|nice to have|a plus|is a bonus|bonus|ideally|desirable", re.I
)
_MUST_INLINE = re.compile(r"必须|须具备|要求|至少|required|must|need to have|strong", re.I)
_RESEARCH = re.compile(
    r"顶会|顶级会议|顶刊|论文|发表|科研|研究经历|publications?|publish|first[- ]author|top[- ]tier (venue|conference)|"
    r"research record|neurips|icml|iclr|cvpr|acl\b|emnlp|iccv|eccv",
    re.I,
)
_CN_NUMBERS = {
    "一": 1,
    "两": 2,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
}
_YEARS = re.compile(
    r"(?<![\d.])(\d{1,2}|[一两二三四五六七八九十])\s*(?:\+\s*)?(?:年|years?|yrs?)(?:\s*(?:以上|及以上|or more|\+|of))?",
    re.I,
)
_DEGREE_MIN = re.compile(
    r"(博士|硕士|研究生|本科|大专|\b(?:phd|ph\.d|doctorate|master'?s?|bachelor'?s?|bs|ms)\b)"
    r"\s*(及以上|以上|学历|degree|or above|or higher|required)?",
    re.I,
)


# A requirement list's items the taxonomy does not know ("Requirements: IBM Lotus Notes, Primavera P6",
# "熟练使用 Kronos、Epicor"): kept as text requirements when they read as names, not as prose.
_ITEM_SEPARATOR = re.compile(r"\s*(?:、|(?<=\w\w)/(?=\w\w)|\s+and\s+|\s+or\s+|或者?|和|及)\s*", re.I)
_ITEM_LEAD = re.compile(
    r"^(?:熟练使用|熟练掌握|熟悉|掌握|精通|了解|使用|会用|具备|有|e\.g\.?|i\.e\.?|such as|including|like|"
    r"(?:hands-on |working |good |solid |strong )?(?:experience|familiarity|proficiency|knowledge)\s+(?:with|in|of)|"
    r"proficient (?:with|in)|familiar with|skilled in)\s*",
    re.I,
)
_ITEM_TAIL = re.compile(
    r"\s*(?:者优先|优先|经验|等|者|is a plus|a plus|preferred|required)?[\s.。!！]*$", re.I
)
_PROSE = frozenset(
    [
        "experience",
        "experienced",
        "years",
        "year",
        "degree",
        "skills",
        "skill",
        "ability",
        "abilities",
        "knowledge",
        "understanding",
        "strong",
        "excellent",
        "good",
        "solid",
        "proven",
        "familiarity",
        "proficiency",
        "proficient",
        "working",
        "work",
        "team",
        "teams",
        "related",
        "field",
        "plus",
        "preferred",
        "required",
        "must",
        "communication",
        "written",
        "verbal",
        "fluent",
        "english",
        "chinese",
        "candidates",
        "candidate",
        "you",
        "we",
        "our",
        "your",
        "their",
        "who",
        "which",
        "that",
        "will",
        "should",
        "can",
        "would",
        "is",
        "are",
        "be",
        "been",
        "have",
        "has",
        "publications",
        "publication",
        "papers",
        "paper",
        "venue",
        "venues",
        "top-venue",
        "research",
        "above",
        "below",
        "for",
        "to",
        "of",
        "on",
        "with",
        "in",
        "at",
        "by",
    ]
)  # fmt: skip
_CJK = re.compile(r"[\u3400-\u9fff]")
# A tool's name has a capital ("IBM Lotus Notes", "Web conferencing software"); "operator" is prose.
_UPPER = re.compile(r"[A-Z]")
MAX_TEXT_REQUIREMENTS = 12


def _text_items(clause: str, taxonomy: Any) -> list[str]:
    """Items of a requirement list clause that read as names the taxonomy lacks ("IBM Lotus Notes")."""
    items = []
    for raw in _ITEM_SEPARATOR.split(clause):
        item = _ITEM_TAIL.sub("", _ITEM_LEAD.sub("", raw.strip())).strip(" ()（）:：\"'“”")
        words = item.split()
        if (
            not item
            or len(item) > 40
            or not 1 <= len(words) <= 5
            or _CJK.search(item)
            or not _UPPER.search(item)
            or any(mark in item for mark in "()（）")
            or any(word.lower().strip(".,'") in _PROSE for word in words)
            or _YEARS.search(item)
            or _DEGREE_MIN.search(item)
        ):
            continue
        # Known to the taxonomy as a skill, an industry or a venue: not a text requirement.
        finders = [taxonomy.find_skills, taxonomy.find_domains, getattr(taxonomy, "find_venues", None)]
        covered = max(
            (getattr(m, "end", 0) - getattr(m, "start", 0) for find in finders if find for m in find(item)),
            default=0,
        )
        if 2 * covered < len(item):
            items.append(item)
    return items


_LIST_MARK = re.compile(r"^\s*(?:[-*•·#>]+|[(（]?\d{1,2}[.、)）]|[(（]\d{1,2}[)）])\s*")


def _mention_id(mention: Any) -> str:
    for attr in ("skill_id", "domain_id", "id", "code"):
        value = getattr(mention, attr, None)
        if value:
            return str(value)
    return str(mention)


def _unique(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v for v in values if v))


def _years_in(line: str) -> float:
    best = 0.0
    for match in _YEARS.finditer(line):
        raw = match.group(1)
        value = _CN_NUMBERS.get(raw) if not raw.isdigit() else int(raw)
        if value and value <= 30:
            best = max(best, float(value))
    return best


def _choose_domain(found: Sequence[str], taxonomy: Any) -> list[str]:
    """Domains a requirement names, most general first: "医疗或临床数据" is healthcare, which a
    candidate with clinical or medical-imaging experience also has (domains match up the tree)."""
    found = list(dict.fromkeys(found))
    entries = getattr(taxonomy, "domains", {})

    def ancestors(domain: str) -> set[str]:
        seen: set[str] = set()
        pending = list(getattr(entries.get(domain), "parents", ()))
        while pending:
            parent = pending.pop()
            if parent not in seen:
                seen.add(parent)
                pending.extend(getattr(entries.get(parent), "parents", ()))
        return seen

    covered = {domain for other in found for domain in found if domain in ancestors(other)}
    return sorted(found, key=lambda d: (d not in covered, found.index(d)))


_MAJOR_ZH = re.compile(r"(?:相关|等|类)?专业(?!技能|知识|能力|素养|水平|经验)|学科背景|学位")
_MAJOR_EN = re.compile(
    r"\b(?:degree|major(?:ing)?|diploma|background|bachelor'?s?|master'?s?|ph\.?d|b\.?s\.?|m\.?s\.?)"
    r"\s+in\s+[^.;\n]*?(?:related (?:field|discipline|area|subject)s?|or equivalent|or similar|(?=[.;]|$))",
    re.I,
)
_OR = re.compile(r"\bor\b|或者?|and/or|/|\|", re.I)
_OR_GAP = re.compile(r"^[\s,，、/|]*(?:(?:and/or|or|或者?|以及)[\s,，、/|]*)?$", re.I)


def _or_groups(line: str, taxonomy: Any) -> tuple[set[int], list[tuple[int, list[str]]]]:
    """Runs of skills joined by "or"/"或"/"/" ("vLLM, TensorRT-LLM or SGLang"): their start offsets,
    and each group's end offset with its member ids."""
    if not _OR.search(line):
        return set(), []
    mentions = sorted(find_skills_in_context(line, taxonomy), key=lambda m: getattr(m, "start", 0))
    if not mentions or not hasattr(mentions[0], "start"):
        return set(), []
    grouped: set[int] = set()
    groups: list[tuple[int, list[str]]] = []
    run = [mentions[0]]
    for mention in [*mentions[1:], None]:
        gap = line[run[-1].end : mention.start] if mention is not None else None
        gaps = [line[a.end : b.start] for a, b in zip(run, run[1:], strict=False)]
        # After an "or" a plain comma starts a new list: "C/C++, PyTorch/TensorFlow" is two groups.
        closed = gap is not None and any(_OR.search(g) for g in gaps) and not _OR.search(gap)
        if gap is not None and _OR_GAP.match(gap) and not closed:
            run.append(mention)
            continue
        ids = list(dict.fromkeys(_mention_id(m) for m in run))
        if len(ids) > 1 and any(_OR.search(g) for g in gaps):
            grouped.update(m.start for m in run)
            groups.append((run[-1].end, ids))
        if mention is not None:
            run = [mention]
    return grouped, groups


def _common_ancestor(members: Sequence[str], taxonomy: Any) -> str:
    """The most specific skill every member specialises (vLLM, SGLang → LLM inference), or ""."""
    ancestors = getattr(taxonomy, "ancestors", None)
    if ancestors is None:
        return ""
    shared = set.intersection(*(set(ancestors(m)) | {m} for m in members))
    if not shared:
        return ""
    return max(sorted(shared), key=lambda s: len(set(ancestors(s))))


def bilingual_names(ids: Iterable[str], taxonomy: Any, *, domain: str = "") -> str:
    """The English and Chinese names of skills (and a domain), one line, for text relevance."""
    names: list[str] = []
    skills = getattr(taxonomy, "skills", {})
    domains = getattr(taxonomy, "domains", {})
    for entry in [*(skills.get(i) for i in dict.fromkeys(ids)), domains.get(domain) if domain else None]:
        if entry is not None:
            names.extend(n for n in (getattr(entry, "name_en", ""), getattr(entry, "name_zh", "")) if n)
    return "\n".join(dict.fromkeys(names))


def extract_requirements(text: str, taxonomy: SkillFinder, *, title: str = "") -> Requirements:
    """Extract must/nice skills, domain, minimum degree and years, research expectations from free text."""
    if not text or not text.strip():
        raise RequirementError("the job description is empty: give the role's requirements as text or fields")
    mode = "summary"
    must: list[str] = []
    must_domains: list[str] = []
    nice: list[str] = []
    must_text: list[str] = []
    nice_text: list[str] = []
    min_degree, min_years, research = "none", 0.0, False
    alternatives: list[str] = []
    for raw_line in re.split(r"[\n\r]+", text):
        line = _LIST_MARK.sub("", raw_line).strip()
        if not line:
            continue
        if _MUST_HEAD.match(line):
            mode = "must"
            continue
        if _NICE_HEAD.match(line):
            mode = "nice"
            continue
        if _OTHER_HEAD.match(line):
            mode = "duties"
            continue
        labelled = _LABELLED.match(line)
        if labelled is not None:
            label = labelled.group("label")
            heading = next(
                (kind for kind, head in (("must", _MUST_HEAD), ("nice", _NICE_HEAD), ("duties", _OTHER_HEAD))
                 if head.match(label)),
                None,
            )  # fmt: skip
            if heading is not None:
                mode = heading
                line = labelled.group("rest")
        # Subjects of a degree ("计算机、人工智能等相关专业", "degree in CS, AI or a related field")
        # describe the diploma, not skills the role requires.
        line = _MAJOR_EN.sub(" ", line)
        grouped, groups = _or_groups(line, taxonomy)
        # Clause by clause: "三年以上经验，有 RLHF 经验者优先" is a must and a nice-to-have.
        offset = 0
        for clause in re.split(r"[，,；;。]", line):
            start, offset = offset, offset + len(clause) + 1
            if not clause.strip():
                continue
            if _NICE_INLINE.search(clause):
                clause_mode = "nice"
            elif _MUST_INLINE.search(clause) or mode == "must":
                clause_mode = "must"
            else:
                clause_mode = "nice"
            if not _MAJOR_ZH.search(clause):
                skills = [
                    _mention_id(m)
                    for m in find_skills_in_context(clause, taxonomy)
                    if start + getattr(m, "start", -1) not in grouped
                ]
                if clause_mode == "must":
                    must_domains.extend(_mention_id(m) for m in taxonomy.find_domains(clause))
                (must if clause_mode == "must" else nice).extend(skills)
                if mode in ("must", "nice"):
                    # Only in a requirement list: elsewhere a capitalised phrase is as often prose.
                    (must_text if clause_mode == "must" else nice_text).extend(_text_items(clause, taxonomy))
            for group_end, members in groups:
                if start <= group_end <= offset:
                    # Alternatives: any one satisfies the line. Requirements hold single skills, so the
                    # closest skill all of them specialise becomes the must-have (a candidate with
                    # any member has it through the taxonomy), and the members are nice-to-have.
                    common = _common_ancestor(members, taxonomy) if clause_mode == "must" else ""
                    if common:
                        must.append(common)
                    elif clause_mode == "must":
                        alternatives.append(" / ".join(members))
                    nice.extend(members)
            # "有顶会论文者优先": a research record that is only preferred is not expected.
            if _RESEARCH.search(clause) and not (mode == "nice" or _NICE_INLINE.search(clause)):
                research = True
            if clause_mode == "must":
                min_years = max(min_years, _years_in(clause))
                for match in _DEGREE_MIN.finditer(clause):
                    degree = normalise_degree(
                        match.group(1).lower().replace("bs", "bachelor").replace("ms", "master")
                    )
                    # "本科及以上，硕士优先": the lowest degree named as a must is the bar.
                    if min_degree == "none" or DEGREE_RANK[degree] < DEGREE_RANK[min_degree]:
                        min_degree = degree
    domains = _choose_domain(must_domains or [_mention_id(m) for m in taxonomy.find_domains(text)], taxonomy)
    must_ids = _unique(must)
    nice_ids = tuple(s for s in _unique(nice) if s not in must_ids)
    must_names = _unique_names(must_text)[:MAX_TEXT_REQUIREMENTS]
    taken = {name.casefold() for name in must_names}
    nice_names = tuple(n for n in _unique_names(nice_text) if n.casefold() not in taken)
    requirements = Requirements(
        must=must_ids,
        nice=nice_ids,
        must_text=must_names,
        nice_text=nice_names[: max(0, MAX_TEXT_REQUIREMENTS - len(must_names))],
        domain=domains[0] if domains else "",
        min_degree=min_degree,
        min_years=min_years,
        research=research,
        text=f"{title}\n{text}",
        expansion=bilingual_names((*must_ids, *nice_ids), taxonomy, domain=domains[0] if domains else ""),
        title=title,
        title_words_en=crosslingual.english_for_title(title, taxonomy),
        text_words_en=crosslingual.text_words_en(text, taxonomy),
        latin_terms=crosslingual.latin_terms(text),
        warnings=tuple(
            f"alternatives {group} counted as nice-to-have: any one of them meets the requirement"
            for group in dict.fromkeys(alternatives)
        ),
    )
    if requirements.is_empty:
        return Requirements(
            text=requirements.text,
            expansion=requirements.expansion,
            title=title,
            title_words_en=requirements.title_words_en,
            text_words_en=requirements.text_words_en,
            latin_terms=requirements.latin_terms,
            warnings=("no skills, domain, degree or years were recognised: ranking by text relevance only",),
        )
    return requirements


def _unique_names(names: Iterable[str]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for name in names:
        seen.setdefault(name.casefold(), name)
    return tuple(seen.values())


_NO_DEGREE = {"", "none", "any", "不限", "无"}
_LIST_SEPARATORS = re.compile(r"[,，、;；]")


def _skill_list(data: Mapping[str, Any], name: str, alias: str) -> list[str]:
    """A list of skill ids; a string is one id or a comma-separated list of them."""
    field_name = name if data.get(name) is not None else alias
    value = data.get(field_name)
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [item.strip() for item in _LIST_SEPARATORS.split(value) if item.strip()]
    if isinstance(value, list | tuple) and all(isinstance(item, str) for item in value):
        return [item.strip() for item in value if item.strip()]
    raise RequirementError(f"{field_name}: expected a list of skill ids, got {value!r}")


def _resolve(
    names: list[str], known: set[str] | None, taxonomy: SkillFinder | None
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Skill ids, and names the taxonomy lacks. A recruiter types names as well as ids ("CUDA",
    "分布式训练"): a name resolves through the taxonomy's names and synonyms in either language."""
    if known is None:
        return _unique(names), ()
    lookup = getattr(taxonomy, "skill_for_name", None)
    ids: list[str] = []
    text: list[str] = []
    for name in names:
        if name in known:
            ids.append(name)
            continue
        skill = lookup(name) if lookup is not None else None
        skill_id = getattr(skill, "id", None) if skill is not None else None
        if skill_id:
            ids.append(str(skill_id))
        else:
            text.append(name)
    return _unique(ids), _unique(text)


def requirements_from_fields(
    data: Mapping[str, Any], known_skills: Iterable[str] | None = None, taxonomy: SkillFinder | None = None
) -> Requirements:
    """Structured requisition fields (the Requisition model, or a job .json/.yaml) → Requirements.

    Skills may be ids or names in either language; names the taxonomy lacks stay requirements matched
    as text (``must_text``/``nice_text``, with a warning). When neither skills nor other criteria are
    given but a description is, the description is extracted instead.
    """
    known = set(known_skills) if known_skills is not None else None
    must, must_text = _resolve(_skill_list(data, "must_skills", "must"), known, taxonomy)
    nice, nice_text = _resolve(_skill_list(data, "nice_skills", "nice"), known, taxonomy)
    must_text_keys = {name.casefold() for name in must_text}
    nice_text = tuple(name for name in nice_text if name.casefold() not in must_text_keys)
    unresolved = [
        f"{field_name}: {', '.join(names)} not in the skill taxonomy: matched as text"
        for field_name, names in (("must_skills", must_text), ("nice_skills", nice_text))
        if names
    ]
    raw_degree = data.get("min_degree")
    degree = normalise_degree(raw_degree)
    if degree == "none" and str(raw_degree or "").strip().lower() not in _NO_DEGREE:
        raise RequirementError(
            f"min_degree: unknown degree {raw_degree!r}; use one of {', '.join(DEGREE_RANK)}"
        )
    domain = str(data.get("domain") or "").strip()
    domains = getattr(taxonomy, "domains", None)
    if domain and domains is not None and domain not in domains:
        raise RequirementError(f"domain: unknown domain id {domain!r}; use an id from the domain taxonomy")
    try:
        years = float(data.get("min_years") or 0)
    except (TypeError, ValueError) as error:
        raise RequirementError(f"min_years: must be a number, got {data.get('min_years')!r}") from error
    if not 0 <= years <= 60:
        raise RequirementError(f"min_years: must be between 0 and 60, got {data.get('min_years')!r}")
    text = "\n".join(
        [
            *(
                str(data.get(k) or "")
                for k in ("title", "title_en", "title_zh", "description", "description_en", "description_zh")
            ),
            ", ".join((*must_text, *nice_text)),
        ]
    )
    rules = {}
    for name in ("degree_rule", "years_rule"):
        rule = str(data.get(name) or "penalty")
        if rule not in RULES:
            raise RequirementError(f"{name} must be one of {', '.join(RULES)}, got {rule!r}")
        rules[name] = rule
    requirements = Requirements(
        must=must,
        nice=tuple(s for s in nice if s not in must),
        must_text=must_text,
        nice_text=nice_text,
        domain=domain,
        min_degree=degree,
        min_years=years,
        research=bool(data.get("research") or data.get("programme_eligible")),
        text=text.strip(),
        expansion=bilingual_names(
            (
                *must,
                *nice,
                *(_mention_id(m) for m in (find_skills_in_context(text, taxonomy) if taxonomy else ())),
            ),
            taxonomy,
            domain=domain,
        ),
        title=str(data.get("title") or data.get("title_en") or ""),
        # A Chinese title reaches English resumes through its words' English names, unless the
        # requisition gives an English title too (the text holds it).
        title_words_en=(
            ""
            if any(
                not crosslingual.has_chinese(str(data.get(k) or ""))
                for k in ("title", "title_en")
                if data.get(k)
            )
            else crosslingual.english_for_title(
                str(data.get("title") or data.get("title_zh") or ""), taxonomy
            )
        ),
        # Only without an English description: one already names the skills in English.
        text_words_en=(
            ""
            if str(data.get("description_en") or "").strip()
            else crosslingual.text_words_en(text, taxonomy)
        ),
        latin_terms=(
            ()
            if str(data.get("description_en") or "").strip()
            else crosslingual.latin_terms(
                "\n".join(
                    str(data.get(k) or "")
                    for k in ("title", "title_en", "title_zh", "description", "description_zh")
                )
            )
        ),
        focus_area=str(data.get("focus_area") or ""),
        degree_rule=rules["degree_rule"],
        years_rule=rules["years_rule"],
        warnings=tuple(unresolved),
    )
    if requirements.is_empty and taxonomy is not None and text.strip():
        extracted = extract_requirements(text, taxonomy, title=requirements.title)
        return Requirements(**{**extracted.__dict__, **rules, "focus_area": requirements.focus_area})
    if requirements.is_empty:
        if not requirements.text:
            raise RequirementError("the requisition has no requirements and no description to rank by")
        return Requirements(
            **{
                **requirements.__dict__,
                "warnings": ("the requisition has no requirements: ranking by text relevance only",),
            }
        )
    return requirements
