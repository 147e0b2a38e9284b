"""Education entries: degree level, school, major, start and end."""

from __future__ import annotations

import re
import unicodedata

from .dates import find_point, find_ranges
from .headerline import is_place
from .memo import line_memo
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
            r"硕士|研究生|\bM\.?S\.?c?\b(?!\s*(?:Office|Word|Excel|SQL))|\bM\.\s?Eng\b|\bMEng\b|\bM\.?Phil\b|\bMBA\b|\bM\.A\.|Master(?:'s|s)?\b"
            # Indian and other national abbreviations: M.Tech, M.E., MCA, M.Com, PGDM, post-graduate.
            r"|\bM\.?\s?Tech\b|\bM\.E\.|\bM\.E(?=[\s,]|$)|\bM\.Ed\b|\bME(?=\s+(?:in|\())|\bMCA\b|\bM\.?\s?Com\b|\bPGD(?:M|BA)\b|\bM\.?\s?Pharm\b|\bLL\.?M\b"
            r"|\bPost[\s-]?Graduat(?:e|ion)\b",
            re.I,
        ),
    ),
    (
        "bachelor",
        re.compile(
            r"本科|学士|\bB\.?S\.?c?\b|\bB\.\s?Eng\b|\bBEng\b|\bB\.?\s?Tech\b|\bB\.?A\.|\bB\.?E\.|\bB\.E(?=[\s,]|$)|\bB\.Ed\b|\bBE(?=\s+(?:in|\())|Bachelor(?:'s|s)?\b|Undergraduate"
            r"|\bB\.?\s?Com\b|\bBCA\b|\bBBA\b|\bBBM\b|\bB\.?\s?Pharm\b|\bB\.?\s?Arch\b|\bLL\.?B\b|\bMBBS\b|\bBA(?=\s+(?:in|\(|\w+\s*$))",
            re.I,
        ),
    ),
    ("associate", re.compile(r"大专|专科|高职|Associate(?:'s)? (?:degree|of)", re.I)),
)
_SCHOOL_CJK = re.compile(
    r"[\u4e00-\u9fff]{2,24}(?:大学|学院|研究生院|研究院|研究所|科学院|学校|党校)(?:[(（][\u4e00-\u9fff]{2,4}[)）])?"
)
# A capitalised word, at most 40 characters: \w also matches Chinese, so unbounded, one word could run
# through a whole line without spaces from every capital in it (quadratic on a long mixed line).
# A month before a year is a date, never part of a name ("University of Strasbourg Sept 2016").
_MONTH_YEAR = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?,?\s*(?:19|20)\d\d"
_CAP = rf"(?!{_MONTH_YEAR})(?:d['’])?[A-ZÀ-Ý][\w.'’&-]{{0,40}}"
_LINK = r"(?:(?:(?i:of|for|and)|at|&|de|di|du|der|des|degli|la|le|del|do|da|dos|das|y|e|i|van|von|the)(?!\w))"
# "Indian Institute of Technology Madras", "University College London", "California State University, Fullerton"
_CAMPUS = r"(?:\s+(?:Madras|Bombay|Delhi|Kanpur|Kharagpur|Roorkee|Guwahati|Hyderabad|London|Dublin|Zurich|Lausanne))?"
_SCHOOL_EN = re.compile(
    # "Technische Universität München", "Universidad Politécnica de Madrid": the place follows the word.
    rf"(?:(?:{_CAP}\s+){{0,2}}(?:Universität|Université|Universidad|Universidade|Università|Universiteit|Hochschule"
    # Schools named kind first in French, Spanish, Portuguese, Italian, Romanian and German.
    r"|Instituto|Institut|Lycée|Liceo|Colegio|Colégio|Escuela|Escola|Faculdade|Facultad|Faculté|Facultatea"
    r"|Gymnasium|Centro Universitário)"
    rf"\s+(?:{_LINK}\s+)?{_CAP}(?:\s(?!\s)(?:{_CAP}|{_LINK})){{0,6}}"
    rf"|(?:The\s+)?(?:{_CAP}\s+(?:(?:and|&|the)\s+(?={_CAP}))?){{1,5}}(?:University|Universität|Institute [Oo]f Technology|Polytechnic|Institute|College|Academy|School)"
    rf"(?:\s+{_LINK}\s+{_CAP}(?:\s(?!\s)(?:{_CAP}|{_LINK})){{0,6}})?{_CAMPUS}"
    rf"|(?:University|Universi[dt]\w*|Universit[àaé]|Université|Politecnico|École|Ecole)\s+(?:{_LINK}\s+)?(?:degli Studi di\s+)?{_CAP}(?:\s(?!\s)(?:{_CAP}|{_LINK})){{0,6}}"
    r"|\b(?:MIT|CMU|ETH Zurich|EPFL|KAIST|HKUST|NTU|NUS|UCLA|UC Berkeley|Caltech|USTC|SJTU|ZJU)\b)"
    rf"(?:,\s*(?!{_MONTH_YEAR})(?P<campus>[A-Z][a-z]+(?:[ -](?!{_MONTH_YEAR})[A-Z][a-z]+)?)"
    # (the campus ends the name: the line, a separator or the entry's dates follow)
    rf"(?=\s*(?:$|[—–|•·(]|\s-\s|\s{{2}}|{_MONTH_YEAR}|(?:19|20)\d\d)))?"
)
# What the name goes on with: a place joined by a hyphen ("California State Polytechnic University-Pomona"),
# a city and its number ("Lyon 1"), "in" a place ("Royal Institute of Technology in Sweden"; never a subject: "Columbia University in Data
# Science"), then its short name in brackets, in capitals ("(KTH)", "(TU/e)"; not "(Rhodes Scholar)").
# A city and a state after a comma or a space are the school's place, not its name ("University of
# Washington, Seattle, WA", "Rice University Houston").
_NOT_A_CITY = r"(?:Class|Grade|Semester|Sem|Year|Level|Standard|Std|Form|Term|Part|Phase|Batch|Section|Division|Unit|Group|Team|Cohort|Module|Stage|Round|Week|Day|Course|Room|Block|Floor|Sector)\b"
_SCHOOL_TAIL = re.compile(
    # (a city and a number name one of a city's universities: "Claude Bernard University Lyon 1"; a class,
    # a grade or a term and its number do not: "Public School Class XII", "College Semester 6")
    rf"(?:-(?!{_MONTH_YEAR})[A-Z][a-z]+|\s+(?!{_MONTH_YEAR}|{_NOT_A_CITY})[A-Z][a-zà-ÿ]+\s(?:[1-9]\d?|[IVX]{{1,4}})(?![\w.-])|\s+in\s+(?!{_MONTH_YEAR})[A-Z][a-zà-ÿ]+(?:\.?\s[A-Z][a-zà-ÿ]+)?(?=\s*(?:$|\(|\s\s|,)))?"
    r"(?:\s*\((?=[^()\n]*[A-Z]{2})[A-Z][A-Za-z/&.-]{1,9}\))?"
)


# A city's number after a name that ends in the city ("Université Claude Bernard Lyon 1", "Lycée Henri IV").
_CITY_NUMBER = re.compile(r"\s+(?:[1-9]\d?|[IVX]{1,4})(?![\w.-])")


def _tail(name: str, text: str, end: int) -> str:
    tail = _SCHOOL_TAIL.match(text, end).group()  # type: ignore[union-attr]
    last = name.rsplit(" ", 1)[-1]
    if (
        not tail
        and last[:1].isupper()
        and not _SCHOOL_WORD_FIRST.fullmatch(last)
        and not re.fullmatch(_NOT_A_CITY, last)
    ):
        number = _CITY_NUMBER.match(text, end)
        tail = number.group() if number else ""
    if tail.lstrip().startswith("in ") and _SUBJECT.search(tail):
        return ""
    bracket = tail.find("(")
    if bracket >= 0:
        # A bracket that spells the name's initials says it again ("University College London (UCL)").
        letters = re.sub(r"[^A-Za-z]", "", tail[bracket:])
        plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
        initials = "".join(word[0] for word in re.findall(r"[A-Z][\w'’-]*", plain))
        if letters.isupper() and letters == initials:
            tail = tail[:bracket].rstrip()
    return tail


# A month the page set against the name without a space ("Universitat Autònoma de BarcelonaSept").
_GLUED_MONTH = re.compile(r"(?<=[a-zà-ÿ])(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)$")
_BIG_CITIES = frozenset(
    [
        "Beijing",
        "Shanghai",
        "Hangzhou",
        "Guangzhou",
        "Shenzhen",
        "Nanjing",
        "Stanford",
        "Cambridge",
        "Boston",
        "London",
        "Singapore",
        "Toronto",
        "Zurich",
        "Baltimore",
    ]
)
_SCHOOL_RANK = (
    (
        "大学",
        "University",
        "Institute of Technology",
        "Universit",
        "Politecnico",
        "École",
        "Ecole",
        "ETH",
        "EPFL",
        "MIT",
        "CMU",
    ),
    ("研究院", "科学院", "研究所", "Institute"),
    ("学院", "College", "School", "Academy"),
)
_SCHOOL_PREFIX = re.compile(r"^.{0,6}?(?:毕业于|就读于|于|在|获得|取得)|^(?:学校|院校)")
_MAJOR_LABEL = re.compile(
    r"(?:专业|主修|Major|Field of study|Program)\s*[:：]\s*(?P<major>[^|｜,，;；\n()（）]{2,40}?)(?=\s{2,}|\s+\S{1,6}[:：]|[|｜,，;；\n()（）]|$)",
    re.I,
)
_DEGREE_TOKEN = (
    r"(?:Ph\.?\s?D\.?|D\.?Phil\.?|M\.?S\.?c?\.?|M\.?Eng\.?|M\.?Phil\.?|M\.?A\.|B\.?S\.?c?\.?|B\.?Eng\.?|B\.?Tech\.?|B\.?E\.|B\.E(?=\s)|M\.E\.?(?=\s)|B\.?A\.|"
    r"M\.?\s?Tech\.?|MCA|B\.?\s?Com\.?|M\.?\s?Com\.?|BCA|BBA|BA|"
    r"(?:Bachelor|Master|Doctor|Associate)(?:'s|s)?(?:\s+of\s+(?:Science|Engineering|Arts|Philosophy|Technology|Commerce|Computer Applications|Business Administration))?)"
)
# The major follows the degree ("MSc Robotics, Systems and Control —", "B.S. in Physics", "PhD, ECE").
_MAJOR_EN = re.compile(
    # ("Bachelor of Technology - BTech, Information Technology": a LinkedIn export repeats the abbreviation.)
    rf"(?<![A-Za-z]){_DEGREE_TOKEN}(?:\s+[-–]\s+[A-Z][A-Za-z.]{{1,8}}(?=,))?(?:\s+(?:[Dd]egree|candidate|student))?\s*(?:,\s*|\s+(?:in|of)\s+|\s+)(?P<major>[A-Z][A-Za-z&/'’-]*(?:(?:,\s*|\s+)(?:[A-Z][A-Za-z&/'’-]*|and|of|&|in))*)"
)
# A subject typed in lower case after its first word ("B.E in Information science and engineering"), read
# only when it runs to the end of its line.
_MAJOR_EN_TYPED = re.compile(
    rf"(?<![A-Za-z]){_DEGREE_TOKEN}\s+(?:in|of)\s+(?P<major>[A-Z][a-z&/'’-]*(?:\s+[a-z&][a-z&/'’-]*){{1,5}})\s*(?=$|\s\|)"
)
_MAJOR_HINT = re.compile(
    r"工程|技术|科学|管理|数学|物理|化学|统计|金融|经济|智能|计算机|软件|电子|通信|自动化|信息|控制|机械|医学|生物|语言|设计|数据|网络|电气|材料|航空|光电|心理|哲学|法学|新闻"
)
_NOT_MAJOR = re.compile(
    r"大学|学院|研究院|研究所|GPA|排名|绩点|在读|毕业|学位|\d|Science|Arts|Engineering$|Philosophy|Technology$",
    re.I,
)
_CUT = re.compile(
    r"\s*(?:[|｜,，;；/、\t]|\s{2,}|(?<=[\u4e00-\u9fff])\s(?=\S)|(?<=\S)\s(?=[\u4e00-\u9fff]))\s*"
)
_PROSE = re.compile(r"[，。；;]|\.\s+[A-Z]")
_DEGREE_WORDS = re.compile(r"博士|硕士|研究生|本科|学士|大专|专科|学历|学位|在读|统招|全日制")


@line_memo(maxsize=4096)
def find_school(text: str) -> tuple[str, int] | None:
    """The most school-like name in text and its offset: a university beats an institute, which beats a
    department (学院); the first written wins a tie, so "Columbia University 哥伦比亚大学" is Columbia.
    A name written in capitals is read as if in small letters and kept as the page wrote it ("TRANSPORT
    AND TELECOMMUNICATION INSTITUTE"); a name in small letters is looked for last."""
    hit = _named_school(text)
    if hit is None and _SHOUTED.search(text):
        calm = _SHOUTED_WORD.sub(lambda word: word.group().capitalize(), text)
        found = _named_school(calm) if calm != text else None
        written = text[found[1] : found[1] + len(found[0])] if found is not None else ""
        if found is not None and _SHOUTED_WORD.search(written):
            return written, found[1]
    return hit if hit is not None else _loose_school(text)


def _named_school(text: str) -> tuple[str, int] | None:
    candidates: list[tuple[int, int, str]] = []
    for match in _SCHOOL_CJK.finditer(text):
        value = match.group()
        prefix = _SCHOOL_PREFIX.match(value)
        skip = prefix.end() if prefix else 0
        value = value[skip:]
        cut = value.find("大学")
        if cut >= 0 and cut + 2 < len(value) and not value.startswith("（", cut + 2):
            value = value[: cut + 2]  # 北京大学计算机学院 -> 北京大学
        candidates.append((_rank(value), match.start() + skip, value))
    for match in _SCHOOL_EN.finditer(text):
        value = match.group()
        campus = match.group("campus")
        if campus and (campus in _BIG_CITIES or len(campus) < 3):
            value = value[: match.start("campus") - match.start()].rstrip(", ")
        else:
            value += _tail(value, text, match.end())
        if " i " in value and _SCHOOL_WORD_FIRST.search(value.split(" i ", 1)[1]):
            # "Universitat Pompeu Fabra i Barcelona School of …": two schools, not one name
            value = value.split(" i ", 1)[0]
        # (a school in brackets after another is the one it belongs to: "Harlow Polytechnic (Mumbai
        # University)" studied at the polytechnic)
        bracketed = text[: match.start()].rstrip().endswith(("(", "（")) and bool(candidates)
        rank = _rank(value) + (len(_SCHOOL_RANK) + 1 if bracketed else 0)
        candidates.append((rank, match.start(), _GLUED_MONTH.sub("", value.strip()).rstrip(".")))
    candidates = [
        candidate
        for candidate in candidates
        if len(candidate[2]) >= 3 and not _GENERIC_SCHOOL.fullmatch(candidate[2])
    ]
    if not candidates:
        return None
    _rank_value, offset, value = min(candidates)
    return value, offset


# Two words or more in capitals, as some pages set a school's name.
_SHOUTED_WORD = re.compile(r"\b[A-ZÀ-Ý][A-ZÀ-Ý'’.&-]+\b")
_SHOUTED = re.compile(r"\b[A-ZÀ-Ý][A-ZÀ-Ý'’.&-]+(?:\s+[A-ZÀ-Ý][A-ZÀ-Ý'’.&-]*)+\b")


# A school written in lower case, as job-site exports keep what the candidate typed ("K.l.s college of
# engineering and technology - Belgaum, Karnataka"): the piece between separators that holds the word.
_SCHOOL_LOOSE = re.compile(
    r"(?<![^\s|｜,;(])(?=[^|｜,;()\n]{0,60}?\b(?:university|college|institute|polytechnic|academy)\b)"
    r"[A-Za-z][A-Za-z.'&]*(?:[ ][A-Za-z.'&]+){0,9}",
    re.IGNORECASE,
)
_SCHOOL_WORD = re.compile(r"\b(?:university|college|institute|polytechnic|academy)\b", re.IGNORECASE)


# A kind of school named by its kind alone ("High School", "Primary School", "Graduate School") names
# no school: the name is elsewhere on the line ("Computer Technician, High School, CETIS 48").
_GENERIC_SCHOOL = re.compile(
    r"(?:The\s+)?(?:(?:High|Primary|Elementary|Secondary|Middle|Junior|Senior|Graduate|Business|Law|Medical"
    r"|Community|Grammar|Public|Private|Boarding|Technical|Vocational)\s+)+(?:School|College)",
    re.I,
)


def _loose_school(text: str) -> tuple[str, int] | None:
    if not _SCHOOL_WORD.search(text):
        return None  # most lines: one quick test
    for match in _SCHOOL_LOOSE.finditer(text):
        value = match.group().strip(" .")
        # A name, not a sentence: capitalised, a whole piece between separators, no verb-like links.
        rest = text[match.end() :].lstrip()
        whole = not rest or rest[0] in "-–—|｜,;(" or rest.startswith(("to ", "20", "19"))
        if (
            value[0].isupper()
            and whole
            and _SCHOOL_WORD.search(value)
            and 2 <= len(value.split()) <= 10
            and not _PROSE_LINKS.search(value)
            and _SCHOOL_SHAPE.search(value)
        ):
            return value, match.start()
    return None


# A school's name ends in its kind ("St. Mary college") or names its subject after it ("… college of
# engineering"); "the university library" does neither.
_SCHOOL_SHAPE = re.compile(
    r"\b(?:university|college|institute|polytechnic|academy)(?:$|\s+of\s)", re.IGNORECASE
)
_PROSE_LINKS = re.compile(r"\b(?:with|on|to|as|from|for|was|were|is|are|my|our|their)\b", re.IGNORECASE)


def _rank(value: str) -> int:
    return next((rank for rank, words in enumerate(_SCHOOL_RANK) if any(word in value for word in words)), 3)


# The characters every alternative of a level starts with. Each level's pattern is searched as "one of
# these characters, where the pattern matches from just before it": the engine then skips in C to the next
# such character instead of trying every alternative at every position (ten times quicker on a line).
_FIRST_CHARACTERS = {"phd": "博硕直PD", "master": "硕研MPL", "bachelor": "本学BULM", "associate": "大专高A"}
_DEGREE_SCANS = tuple(
    (
        level,
        re.compile(
            rf"[{_FIRST_CHARACTERS[level]}](?<=(?=(?:{pattern.pattern}))[{_FIRST_CHARACTERS[level]}])", re.I
        ),
    )
    for level, pattern in _DEGREES
)


@line_memo(maxsize=4096)
def degree_level(text: str) -> str | None:
    for level, pattern in _DEGREE_SCANS:
        if pattern.search(text):
            return level
    return None


def _english_major(block: str, school: str | None) -> str | None:
    for match in _MAJOR_EN.finditer(block):
        major = match.group("major")
        # Stop at a school, a place or a year after a comma: "Computer Science, University of Toronto".
        pieces = re.split(r",\s*", major)
        kept = []
        for piece in pieces:
            if re.search(r"University|College|Institute|School|GPA|^[A-Z]{2}$", piece) or (
                school and piece in school
            ):
                break
            kept.append(piece)
        value = ", ".join(kept).strip()
        if " in " in value:
            value = value.rsplit(" in ", 1)[1]  # "Computing in Computer Science" -> "Computer Science"
        value = re.sub(r"\s+(?:and|of|in|&)$", "", value)
        if value and value not in ("Science", "Arts", "Engineering") and not (school and value in school):
            return value
    return None


def _major(block: str, school: str | None, dates: list[str]) -> str | None:
    label = _MAJOR_LABEL.search(block)
    if label:
        return label.group("major").strip() or None
    typed = _MAJOR_EN_TYPED.search(block)
    if typed:
        return typed.group("major")
    english = _english_major(block, school)
    if english:
        return english
    remainder = block
    if school:
        remainder = remainder.replace(school, " | ")
    for date_text in dates:
        remainder = remainder.replace(date_text, " | ")
    fallback: str | None = None
    for token in _CUT.split(remainder):
        token = _DEGREE_WORDS.sub("", token).strip(" :：-–—·")
        token = re.sub(r"^[(（][^)）]*[)）]|[(（][^)）]*大学[^)）]*[)）]", "", token)
        token = re.sub(r"[(（]\s*[)）]", "", token).strip()
        if not re.match(r"[\u4e00-\u9fff]", token) or len(token) < 2 or len(token) > 24:
            continue
        department = re.sub(r"(?:学院|系)$", "", token)
        if department != token:
            # A school (控制科学与工程学院) stands in for the major only when no major is written.
            if fallback is None and len(department) >= 2 and _MAJOR_HINT.search(department):
                fallback = None if _NOT_MAJOR.search(department) else department
            continue
        if _NOT_MAJOR.search(token):
            continue
        if (token.endswith("专业") and len(token) > 3) or _MAJOR_HINT.search(token):
            return token.removesuffix("专业")
    return fallback


def _blocks(lines: list[Line]) -> list[list[Line]]:
    """Group lines into entries. A line naming a school starts the next entry once the current one has a
    school; so does a short degree line ("B.S. in Mathematics") once it has a school and a degree, and a
    dated line once it has a school and dates."""
    blocks: list[list[Line]] = []
    has_school = has_dates = has_degree = False
    levels: set[str | None] = set()  # the degree levels the entry's lines name
    for index, line in enumerate(lines):
        degree = len(line.text) <= 60 and not _PROSE.search(line.text) and degree_level(line.text) is not None
        # ("Software Engineering, Master's degree, EFREI": a school named after its degree counts.)
        ranges = find_ranges(line.text)
        dated = bool(ranges)
        # (undated, a line names its school only after a degree or a kind of study: "Area, Course, Udemy")
        school = (
            find_school(line.text) is not None
            or ((degree or not dated) and _school_by_place(line.text) is not None)
            or _last_of_three(lines[index : index + 2]) is not None
        )
        # ("NORDA  2024-09 - Present": a name beside its dates tells that the entry has its school)
        named = school or (dated and _school_by_place(line.text) is not None)
        wrapped = bool(blocks) and _name_wraps(blocks[-1][-1].text, line.text, len(blocks[-1]) == 1)
        starts = not wrapped and (
            not blocks
            or (school and has_school)
            or (dated and has_dates and has_school and not school)
            # ("Mentee … at Best of the Best  2015 - 2016" / "Bachelor … at Hanyang University  2014 - 2018":
            # a dated line naming a school heads its own entry, whatever the one before named)
            or (dated and has_dates and find_school(line.text) is not None)
            # (a degree line starts the next entry, unless it says the entry's own degree again: "博士" / "PhD")
            or (degree and has_degree and has_school and not school and degree_level(line.text) not in levels)
        )
        if starts:
            # (a bare name just above dates is theirs: "NORDA  2024-09 - Present  Eastvale Tech" read as
            # two lines, the second card's dates on the next)
            only_dates = (
                dated
                and not (line.text[: ranges[0].start_offset] + line.text[ranges[0].end_offset :]).strip()
            )
            carried = (
                [blocks[-1].pop()]
                if only_dates and blocks and _bare_name(blocks[-1]) and _named(blocks[-1][:-1])
                else []
            )
            blocks.append([*carried, line])
            has_school, has_dates, has_degree = named or bool(carried), dated, degree
            levels = set()
        else:
            blocks[-1].append(line)
            has_school, has_dates, has_degree = has_school or named, has_dates or dated, has_degree or degree
        levels.add(degree_level(line.text))
    return [
        block
        for block in blocks
        if any(find_school(line.text) or degree_level(line.text) for line in block)
        or _school_by_place(_head(block)[1].split(" | ", 1)[0])
        or _name_over_dates(block)
        or _last_of_three(block[:2])
    ]


# A name cut by a narrow column ends in a word that joins it to the next line ("NYU Tandon School of" /
# "Engineering", "Universidad de Viña del" / "Mar") or in a hyphen the line broke at ("Urbana-" /
# "Champaign"), the dates of its row standing before or after the cut.
_DANGLING = re.compile(r"\s(?:of|and|for|&|de|di|du|der|des|del|la|da|do|dos|das|e|y|van|von|in|at)$|\w-$")
# "Central Georgia Technical" / "College": a line holding only a school's kind finishes the name above it.
_KIND_ALONE = re.compile(r"(?:University|College|Institute|School|Academy|Polytechnic|Sciences|Campus)")
# "Master of Science at Southern Methodist" / "University  Aug 2010 - May 2014": a name the column cut
# before its kind (only after " at ": "B.S. Computer Science" / "University of Michigan" are two things).
_SCHOOL_WORD_FIRST = re.compile(r"(?:University|College|Institute|School|Academy|Polytechnic)\b")
_AT_NAME_END = re.compile(rf"\sat\s+[A-ZÀ-Ý][\w.'’&-]*(?:\s(?:[A-ZÀ-Ý][\w.'’&-]*|{_LINK})){{0,4}}$")
_NAME_REST = re.compile(
    rf"(?:{_LINK}\s+)?[A-ZÀ-Ý][\w.'’&/-]*(?:\s+(?:[A-ZÀ-Ý(][\w.'’&()/-]*|{_LINK}|in|/)){{0,5}}"
)
_NAME_GOES_ON = re.compile(r"[A-ZÀ-Ý][\w.'’&-]*(?:\s+(?:[A-ZÀ-Ý(][\w.'’&()-]*|of|and|&)){0,3}$")


def _name_wraps(line: str, following: str, first: bool) -> bool:
    """The next line holds the rest of a name this line's column cut (``first``: the line heads its
    entry, where a school's name stands)."""
    ranges = find_ranges(line)
    name = line[: ranges[0].start_offset].rstrip() if ranges else line
    if ranges and not name:
        name = line[ranges[-1].end_offset :].strip()  # "2013 - 2017  Amsterdam University of Applied"
    below = find_ranges(following)
    rest = following[: below[0].start_offset].rstrip() if below else following  # "Fuego  2016 - 2020"
    return bool(
        (_DANGLING.search(name) and _NAME_GOES_ON.match(rest))
        or (
            first
            and _KIND_ALONE.fullmatch(following.strip())
            and _NAME_GOES_ON.search(name)
            and not _SCHOOL_WORD_FIRST.fullmatch(name.rsplit(" ", 1)[-1])
        )
        or (not ranges and _SCHOOL_WORD_FIRST.match(following) and _AT_NAME_END.search(name))
        # "Master … at Catholic  Sept 2014 - Jul 2016" / "University of Lille": the rest of the name the
        # column wrapped, its dates kept on the first line
        or (ranges and _AT_NAME_END.search(name) and _NAME_REST.fullmatch(following))
        # "Certificate of Completion  Feb 2016 - Jan 2017" / "at Year Up": where the study was taken
        or (ranges and following.startswith("at ") and _NAME_REST.fullmatch(following[3:].strip()))
    )


def _glue(line: str, following: str) -> str:
    """A line and the next that finishes its name: a hyphen the line broke at keeps no space."""
    return f"{line}{following}" if line.endswith("-") else f"{line} {following}"


def _head(block: list[Line]) -> tuple[list[Line], str]:
    """The entry's first three lines and their text, " | " between them; a name cut at a joining word is
    mended, and the line it took from the next is made up by one more."""
    pieces: list[str] = []
    used = 0
    while used < len(block) and len(pieces) < 3:
        line = block[used].text
        ranges = find_ranges(line)
        name = line[: ranges[0].start_offset].rstrip() if ranges else line
        following = block[used + 1].text if used + 1 < len(block) else ""
        if _name_wraps(line, following, used == 0):
            if ranges and not name:
                pieces.append(_glue(line, following))
            else:
                dates = line[ranges[0].start_offset :] if ranges else ""
                pieces.append(f"{_glue(name, following)} {dates}".rstrip())
            used += 2
            continue
        pieces.append(line)
        used += 1
    return block[:used], " | ".join(pieces)


# Where no name says "university" or "college", the entry's first line is its school when it holds only
# a few capitalised words beside its dates ("UC Santa Barbara  2010 - 2014", "Year Up", "CETIS 48").
_FEW_NAME_WORDS = re.compile(
    r"(?:[A-ZÀ-Ý][\w.'’&-]*|of|and|&|de|at)(?:\s+(?:[A-ZÀ-Ý][\w.'’&-]*|of|and|&|de|del|\d{1,3})){0,5}"
)
# A kind of study that names no level, standing where a degree would ("Philosophy, Degree, UNED",
# "Digital Marketing, Course, Udemy"): what follows it is the school.
_STUDY_TYPE = re.compile(
    r"(?:[A-Z][\w'’]*\s+){0,2}(?:Degree|Course|Certificate|Certification|Diploma|Student|High School|Online"
    r"|Bootcamp|Exchange|Programme|Program)",
    re.I,
)


def _named(lines: list[Line]) -> bool:
    """Some line names a school (by its kind, or beside its dates)."""
    return any(
        find_school(line.text) is not None or (find_ranges(line.text) and _school_by_place(line.text))
        for line in lines
    )


def _bare(line: Line) -> bool:
    """A name alone: no dates, a few capitalised words."""
    text = line.text.strip()
    return not find_ranges(text) and bool(_FEW_NAME_WORDS.fullmatch(text))


def _bare_name(block: list[Line]) -> bool:
    """The block's last line, not its first, is a name alone."""
    return len(block) > 1 and _bare(block[-1])


def _last_of_three(head: list[Line]) -> str | None:
    """ "Area, Study type, School" over the entry's dates ("Technical, Matric, Norkem Park High"): the
    last of three pieces or more, when it is a name."""
    if len(head) < 2 or not find_ranges(head[1].text) or find_ranges(head[0].text):
        return None
    pieces = head[0].text.split(",")
    last = pieces[-1].strip()
    return last if len(pieces) >= 3 and len(last) >= 3 and _FEW_NAME_WORDS.fullmatch(last) else None


def _name_over_dates(block: list[Line]) -> bool:
    """The entry opens with a name alone over a line of its dates ("Eastvale Tech" / "2021-09 - 2024-06")."""
    return len(block) > 1 and _bare(block[0]) and bool(find_ranges(block[1].text))


def _school_by_place(first: str) -> str | None:
    ranges = find_ranges(first)
    if ranges:
        # "Degree Philosophy at UNED  Oct 2015 - Current": what the study was taken at.
        at = re.split(r"\s+at\s+", first[: ranges[0].start_offset].strip())
        if len(at) > 1 and _FEW_NAME_WORDS.fullmatch(at[-1]) and len(at[-1]) >= 3:
            return at[-1]
        first = first[: ranges[0].start_offset] + " | " + first[ranges[0].end_offset :]
    parts = [part.strip(" ,-–—") for part in re.split(r"\s*(?:\||｜|\s{2,}|\s[-–—]\s|\bat\b)\s*", first)]
    names = [part for part in parts if part and degree_level(part) is None]
    if len(names) == 1 and len(parts) <= 3 and ranges:
        name = names[0]
        return name if _FEW_NAME_WORDS.fullmatch(name) and len(name) >= 3 else None
    # "Software Engineering, Master's degree, EFREI": the name after the degree that names no subject.
    pieces = [piece.strip(" ()") for piece in re.split(r",\s*|\s+at\s+", first)]
    # (an empty piece after the first is a study type left out: "Full Stack Development, , John Bryce")
    after = next(
        (
            index
            for index, piece in enumerate(pieces)
            if degree_level(piece)
            or _STUDY_TYPE.fullmatch(piece)
            or (index and not piece and len(pieces) > 2)
        ),
        None,
    )
    if after is None:
        return None
    for piece in pieces[after + 1 :]:
        if piece and _FEW_NAME_WORDS.fullmatch(piece) and len(piece) >= 3 and not _SUBJECT.search(piece):
            return None if is_place(piece) else piece  # ("…, Second Class Upper, Nigeria": a place)
    return None


# Words of a subject of study, never of a school's own name: "Computer Science", "Business Studies".
_SUBJECT = re.compile(
    r"\b(?:Science|Sciences|Engineering|Studies|Mathematics|Physics|Economics|Arts|Design|Management|"
    r"Administration|Business|Informatics|Psychology|Biology|Chemistry|Law|Medicine|Finance|Accounting|"
    r"Marketing|Communications?|Literature|History|Philosophy|Statistics|Education|Nursing|Architecture|"
    r"Music|Languages?|Linguistics|Humanities|Technology|Computing|Analytics|Development|Program|Honou?rs|"
    r"Exchange|Major|Minor|Diploma|Certificate|Course|Degree|Laude|Summa|Magna|Class|Distinction|Merit|Dean|"
    r"Scholar|Scholarship|Upper|Lower)\b",
    re.I,
)


# Cards set side by side in one row read "ESPRIT  2024-09 - Present  ISTIC Borj Cedria": a name, its
# dates, then the next card's name (whose dates stand on the next line).
_NEXT_CARD = re.compile(r"\s{2,}(?=\S)")


def _cards(line: Line) -> list[Line]:
    ranges = find_ranges(line.text)
    if len(ranges) != 1:
        return [line]
    found = ranges[0]
    end = found.start_offset + len(line.text[found.start_offset : found.end_offset].rstrip())
    before, after = line.text[: found.start_offset], line.text[end:]
    if not before.strip() or not _NEXT_CARD.match(after):
        return [line]
    name = after.strip()
    if find_ranges(name) or not (find_school(name) or _FEW_NAME_WORDS.fullmatch(name)):
        return [line]
    cut = end + len(after) - len(after.lstrip())
    return [Line(line.text[:end], line.start), Line(name, line.start + cut)]


def find_education(sections: list[Section]) -> list[Education]:
    """Entries from education sections; without one, lines elsewhere that name a school and a degree."""
    lines = [
        card
        for section in sections
        if section.kind == "education"
        for line in section.lines
        for card in _cards(line)
    ]
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
        head, text = _head(block)
        school_hit = find_school(text)
        # (the first line as mended where the column wrapped it: "… at  Sept 2014 - Jun 2016" / "Télécom Paris")
        school = school_hit[0] if school_hit else _school_by_place(text.split(" | ", 1)[0])
        if school is None and _name_over_dates(head):
            school = head[0].text.strip()
        if school is None:
            school = _last_of_three(head)
        if school is not None and " at " in school and school in text:
            # "University Computer Systems Engineer at Instituto Tecnológico de Saltillo": studied at
            after = text[text.index(school) + school.rindex(" at ") + 4 :]
            hit = find_school(after)
            school = hit[0] if hit is not None and hit[1] == 0 else school
        ranges = find_ranges(text)
        start = end = None
        date_texts: list[str] = []
        if ranges:
            first = ranges[0]
            start, end = first.start, first.end
            date_texts.append(text[first.start_offset : first.end_offset])
        else:
            end = find_point(text)
        # (a page that sets the dates on a line of their own puts the degree on the entry's fourth)
        following = block[len(head)].text if len(block) > len(head) else ""
        level = degree_level(text) or (degree_level(following) if len(following) <= 60 else None) or "other"
        span = Span(head[0].start, head[-1].end)
        entries.append(Education(level, school, _major(text, school, date_texts), start, end, span))
    return entries
