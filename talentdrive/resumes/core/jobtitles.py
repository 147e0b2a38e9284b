"""Chinese job titles and organisation names, told apart inside one run of characters.

Narrative resumes write an employer and the title held there without a separator ("某某有限公司副总经理",
"某某研究所所长", "某某银行业务一部总经理"). A title ends in one of the words below, possibly behind
modifiers (副, 常务, 独立 …) and a department (…部, …处); an organisation ends in one of the suffixes
below. The lists are the project's own.
"""

from __future__ import annotations

import re

# What a title ends with. Longer words first, so the alternation tries 董事长 before 董事.
_WORDS = (
    "董事长", "董事", "监事长", "监事", "总经理", "经理", "总裁", "总监", "主席", "主任", "书记", "委员", "秘书长", "秘书", "部长", "厂长",
    "院长", "所长", "校长", "处长", "科长", "局长", "行长", "社长", "站长", "馆长", "队长", "组长", "段长", "庭长", "检察长", "县长", "市长",
    "省长", "区长", "镇长", "乡长", "州长", "司长", "署长", "主管", "会计", "出纳", "工程师", "会计师", "经济师", "审计师", "评估师", "估价师",
    "律师", "分析师", "设计师", "规划师", "精算师", "药师", "医师", "政工师", "统计师", "建筑师", "咨询师", "博士生导师", "硕士生导师", "研究生导师",
    "研究员", "教授", "讲师", "教师", "助教", "导师", "顾问", "助理", "代表", "负责人", "合伙人", "创始人", "理事长", "理事", "会长", "干事",
    "科员", "职员", "技术员", "专员", "专家", "董秘", "总工", "总编", "编辑", "主编", "记者", "法官", "检察官", "审计员", "工人", "技师",
    "教员", "参谋", "政委", "团长", "营长", "连长", "排长", "员工", "店长", "高管", "成员", "常委", "议员", "会员", "主持人", "总编辑",
    "总会计师", "总工程师", "总经济师", "总审计师", "总稽核", "稽核", "业务员", "销售员", "操作员", "管理员", "工长", "班长", "车间主任", "主办",
    "经办", "干部", "大队长", "中队长", "副总", "执行官", "营运官", "财务官", "技术官", "行政官", "首席官", "CEO", "CFO", "CTO", "COO", "CIO", "VP",
)  # fmt: skip
_CORES = sorted(_WORDS, key=len, reverse=True)
_MODIFIERS = "常务副|副|常务|执行|独立|非执行|首席|高级|资深|总|专职|兼职|代理|名誉|终身|第一|助理|见习|驻会"
# Bodies a title may name before its core word ("董事会秘书", "党委副书记"), and functions ("财务总监").
_GOVERNANCE = (
    "董事会|监事会|党委|党组|纪委|党支部|党总支|工会|团委|职工代表|职工|证券事务|薪酬委员会|审计委员会|战略委员会|"
    "提名委员会"
)
# Functions as well; these also end many company names ("某某投资", "某某科技"), so they belong to a title
# only when the whole run is one.
_BODIES = (
    _GOVERNANCE
    + "|财务|销售|市场|技术|生产|行政|人事|人力资源|营销|研发|质量|审计|投资|法务|运营|采购|信息|风险|"
    "合规|项目|业务|客户|品牌|战略|计划|综合|企划|策划|总经理|董事长|总裁|厂长|院长|所长|行长"
)
_CORE = "|".join(re.escape(core) for core in _CORES)
_TITLE_UNIT = rf"(?:{_MODIFIERS})*(?:{_CORE})"
# A whole title: bodies and functions, then one or more modified cores ("总经理助理", "党委副书记").
_TITLE_ONLY = re.compile(rf"(?:(?:{_BODIES})(?:兼|、)?)*(?:{_TITLE_UNIT})+")
# A department, then a title: "综合管理部部长", "业务一部总经理", "财务司二处副处长".
_DEPARTMENT_TITLE = re.compile(
    rf"[\u4e00-\u9fffA-Za-z0-9]{{1,12}}?(?:部|处|科|室|车间|分部|组|系|办)(?:{_TITLE_UNIT})+"
)
# A title at the end of a run (searched; the leftmost match reaching the end is the longest).
_TITLE_AT_END = re.compile(rf"(?:(?:{_GOVERNANCE}))?(?:{_TITLE_UNIT})+$")
# What a title may hold before its core when it follows an organisation: a department or a function.
_TITLE_AFTER_ORG = re.compile(rf"[\u4e00-\u9fffA-Za-z0-9（）()]{{0,12}}?(?:{_TITLE_UNIT})+")

_ORG_SUFFIX = re.compile(
    r"有限责任公司|股份有限公司|有限公司|公司|集团|总厂|分厂|厂|银行|分行|支行|大学|学院|研究生院|研究院|研究所|科学院|"
    r"事务所|医院|学校|中学|中心|委员会|协会|学会|商会|联合会|基金会|研究会|促进会|联社|合作社|报社|出版社|电视台|"
    r"电台|政府|办事处|管委会|交易所|营业部|院|所|局|社|署|系"
)
_STRONG_ORG = re.compile(
    r"公司|集团|厂|银行|分行|支行|大学|学院|研究院|研究所|科学院|事务所|医院|学校|委员会|协会|学会|商会|联合会|基金会|"
    r"交易所|政府|管委会|局|报社|出版社|电视台"
)
_DEPARTMENT_END = re.compile(r"(?:部|处|科|室|车间|分部|组|系|办)$")
MAX_TITLE = 16


def is_title(text: str) -> bool:
    """A run that is a title on its own: "董事会秘书", "常务副总经理", "综合管理部部长"."""
    if len(text) > MAX_TITLE:
        return False
    if _TITLE_ONLY.fullmatch(text):
        return True
    match = _DEPARTMENT_TITLE.fullmatch(text)
    return bool(match) and not _STRONG_ORG.search(text)


def looks_like_org(text: str) -> bool:
    """A run ending in an organisation's suffix ("…有限公司", "…研究所", "…银行")."""
    return len(text) >= 2 and any(match.end() == len(text) for match in _ORG_SUFFIX.finditer(text))


def is_strong_org(text: str) -> bool:
    """Names a company, a bank, a school, an agency … (not a department)."""
    return bool(_STRONG_ORG.search(text))


def split_org_title(text: str) -> tuple[str | None, str | None]:
    """(organisation, title) of a run such as "某某有限公司副总经理"; either may be None.

    The organisation is the longest prefix ending in an organisation suffix that leaves a title; without
    one, a title at the end is cut off and what precedes it is the organisation, unless that is only a
    department ("综合管理部部长" is a title of the organisation named before).
    """
    if not text:
        return None, None
    if is_title(text):
        return None, text
    best: tuple[str, str] | None = None
    for match in _ORG_SUFFIX.finditer(text):
        cut = match.end()
        rest = text[cut:]
        # (Not inside a word: "…研究所" + "所长", never "…研究所所" + "长助理".)
        if (
            cut >= 2
            and rest
            and rest[0] != "长"
            and len(rest) <= MAX_TITLE
            and _TITLE_AFTER_ORG.fullmatch(rest)
        ):
            best = (text[:cut], rest)  # later boundaries overwrite: the longest organisation wins
    if best is not None:
        return best
    at_end = _TITLE_AT_END.search(text)
    if at_end is not None and at_end.start() > 0:
        org, title = text[: at_end.start()], at_end.group()
        if _DEPARTMENT_END.search(org) and not _STRONG_ORG.search(org) and len(text) <= MAX_TITLE:
            return None, text
        if len(org) >= 2:
            return org, title
        return None, text if len(text) <= MAX_TITLE else title
    if at_end is not None:
        return None, at_end.group()
    if looks_like_org(text):
        return text, None
    return None, None
