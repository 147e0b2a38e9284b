"""Education entries: degree level, school, major, start and end."""

from __future__ import annotations

import re

from .dates import find_point, find_ranges
from .model import Education, Span
from .sections import Line, Section

# Checked in this order, so 博士 wins over 硕士 in "硕博连读" and "博士后" (a job) is never a degree.
_DEGREES = (
    (
        "phd",
        re.compile(
            r"博士(?!后)|硕博连读|直博|\bPh\.?\s?D\b|\bD\.?Phil\b|Doctor of Philosophy|Doctorate|doctoral",
            re.I,
        ),
    ),
    (
        "master",
        re.compile(
            r"硕士|研究生|\bM\.?S\.?c?\b(?!\s*(?:Office|Word|Excel|SQL))|\bM\.\s?Eng\b|\bMEng\b|\bM\.?Phil\b|\bMBA\b|\bM\.A\.|Master(?:'s)?\b",
            re.I,
        ),
    ),
    (
        "bachelor",
        re.compile(
            r"本科|学士|\bB\.?S\.?c?\b|\bB\.\s?Eng\b|\bBEng\b|\bB\.?A\.|\bB\.?E\.|Bachelor(?:'s)?\b|Undergraduate",
            re.I,
        ),
    ),
    ("associate", re.compile(r"大专|专科|高职|Associate(?:'s)? (?:degree|of)", re.I)),
)
_SCHOOL_CJK = re.compile(
    r"[\u4e00-\u9fff（()）]{2,18}?(?:大学|学院|研究院|研究所|科学院|学校)(?:[(（][\u4e00-\u9fff]{2,4}[)）])?"
)
_SCHOOL_EN = re.compile(
    r"(?:(?:The\s+)?(?:[A-Z][\w.'&-]*\s+){1,5}(?:University|Institute of Technology|Polytechnic|Institute|College|Academy)"
    r"(?:\s+(?:of|for|at)\s+(?:[A-Z][\w.'&-]*|and|&)(?:\s+(?:[A-Z][\w.'&-]*|and|&)){0,5})?(?:,\s*(?:Berkeley|Los Angeles|San Diego|Irvine|Davis|Santa Barbara|Austin|Madison|Urbana-Champaign|Ann Arbor|Amherst|Shenzhen|Hong Kong))?"
    r"|University\s+of\s+(?:[A-Z][\w.'&-]*|and|&)(?:\s+(?:[A-Z][\w.'&-]*|and|&)){0,5}(?:,\s*(?:Berkeley|Los Angeles|San Diego|Irvine|Davis|Santa Barbara|Austin|Madison|Urbana-Champaign|Ann Arbor|Amherst|Shenzhen))?"
    r"|\b(?:MIT|CMU|ETH Zurich|EPFL|KAIST|HKUST|NTU|NUS|UCLA|UC Berkeley|Caltech|Tsinghua|Peking University|USTC|SJTU|ZJU)\b)"
)
_SCHOOL_PRIORITY = ("大学", "University", "研究院", "科学院", "研究所", "Institute", "学院", "College")
_SCHOOL_PREFIX = re.compile(r"^(?:毕业于|就读于|就读|毕业|于|在|曾在|学校|院校|[:：\s])+")
_MAJOR_LABEL = re.compile(
    r"(?:专业|主修|Major|Field of study|Program)\s*[:：]\s*(?P<major>[^|｜,，;；\n()（）]{2,40})", re.I
)
_MAJOR_EN = re.compile(
    r"\b(?:in|of)\s+(?P<major>(?:[A-Z][A-Za-z&/'-]*|and|&)(?:\s+(?:[A-Z][A-Za-z&/'-]*|and|&|of)){0,6})"
)
_MAJOR_HINT = re.compile(
    r"专业|工程|技术|科学|管理|数学|物理|化学|统计|金融|经济|智能|计算机|软件|电子|通信|自动化|信息|控制|机械|医学|生物|语言|设计|数据|网络|电气|材料|航空|光电|心理|哲学|法学|新闻"
)
_NOT_MAJOR = re.compile(
    r"大学|学院|研究院|研究所|GPA|排名|绩点|在读|毕业|学位|\d|Science|Arts|Engineering$|Philosophy|Technology$",
    re.I,
)
_CUT = re.compile(
    r"\s*(?:[|｜,，;；/、\t]|\s{2,}|(?<=[\u4e00-\u9fff])\s(?=\S)|(?<=\S)\s(?=[\u4e00-\u9fff]))\s*"
)
_DEGREE_WORDS = re.compile(r"博士|硕士|研究生|本科|学士|大专|专科|学历|学位|在读|统招|全日制")


def find_school(text: str) -> tuple[str, int] | None:
    """The most school-like name in text and its offset: a university beats a department (学院)."""
    candidates: list[tuple[int, int, str]] = []
    for pattern in (_SCHOOL_CJK, _SCHOOL_EN):
        for match in pattern.finditer(text):
            value = match.group()
            prefix = _SCHOOL_PREFIX.match(value)
            skip = prefix.end() if prefix else 0
            value = value[skip:].strip()
            if len(value) < 2:
                continue
            rank = next(
                (i for i, word in enumerate(_SCHOOL_PRIORITY) if word in value), len(_SCHOOL_PRIORITY)
            )
            candidates.append((rank, match.start() + skip, value))
    if not candidates:
        return None
    rank, offset, value = min(candidates)
    return value, offset


def degree_level(text: str) -> str | None:
    for level, pattern in _DEGREES:
        if pattern.search(text):
            return level
    return None


def _major(block: str, school: str | None, dates: list[str]) -> str | None:
    label = _MAJOR_LABEL.search(block)
    if label:
        return label.group("major").strip() or None
    if degree_level(block):
        for match in _MAJOR_EN.finditer(block):
            major = match.group("major").strip()
            if school and major in school:
                continue
            if (
                major.split()[0] in ("Science", "Arts", "Engineering", "Philosophy")
                and " in " in block[match.end() :][:4]
            ):
                continue
            if major and not re.search(r"University|College|Institute|GPA", major):
                return major.removesuffix(" and").strip()
    remainder = block
    if school:
        remainder = remainder.replace(school, " | ")
    for date_text in dates:
        remainder = remainder.replace(date_text, " | ")
    remainder = re.sub(r"[(（][^)）]{0,20}[)）]", " ", remainder)
    for token in _CUT.split(remainder):
        token = _DEGREE_WORDS.sub("", token).strip(" :：-–—·")
        if (
            not re.search(r"[\u4e00-\u9fff]", token)
            or len(token) < 2
            or len(token) > 20
            or _NOT_MAJOR.search(token)
        ):
            continue
        if token.endswith("专业") or _MAJOR_HINT.search(token):
            return token.removesuffix("专业") or None
    return None


def _blocks(lines: list[Line]) -> list[list[Line]]:
    """Group lines into entries: a line naming a school, once the current entry has one, starts the next."""
    blocks: list[list[Line]] = []
    has_school = False
    has_dates = False
    for line in lines:
        school = find_school(line.text) is not None
        dated = bool(find_ranges(line.text))
        if not blocks or (school and has_school) or (dated and has_dates and has_school and not school):
            blocks.append([line])
            has_school, has_dates = school, dated
        else:
            blocks[-1].append(line)
            has_school = has_school or school
            has_dates = has_dates or dated
    return [
        block for block in blocks if any(find_school(line.text) or degree_level(line.text) for line in block)
    ]


def find_education(sections: list[Section]) -> list[Education]:
    """Entries from education sections; without one, lines elsewhere that name a school and a degree."""
    lines = [line for section in sections if section.kind == "education" for line in section.lines]
    if not lines:
        lines = [
            line
            for section in sections
            if section.kind in ("header", "summary", "other")
            for line in section.lines
            if find_school(line.text) and degree_level(line.text)
        ]
    entries = []
    for block in _blocks(lines):
        head = block[:3]
        text = " | ".join(line.text for line in head)
        school_hit = find_school(text)
        school = school_hit[0] if school_hit else None
        ranges = find_ranges(text)
        start = end = None
        date_texts: list[str] = []
        if ranges:
            first = ranges[0]
            start, end = first.start, first.end
            date_texts.append(text[first.start_offset : first.end_offset])
        else:
            end = find_point(text)
        level = degree_level(" | ".join(line.text for line in head[:2])) or "other"
        span = Span(head[0].start, head[-1].end)
        entries.append(Education(level, school, _major(text, school, date_texts), start, end, span))
    return entries
