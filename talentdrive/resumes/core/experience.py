"""Experience entries (employer, title, dates, current) and years of experience."""

from __future__ import annotations

import re
from datetime import date

from .dates import DateRange, find_ranges, years_from_intervals
from .model import Experience, Span
from .sections import Line, Section

KNOWN_EMPLOYERS = (
    "字节跳动", "阿里巴巴", "阿里云", "蚂蚁集团", "腾讯", "百度", "华为", "美团", "京东", "网易", "小米", "快手", "拼多多",
    "滴滴", "商汤", "旷视", "科大讯飞", "联想", "携程", "哔哩哔哩", "小红书", "微软", "谷歌", "英伟达", "英特尔", "智谱",
    "月之暗面", "百川", "零一万物", "地平线", "大疆", "蔚来", "理想汽车", "小鹏", "中兴", "OPPO", "vivo", "荣耀",
    "Google", "Microsoft", "Meta", "Facebook", "Amazon", "Apple", "NVIDIA", "OpenAI", "DeepMind", "Anthropic",
    "ByteDance", "Alibaba", "Tencent", "Baidu", "Huawei", "Meituan", "JD.com", "NetEase", "Xiaomi", "Kuaishou",
    "SenseTime", "Megvii", "iFlytek", "IBM", "Intel", "AMD", "Qualcomm", "Samsung", "Sony", "Adobe", "Salesforce",
    "Uber", "Airbnb", "Netflix", "LinkedIn", "Twitter", "Oracle", "SAP", "Siemens", "Bosch", "Tesla", "Waymo",
)  # fmt: skip
_KNOWN = re.compile("|".join(re.escape(name) for name in KNOWN_EMPLOYERS))
_ORG = re.compile(
    r"公司|集团|有限|科技|研究院|实验室|银行|医院|大学|学院|研究所|中心|工作室|事务所|证券|基金|保险|\b(?:Inc|Ltd|LLC|Corp|Corporation|Company|Co|Technologies|Technology|Labs?|Research|Group|Bank|Hospital|University|Institute|Studio|Capital|Partners|Systems|Software|Games)\b",
    re.I,
)
_TITLE = re.compile(
    r"工程师|研究员|实习生|实习|经理|总监|主管|专家|架构师|科学家|负责人|算法|开发|产品|设计师|分析师|顾问|助理|助教|教授|讲师|博士后|组长|"
    r"\b(?:CTO|CEO|Engineer|Scientist|Researcher|Intern|Manager|Developer|Lead|Director|Architect|Analyst|Consultant|Professor|Postdoc|Postdoctoral|Fellow|Head|VP|Principal|Staff|Specialist|Programmer|Designer|Officer|Founder|Co-founder|Assistant|SDE|SWE|MLE)\b",
    re.I,
)
_INTERN = re.compile(r"实习|\bintern(?:ship)?\b", re.I)
_SPLIT = re.compile(
    r"\s*(?:[|｜•·●▪\t]|\s{2,}|\s[-–—]\s|[–—]|,\s|，|;|；|\s@\s|@|\sat\s|(?<=[\u4e00-\u9fff）)])\s+(?=[A-Za-z\u4e00-\u9fff])|(?<=[A-Za-z.])\s+(?=[\u4e00-\u9fff]))\s*"
)
_PLACE = re.compile(
    r"^(?:[A-Z]{2}|China|USA|US|UK|Remote|远程|中国|北京|上海|杭州|广州|深圳|南京|成都|武汉|西安|苏州|Beijing|Shanghai|Hangzhou|Guangzhou|Shenzhen|Nanjing|Chengdu|Wuhan|Singapore|Hong Kong|Seattle|New York|San Francisco|Mountain View|Redmond|London|Sunnyvale|Menlo Park|Palo Alto|Cupertino|Toronto|[\u4e00-\u9fff]{2,3}市)$",
    re.I,
)
_BULLET = re.compile(r"^[-*•·●▪◆■►]\s*|^\d+[.、)]\s+")


def _parts(text: str) -> list[str]:
    parts = []
    for part in _SPLIT.split(text):
        part = part.strip(" :：()（）[]【】-–—")
        if len(part) >= 2 and not _PLACE.match(part) and not re.fullmatch(r"[\d.\s/-]+", part):
            parts.append(part)
    return parts


def _scores(part: str) -> tuple[int, int]:
    org = 3 * len(_KNOWN.findall(part)) + len(_ORG.findall(part))
    title = 2 * len(_TITLE.findall(part))
    return org, title


def _header_candidate(line: Line) -> bool:
    text = line.text
    return len(text) <= 60 and not _BULLET.match(text) and not re.search(r"[。；;]|\.\s", text)


def _employer_title(parts: list[str]) -> tuple[str | None, str | None]:
    employer = title = None
    rest = []
    scored = [(part, *_scores(part)) for part in parts]
    for part, org, title_score in sorted(scored, key=lambda item: -item[1]):
        if employer is None and org > 0 and org >= title_score:
            employer = part
    for part, _org, title_score in sorted(scored, key=lambda item: -item[2]):
        if title is None and part != employer and title_score > 0:
            title = part
    rest = [part for part, _o, _t in scored if part not in (employer, title)]
    if employer is None and rest:
        employer = rest.pop(0)
    if title is None and rest and employer is not None:
        title = rest.pop(0)
    return employer, title


def _entry(
    lines: list[Line], index: int, anchor: DateRange, taken: set[int], intern_section: bool
) -> Experience:
    line = lines[index]
    own = line.text[: anchor.start_offset - line.start] + " | " + line.text[anchor.end_offset - line.start :]
    parts = _parts(own)
    used = [line]
    # The employer or title often sits on the line above or below the dated line.
    if len(parts) < 2 and index > 0 and index - 1 not in taken and _header_candidate(lines[index - 1]):
        previous = lines[index - 1]
        if not find_ranges(previous.text):
            parts = _parts(previous.text) + parts
            used.insert(0, previous)
            taken.add(index - 1)
    if len(parts) < 2 and index + 1 < len(lines) and _header_candidate(lines[index + 1]):
        following = lines[index + 1]
        if not find_ranges(following.text):
            parts = parts + _parts(following.text)
            used.append(following)
            taken.add(index + 1)
    employer, title = _employer_title(parts)
    header = " ".join(part.text for part in used)
    internship = intern_section or bool(_INTERN.search(header))
    return Experience(
        employer=employer,
        title=title,
        start=anchor.start,
        end=anchor.end,
        current=anchor.current,
        internship=internship,
        span=Span(used[0].start, used[-1].end),
    )


def find_experience(sections: list[Section]) -> list[Experience]:
    """Dated entries of experience sections; without one, dated lines elsewhere that name a job title."""
    chosen = [section for section in sections if section.kind == "experience"]
    fallback = not chosen
    if fallback:
        chosen = [section for section in sections if section.kind in ("header", "summary", "other")]
    entries = []
    for section in chosen:
        heading = section.heading.text if section.heading else ""
        intern_section = bool(_INTERN.search(heading)) and not re.search(r"工作|work", heading, re.I)
        lines = list(section.lines)
        taken: set[int] = set()
        for index, line in enumerate(lines):
            ranges = find_ranges(line.text, line.start)
            if not ranges or index in taken:
                continue
            if fallback and not _TITLE.search(line.text):
                continue
            taken.add(index)
            entries.append(_entry(lines, index, ranges[0], taken, intern_section))
    return entries


def years_of_experience(entries: list[Experience], today: date) -> float:
    """Years covered by non-internship entries, overlapping periods counted once."""
    intervals = [
        (entry.start, entry.end, entry.current) for entry in entries if entry.start and not entry.internship
    ]
    return years_from_intervals(intervals, today)
