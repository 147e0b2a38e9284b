"""Employer and title from an experience header line, in any of the shapes resumes use.

"Title, Employer — Place — Dates", "Employer | Title | Dates", "Dates Employer Title" (Chinese, spaces),
"Employer, City" on the line above "Title | Dates", bilingual "华为 Huawei Technologies" …
"""

from __future__ import annotations

import re

from .contacts import STATE_CODES
from .memo import line_memo

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
    r"公司|集团|有限|科技|研究院|实验室|银行|医院|大学|学院|研究所|中心|工作室|事务所|证券|基金|保险|\b(?:Inc|Ltd|LLC|Corp|Corporation|Company|Co|Technologies|Technology|Labs?|Research|Group|Bank|Hospital|University|Institute|Studio|Capital|Partners|Systems|Software|Games"
    r"|Solutions|Services|Consulting|Consultancy|Agency|Studios|Analytics|Networks|Ventures|Holdings|Industries"
    # ("Co-op" is a kind of job, not a company's "Co")
    r"|Enterprises|Foundation|Association|Laboratory|Pvt|Limited|GmbH|AG|BV|SRL|SAS)\b(?!-op)",
    re.I,
)
_TITLE = re.compile(
    r"工程师|研究员|实习生|实习|经理|总监|主管|专家|架构师|科学家|负责人|算法|开发|产品|设计师|分析师|顾问|助理|助教|教授|讲师|博士后|组长|"
    r"\b(?:CTO|CEO|Engineer|Scientist|Researcher|Intern|Manager|Developer|Lead|Director|Architect|Analyst|Consultant|Professor|Postdoc|Postdoctoral|Fellow|Head|VP|Principal|Staff|Specialist|Programmer|Designer|Officer|Founder|Co-founder|Assistant|SDE|SWE|MLE"
    # Occupations beyond software and research, as job-site exports list them.
    r"|Accountant|Teacher|Nurse|Executive|Coordinator|Administrator|Technician|Supervisor|Representative|Clerk|Trainee"
    r"|Tester|Advocate|Writer|Editor|Instructor|Lecturer|Tutor|Auditor|Operator|Mechanic|Electrician|Pharmacist"
    r"|Physician|Chef|Cashier|Receptionist|Secretary|Recruiter|President|Associate|Apprentice|Planner|Strategist"
    r"|Advisor|Adviser|Leader|Member|Owner|Chairman|Chair|Artist|Trainer|Mentor|Contractor|Freelancer"
    r"|Webmaster|Evangelist|Maintainer|Contributor|Expert|Producer|Photographer|Translator|Journalist"
    r"|Coach|Facilitator|Craftsman|Internship|Scrum Master"
    # The same in Spanish, Portuguese and French, as people there write them (and "developper").
    r"|Desarrollador[a]?|Desenvolvedor[a]?|D[ée]veloppeu[rs]e?|Developper|Ingenier[oa]|Ing[ée]nieur|Engenheir[oa]"
    r"|Analista|Programador[a]?|Consultor[a]?|T[ée]cnico|Gerente|Jef[ea]|Investigador[a]?|Pesquisador[a]?"
    r"|Profesor[a]?|Chercheu[rs]e?|Stagiaire|Practicante|Becari[oa])s?\b",
    re.I,
)
# Legal forms, as written after an employer's name ("Nara Logics, Inc", "Innoplexus Pvt. Ltd.").
_LEGAL_FORMS = ("Inc", "LLC", "Ltd", "Corp", "GmbH", "Co", "PLC", "LLP", "Pvt", "Limited", "S.A", "S.L", "A.G", "B.V", "L.P", "LP", "SRL")  # fmt: skip
# A name that ends as only an organisation's does: a legal form, or one of these.
ORG_NAME_END = re.compile(
    r"\b(?:"
    + "|".join(re.escape(form) for form in _LEGAL_FORMS)
    + r"|Corporation|Company|Group|AG|BV|SAS|AB|SA)\.?$"
)
# ("Head of Consulting"; "Engenheira de Software", "Ingeniero de Datos": the title first, then its field)
_TITLE_OF = re.compile(rf"(?:\w+\s+){{0,2}}(?:{_TITLE.pattern})\s+(?:of|de|da|do|del|des|du)\s", re.I)
_ORG_END = re.compile(rf"(?:{_ORG.pattern})\W*$", re.I)
_TITLE_END = re.compile(rf"(?:{_TITLE.pattern})\W*$", re.I)
# Strong separators split a header line into employer / title / place; weak ones (", ", " at ") only
# when needed, so "Group Product Manager, Clinical AI" stays one title.
# (An employer's legal form ends it: "VoiceSpark Ltd. Senior TTS Researcher".)
_LEGAL_END = "|".join(f"(?<=\\w {form})" for form in ("Ltd", "Ltd.", "Inc.", "LLC", "GmbH", "PLC"))
_STRONG = re.compile(rf"\s*(?:[|｜•·●▪\t]|\s{{2,}}|\s[-–—]\s|[–—])\s*|(?:{_LEGAL_END})\s+(?=[A-Z])")
# (A legal form after a comma is the employer's own: "Nara Logics, Inc", "visual assault, llc".)
# ("AB InBev", "SA Water": those two start names, and are read as legal forms only at a name's end.)
_WEAK = re.compile(
    r"\s*(?:,\s(?!(?i:"
    + "|".join(re.escape(form) for form in _LEGAL_FORMS)
    + r")\.?(?![\w-]))|，|;|；|\s@\s|@|\sat\s)\s*"
)
# A comma between a header's parts (not before a legal form; brackets are counted apart).
_COMMA_OR_BRACKET = re.compile(r",\s+|[()]")
_LEGAL_FORM_NEXT = re.compile(r"(?i:" + "|".join(re.escape(form) for form in _LEGAL_FORMS) + r")\.?(?![\w-])")
_SCRIPT_BOUNDARY = re.compile(
    r"(?<=[\u4e00-\u9fff）)])\s+(?=[A-Za-z\u4e00-\u9fff])|(?<=[A-Za-z.])\s+(?=[\u4e00-\u9fff])"
)
_PAREN = re.compile(r"\s*[(（]([^()（）]*(?:[(（][^()（）]*[)）][^()（）]*)*)[)）]")
_BULLET = re.compile(r"^[-*•·●▪◆■►]\s*|^\d+[.、)]\s+")
# A web address beside an entry (a theme prints the employer's site after the dates) names no part.
WEB_ADDRESS = re.compile(r"\b(?:https?://|www\.)[^\s|｜,，]+", re.I)
_CJK = re.compile(r"[\u4e00-\u9fff]")
_CITY_SUFFIX = re.compile(r"[\u4e00-\u9fff]{2,3}市")
_LETTER = re.compile(r"[\u4e00-\u9fffA-Za-z]")
_FIGURES = re.compile(r"[\d.\s/-]+")
_PLACES = frozenset(
    ["china", "usa", "united", "states", "united", "kingdom", "canada", "germany", "france", "switzerland", "japan", "singapore", "india", "nigeria", "australia", "netherlands", "italy", "spain", "korea", "south", "korea", "israel", "sweden", "remote", "hybrid", "onsite", "beijing", "shanghai", "hangzhou", "guangzhou", "shenzhen", "nanjing", "chengdu", "wuhan", "suzhou", "xi'an", "tianjin", "chongqing", "hong", "kong", "taipei", "seattle", "new", "york", "san", "francisco", "mountain", "view", "redmond", "london", "sunnyvale", "menlo", "park", "palo", "alto", "cupertino", "toronto", "ottawa", "montreal", "vancouver", "waterloo", "boston", "cambridge", "zurich", "munich", "berlin", "paris", "milan", "lagos", "irvine", "los", "angeles", "san", "jose", "san", "diego", "austin", "chicago", "pittsburgh", "atlanta", "baltimore", "denver", "bangalore", "bengaluru", "hyderabad", "tel", "aviv", "amsterdam", "stockholm", "dublin", "edinburgh", "oxford", "tokyo", "seoul", "sydney", "melbourne", "远程", "中国", "北京", "上海", "杭州", "广州", "深圳", "南京", "成都", "武汉", "西安", "苏州", "香港", "新加坡"]
) | {"new york", "san francisco", "mountain view", "menlo park", "palo alto", "hong kong", "los angeles", "san jose",
     "san diego", "tel aviv", "united states", "united kingdom", "south korea"}  # fmt: skip
_REGION_CODES = frozenset([*STATE_CODES, "UK", "US", "USA"])
# States and provinces written out, as job-site exports put them after the city ("Pune, Maharashtra").
_REGION_NAMES = frozenset(
    ["andhra pradesh", "arunachal pradesh", "assam", "bihar", "chhattisgarh", "goa", "gujarat", "haryana", "himachal pradesh", "jharkhand", "karnataka", "kerala", "madhya pradesh", "maharashtra", "manipur", "meghalaya", "mizoram", "nagaland", "odisha", "orissa", "punjab", "rajasthan", "sikkim", "tamil nadu", "telangana", "tripura", "uttar pradesh", "uttarakhand", "west bengal", "delhi", "new delhi", "jammu and kashmir", "puducherry", "chandigarh",
     "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut", "delaware", "florida", "georgia", "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas", "kentucky", "louisiana", "maine", "maryland", "massachusetts", "michigan", "minnesota", "mississippi", "missouri", "montana", "nebraska", "nevada", "new hampshire", "new jersey", "new mexico", "new york", "north carolina", "north dakota", "ohio", "oklahoma", "oregon", "pennsylvania", "rhode island", "south carolina", "south dakota", "tennessee", "texas", "utah", "vermont", "virginia", "washington", "west virginia", "wisconsin", "wyoming",
     "ontario", "quebec", "british columbia", "alberta", "manitoba", "nova scotia", "england", "scotland", "wales", "bavaria", "new south wales", "victoria", "queensland", "india", "pakistan", "bangladesh", "sri lanka", "nepal", "philippines", "indonesia", "malaysia", "vietnam", "thailand", "uae", "united arab emirates", "saudi arabia", "qatar", "egypt", "kenya", "south africa", "brazil", "mexico", "ireland", "poland", "portugal", "belgium", "austria", "denmark", "norway", "finland"]
)  # fmt: skip
_MORE_CITIES = frozenset(
    ["pune", "mumbai", "chennai", "kolkata", "noida", "gurgaon", "gurugram", "ahmedabad", "jaipur", "kochi", "cochin", "lucknow", "indore", "coimbatore", "nagpur", "bhubaneswar", "thiruvananthapuram", "trivandrum", "visakhapatnam", "mysore", "mysuru", "vadodara", "surat", "nashik", "mangalore", "karachi", "lahore", "dhaka", "colombo", "kathmandu", "manila", "jakarta", "kuala lumpur", "dubai", "abu dhabi", "riyadh", "doha", "cairo", "nairobi", "johannesburg", "cape town", "dallas", "houston", "phoenix", "philadelphia", "miami", "portland", "raleigh", "minneapolis", "detroit", "columbus", "charlotte", "nashville", "san antonio", "orlando", "tampa", "st. louis", "salt lake city", "sacramento", "jersey city", "newark", "calgary", "edmonton", "manchester", "birmingham", "leeds", "glasgow", "bristol"]
)  # fmt: skip
_CITY_WORDS = re.compile(r"[A-Z][a-z.'-]+(?: [A-Z][a-z.'-]+){0,2}")


def _is_region(text: str) -> bool:
    return text in _REGION_CODES or text.lower() in _REGION_NAMES


@line_memo(maxsize=4096)
def is_place(text: str) -> bool:
    lowered = text.lower()
    return (
        text in _REGION_CODES
        or lowered in _PLACES
        or lowered in _REGION_NAMES
        or lowered in _MORE_CITIES
        or bool(_CITY_SUFFIX.fullmatch(text))
    )


@line_memo(maxsize=8192)
def scores(part: str) -> tuple[int, int]:
    """(employer-likeness, title-likeness) of a header part."""
    org = 3 * len(_KNOWN.findall(part)) + len(_ORG.findall(part))
    title = 2 * len(_TITLE.findall(part))
    if org and title:
        # Both kinds of word: the last word decides a tie ("Research Software Engineer" is a title,
        # "Engineering Software Labs" an employer), unless a title opens it with "of" ("Head of
        # Consulting", "Director of IT Services": the field it heads).
        org += 1 if _ORG_END.search(part) else 0
        title += 1 if _TITLE_END.search(part) else 0
        title += 2 if _TITLE_OF.match(part) else 0
    return org, title


def is_title(part: str) -> bool:
    org, title = scores(part)
    return title > org


def _drop_parenthetical(text: str) -> str:
    """Drop "(Beijing)", "(remote)" and English glosses of Chinese names; keep "(BAIR)", "(Shopee)",
    "网易（杭州）网络有限公司" and "开发（实习）"."""

    def replace(match: re.Match[str]) -> str:
        inner = match.group(1).strip()
        if _LETTER.match(text, match.end()):
            return match.group()
        if not inner or is_place(inner):
            return ""
        if _CJK.search(text[max(0, match.start() - 6) : match.start()]) and not _CJK.search(inner):
            return ""
        return match.group()

    return _PAREN.sub(replace, text)


_FIELD_LABEL = re.compile(
    r"^(?:公司名称|公司|单位名称|单位|雇主|职位名称|职位|岗位|职务|时间|起止时间|工作时间|"
    r"company|employer|organi[sz]ation|title|position|role|dates?|period)\s*[:：]\s*",
    re.IGNORECASE,
)


# How long a job lasted, as job sites print it after the employer: "[ 5年 ]", "（4年3个月）", "(2 yrs)".
_DURATION = re.compile(
    r"\s*[\[【(（]\s*(?:\d{1,2}\s*年(?:\s*\d{1,2}\s*个?月)?|\d{1,2}\s*个?月|\d{1,2}\s*(?:yrs?|years?|mos?|months?)"
    r"(?:\s*\d{1,2}\s*(?:mos?|months?))?)\s*[\]】)）]",
    re.IGNORECASE,
)


# The same without brackets, as a part of its own: "Nov 2016 - Sep 2018 · 1 year 10 months".
_BARE_DURATION = re.compile(
    r"(?:\d{1,2}\s*(?:yrs?|years?)(?:\s*\d{1,2}\s*(?:mos?|months?))?|\d{1,2}\s*(?:mos?|months?)|\d{1,3}\s*(?:days?|weeks?)"
    r"|\d{1,2}\s*年(?:\s*\d{1,2}\s*个?月)?|\d{1,2}\s*个月)",
    re.IGNORECASE,
)


def _clean(part: str) -> str:
    part = _DURATION.sub("", part)
    part = _BULLET.sub("", part.strip()).strip(" :：-–—*,，;；")
    part = _FIELD_LABEL.sub("", part)  # "公司名称：X", "Role: Y"
    # Keep brackets that close inside the part, drop ones a split cut in half.
    while (
        part and part[-1] in ")）" and part.count("(") + part.count("（") < part.count(")") + part.count("）")
    ):
        part = part[:-1].rstrip()
    while part and part[-1] in "(（":
        part = part[:-1].rstrip()
    while (
        part and part[0] in "(（" and part.count("(") + part.count("（") > part.count(")") + part.count("）")
    ):
        part = part[1:].lstrip()
    return part


def _pieces(part: str) -> list[str]:
    """Split at Chinese/Latin boundaries, then glue short modifiers back onto the title they qualify
    ("高级 NLP 算法工程师", "游戏 AI 研究员"), so bilingual names split but titles do not."""
    merged: list[str] = []
    pending: list[str] = []
    for piece in _SCRIPT_BOUNDARY.split(part):
        piece = piece.strip()
        if not piece:
            continue
        org, title = scores(piece)
        short = len(piece) <= (3 if _CJK.search(piece) else 6)
        if org == 0 and title == 0 and short and not is_place(piece):
            pending.append(piece)
            continue
        if pending and title > org:
            merged.append(" ".join([*pending, piece]))
        else:
            merged.extend(pending)
            merged.append(piece)
        pending = []
    merged.extend(pending)
    return merged


def header_parts(text: str, *, weak: bool = False) -> list[str]:
    """Header parts split at strong separators with places dropped ("Zurich", "Boston, MA"); with
    weak=True also split at commas and " at "."""
    # An entry's lines are split several ways while its employer and title are decided: remembered.
    return list(_weak_parts(text) if weak else _strong_parts(text))


@line_memo(maxsize=4096)
def _strong_parts(text: str) -> tuple[str, ...]:
    return tuple(_header_parts(text, weak=False))


@line_memo(maxsize=4096)
def _weak_parts(text: str) -> tuple[str, ...]:
    return tuple(_header_parts(text, weak=True))


def _header_parts(text: str, *, weak: bool) -> list[str]:
    text = _drop_parenthetical(WEB_ADDRESS.sub(" | ", text))
    parts: list[str] = []
    for strong in _STRONG.split(text):
        written = [_clean(piece) for piece in _weak_split(strong)]
        pieces = _without_places(written)
        # (unsplit, a part is as written where no place was dropped: "University of Illinois at Urbana")
        whole = _clean(strong) if pieces == [piece for piece in written if piece] else ", ".join(pieces)
        groups = pieces if weak else ([whole] if pieces else [])
        for group in groups:
            for piece in _pieces(group):
                piece = _clean(piece)
                if (
                    len(piece) >= 2
                    and not is_place(piece)
                    and not _FIGURES.fullmatch(piece)
                    and not _BARE_DURATION.fullmatch(piece)
                ):
                    parts.append(piece)
    return parts


_BRACKETED = re.compile(r"[(（][^()（）]*[)）]")


def _weak_split(text: str) -> list[str]:
    """Split at weak separators outside brackets: "Frontend Developer (Freelance, Part-time)" is one."""
    if "(" not in text and "（" not in text:
        return _WEAK.split(text)
    inside = [(match.start(), match.end()) for match in _BRACKETED.finditer(text)]
    pieces: list[str] = []
    start = 0
    for match in _WEAK.finditer(text):
        if not any(low < match.start() < high for low, high in inside):
            pieces.append(text[start : match.start()])
            start = match.end()
    pieces.append(text[start:])
    return pieces


def _without_places(pieces: list[str]) -> list[str]:
    """Pieces that are not places. A city is also known by a written-out state closing the part after it
    ("Wakad, Maharashtra"), even when the city itself is not in the lists, if it names no organisation
    or title; the first of three pieces is not (it is the employer in "Acme Payments, New York, NY")."""
    kept = []
    for index, piece in enumerate(pieces):
        if not piece or is_place(piece):
            continue
        following = pieces[index + 1] if index + 1 == len(pieces) - 1 else ""
        if (
            (index > 0 or len(pieces) == 2)
            and (following.lower() in _REGION_NAMES or following in _REGION_CODES)
            and _CITY_WORDS.fullmatch(piece)
            and scores(piece) == (0, 0)
        ):
            continue
        kept.append(piece)
    return kept


def employer_title(parts: list[str]) -> tuple[str | None, str | None]:
    """The first part that is not a job title is the employer; the best title-scoring part is the title."""
    scored = [(part, *scores(part)) for part in parts]
    others = [(part, org) for part, org, title in scored if title <= org]
    employer = others[0][0] if others else None
    if others and others[0][1] == 0:
        # A name with no employer's word gives way to a later one that ends in a legal form or a word
        # only organisations end in, in the same script ("Technician, Engine Analysis, Scania Group";
        # never "Mayo Clinic | Cardiology Services", a department, nor "Momenta 初速度科技", one name twice).
        script = bool(_CJK.search(others[0][0]))
        employer = next(
            (
                part
                for part, _org in others[1:]
                if ORG_NAME_END.search(part) and bool(_CJK.search(part)) == script
            ),
            employer,
        )
    title = None
    best = 0
    for part, org, title_score in scored:
        if part != employer and title_score > best and title_score > org:
            title, best = part, title_score
    if title is None:
        rest = [part for part in parts if part != employer]
        title = rest[0] if rest and employer is not None else None
    return employer, title


def comma_pieces(text: str) -> list[str]:
    """A header line's pieces between commas, as written ("Teaching Assistant, University of California,
    Santa Barbara" gives three); a legal form and a bracket stay with their name."""
    text = WEB_ADDRESS.sub("", text).strip()
    pieces: list[str] = []
    start = depth = 0
    for mark in _COMMA_OR_BRACKET.finditer(text):  # one pass: a line of many commas costs no square
        token = mark.group()
        if token == "(":
            depth += 1
        elif token == ")":
            depth = max(depth - 1, 0)
        elif depth == 0 and not _LEGAL_FORM_NEXT.match(text, mark.end()):
            pieces.append(text[start : mark.start()])
            start = mark.end()
    pieces.append(text[start:])
    return [piece.strip() for piece in pieces if piece.strip()]


def employer_as_written(pieces: list[str]) -> str:
    """An employer's comma pieces as written, without the place after them ("Bramblewood Analytics,
    Austin, TX", "… — Austin", "… (Remote)"); a piece that only looks like a city stays ("University of
    California, Santa Barbara")."""
    kept = _without_places(pieces) if len(pieces) > 1 else pieces
    text = ", ".join(kept or pieces[:1])
    dashed = _PLACE_AFTER_DASH.search(text)
    if dashed is not None and is_place(dashed.group("place")):
        text = text[: dashed.start()]
    return _drop_parenthetical(text).strip()


_PLACE_AFTER_DASH = re.compile(r"\s[-–—|]\s(?P<place>[^-–—|]+)$")
