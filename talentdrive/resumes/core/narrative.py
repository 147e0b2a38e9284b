"""Chinese narrative resumes: a career written as prose instead of sections.

"某某：男，1960年出生，大专学历，历任某某总厂生产技术部部长，某某有限公司总经理，现任某某集团组织部部长。"
Executive biographies, company filings and many short resumes read like this. 历任/现任/曾任/担任/任 open
a list of "organisation + title" items separated by 、 and ，; 加入/进入/就职于 name an organisation;
毕业于 names a school and …学历/…学位 a degree level.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import find_ranges
from .education import find_school
from .jobtitles import is_strong_org, is_title, looks_like_org, split_org_title
from .model import Education, Experience, Span

_SENTENCE = re.compile(r"[^。；;！!？?\n]+")
# A role opens after one of these; 任 alone is no trigger inside 主任, 责任, 信任 or before 务, 期, 免.
_ROLE = re.compile(
    r"(?<![主责信])(?:先后|曾经|历|现|曾|兼|并|另|还|又|升|调|转|改|出|聘|接|继|连|留|均|分别)?"
    r"(?:担任|任职|任)(?:命为|为)?(?![务期免何意性教])|辞去"
)
# An organisation opens after one of these (and 于/在 … 工作).
_JOIN = re.compile(
    r"加入|进入|就职于|任职于|供职于|任教于|服务于|受聘于|调入|调至|分配到|分配至|创办|创立|创建"
)
# "在某某厂工作", "1976～1989年在某某厂历任…", "曾在某某厂从事采购": the organisation before the verb.
_WORKED_AT = re.compile(
    r"(?:^|[^\u4e00-\u9fff]|[年月起后曾并均也又现今])(?:在|于)(?P<org>[^，,。；;、在于]{2,30}?)"
    r"(?=工作|任职|从事|服役|历任|先后任|先后担任|担任|任(?!务|期|何))"
)
_DATE_POINT = r"(?:19|20)\d\d(?:\s*[年/.\-]\s*\d{1,2}\s*月?|\s*年)?"
_DATE_LEAD = re.compile(
    rf"(?<!\d){_DATE_POINT}(?:\s*(?:-{{1,2}}|–|—|~|至|到)\s*(?:{_DATE_POINT}|至?今|现在))?\s*(?:起|以来)?[，,：:]"
)
_RANGE_IN_PROSE = re.compile(
    rf"(?<!\d)(?P<a>{_DATE_POINT})\s*(?:-{{1,2}}|–|—|~|～|至|到)\s*(?:(?P<now>至?今|现在)|(?P<b>{_DATE_POINT}))"
)
_POINT_PARTS = re.compile(r"((?:19|20)\d\d)(?:\s*[年/.\-]\s*(\d{1,2}))?")


def _point(text: str | None) -> str | None:
    """ "2007年10月" -> "2007-10", "1989年" -> "1989"."""
    match = _POINT_PARTS.match(text or "")
    if match is None:
        return None
    return f"{match.group(1)}-{int(match.group(2)):02d}" if match.group(2) else match.group(1)


_ITEM_SEPARATOR = re.compile(r"[、，,]")
# "A和B", "A及B", "A兼B" join two items only after a title or an organisation.
_JOINER = re.compile(r"以及|和|及|与|兼")
_TRAILER = re.compile(r"(?:等职务|等职位|等职|之职|等工作|职务|职位|工作|一职|等)$")
_TRAILING_NOTE = re.compile(r"[（(][^（）()]{1,12}[)）]$")
# A note inside a name ("某某厂（某某厂前身）"): dropped before the items are read. (Offsets after it
# shift by its length: spans stay inside the clause, a little early.)
_NOTE = re.compile(r"[（(][^（）()]{0,20}(?:前身|简称|原名|现名|更名|下同)[^（）()]{0,10}[)）]")
_LEADING = re.compile(r"^(?:原|了|为|公司的|的)")
_MAX_ITEM = 60
# An item telling of study or birth ends a list of roles: "1988年，毕业于某某大学".
_NOT_A_ROLE = re.compile(r"毕业|出生|就读|攻读|学习|进修|获得|荣获|被评")
_NOW = re.compile(r"现任|至今|目前|现为")


@dataclass(frozen=True, slots=True)
class _Role:
    org: str | None
    title: str | None
    start: int
    end: int


def has_narrative(text: str) -> bool:
    """Prose that names roles or degrees the narrative way."""
    return bool(_ROLE.search(text) or "毕业于" in text or "学历" in text)


def _items(clause: str, offset: int) -> list[tuple[str, int]]:
    """The clause cut into items at 、 and ，, and at 和/及/兼 after a title or an organisation."""
    items: list[tuple[str, int]] = []
    position = 0
    for piece in [*_ITEM_SEPARATOR.split(clause)]:
        start = clause.find(piece, position)
        position = start + len(piece)
        cursor = 0
        for joiner in _JOINER.finditer(piece):
            left = piece[cursor : joiner.start()]
            if len(left) > _MAX_ITEM:
                break  # no item is this long: the rest of the piece is read as one (and dropped)
            if left and (is_title(left) or split_org_title(left)[1] or looks_like_org(left)):
                items.append((left, offset + start + cursor))
                cursor = joiner.end()
        items.append((piece[cursor:], offset + start + cursor))
    return items


def _clean(item: str) -> str:
    item = item.strip()
    item = _TRAILING_NOTE.sub("", item)
    item = _TRAILER.sub("", item)
    item = _LEADING.sub("", item)
    return item.strip()


def _roles_in(
    clause: str, offset: int, org_first: bool, context: str | None, bare: bool = False
) -> list[_Role]:
    """Roles of one clause; ``context`` is the organisation a leading bare title belongs to. A ``bare``
    clause (no 任 before it) keeps only "organisation + title" items naming a company-like organisation,
    and titles listed right after one."""
    roles: list[_Role] = []
    pending: list[tuple[str, int, int]] = []  # organisations waiting for the title after them
    current = context
    for index, (raw, at) in enumerate(_items(clause, offset)):
        item = _clean(raw)
        if not item or len(item) > _MAX_ITEM or _NOT_A_ROLE.search(item):
            if bare:
                current = None
                continue
            break
        org: str | None
        title: str | None
        if index == 0 and org_first:
            org, title = _without_department(item), None
        else:
            org, title = split_org_title(item)
        if org is not None and title is not None and current is not None and _is_unit(org):
            org, title = None, item  # "科研所所长", "质检科长" under the organisation already named
        if bare and not _kept_when_bare(org, title, roles, at):
            current = None
            continue
        if org is None and title is None:
            break  # the list is over: "…副总经理，负责生产管理"
        end = at + len(raw)
        if title is None:
            pending.append((org or "", at, end))
            current = org
            continue
        if org is not None:
            current = org
        for waiting, waiting_at, waiting_end in pending:
            if waiting != org:
                roles.append(_Role(waiting, title, waiting_at, waiting_end))
        pending = []
        roles.append(_Role(current, title, at, end))
    roles.extend(_Role(org, None, at, end) for org, at, end in pending)
    return roles


def _kept_when_bare(org: str | None, title: str | None, roles: list[_Role], at: int) -> bool:
    """Without a 任 before it, an item counts when it names a company-like organisation and a title,
    or is a title listed right after such an item."""
    if org is not None and title is not None:
        return is_strong_org(org)
    return org is None and title is not None and bool(roles) and roles[-1].end == at - 1


_UNIT = re.compile(r"^(?:[\u4e00-\u9fff]{1,2}(?:所|科|室|车间|组|办)|[\u4e00-\u9fff]{2})$")
_DEPARTMENT = re.compile(
    r"(?:财务|销售|市场|技术|生产|行政|人事|人力资源|营销|研发|质量|质检|审计|投资|法务|运营|采购|信息|企管|证券|综合|"
    r"计划|规划|工程|设计|党群|组织|宣传|业务|办公)(?:部|处|科|室)$"
)


def _is_unit(org: str) -> bool:
    """A unit inside an organisation named before (研究所, 质检), not an organisation of its own."""
    return bool(_UNIT.match(org)) and org not in ("公司", "本公司", "集团", "分厂", "总厂")


def _without_department(org: str) -> str:
    """ "某某药业财务部" -> "某某药业": the department is not the employer."""
    cut = _DEPARTMENT.search(org)
    return org[: cut.start()] if cut is not None and cut.start() >= 2 else org


def _dates(before: str, role_text: str) -> tuple[str | None, str | None, bool]:
    """Start, end and whether current, from the text just before a role (its own sentence only)."""
    before = before.rstrip("，,：: ")
    current = bool(_NOW.search(before[-6:])) or role_text.startswith(("现任", "现为"))
    ranges = find_ranges(before[-40:])
    if ranges:
        last = ranges[-1]
        return last.start, last.end, last.current or current
    # A range run into the words after it ("1976～1989年在…", "2007年10月至今任…"), which the
    # line-based reader does not take for one.
    written = list(_RANGE_IN_PROSE.finditer(before[-40:]))
    if written:
        last_range = written[-1]
        now = bool(last_range.group("now"))
        return _point(last_range.group("a")), None if now else _point(last_range.group("b")), now or current
    year = re.search(r"((?:19|20)\d\d)(?:年|[/.])(?:(\d{1,2})月?)?[^，,、\d]{0,4}$", before[-16:])
    if year:
        month = f"-{int(year.group(2)):02d}" if year.group(2) else ""
        return f"{year.group(1)}{month}", None, current
    return None, None, current


def find_narrative_experience(text: str) -> list[Experience]:
    """Experience entries from prose; one entry per organisation and the titles held there in a row."""
    entries: list[Experience] = []
    for sentence in _SENTENCE.finditer(text):
        body, base = sentence.group(), sentence.start()
        # (start, end of the trigger, end of the clause or -1 for "up to the next trigger", org first)
        triggers = [(m.start(), m.end(), -1, False) for m in _ROLE.finditer(body)]
        triggers += [(m.start(), m.end(), -1, True) for m in _JOIN.finditer(body)]
        triggers += [
            (m.start("org") - 1, m.start("org"), m.end("org"), True) for m in _WORKED_AT.finditer(body)
        ]
        # "2012/08，某某公司副总经理": a date and a comma open a role as 任 does.
        triggers += [(m.start(), m.end(), -1, False) for m in _DATE_LEAD.finditer(body)]
        triggers.sort()
        context: str | None = None
        lead = body[: triggers[0][0]] if triggers else body
        roles = _roles_in(_NOTE.sub("", lead), base, False, None, bare=True) if len(lead) >= 6 else []
        if roles:
            entries.extend(_entries(roles, None, None, False))
        for number, (start, end, clause_end, org_first) in enumerate(triggers):
            stop = triggers[number + 1][0] if number + 1 < len(triggers) else len(body)
            clause = body[end : clause_end if clause_end >= 0 else stop]
            dated = find_ranges(clause)
            if dated:  # a date range opens the next role: "…经理，1995年5月-2010年2月历任…"
                clause = clause[: dated[0].start_offset]
            clause = _NOTE.sub("", clause.rstrip("，,、 于在自从"))
            roles = _roles_in(clause, base + end, org_first, context)
            if not roles:
                continue
            if clause_end >= 0 and clause_end == stop and len(roles) == 1 and roles[0].title is None:
                # "在某某厂历任…": the organisation is the context of the titles that follow, not an entry.
                context = roles[0].org
                continue
            dated_lead = body[end - 1] in "，,：:"
            first, last, current = _dates(body[: end if dated_lead else start], body[start:end])
            entries.extend(_entries(roles, first, last, current))
            context = roles[-1].org or context
    return entries


def _entries(roles: list[_Role], start: str | None, end: str | None, current: bool) -> list[Experience]:
    grouped: list[list[_Role]] = []
    for role in roles:
        if grouped and grouped[-1][0].org == role.org:
            grouped[-1].append(role)
        else:
            grouped.append([role])
    entries = []
    for group in grouped:
        titles = [role.title for role in group if role.title]
        entries.append(
            Experience(
                employer=group[0].org,
                title="、".join(dict.fromkeys(titles)) or None,
                start=start,
                end=None if current else end,
                current=current,
                internship=False,
                span=Span(group[0].start, group[-1].end),
            )
        )
    return entries


# Checked in this order: 博士研究生 is a doctorate, 大学专科 a college diploma, 高中学历 no degree.
_DEGREE = re.compile(
    r"(?P<phd>博士(?:研究生)?(?!后|生导师|生指导|导师))"
    r"|(?P<master>硕士(?:研究生)?(?!生导师|导师)|研究生(?!院|导师)|(?<![A-Za-z])E?MBA(?![A-Za-z])|(?<![A-Za-z])MPA(?:cc)?(?![A-Za-z]))"
    r"|(?P<other>(?:中专|中技|高中|初中)(?=学历|文化|毕业|$|[，,。；;、]))"
    r"|(?P<associate>大专|专科|高职)"
    r"|(?P<bachelor>本科|学士|大本|大学(?:学历|文化|毕业|学位))",
    re.IGNORECASE,
)
_CLAUSE = re.compile(r"[^，,。；;\n]+")
_STUDIED = re.compile(r"毕业|就读|攻读|获|学习|进修|学历|学位|专业|肄业")
_MAJOR = re.compile(r"(?P<major>[\u4e00-\u9fff]{2,12}?)专业")


def find_narrative_education(text: str) -> list[Education]:
    """One entry per degree level named in prose, with the school and major of its clause (or of the
    clause before, "毕业于某某大学，获学士学位")."""
    clauses = [(m.group(), m.start()) for m in _CLAUSE.finditer(text)]
    entries: dict[str, Education] = {}
    for number, (clause, at) in enumerate(clauses):
        for match in _DEGREE.finditer(clause):
            level = match.lastgroup or "other"
            if level in entries and entries[level].school:
                continue
            school = find_school(clause)
            # The major is written after the school: "某某大学会计专业学士".
            major = _MAJOR.search(clause, school[1] + len(school[0]) if school else 0)
            if school is None and number > 0 and _STUDIED.search(clauses[number - 1][0]):
                school = find_school(clauses[number - 1][0])
            start = at + match.start()
            entries[level] = Education(
                degree=level,
                school=school[0] if school else None,
                major=major.group("major") if major else None,
                start=None,
                end=None,
                span=Span(start, at + match.end()),
            )
    return _with_schools_graduated_from(clauses, list(entries.values()))


def _with_schools_graduated_from(clauses: list[tuple[str, int]], entries: list[Education]) -> list[Education]:
    """A school named after 毕业于 away from any degree ("毕业于某某学院会计专业" in one sentence, "大学文化"
    in another) belongs to the first entry that has no school."""
    named = {entry.school for entry in entries if entry.school}
    for clause, _at in clauses:
        if "毕业于" not in clause and "就读于" not in clause:
            continue
        school = find_school(clause)
        if school is None or school[0] in named:
            continue
        missing = next((number for number, entry in enumerate(entries) if not entry.school), None)
        if missing is None:
            break
        major = _MAJOR.search(clause, school[1] + len(school[0]))
        entry = entries[missing]
        entries[missing] = Education(
            entry.degree,
            school[0],
            entry.major or (major.group("major") if major else None),
            entry.start,
            entry.end,
            entry.span,
        )
        named.add(school[0])
    return entries
