"""English query words for the Chinese parts of a job text, so a Chinese job reaches English resumes.

Three sources, all the project's own:

* the taxonomy's bilingual names: a skill named in Chinese in the job text ("分布式训练", "多模态")
  adds its English name ("distributed training", "multimodal"); a skill named in Latin letters
  ("熟悉 PyTorch") is already a query word as written and adds nothing;
* ``TITLE_WORDS``: the words job titles are made of, Chinese → English (工程师 → engineer, 会计 →
  accountant, 数据 → data …), read in the requisition's title only, where they name the occupation
  (in running text the same characters are as often part of other words);
* ``jobwords_zh.BODY_WORDS``: the words of a job description's running text, Chinese → English
  (招聘 → recruitment, 施工 → construction, 自动化测试 → automation testing …), each occurrence
  adding its English words once, as an English text's words count as often as the text has them.

English words are given in the singular and the plural, as resumes write both ("Engineer",
"Engineers"), because text relevance does not stem (docs/quality.md, "Text relevance"). Measured
on the O*NET check with Chinese titles (docs/quality.md, "Chinese job texts").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from talentdrive.matching.core.context_zh import find_skills_in_context
from talentdrive.matching.core.jobwords_zh import BODY_WORDS
from talentdrive.matching.core.tokenise import bm25_tokens

_CJK = re.compile(r"[\u3400-\u9fff]")

# Chinese title words → English words. Longest match first, left to right, without overlaps.
TITLE_WORDS: dict[str, str] = {
    # roles
    "工程师": "engineer engineers",
    "技术员": "technician technicians",
    "技师": "technician technicians technologist technologists",
    "技工": "technician technicians",
    "经理": "manager managers",
    "总监": "director directors manager",
    "主管": "supervisor supervisors manager",
    "主任": "director supervisor",
    "专员": "specialist specialists officer",
    "专家": "specialist specialists expert",
    "顾问": "consultant consultants advisor",
    "分析师": "analyst analysts",
    "设计师": "designer designers",
    "架构师": "architect architects",
    "科学家": "scientist scientists",
    "研究员": "researcher researchers scientist scientists",
    "学家": "scientist scientists",
    "助理": "assistant assistants",
    "助教": "teaching assistant assistants",
    "秘书": "secretary secretaries",
    "文员": "clerk clerks",
    "办事员": "clerk clerks",
    "操作工": "operator operators",
    "操作员": "operator operators",
    "值班员": "operator operators",
    "安装工": "installer installers",
    "维修工": "repairer repairers mechanic",
    "维修": "repair repairer repairers maintenance",
    "机修工": "mechanic mechanics",
    "机械师": "mechanic mechanics",
    "修理工": "repairer repairers mechanic mechanics",
    "装配工": "assembler assemblers",
    "检验员": "inspector inspectors",
    "检查员": "inspector inspectors",
    "调查员": "examiner examiners investigator",
    "稽查员": "examiner examiners",
    "侦查员": "investigator investigators detective detectives",
    "协调员": "coordinator coordinators",
    "采购员": "buyer buyers purchasing agent agents",
    "采购": "purchasing buyer buyers procurement",
    "销售": "sales",
    "代表": "representative representatives",
    "经纪人": "broker brokers agent agents",
    "代理人": "agent agents",
    "教师": "teacher teachers",
    "老师": "teacher teachers",
    "讲师": "teacher teachers lecturer instructor",
    "教授": "professor teacher teachers",
    "教练": "coach coaches",
    "培训师": "trainer trainers training",
    "医生": "physician physicians doctor",
    "医师": "physician physicians",
    "外科": "surgeon surgeons surgery",
    "护士": "nurse nurses",
    "护理员": "aide aides nursing",
    "护工": "aide aides",
    "药剂师": "pharmacist pharmacists",
    "药师": "pharmacist pharmacists",
    "治疗师": "therapist therapists",
    "律师": "lawyer lawyers attorney",
    "法官": "judge judges",
    "会计师": "accountant accountants",
    "会计": "accountant accountants accounting",
    "出纳": "cashier cashiers",
    "审计师": "auditor auditors",
    "审计": "audit auditor auditors",
    "精算师": "actuary actuaries",
    "评估师": "appraiser appraisers assessor",
    "规划师": "planner planners",
    "编辑": "editor editors",
    "记者": "reporter reporters journalist",
    "翻译": "translator translators interpreter",
    "摄影师": "photographer photographers",
    "摄像师": "camera operator operators",
    "导演": "director directors",
    "制片人": "producer producers",
    "厨师": "cook cooks chef",
    "司机": "driver drivers",
    "驾驶员": "driver drivers",
    "飞行员": "pilot pilots",
    "机长": "pilot pilots captain",
    "消防员": "firefighter firefighters",
    "警察": "police officer officers",
    "巡警": "police patrol officer officers",
    "保安": "security guard guards",
    "收银员": "cashier cashiers",
    "服务员": "attendant attendants server",
    "接待员": "receptionist receptionists concierge",
    "饲养员": "caretaker caretakers",
    "兽医": "veterinarian veterinarians",
    "图书馆员": "librarian librarians",
    "程序员": "programmer programmers developer",
    "开发": "developer developers development",
    "运维": "operations devops",
    "测试": "testing test qa",
    "产品经理": "product manager managers",
    "项目经理": "project manager managers",
    "工人": "worker workers",
    # fields and functions
    "软件": "software",
    "硬件": "hardware",
    "计算机": "computer computers",
    "网络": "network networks",
    "数据库": "database databases",
    "数据": "data",
    "信息": "information",
    "系统": "systems system",
    "网页": "web",
    "前端": "frontend front end",
    "后端": "backend back end",
    "界面": "interface",
    "电子": "electronics electronic",
    "电气": "electrical",
    "电力": "power electrical",
    "机械": "mechanical machine machines",
    "土木": "civil",
    "建筑": "construction building architectural",
    "化学": "chemical chemistry chemists",
    "生物": "biological biology",
    "物理": "physics physicists",
    "数学": "mathematics mathematicians",
    "统计": "statistics statisticians statistical",
    "经济": "economics economists",
    "金融": "financial finance",
    "财务": "financial finance",
    "税务": "tax",
    "报税": "tax preparer preparers",
    "贷款": "loan loans",
    "信贷": "credit loan",
    "保险": "insurance",
    "房地产": "real estate",
    "市场": "marketing market",
    "营销": "marketing",
    "公关": "public relations",
    "广告": "advertising",
    "人力资源": "human resources",
    "招聘": "recruiting recruiter recruiters",
    "培训": "training",
    "行政": "administrative",
    "法务": "legal",
    "法律": "legal law",
    "合规": "compliance",
    "质量": "quality",
    "质检": "quality control inspector",
    "安全": "safety security",
    "环境": "environmental",
    "环保": "environmental",
    "能源": "energy",
    "风电": "wind energy",
    "光伏": "solar",
    "太阳能": "solar energy",
    "石油": "petroleum oil",
    "油气": "oil gas",
    "天然气": "gas",
    "地质": "geological geoscientists",
    "水文": "hydrologic hydrologists",
    "气象": "meteorologist atmospheric",
    "农业": "agricultural agriculture",
    "农产品": "farm products",
    "林业": "forest forestry",
    "食品": "food",
    "医学": "medical medicine",
    "医疗": "medical health",
    "临床": "clinical",
    "健康": "health",
    "药房": "pharmacy",
    "制药": "pharmaceutical",
    "牙科": "dental",
    "口腔": "dental oral",
    "放射": "radiologic radiology",
    "超声": "sonographer sonographers ultrasound",
    "康复": "rehabilitation",
    "急救": "emergency medical",
    "心理": "psychology psychologist",
    "社会": "social",
    "教育": "education",
    "小学": "elementary school",
    "中学": "secondary school",
    "幼儿园": "kindergarten",
    "高校": "postsecondary",
    "大学": "postsecondary university",
    "图书馆": "library",
    "物流": "logistics",
    "供应链": "supply chain",
    "运输": "transportation",
    "仓储": "storage warehouse",
    "邮政": "postal mail",
    "航空": "aerospace aviation airline",
    "船舶": "marine naval",
    "汽车": "automotive",
    "铁路": "railroad",
    "电信": "telecommunications",
    "通信": "telecommunications communications",
    "广播": "broadcast",
    "录音": "sound recording",
    "音响": "sound audio",
    "影视": "film video television",
    "电视": "television",
    "摄影": "photographic photography",
    "印刷": "printing",
    "美术": "art",
    "平面": "graphic",
    "工业": "industrial",
    "生产": "production",
    "制造": "manufacturing",
    "模具": "tool die",
    "数控": "cnc numerically controlled",
    "铸造": "casting casters",
    "焊接": "welding welders",
    "木工": "woodworking",
    "电工": "electrician electricians",
    "管道": "pipe pipefitters plumbing",
    "运营": "operations",
    "电商": "online ecommerce",
    "零售": "retail",
    "批发": "wholesale",
    "客服": "customer service",
    "餐厅": "restaurant",
    "酒店": "hotel lodging",
    "可持续发展": "sustainability",
    "首席": "chief",
    "局长": "postmaster director",
    "估价师": "appraiser appraisers",
    "咨询师": "counselor counselors therapist",
    "测量": "surveying surveyor surveyors",
    "制图": "drafter drafters cartographer cartographers mapping",
    "检测": "testing inspection",
    "遗传": "genetic genetics",
    "护理": "nursing care",
    "消防": "fire",
    "报警": "alarm",
    "安防": "security",
    "电厂": "power plant",
    "发电": "power generation",
    "钳工": "fitter machinist",
    "铣床": "milling machine",
    "车床": "lathe",
    "机床": "machine tool",
    "殡葬": "funeral",
    "刑事": "criminal forensic",
    "矫正": "correctional",
    "婚姻": "marriage",
    "家庭": "family",
    "宗教": "religious",
    "神经": "neurology",
    "妇产科": "obstetrics gynecology",
    "儿科": "pediatric pediatrics",
    "骨科": "orthopedic",
    "眼科": "ophthalmology optometry",
    "精神科": "psychiatry psychiatric",
    "麻醉": "anesthesia anesthesiologist",
    "病理": "pathology pathologist",
    "检验": "laboratory testing inspection",
    "实验室": "laboratory",
    "化验": "laboratory",
    "研发": "research development",
    "研究": "research",
    "算法": "algorithm algorithms",
    "人工智能": "artificial intelligence ai",
    "机器学习": "machine learning",
    "深度学习": "deep learning",
    "大模型": "llm large language model",
    "法律顾问": "legal counsel",
    "翻译员": "translator translators",
    "仓库": "warehouse",
    "叉车": "forklift",
    "货车": "truck",
    "卡车": "truck",
    "公交": "bus",
    "出租车": "taxi",
}
_TITLE_ORDER = sorted(TITLE_WORDS, key=len, reverse=True)
_TITLE_PATTERN = re.compile("|".join(re.escape(word) for word in _TITLE_ORDER))


_BODY_ORDER = sorted(BODY_WORDS, key=len, reverse=True)
_BODY_PATTERN = re.compile("|".join(re.escape(word) for word in _BODY_ORDER))


def has_chinese(text: str) -> bool:
    return bool(_CJK.search(text))


def title_words_en(title: str) -> str:
    """The English words of a Chinese title's words (longest first, left to right); Latin words stay."""
    if not has_chinese(title):
        return ""
    return " ".join(TITLE_WORDS[m.group()] for m in _TITLE_PATTERN.finditer(title))


def chinese_skill_names_en(text: str, taxonomy: Any) -> str:
    """The English names of the skills the text names in Chinese, once per mention."""
    if not has_chinese(text) or taxonomy is None:
        return ""
    names: list[str] = []
    skills = getattr(taxonomy, "skills", {})
    for mention in find_skills_in_context(text, taxonomy):
        surface = getattr(mention, "surface", "")
        skill = skills.get(getattr(mention, "skill_id", ""))
        if skill is not None and has_chinese(surface) and skill.name_en:
            names.append(skill.name_en)
    return "\n".join(n for n in names if n)


def latin_terms(text: str) -> tuple[str, ...]:
    """The words a Chinese job text writes in Latin letters ("负责Java后端开发，熟悉Spring、MySQL").

    They name the job's tools and are all that plain BM25 reads of such a text, so the query keeps
    them however common they are. Only the Latin words of lines holding Chinese, and none when the
    text also has English prose (a line of four Latin words or more without Chinese): an English text's
    common words are left out of the query as before.
    """
    if not has_chinese(text):
        return ()
    kept: list[str] = []
    for line in text.splitlines():
        words = [token for token in bm25_tokens(line) if not _CJK.match(token)]
        if not has_chinese(line):
            if len(words) >= 4:
                return ()
            continue
        kept.extend(words)
    return tuple(dict.fromkeys(kept))


def body_words_en(text: str) -> str:
    """The English words of a Chinese job text's words (longest first, left to right), once per
    occurrence; Latin words add nothing (they are query words as written)."""
    if not has_chinese(text):
        return ""
    return " ".join(BODY_WORDS[m.group()] for m in _BODY_PATTERN.finditer(text))


def text_words_en(text: str, taxonomy: Any) -> str:
    """English query words for a Chinese job text: the English names of the skills it names in
    Chinese, and the English words of its other job-text words (a skill's Chinese name is read as the
    skill, not again as body words)."""
    if not has_chinese(text):
        return ""
    names: list[str] = []
    rest = list(text)
    skills = getattr(taxonomy, "skills", {}) if taxonomy is not None else {}
    for mention in find_skills_in_context(text, taxonomy) if taxonomy is not None else ():
        surface = getattr(mention, "surface", "")
        skill = skills.get(getattr(mention, "skill_id", ""))
        if skill is not None and has_chinese(surface) and skill.name_en:
            names.append(skill.name_en)
            start, end = getattr(mention, "start", -1), getattr(mention, "end", -1)
            if 0 <= start < end <= len(rest):
                rest[start:end] = " " * (end - start)
    return "\n".join(n for n in (*names, body_words_en("".join(rest))) if n)


@lru_cache(maxsize=4096)
def _cached_title(title: str) -> str:
    return title_words_en(title)


def english_for_title(title: str, taxonomy: Any) -> str:
    """A Chinese title's English words: its title words and the English names of its skills."""
    return " ".join(w for w in (_cached_title(title), chinese_skill_names_en(title, taxonomy)) if w)
