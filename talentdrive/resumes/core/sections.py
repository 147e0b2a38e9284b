"""Lines with offsets, and sections found by their headings in Chinese or English."""

from __future__ import annotations

import re
from dataclasses import dataclass

_HEADINGS: dict[str, tuple[str, ...]] = {
    "education": (
        "教育背景", "教育经历", "教育经验", "学历", "教育", "学习经历", "教育情况", "学历背景",
        "education", "educational background", "academic background", "academic history", "education background",
    ),
    "experience": (
        "工作经历", "实习经历", "经历", "work", "工作经验", "实习经验", "职业经历", "工作履历", "工作", "实习", "任职经历",
        "experience", "work experience", "professional experience", "employment", "employment history",
        "work history", "internship", "internships", "internship experience", "industry experience", "career",
    ),
    "projects": (
        "项目经历", "项目经验", "科研经历", "研究经历", "科研项目", "项目", "研究项目", "科研经验",
        "projects", "project experience", "research experience", "research projects", "selected projects", "research",
        "projects experience", "personal projects", "side projects", "open source projects",
    ),
    "skills": (
        "技能", "专业技能", "技术技能", "技能特长", "技术栈", "个人技能", "技能清单", "掌握技能",
        "skills", "technical skills", "skill", "core skills", "tech stack", "technologies", "skills & tools", "top skills",
    ),
    "publications": (
        "论文", "发表", "论文发表", "专利", "论文与专利", "论文和专利", "发表论文", "学术成果", "学术论文", "科研成果", "论文及专利", "发表文章",
        "publications", "selected publications", "papers", "publication", "research papers", "selected papers",
        "conference papers", "journal papers", "preprints", "代表性论文", "代表论文", "已发表论文", "学术发表",
    ),
    "awards": (
        "获奖", "荣誉", "获奖情况", "荣誉奖项", "获奖经历", "奖项", "荣誉奖励", "竞赛", "竞赛经历", "获奖荣誉",
        "竞赛获奖", "荣誉证书", "奖励", "awards", "honors", "honours", "awards & honors", "honors & awards",
        "competitions", "achievements", "awards and honors", "honors and awards", "scholarships", "所获奖项",
        "荣誉称号", "奖学金", "awards & achievements", "honours and awards", "prizes",
    ),
    "summary": (
        "个人简介", "自我评价", "个人总结", "个人信息", "基本信息", "个人资料", "求职意向", "联系方式",
        "summary", "about", "about me", "profile", "personal information", "objective", "contact", "personal details",
        "professional summary", "career summary", "career objective",
    ),
    "other": ("语言", "兴趣爱好", "证书", "工具", "tools", "languages", "interests", "certificates", "certifications", "activities", "references",
              "volunteer", "volunteer work", "volunteer experience", "volunteering", "hobbies"),
}  # fmt: skip
_KIND_BY_PHRASE = {phrase: kind for kind, phrases in _HEADINGS.items() for phrase in phrases}


def _alternation(words: list[str]) -> str:
    """A pattern for exactly ``words``, nested by common prefix ("work(?: (?:experience|history))?"),
    so the engine compares a line with the phrases sharing its first letters, not with every phrase; a
    longer phrase is still tried before the shorter one it starts with."""
    tree: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
        branches = [re.escape(char) + pattern(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return pattern(tree)


_PHRASE = _alternation(list(_KIND_BY_PHRASE))
# Decorations around a heading: numbering (一、 1. I.), bullets, markdown hashes, brackets, trailing colons.
# (No phrase starts with a decoration, so the leading ones are taken whole, never given back.) Matched
# against the lower-cased line: plain comparisons are quicker than case-insensitive ones.
_HEADING = re.compile(
    rf"^[\s#*■□●◆◇▶►▪•·\-=【\[（(]*+(?:[一二三四五六七八九十]+[、.．]|\d{{1,2}}[.、)]|[ivx]+\.)?\s*"
    rf"(?P<first>{_PHRASE})(?:\s*(?:[/|&｜、与及和]|and)?\s*(?P<second>{_PHRASE}))?"
    # (A count after the heading, as a page printed from a profile shows it: "Work Experience(9)".)
    rf"\s*(?:[(（]\d{{1,3}}[)）])?\s*[】\])）]?\s*[:：]?\s*[-=_—]*\s*$"
)


_WORDY = re.compile(r"[^\W_]")
# A line's text without its surrounding blanks: from the first to the last non-blank character.
_LINE = re.compile(r"[^\s](?:[^\n]*[^\s])?")
# How the DOCX reader joins the cells of a table row into one line.
_CELL_SEPARATOR = re.compile(r"\s\|\s")


@dataclass(frozen=True, slots=True)
class Line:
    text: str
    start: int  # offset of text[0] in the document

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(frozen=True, slots=True)
class Section:
    kind: str  # header | education | experience | projects | skills | publications | awards | summary | other
    heading: Line | None
    lines: tuple[Line, ...]


_new_line = object.__new__
_SET_TEXT, _SET_START = vars(Line)["text"].__set__, vars(Line)["start"].__set__


def split_lines(text: str) -> list[Line]:
    """Non-blank lines, stripped, with their offsets into text."""
    lines = []
    wordy = _WORDY.search
    for match in _LINE.finditer(text):
        stripped = match.group()
        # Rules and decorations ("-----", "====", "• • •") carry no text.
        if wordy(stripped):
            # Line(stripped, start) through its slots: the frozen dataclass's __init__ sets each field
            # with object.__setattr__, and a resume has a hundred lines.
            line = _new_line(Line)
            _SET_TEXT(line, stripped)
            _SET_START(line, match.start())
            lines.append(line)
    return lines


def heading_kind(line: str) -> str | None:
    """The section a heading line opens, or None if the line is not a heading."""
    if len(line) > 48:
        return None
    # (A Turkish keyboard's capital İ lower-cases to i and a combining dot: "SKİLLS" is "skills".)
    match = _HEADING.match(line.lower().replace("i\u0307", "i"))
    if match is None:
        return None
    kind = _KIND_BY_PHRASE[match.group("first")]
    second = match.group("second")
    if second and (
        kind in ("other", "summary") or (kind == "projects" and _KIND_BY_PHRASE[second] == "experience")
    ):
        # "Certifications & Awards", "Research & Work Experience": named by the more specific word.
        kind = _KIND_BY_PHRASE[second]
    return kind


def split_sections(lines: list[Line]) -> list[Section]:
    """The document cut at its headings; what comes before the first heading is the "header" section."""
    sections: list[Section] = []
    kind: str = "header"
    heading: Line | None = None
    body: list[Line] = []
    for line in lines:
        found = heading_kind(line.text)
        if found is not None:
            sections.append(Section(kind, heading, tuple(body)))
            kind, heading, body = found, line, []
            continue
        closing = _row_closing_with_heading(line)
        if closing is not None:
            # "Phone (929) 555-0100  Work": a card and the next section's heading printed level, the
            # heading last on the row; the card's text stays where it was, the heading opens its section.
            head, found, cell = closing
            body.append(head)
            sections.append(Section(kind, heading, tuple(body)))
            kind, heading, body = found, cell, []
            continue
        opened = _row_opening_section(line)
        if opened is None:
            body.append(line)
            continue
        # A table row whose first cell is a heading ("工作经历 | 字节跳动 | …"): the cell opens the
        # section and the rest of the row is its first line, so the heading is never read as a value.
        sections.append(Section(kind, heading, tuple(body)))
        kind, heading, rest = opened
        body = [rest]
    sections.append(Section(kind, heading, tuple(body)))
    return sections


_ENTRY_KINDS = ("experience", "education")


def _row_closing_with_heading(line: Line) -> tuple[Line, str, Line] | None:
    """A row whose last cell, set a column's gap apart and of three words at most, is a heading."""
    # (the last gap found from the end: a line of a hundred thousand spaces costs one pass, not a square)
    gap = max(line.text.rfind("  "), line.text.rfind("\t"))
    if gap < 0:
        return None
    head = line.text[:gap].rstrip()
    cell = line.text[gap:].lstrip()
    if len(cell.split()) > 3:
        return None
    found = heading_kind(cell)
    # (only the sections an entry's reading depends on: "Tools" or "Languages" last on a row is a
    # skills grid's column)
    # ("Industry:          Education", "Sector:   Education" in a job-site export are a field and its value)
    if (
        found not in _ENTRY_KINDS
        or not cell[:1].isupper()
        or not head.strip()
        or head.rstrip().endswith((":", "："))
        or heading_kind(head.strip())
    ):
        return None
    return Line(head, line.start), found, Line(cell, line.start + len(line.text) - len(cell))


def _row_opening_section(line: Line) -> tuple[str, Line, Line] | None:
    separator = _CELL_SEPARATOR.search(line.text) if " | " in line.text else None
    if separator is None:
        return None
    cell = line.text[: separator.start()].rstrip()
    found = heading_kind(cell)
    rest = line.text[separator.end() :]
    rest_start = line.start + separator.end() + (len(rest) - len(rest.lstrip()))
    rest = rest.strip()
    if found is None or not _WORDY.search(rest):
        return None
    return found, Line(cell, line.start), Line(rest, rest_start)


def cell_headings(lines: list[Line]) -> list[tuple[int, int]]:
    """Spans of table cells that are headings ("教育经历 | 清华大学 | …" from a DOCX table row).

    Such a row is not a heading line, so the sections keep it as body text; the cell still names a
    section, never a skill or an industry, and callers exclude these spans from mentions.
    """
    spans: list[tuple[int, int]] = []
    for line in lines:
        if " | " not in line.text:
            continue
        cell_start = 0
        for separator in [*_CELL_SEPARATOR.finditer(line.text), None]:
            cell_end = separator.start() if separator is not None else len(line.text)
            cell = line.text[cell_start:cell_end]
            stripped = cell.strip()
            if stripped and heading_kind(stripped) is not None:
                offset = line.start + cell_start + (len(cell) - len(cell.lstrip()))
                spans.append((offset, offset + len(stripped)))
            if separator is not None:
                cell_start = separator.end()
    return spans
