"""Who and how to reach: name, emails, phones (E.164), location, links."""

from __future__ import annotations

import re
from collections.abc import Set

import phonenumbers

from .deadline import Deadline
from .model import Link, Located, Phone, Span
from .sections import Line, heading_kind

EMAIL = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}\.)+[A-Za-z]{2,24}(?![\w-])"
)
# Phone-looking runs: optional +CC / 00CC / (+86), then digits with spaces, dashes, dots or brackets.
_PHONE_BODY = r"(?<![\w+/.])(?:\(?(?:\+|00)\s?\d{1,3}\)?[ \-]?)?\(?\d[\d \-().]{5,16}\d(?![\w/])"
# The pattern opens with the characters a phone can start with, so the engine skips every other one in
# C; it reads that one character and, looking behind it, captures the number that starts there. (It
# also stops at each later digit of a number; those are passed over, the body failing at once there.)
_PHONE = re.compile(rf"[(+\d](?<=(?=(?P<phone>{_PHONE_BODY}))[(+\d])")
# A run that starts like a date (2019.09, 2019-09-01, 2015 - 2019, 09/2019) is not a phone number.
_DATEISH = re.compile(
    r"^\s*(?:(?:19|20)\d\d\s*[.\-/年]\s*(?:0?[1-9]|1[0-2])(?!\d)|(?:19|20)\d\d\D+(?:19|20)\d\d\s*$|(?:0?[1-9]|1[0-2])\s*/\s*(?:19|20)\d\d)"
)
_CN_MOBILE = re.compile(r"^1[3-9]\d{9}$")


# The text is scanned in slices with an overlap longer than any address, so the deadline is checked
# between slices: a hostile text (200 KB of "@") fails with "timeout" instead of holding a worker.
_EMAIL_SLICE = 16_384
_EMAIL_OVERLAP = 512


def find_emails(text: str, *, deadline: Deadline | None = None) -> list[Located]:
    """Email addresses in order of first appearance, each once (case-insensitively); one pass over the
    text, linear in its length, with ``deadline`` checked between slices."""
    seen: set[str] = set()
    found = []
    last_end = 0
    for start in range(0, len(text), _EMAIL_SLICE):
        if deadline is not None:
            deadline.check("email addresses")
        stop = start + _EMAIL_SLICE
        end = min(len(text), stop + _EMAIL_OVERLAP)
        if text.find("@", start, end) < 0:
            continue
        for match in EMAIL.finditer(text, start, end):
            if match.start() >= stop:
                break
            if match.start() < last_end:
                continue
            last_end = match.end()
            value = match.group().rstrip(".")
            key = value.lower()
            if key not in seen:
                seen.add(key)
                found.append(Located(value, Span(match.start(), match.start() + len(value))))
    return found


def find_phones(text: str, *, region: str = "CN") -> list[Phone]:
    """Phone numbers normalised to E.164; mainland mobiles need no +86, other countries need their prefix."""
    seen: set[str] = set()
    found = []
    resume = 0
    for match in _PHONE.finditer(text):
        if match.start() < resume:
            continue  # inside the previous number
        resume = match.end("phone")
        raw = match.group("phone")
        if _DATEISH.search(raw):
            continue
        # "13600136000 5 年": a number followed by an unrelated figure; retry without trailing groups.
        for _ in range(3):
            digits = re.sub(r"\D", "", raw)
            number = _parse_phone(raw, digits, region) if 7 <= len(digits) <= 15 else None
            if number is not None or not re.search(r"[ \-]\d+$", raw):
                break
            raw = re.sub(r"[ \-]+\d+$", "", raw)
        if number is None:
            continue
        e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        if e164 not in seen:
            seen.add(e164)
            found.append(Phone(e164, raw, Span(match.start(), match.start() + len(raw))))
    return found


def _parse_phone(raw: str, digits: str, region: str) -> phonenumbers.PhoneNumber | None:
    stripped = raw.lstrip("( ")
    if stripped.startswith("00"):
        raw = "+" + stripped[2:]
    international = raw.lstrip("( ").startswith("+")
    if not international and not _CN_MOBILE.match(digits) and not digits.startswith("0"):
        # A bare 7-10 digit run is too often an ID, a student number or a figure; accept US shapes only
        # when written like one.
        if not re.match(r"^\(?\d{3}\)?[ \-.]\d{3}[ \-.]\d{4}$", raw.strip()):
            return None
        region = "US"
    try:
        number = phonenumbers.parse(raw, None if international else region)
    except phonenumbers.NumberParseException:
        return None
    # Valid in the region the number's country code leads to first (US for +1, CN for +86) is valid; only
    # otherwise are the other regions sharing the code tried (two dozen for +1).
    main_region = phonenumbers.region_code_for_country_code(number.country_code or 0)
    if not phonenumbers.is_valid_number_for_region(number, main_region) and not phonenumbers.is_valid_number(
        number
    ):
        return None
    return number


_URL = re.compile(
    r"(?:https?://|www\.)[^\s<>\"'）)，。、|]+"
    r"|(?<![\w@./])(?:github\.com|gitlab\.com|linkedin\.com|[a-z0-9-]+\.github\.io|scholar\.google\.[a-z.]+|huggingface\.co|kaggle\.com)(?:/[^\s<>\"'）)，。、|]*)?",
    re.IGNORECASE,
)
# Every address ``_URL`` reads holds one of these.
_URL_MARKERS = ("://", "www.", "github", "gitlab", "linkedin", "scholar.google", "huggingface", "kaggle")
_HOMEPAGE_LABEL = re.compile(
    r"(?:homepage|home page|website|personal page|blog|个人主页|主页|个人网站|博客)", re.IGNORECASE
)
_OTHER_HOSTS = (
    "arxiv.org", "doi.org", "kaggle.com", "huggingface.co", "zhihu.com", "twitter.com", "x.com", "medium.com",
    "leetcode", "gitlab.com", "youtube.com", "bilibili.com", "weibo.com", "csdn.net", "openreview.net", "aclanthology.org",
)  # fmt: skip


def classify_link(url: str, *, line: str = "", in_header: bool = False) -> str:
    """github | scholar | linkedin | homepage | other."""
    host = re.sub(r"^(?:https?://)?(?:www\.)?", "", url.lower()).split("/", 1)[0]
    if host == "github.com":
        return "github"
    if host.startswith("scholar.google."):
        return "scholar"
    if host.endswith("linkedin.com"):
        return "linkedin"
    if host.endswith((".github.io", ".gitlab.io")) or "/~" in url:
        return "homepage"
    if any(host == known or host.endswith("." + known) or known in host for known in _OTHER_HOSTS):
        return "other"
    if _HOMEPAGE_LABEL.search(line) or in_header:
        return "homepage"
    return "other"


def find_links(lines: list[Line], header_end: int) -> list[Link]:
    seen: set[str] = set()
    links = []
    for line in lines:
        if "." not in line.text:
            continue
        lowered = line.text.lower()
        if not any(marker in lowered for marker in _URL_MARKERS):
            continue  # most lines with a full stop are prose: substring tests spare them the pattern
        for match in _URL.finditer(line.text):
            url = match.group().rstrip(".,;:")
            if "@" in url:
                continue
            key = (
                url.lower().removeprefix("https://").removeprefix("http://").removeprefix("www.").rstrip("/")
            )
            if key in seen:
                continue
            seen.add(key)
            kind = classify_link(url, line=line.text, in_header=line.start < header_end)
            start = line.start + match.start()
            links.append(Link(url, kind, Span(start, start + len(url))))
    return links


# Family names cover the vast majority of people; a 2-4 character line starting with one is taken as a name.
_SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝封"
)
_COMPOUND_SURNAMES = (
    "欧阳",
    "司马",
    "诸葛",
    "上官",
    "东方",
    "慕容",
    "令狐",
    "皇甫",
    "尉迟",
    "长孙",
    "夏侯",
    "公孙",
    "司徒",
    "端木",
)
_CJK_NAME = re.compile(r"^[\u4e00-\u9fff](?:\s?[\u4e00-\u9fff]){1,3}$")
# A 姓名/Name label and the name after it, searched in the top lines joined by newlines: blanks are
# spaces and tabs (never a newline), so a match stays in its line, and "^" is the start of any line.
_NAME_LABEL_IN_LINES = re.compile(
    r"(?:姓[^\S\n]*名(?:[^\S\n]*/?[^\S\n]*name)?|^name)[^\S\n]*[:：][^\S\n]*"
    r"(?P<name>[\u4e00-\u9fff·]{2,6}|[A-Za-z][A-Za-z.'’-]*(?: [A-Za-z][A-Za-z.'’-]*){0,3})",
    re.IGNORECASE | re.MULTILINE,
)
_EN_NAME = re.compile(
    r"^(?:[A-Z][a-z'’-]+|[A-Z]\.|[A-Z]{2,})(?:\s+(?:[A-Z][a-z'’-]+|[A-Z]\.|[A-Z]{2,}|(?:van|de|von|der|da|di|le)\b)){1,3}$"
)
_NOT_NAMES = re.compile(
    r"简历|履历|个人|信息|求职|意向|应聘|resume|curriculum|vitae|\bcv\b|contact|profile|summary|education|experience|"
    r"skills|engineer|scientist|developer|researcher|university|institute|college|street|road|china|beijing|shanghai",
    re.IGNORECASE,
)


def find_name(lines: list[Line], skill_spans: Set[tuple[int, int]] = frozenset()) -> Located | None:
    """The person's name: a 姓名/Name label, else a name-shaped line (or leading part of one) near the top."""
    top = lines[:30]
    # One search over the top lines joined (the label pattern never reads past a line's end).
    joined = "\n".join(line.text for line in top)
    # The label holds 姓 or "name": cheap tests spare most resumes the pattern.
    match = _NAME_LABEL_IN_LINES.search(joined) if "姓" in joined or "name" in joined.lower() else None
    if match:
        line_begin = joined.rfind("\n", 0, match.start()) + 1
        line = top[joined.count("\n", 0, line_begin)]
        value = match.group("name").strip()
        start = line.start + match.start("name") - line_begin
        return Located(value, Span(start, start + len(value)))
    lead = _narrative_name(lines[0].text) if lines else None
    if lead is not None:
        value = lead
        return Located(value, Span(lines[0].start, lines[0].start + len(value)))
    # A LinkedIn export opens with its side column ("Contact", "Top Skills" and their items): the name
    # comes after it, and a skill listed there ("Apache Kafka") is no name.
    window = 12 if lines and heading_kind(lines[0].text) is not None else 6
    for line in lines[:window]:
        for candidate, offset in _name_candidates(line.text):
            if _NOT_NAMES.search(candidate):
                continue
            compact = candidate.replace(" ", "")
            if _CJK_NAME.match(candidate) and (compact[0] in _SURNAMES or compact[:2] in _COMPOUND_SURNAMES):
                return Located(compact, Span(line.start + offset, line.start + offset + len(candidate)))
            at = line.start + offset
            if _EN_NAME.match(candidate) and (at, at + len(candidate)) not in skill_spans:
                # "PRIYA RAMAN" is a typographic choice; the name is Priya Raman.
                value = candidate.title() if candidate.isupper() else candidate
                return Located(value, Span(line.start + offset, line.start + offset + len(candidate)))
    return None


def _has_surname(name: str) -> bool:
    return name[0] in _SURNAMES or name[:2] in _COMPOUND_SURNAMES


def _narrative_name(text: str) -> str | None:
    """The name a biography opens with, if it opens with one."""
    match = _CJK_NARRATIVE_LEAD.match(text)
    if match is None:
        return None
    name = match.group("name")
    if _NOT_NAMES.search(name) or name.startswith(("本人", "公司", "我")):
        return None
    if match.group("strong"):
        return name if len(name) > 1 or _has_surname(name) else None
    return name if 2 <= len(name) <= 4 and _has_surname(name) else None


_HONORIFIC = re.compile(r"^(?:Dr|Prof|Mr|Ms|Mrs|Miss)\.?\s+(?=[A-Z])")
_CJK_LEAD = re.compile(r"^([\u4e00-\u9fff]{2,4})(?=[\s(（]|$)")
# A biography opens with the name: "某某：男，", "某某先生，", "刘先生曾任…", "某某·某某：男". After 先生,
# 女士 or a stated sex the name needs no known surname (and may be the surname alone); before a plain
# comma or 现任/出生 it does.
_CJK_NARRATIVE_LEAD = re.compile(
    r"^(?P<name>[\u4e00-\u9fff]{1,4}?(?:·[\u4e00-\u9fff]{1,10})?)"
    r"(?:(?P<strong>先生|女士|同志|[，,：:（(]\s*[男女][，,。；;：:）)\s]|[男女](?=[，,\d]))|(?=[，,：:]|现任|曾任|历任|出生|生于))"
)
_LATIN_LEAD = re.compile(r"^([A-Za-z][A-Za-z.'’ -]{2,40}?)\s+(?=[\u4e00-\u9fff])")
_NAME_SPLIT = re.compile(r"\s*(?:[|｜/,，;；·•]|\s{2,}|\t)\s*")


def _name_candidates(text: str) -> list[tuple[str, int]]:
    """The whole line, then its first parts: "张三 | 男 | 138…" and "张三 Zhang San" both start with the name."""
    honorific = _HONORIFIC.match(text)
    if honorific:
        # "Dr. Jane Doe": the name starts after the title; offsets stay relative to the line.
        return [
            (name, offset + honorific.end()) for name, offset in _name_candidates(text[honorific.end() :])
        ]
    candidates = [(text, 0)]
    position = 0
    for part in _NAME_SPLIT.split(text)[:3]:
        index = text.find(part, position)
        if part and index >= 0:
            candidates.append((part, index))
            position = index + len(part)
    cjk = _CJK_LEAD.match(text)
    if cjk:
        candidates.append((cjk.group(1), 0))
    latin = _LATIN_LEAD.match(text)
    if latin:
        candidates.append((latin.group(1), 0))  # "Song Chen 宋晨"
    return candidates


_LOCATION_LABEL = re.compile(
    r"(?<![A-Za-z])(?:现居地|现居|所在地|所在城市|居住地|现住址|地址|城市|期望城市|期望地点|工作地点|location|address|city|current city)"
    r"(?:\s+(?:city|location|address))?(?![A-Za-z])\s*[:：]\s*(?P<value>[^|｜;；\n]{2,60})",
    re.IGNORECASE,
)
_REGIONS = (
    "China", "USA", "United States", "United Kingdom", "UK", "Canada", "Switzerland", "Germany", "France", "Japan",
    "Singapore", "India", "Nigeria", "Australia", "Netherlands", "Italy", "Spain", "Korea", "South Korea", "Israel",
    "Sweden", "Ireland", "Hong Kong", "Taiwan", "Illinois", "California", "Washington", "Massachusetts", "New York",
    "Texas", "Ontario", "Quebec", "British Columbia", "England", "Scotland",
    # Indian states, as job-site exports write them after the city ("Pune, Maharashtra").
    "Andhra Pradesh", "Assam", "Bihar", "Chhattisgarh", "Goa", "Gujarat", "Haryana", "Himachal Pradesh", "Jharkhand",
    "Karnataka", "Kerala", "Madhya Pradesh", "Maharashtra", "Odisha", "Punjab", "Rajasthan", "Tamil Nadu",
    "Telangana", "Uttar Pradesh", "Uttarakhand", "West Bengal", "Delhi",
)  # fmt: skip
# US states and Canadian provinces, as written after a city ("Seattle, WA").
STATE_CODES = (
    "AL",
    "AK",
    "AZ",
    "AR",
    "CA",
    "CO",
    "CT",
    "DE",
    "FL",
    "GA",
    "HI",
    "ID",
    "IL",
    "IN",
    "IA",
    "KS",
    "KY",
    "LA",
    "ME",
    "MD",
    "MA",
    "MI",
    "MN",
    "MS",
    "MO",
    "MT",
    "NE",
    "NV",
    "NH",
    "NJ",
    "NM",
    "NY",
    "NC",
    "ND",
    "OH",
    "OK",
    "OR",
    "PA",
    "RI",
    "SC",
    "SD",
    "TN",
    "TX",
    "UT",
    "VT",
    "VA",
    "WA",
    "WV",
    "WI",
    "WY",
    "DC",
    "ON",
    "QC",
    "BC",
    "AB",
)
_CITY_REGION = re.compile(
    r"(?<![\w])(?P<loc>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2},\s*(?:(?:"
    + "|".join(STATE_CODES)
    + r")(?![A-Za-z])|(?:"
    + "|".join(re.escape(region) for region in _REGIONS)
    + r")(?![A-Za-z])))"
)
_CITIES = (
    "北京", "上海", "杭州", "广州", "深圳", "南京", "苏州", "成都", "武汉", "西安", "天津", "重庆", "长沙", "合肥",
    "厦门", "青岛", "济南", "大连", "沈阳", "哈尔滨", "郑州", "福州", "昆明", "香港", "澳门", "台北", "珠海", "无锡", "宁波",
    "Beijing", "Shanghai", "Hangzhou", "Guangzhou", "Shenzhen", "Nanjing", "Suzhou", "Chengdu", "Wuhan", "Xi'an",
    "Tianjin", "Chongqing", "Hong Kong", "Singapore", "Tokyo", "Seoul", "London", "Paris", "Berlin", "Zurich",
    "Toronto", "Vancouver", "Montreal", "New York", "San Francisco", "Seattle", "Boston", "Los Angeles",
    "Mountain View", "Palo Alto", "Sunnyvale", "San Jose", "Pittsburgh", "Chicago", "Austin", "Sydney", "Melbourne",
)  # fmt: skip
# A Chinese city may carry its district: 北京市海淀区.
_CITY = re.compile(
    "(?:" + "|".join(re.escape(city) for city in _CITIES) + r")(?:市(?:[\u4e00-\u9fff]{1,3}[区县])?)?"
    # Not the start of a longer name: 南京大学, 上海交通大学.
    r"(?![\u4e00-\u9fff])"
)
_VALUE_END = re.compile(r"\s{2,}|\s+[^\s:：]{1,12}[:：]|\s+[/·•]\s+|\s+\(")


def _location_value(value: str) -> str:
    value = _VALUE_END.split(value, maxsplit=1)[0].strip(" :：,，")
    if re.match(r"[\u4e00-\u9fff]", value):
        # "上海 Shanghai": keep the name as first written.
        value = re.split(r"\s+(?=[A-Za-z])|[,，]", value, maxsplit=1)[0]
    return value.strip()


def find_location(lines: list[Line], header_end: int) -> Located | None:
    """A labelled location near the top, else "City, Region" or a known city named in the header."""
    for line in lines[:40]:
        # Every label ends in a colon; most lines have none.
        if ":" not in line.text and "：" not in line.text:
            continue
        match = _LOCATION_LABEL.search(line.text)
        if match:
            value = _location_value(match.group("value"))
            if len(value) >= 2 and not EMAIL.search(value):
                start = line.start + match.start("value")
                return Located(value, Span(start, start + len(value)))
    header = [line for line in lines if line.start < header_end]
    for pattern in (_CITY_REGION, _CITY):
        for line in header:
            found = pattern.search(line.text)
            if found:
                return Located(found.group(), Span(line.start + found.start(), line.start + found.end()))
    return None
