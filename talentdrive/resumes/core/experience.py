"""Experience entries (employer, title, dates, current) and years of experience."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from .dates import HAS_YEAR, DateRange, find_point, find_ranges, years_from_intervals
from .headerline import (
    ORG_NAME_END,
    WEB_ADDRESS,
    comma_pieces,
    employer_as_written,
    employer_title,
    header_parts,
    is_place,
    is_title,
    scores,
)
from .model import Experience, Span
from .sections import Line, Section

_INTERN = re.compile(r"实习|\bintern(?:ship)?\b", re.I)
# Student roles held while studying do not count as professional experience.
_STUDENT = re.compile(r"undergraduate|student|teaching assistant|学生|助教|在读", re.I)
_SENTENCE_ROLE = re.compile(
    r"(?:在|于)(?P<employer>[^\s，。,;；|]{2,24}?)(?:担任|任职|任|从事)(?P<title>[^\s，。,;；|]{2,20})"
    r"|(?:worked|working|work)\s+(?:at|for)\s+(?P<employer_en>[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,4})\s+as\s+(?:an?\s+)?(?P<title_en>[A-Za-z][\w -]{2,40}?)(?=[,.;]|$)"
)
_DURATION_LINE = re.compile(
    r"^\(?\d{1,2}\s*(?:years?|yrs?)(?:\s*\d{1,2}\s*(?:months?|mos?))?\)?$|^\(?\d{1,2}\s*(?:months?|mos?)\)?$",
    re.I,
)
# (a full stop after a title's or a legal form's abbreviation ends no sentence: "Sr. Web Developer",
# "Tata Consultancy Pvt. Ltd.")
_ABBREVIATIONS = ("Sr", "Jr", "St", "Dr", "Mr", "Ms", "Pvt", "Co", "Inc", "Ltd", "Corp", "Bros", "No")
_SENTENCE_END = re.compile(r"[。；;]|" + "".join(rf"(?<!\b{word})" for word in _ABBREVIATIONS) + r"\.\s")
_BULLET = re.compile(r"^[-*•·●▪◆■►]\s*|^\d+[.、)]\s+")


# A description's line, not a header: one going on from the line before ("to help users get …", a
# small word first: "zalando, Berlin" is an employer) or opening with what was done ("Worked on
# improving the build workflow").
_CONTINUED = re.compile(
    r"^(?:(?:to|and|or|of|in|on|for|with|the|a|an|by|from|as|which|that|including|using|while)\s"
    r"|[A-Z][a-z]+ed\s+(?:[a-z]+\s+){2,}[\w-]+)"
)


def _header_candidate(line: Line) -> bool:
    text = WEB_ADDRESS.sub("", line.text).strip()
    return (
        len(text) <= 70
        and not _BULLET.match(text)
        and not _SENTENCE_END.search(text)
        and not _CONTINUED.match(text)
        and not _SENTENCE_CLOSE.search(text)
    )


# A sentence's close: a full stop after a word in lower case, three words or more in ("Ran the ledger
# team."); "Covalto, Inc." and "Acme Co." are names.
_SENTENCE_CLOSE = re.compile(r"\S+\s+\S+\s+[a-z]+\.$")


_TITLE_CASE = re.compile(r"[A-Z][\w&/.'-]*(?:\s+(?:[A-Z][\w&/.'-]*|of|and|&|for|in|to|the|at|-))*")


def _title_line(line: Line) -> bool:
    """A line that holds only a job title: one that names a title, or a few capitalised words naming
    no organisation ("Operations Lead", "Store Manager"), never a sentence."""
    text = line.text
    if text.endswith(".") or find_ranges(text) or len(text.split()) > 6:
        return False
    parts = header_parts(text)
    if len(parts) != 1:
        return False
    org, title = scores(parts[0])
    return title > org or (org == 0 and len(text.split()) <= 4 and bool(_TITLE_CASE.fullmatch(text)))


# What a column beside the entry sets on its row after the dates, set apart by a wide gap: the start of
# a sentence ("Built user experience strategy for an") or a past-tense verb ("Developed", "Provided
# consultancy to"); not a name with small words in it ("Department of Health and Social Care", "Reed").
_PROSE_WORDS = re.compile(r"(?:\S+\s+){3,}\S+")
_VERB = re.compile(r"[A-Z][a-z]{3,}ed")
# A site written without its scheme, in small letters ("jut.io", "tims.berkeley.edu").
_BARE_SITE = re.compile(r"[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,6}(?:/\S*)?")
_SMALL_WORDS = frozenset(["of", "and", "the", "for", "in", "at", "to", "de", "du", "la", "y", "&"])


def _without_prose_after(line: Line, anchor: DateRange) -> str:
    """The dated line's own text ("before | after") without prose after the dates, when a title or an
    employer stands before them (after dates that open the line, a title may read like prose) and a
    column's gap stands after them (not a sentence running on: "Led the migration (2019 – 2020) for …")."""
    own = _without_date(line, anchor)
    before, _bar, after = own.partition(" | ")
    # (a range may end in the space after it: the gap is measured from its last character)
    end = (
        anchor.start_offset
        - line.start
        + len(line.text[anchor.start_offset - line.start : anchor.end_offset - line.start].rstrip())
    )
    if not before.strip() or not after.strip() or not _COLUMN_GAP.match(line.text, end):
        return own
    kept = []
    for piece in re.split(r"\s{2,}", after.strip()):
        words = piece.split()
        lower = sum(1 for word in words if word[:1].islower() and word not in _SMALL_WORDS)
        if (_PROSE_WORDS.fullmatch(piece) and lower >= 2) or _VERB.fullmatch(words[0]):
            break  # the rest of the row is the column beside
        if _BARE_SITE.fullmatch(piece):
            continue  # "QA Engineer  May 2015 - Nov 2015  jut.io": the employer's site, beside its dates
        kept.append(piece)
    return f"{before} | {'  '.join(kept)}"


_COLUMN_GAP = re.compile(r"\s{2,}|\t")


def _last_comma(employer: str, title: str, used: list[Line]) -> tuple[str, str]:
    """ "Fullstack Engineer - Go/NodeJS, Stone Pagamentos": the title's qualifier went with the employer
    at the dash; the employer is what follows the last comma, and the title runs up to it."""
    pieces = header_parts(employer, weak=True)
    last = pieces[-1] if len(pieces) >= 2 else ""
    if not last[:1].isupper() or is_title(last) or any(scores(piece)[0] for piece in pieces[:-1]):
        return employer, title
    # Only where the piece before the comma is plainly no employer (a list of tools, the employer said
    # twice) or the last is plainly one (a legal form): "Senior Analyst — Morgan Stanley, Wealth
    # Management" keeps Morgan Stanley.
    qualifier = ", ".join(pieces[:-1])
    if not ("/" in qualifier or qualifier == last or ORG_NAME_END.search(last)):
        return employer, title
    for line in used:
        start, cut = line.text.find(title), line.text.rfind(", " + last)
        if 0 <= start < cut:
            return last, line.text[start:cut].strip()
    return employer, title


def _employer_line(line: Line) -> bool:
    """A line that holds only a name, capitalised and no job title ("Philips", "Karolinska
    Universitetssjukhuset"): never a sentence, a list of skills or a date."""
    text = line.text.strip()
    if not _header_candidate(line) or find_ranges(text) or not text[:1].isupper() or len(text.split()) > 6:
        return False
    parts = header_parts(text)
    return len(parts) == 1 and parts[0] == text and not is_title(text) and bool(_TITLE_CASE.fullmatch(text))


def _named_line(line: Line) -> bool:
    """Under a section's vote for employers above their titles, a line that names one as its owner wrote
    it, with a comma, a dash, a slash or a bracket ("REDITUS, SA", "INCQS - FIOCRUZ", "XLabora Ltd. /
    BuddyAd"): capitalised, short, no title in it, no sentence, no date."""
    text = line.text.strip()
    words = text.split()
    if not _header_candidate(line) or find_ranges(text) or not text[:1].isupper() or len(words) > 12:
        return False
    if text.endswith(".") and len(words[-1]) > 4 and not ORG_NAME_END.search(text):
        return False  # a sentence's full stop, not "Inc." or "PA."
    parts = header_parts(text, weak=True)
    return bool(parts) and not any(is_title(part) for part in parts)


# A section's dated lines: their index and their first range, found once for every vote.
Dated = list[tuple[int, DateRange]]


def _employers_above(lines: list[Line], dated: Dated) -> bool:
    """The section sets its employers on a line of their own above the title ("Employer" / "Title" /
    dates, as LinkedIn exports and some themes do): two entries or more show it plainly."""
    seen = 0
    for index, anchor in dated:
        own = header_parts(WEB_ADDRESS.sub("", _without_prose_after(lines[index], anchor)))
        if index < (2 if not own else 1):
            continue
        title, employer = (lines[index - 1], lines[index - 2]) if not own else (None, lines[index - 1])
        # (a title alone, not "Title, Name": there the name may be the employer, and what stands above
        # is the last entry's)
        if title is not None and (not _title_line(title) or len(header_parts(title.text, weak=True)) != 1):
            continue
        if not all(is_title(part) for part in own):
            continue
        seen += _employer_line(employer)
        if seen >= 2:
            return True
    return False


def _header_source(lines: list[Line], index: int, anchor: DateRange) -> tuple[str, int]:
    """What heads a dated line, and the index of the line that holds it: the words before its dates, or
    the line above when it holds only dates."""
    line = lines[index]
    before = line.text[: anchor.start_offset - line.start].strip().rstrip(",;|–—-(（ ")
    if before or index == 0 or header_parts(_without_date(line, anchor)):
        return before, index
    return lines[index - 1].text.strip(), index - 1


def _title_comma_employer(lines: list[Line], dated: Dated) -> bool:
    """The section writes each header "Title, Employer" (as a theme prints position and company): most
    headers with a comma start with a title and end with no title, two at least. Then a comma inside
    either ("Teaching Assistant, University of California, Santa Barbara") is read by that order."""
    agree = disagree = 0
    for index, anchor in dated:
        header, at = _header_source(lines, index, anchor)
        pieces = comma_pieces(header)
        if len(pieces) < 2:
            continue
        if is_title(pieces[0]) and not is_title(pieces[-1]) and not _employer_named_above(lines, at):
            agree += 1
        else:
            disagree += 1
    return agree >= 2 and agree >= 2 * disagree


def _employer_named_above(lines: list[Line], index: int) -> bool:
    """The line above a header names an employer, by its words or a place after it ("Meridian Health
    Technologies, New York, NY" over "Group Product Manager, Clinical AI | 2021 – Present"): what
    follows the title's comma is then its own."""
    if index == 0 or find_ranges(lines[index - 1].text):
        return False
    above = lines[index - 1]
    parts = header_parts(above.text, weak=True)
    if not _header_candidate(above) or not parts or any(is_title(part) for part in parts):
        return False
    return bool(scores(parts[0])[0]) or len(comma_pieces(above.text)) > len(parts)


def _by_comma_order(header: str) -> tuple[str, str] | None:
    """(employer, title) of "Title, Employer" where the order is the section's: the titles lead, the
    employer is the rest as written; where every piece reads as a title, the last is the employer."""
    pieces = comma_pieces(header)
    if len(pieces) < 2 or _SENTENCE_END.search(header):
        return None
    if not is_title(pieces[0]) and (
        len(pieces[0].split()) < 2 or scores(pieces[0])[0] or ORG_NAME_END.search(pieces[0])
    ):
        # "Python, Django, React": a list above the dates, no header; "Morgan Whitfield & Co., New York":
        # an employer first, in a section that mostly writes the title first
        return None
    lead = 1
    while lead < len(pieces) - 1 and is_title(pieces[lead]):
        lead += 1
    employer = employer_as_written(pieces[lead:])
    if not employer or is_place(employer):
        return None
    return employer, ", ".join(pieces[:lead])


def _date_only(lines: list[Line], index: int) -> bool:
    """The line at ``index`` holds a date range and nothing else."""
    if index >= len(lines):
        return False
    line = lines[index]
    ranges = find_ranges(line.text, line.start)
    return bool(ranges) and not header_parts(_without_date(line, ranges[0]))


_FIELD_LINE = re.compile(r"^[^|｜:：]{1,8}[:：]")


def _title_below(lines: list[Line], index: int, taken: set[int], whole: bool = False) -> str | None:
    """A job site's export puts the title a line or two under the employer ("所属行业：…" /
    "技术部 | 高级算法工程师"): the first title among the next header lines, skipping labelled fields
    and a line that only gives the employer's site. With ``whole`` (the section sets every title on a
    line of its own under its employer), the line as written: "Craft Coach - Staff Engineer",
    "Webdesigner"."""
    for position in range(index, min(index + 3, len(lines))):
        line = lines[position]
        if position in taken or not _header_candidate(line) or find_ranges(line.text):
            return None
        if _FIELD_LINE.match(line.text) or not WEB_ADDRESS.sub("", line.text).strip():
            continue  # a labelled field, or the employer's site on a line of its own
        if whole and _own_title_line(line):
            taken.add(position)
            return line.text.strip()
        titles = [part for part in header_parts(line.text) if is_title(part)]
        if titles:
            taken.add(position)
            return titles[-1]
        return None
    return None


_NOT_A_TITLE_LINE = re.compile(r"[.:;!?]$|^(?:Highlights|Summary|Responsibilities|Achievements)$", re.I)


def _own_title_line(line: Line) -> bool:
    """A short line that could be a title as written: no sentence, no label, a capital first, and no
    words of a description ("Wrote product copy for local shops") unless it names a title."""
    text = line.text.strip()
    words = text.split()
    if not text[:1].isupper() or len(words) > 8 or _NOT_A_TITLE_LINE.search(text):
        return False
    lower = sum(1 for word in words if word[:1].islower() and word not in _SMALL_WORDS)
    prose = (_PROSE_WORDS.fullmatch(text) and lower >= 2) or _VERB.fullmatch(words[0])
    return not prose or is_title(text)


def _titles_below(lines: list[Line], dated: Dated) -> bool:
    """The section sets each title on a line of its own under "Employer  dates" (as a theme prints
    company, dates, then position): two dated lines or more naming no title, with a title under them."""
    seen = 0
    for index, anchor in dated:
        own = header_parts(_without_prose_after(lines[index], anchor))
        if not own or any(is_title(part) for part in own):
            continue
        probe: set[int] = set()
        seen += _title_below(lines, index + 1, probe) is not None
        if seen >= 2:
            return True
    return False


# A list of tools joined by slashes ("PHP/Javascript", "Go / NodeJS / AngularJS").
_TOOLS = re.compile(r"[\w.#+-]{1,15}(?:\s?/\s?[\w.#+-]{1,15})+")
_AT = re.compile(r"\s(?:at|@)\s|@")


def _title_at_employer(own: str) -> list[str] | None:
    """ "Senior Backend Engineer at Modus Create": [employer, title] when the words before " at " name a
    title, or name neither a title nor an employer, and the words after it name no title (the employer
    keeps its commas: "University of Illinois, Urbana-Champaign")."""
    head = own.split(" | ", 1)[0]
    # (at the first " at ": the employer's own name may hold another, "University of Illinois at Urbana")
    pieces = _AT.split(head, maxsplit=1)
    if len(pieces) != 2:
        return None
    before, after = header_parts(pieces[0]), header_parts(pieces[1])
    if not before or not after or any(is_title(part) for part in after):
        return None
    if len(after) > 1:
        # "Manager - User Experience at Assetlink - Saiya Software Pvt. Ltd.": the employer as written
        after = [pieces[1].strip()]
    if len(before) > 1:
        # "Craft Coach - Staff Engineer at Wakam", "Backend Engineer - Python/MongoDB at Anchor Loans": a
        # title and what a dash adds to it are one title.
        return [after[0], pieces[0].strip()] if is_title(before[0]) else None
    if not is_title(before[0]) and scores(before[0]) != (0, 0):
        return None  # "Research at Acme Labs": no title before " at " ("DevOps at Computershare" is one)
    return [after[0], before[0]]


def _heads(line: Line) -> bool:
    """A line that could head an entry: a title, or a short name in capitals ("Shopify", "Cinch Financial")."""
    parts = header_parts(line.text)
    return len(parts) == 1 and (is_title(parts[0]) or bool(_TITLE_CASE.fullmatch(parts[0])))


def _employer_under_title(lines: list[Line], index: int, below: list[str], taken: set[int]) -> str | None:
    """Under a date alone on its line, a title alone, then a line naming only an employer: the employer."""
    if len(below) != 1 or not is_title(below[0]) or index + 2 >= len(lines) or index + 2 in taken:
        return None
    after = lines[index + 2]
    if not _header_candidate(after) or find_ranges(after.text):
        return None
    parts = header_parts(after.text)
    if len(parts) != 1 or is_title(parts[0]):
        return None
    # (a name in capitals, one with an employer's word or legal form: "Nara Logics, Inc", "HP / Autonomy,
    # Inc.", or a short one however written: "n2N Commerce")
    name = parts[0]
    if _TITLE_CASE.fullmatch(name) or scores(name)[0] or (len(name.split()) <= 3 and not name.endswith(".")):
        return name
    return None


def _without_date(line: Line, anchor: DateRange) -> str:
    before = line.text[: anchor.start_offset - line.start].rstrip()
    after = line.text[anchor.end_offset - line.start :].lstrip()
    if before.endswith(("(", "（")) and after.startswith((")", "）")):
        before, after = before[:-1], after[1:]
    return f"{before} | {after}"


def _entry(
    lines: list[Line],
    index: int,
    anchor: DateRange,
    taken: set[int],
    intern_section: bool,
    headless: bool = False,
    employer_above: bool = False,
    comma_order: bool = False,
    titles_below: bool = False,
) -> Experience:
    line = lines[index]
    own = _without_date(line, anchor)
    used = [line]
    sentence = _SENTENCE_ROLE.search(own)
    if sentence:
        # "2016.07-2020.12 在华为担任软件工程师。", "worked at Huawei as a software engineer"
        employer = sentence.group("employer") or sentence.group("employer_en")
        title = sentence.group("title") or sentence.group("title_en")
        return _dated(anchor, employer.strip(), title.strip(), intern_section, [line])
    own = _without_prose_after(line, anchor)
    at_parts = _title_at_employer(own)
    parts = at_parts or header_parts(own)
    previous = lines[index - 1] if index > 0 and index - 1 not in taken else None
    if previous is not None and (not _header_candidate(previous) or find_ranges(previous.text)):
        previous = None
    weak_own = header_parts(own, weak=True) if headless and parts and all(is_title(p) for p in parts) else []
    before = header_parts(own.partition(" | ")[0])
    written: tuple[str, str] | None = None  # (employer, title) as the page wrote them
    header, header_at = _header_source(lines, index, anchor)
    ordered = _by_comma_order(header) if comma_order and not at_parts else None
    if ordered is not None and (header_at == index or header_at not in taken):
        # "Craft Coach - Staff Engineer, Wakam" / dates, in a section written "Title, Employer"
        taken.add(header_at)
        return _dated(anchor, *ordered, intern_section, [lines[header_at], line])
    if titles_below and not at_parts and before and not any(is_title(part) for part in before):
        # "Globalmouth - 360 Go Mobile Agency  2015-03 — 2015-05" / "Web Developer", in a section that
        # sets each title under its employer's line: the words before the dates are the employer as
        # written, a dash or a bullet in it included.
        found_at: set[int] = set()
        title_below = _title_below(lines, index + 1, found_at, whole=True)
        if title_below is not None:
            taken |= found_at
            return _dated(anchor, header, title_below, intern_section, [line, lines[max(found_at)]])
    if at_parts:
        pass  # "Title at Employer": both are on the dated line
    elif (
        employer_above
        and previous is not None
        and len(before) == 1
        and (_employer_line(previous) or _named_line(previous))
    ):
        # "Crozier & Henderson Productions Inc." / "Software Developer  2005 - 2007  site  ASP.NET", in a
        # section that sets every employer above its title: the line above is the employer as written,
        # what stands before the dates the title even when it reads like none ("AWS Device Farm"), and
        # what a column beside sets after the dates is neither.
        written = (employer_as_written(comma_pieces(previous.text)), before[0])
        parts = [previous.text.strip(), *before]
        used.insert(0, previous)
        taken.add(index - 1)
    elif len(weak_own) >= 2 and not all(is_title(part) for part in weak_own):
        # Without headings the line above may be the name: "Title, Employer, 2021 – present" reads as
        # both on the dated line, apart at a comma.
        parts = weak_own
    elif parts and all(is_title(part) for part in parts):
        # Only a title on the dated line: the employer is on the line above, or after a comma.
        above = header_parts(previous.text, weak=True) if previous is not None else []
        if previous is not None and above and not any(is_title(part) for part in above):
            parts = above[:1] + parts
            used.insert(0, previous)
            taken.add(index - 1)
        else:
            parts = header_parts(own, weak=True)
    elif not any(is_title(part) for part in parts) and any(is_title(p) for p in header_parts(own, weak=True)):
        # "Machine Learning Intern, Meta — Menlo Park": the title hides behind a comma.
        parts = header_parts(own, weak=True)
    elif len(parts) == 1 and index + 1 < len(lines) and _header_candidate(lines[index + 1]):
        following = lines[index + 1]
        below = header_parts(following.text, weak=True)
        if below and not find_ranges(following.text) and is_title(below[0]):
            # (where the section sets its titles so, the line as written: "Data Analyst - Operations")
            whole = titles_below and not is_title(parts[0]) and _own_title_line(following)
            parts = parts + ([following.text.strip()] if whole else below[:1])
            used.append(following)
            taken.add(index + 1)
    if not parts:
        # A date on a line of its own: the header is the line below ("2020 – Present" / "Title | Employer")
        # when that reads like one, else the line above.
        next_line: Line | None = lines[index + 1] if index + 1 < len(lines) else None
        if next_line is not None and (not _header_candidate(next_line) or find_ranges(next_line.text)):
            next_line = None
        below = header_parts(next_line.text) if next_line is not None else []
        if next_line is not None and len(below) == 2 and is_title(below[0]) and _TOOLS.fullmatch(below[1]):
            # "Fullstack Engineer - PHP/Javascript": the tools a title names are its own, not an employer
            below = [next_line.text.strip()]
        if next_line is not None and previous is not None and _date_only(lines, index + 2):
            # "Employer  Title" / "2019.07-至今" / "Employer  Title" / "2016.07-2019.06": the line below
            # heads the next date; this one's header is above.
            next_line, below = None, []
        # (only where the line above heads nothing: "Product Manager" / "Shopify" / dates / "Business
        # Analyst" / "Deloitte" / dates reads each header above its dates)
        above_heads = previous is not None and _heads(previous)
        employer_below = (
            _employer_under_title(lines, index, below, taken)
            if next_line is not None and not above_heads
            else None
        )
        if next_line is not None and employer_below is not None:
            # "Nov 2016 - Sep 2018" / "Senior Engineer" / "Cinch Financial": title, then employer, below.
            parts = [employer_below, below[0]]
            used += [next_line, lines[index + 2]]
            taken.update({index + 1, index + 2})
        elif next_line is not None and (len(below) >= 2 or (previous is None and below)):
            parts = below if len(below) >= 2 else header_parts(next_line.text, weak=True)
            used.append(next_line)
            taken.add(index + 1)
        elif previous is not None:
            parts = header_parts(previous.text)
            if len(parts) < 2:
                parts = header_parts(previous.text, weak=True)
            used.insert(0, previous)
            taken.add(index - 1)
            two_up = lines[index - 2] if index > 1 and index - 2 not in taken else None
            if (
                employer_above
                and len(parts) >= 2
                and is_title(parts[0])
                and not any(scores(part)[0] for part in parts)
                and two_up is not None
                and _employer_line(two_up)
            ):
                # "Philips" / "Incident Support Specialist, Nordics" / dates, in a section that sets every
                # employer above its title: what follows the title's comma is the title's own.
                parts = [two_up.text.strip(), previous.text.strip()]
                used.insert(0, two_up)
                taken.add(index - 2)
            elif (
                parts
                and all(is_title(part) for part in parts)
                and two_up is not None
                and _header_candidate(two_up)
            ):
                # "Employer — City" / "Title" / "March 2021 – Present" on three lines (as written where
                # the section sets every employer so: "Audacious Inquiry - A PointClickCare Company").
                above = header_parts(two_up.text, weak=True)
                if above and not find_ranges(two_up.text) and not any(is_title(part) for part in above):
                    if employer_above and _named_line(two_up) and len(parts) == 1:
                        written = (employer_as_written(comma_pieces(two_up.text)), parts[0])
                    parts = above[:1] + parts
                    used.insert(0, two_up)
                    taken.add(index - 2)
            elif (
                len(parts) == 1
                and not is_title(parts[0])
                and two_up is not None
                and _header_candidate(two_up)
                and _title_line(two_up)
            ):
                # A job site's export: "Title" / "Employer - City, State -" / "August 2016 to August 2017".
                parts = [parts[0], *header_parts(two_up.text)[:1]]
                used.insert(0, two_up)
                taken.add(index - 2)
            if (
                parts
                and all(is_title(part) for part in parts)
                and next_line is not None
                and len(below) == 1
                and not is_title(below[0])
                and _TITLE_CASE.fullmatch(below[0])
            ):
                # "Platform Developer" / "2012-03 - 2016-03" / "Quillon Labs": the employer under the dates.
                parts = [below[0], *parts]
                used.append(next_line)
                taken.add(index + 1)
    employer, title = employer_title(parts)
    if written is not None and written[0]:
        employer, title = written
    elif employer is not None and title is not None and not at_parts:
        employer, title = _last_comma(employer, title, used)
    if employer is not None and title is None:
        title = _title_below(lines, lines.index(used[-1]) + 1, taken, whole=titles_below)
    if employer is None and title is not None:
        # "Data Engineer  Mar 2021 – Present  quillo.ai": no employer above, the site beside names it (a
        # cell of its own after the dates, never a word inside a sentence there)
        cells = re.split(r"\s{2,}", line.text[anchor.end_offset - line.start :].strip())
        employer = next((cell for cell in cells if _BARE_SITE.fullmatch(cell)), None)
    return _dated(anchor, employer, title, intern_section, used)


def _dated(
    anchor: DateRange, employer: str | None, title: str | None, intern_section: bool, used: list[Line]
) -> Experience:
    """The entry of the dated range ``anchor``, read from the lines ``used`` (its header's, in order)."""
    words = " ".join(line.text for line in used)
    return Experience(
        employer=employer,
        title=title,
        start=anchor.start,
        end=anchor.end,
        current=anchor.current,
        internship=intern_section or bool(_INTERN.search(words)),
        span=Span(used[0].start, used[-1].end),
    )


def find_experience(sections: list[Section]) -> list[Experience]:
    """Dated entries of experience sections; without one, dated lines elsewhere that name a job title."""
    chosen = [section for section in sections if section.kind == "experience"]
    fallback = not chosen
    if fallback:
        chosen = [section for section in sections if section.kind in ("header", "summary", "other")]
    entries: list[Experience] = []
    has_year = HAS_YEAR.search
    for section in chosen:
        heading = section.heading.text if section.heading else ""
        intern_section = bool(_INTERN.search(heading)) and not re.search(r"工作|work", heading, re.I)
        # "4 years 2 months" under an employer (a LinkedIn export's total for its roles) heads nothing.
        lines = [line for line in section.lines if not _DURATION_LINE.match(line.text)]
        taken: set[int] = set()
        dated: Dated = []
        for index, line in enumerate(lines):
            found = find_ranges(line.text, line.start) if has_year(line.text) else []
            if found:
                dated.append((index, found[0]))
        above = _employers_above(lines, dated)
        comma_order = _title_comma_employer(lines, dated)
        below = _titles_below(lines, dated)
        for index, line in enumerate(lines):
            if index in taken or not has_year(line.text):
                continue  # most lines are descriptions, without a year
            ranges = find_ranges(line.text, line.start)
            if not ranges:
                continue
            first = ranges[0]
            after = WEB_ADDRESS.sub("", line.text[first.end_offset - line.start :]).strip()
            at_edge = first.start_offset - line.start <= 3 or len(after) <= 3
            if _open_and_wrapped(line, first, lines, index):
                continue  # "Senior Consultant  Jan 2015 –" / "Accenture  Dec 2018": a range cut in two
            # (what a column beside sets after the dates is no part of the header)
            header = Line(_without_prose_after(line, first).replace(" | ", "  "), line.start)
            if not _header_candidate(header) and not at_edge and not _SENTENCE_ROLE.search(line.text):
                continue  # "• Led the migration (2019-2020) to …": a date inside a description
            if fallback and not (
                _SENTENCE_ROLE.search(line.text) or any(scores(p)[1] for p in header_parts(line.text))
            ):
                continue
            taken.add(index)
            entry = _entry(
                lines,
                index,
                ranges[0],
                taken,
                intern_section,
                headless=fallback,
                employer_above=above,
                comma_order=comma_order,
                titles_below=below,
            )
            if entry.employer is None and entry.title and entries and entries[-1].employer:
                # Roles listed under one employer (a LinkedIn export): the title's employer is the one above.
                entry = replace(entry, employer=entries[-1].employer)
            entries.append(entry)
    return entries


def _open_and_wrapped(line: Line, found: DateRange, lines: list[Line], index: int) -> bool:
    """A range left open at the line's end whose next line holds a date: the column cut it in two."""
    written = line.text[found.start_offset - line.start : found.end_offset - line.start].rstrip()
    open_end = written.endswith(("-", "–", "—", "~", "～"))
    return open_end and index + 1 < len(lines) and find_point(lines[index + 1].text) is not None


def years_of_experience(entries: list[Experience], today: date) -> float:
    """Years covered by entries other than internships and student roles, overlapping periods counted once."""
    intervals = [
        (entry.start, entry.end, entry.current)
        for entry in entries
        if entry.start and not entry.internship and not _STUDENT.search(entry.title or "")
    ]
    return years_from_intervals(intervals, today)
