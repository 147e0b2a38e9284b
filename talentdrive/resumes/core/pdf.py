"""PDF text layer via PDFium, in reading order (``reading_order``). Scans (no text layer) are reported,
never returned as empty text."""

from __future__ import annotations

import dataclasses
import re

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from .deadline import Deadline
from .model import Limits, ParseFailure
from .reading_order import GUTTER, LINE_END_HYPHEN, Line, level_with, reading_order

# A line's text from its first to its last visible character.
_LINE_TEXT = re.compile(r"\S(?:[^\n]*\S)?")
Box = tuple[float, float, float, float]
# Points a line may start above the one before it and still be read after it (a raised character).
_RAISED = 2.0


def pdf_text(content: bytes, limits: Limits, deadline: Deadline) -> tuple[str, int, list[str]]:
    """Return (text, page count, warnings) of a PDF's text layer, page by page in reading order."""
    try:
        document = pdfium.PdfDocument(content)
    except pdfium.PdfiumError as error:
        message = str(error).lower()
        if "password" in message:
            raise ParseFailure("unsupported_type", "password-protected PDF") from error
        raise ParseFailure("corrupt", "damaged or truncated PDF") from error
    warnings: list[str] = []
    try:
        # The page count comes from the page tree; a forged /Count is refused here, before any page loads.
        pages = len(document)
        if pages > limits.max_pages:
            raise ParseFailure("too_many_pages", f"{pages} pages, more than the limit of {limits.max_pages}")
        if pages == 0:
            raise ParseFailure("corrupt", "PDF without pages")
        chunks: list[str] = []
        total = 0
        for index in range(pages):
            deadline.check(f"page {index + 1}")
            try:
                page = document[index]
            except pdfium.PdfiumError as error:
                raise ParseFailure("corrupt", f"damaged PDF page {index + 1}") from error
            try:
                textpage = page.get_textpage()
                try:
                    chunk = _page_text(textpage)
                finally:
                    textpage.close()
            finally:
                page.close()
            # (PDFium marks a hyphen the line broke at as U+FFFE: "Urbana-" / "Champaign" was printed so)
            chunks.append(chunk.replace("\r\n", "\n").replace("\r", "\n").replace(LINE_END_HYPHEN, "-"))
            total += len(chunk)
            if total > limits.max_chars:
                warnings.append(
                    f"text cut after page {index + 1} of {pages} (over {limits.max_chars} characters)"
                )
                break
    finally:
        document.close()
    text = "\n\f\n".join(chunks)
    if not text.strip():
        raise ParseFailure(
            "no_text_layer", "PDF has no text layer (a scan or image): text recognition is not supported"
        )
    return text, pages, warnings


def _page_text(textpage: pdfium.PdfTextPage) -> str:
    """The page's lines in reading order (``reading_order``); in drawing order where boxes are missing."""
    count = textpage.count_chars()
    text = textpage.get_text_range(0, count) if count > 0 else ""
    if len(text) != count:
        # The page holds a character the range drops (a NUL a browser wrote): read them one by one, so
        # that each text character is the PDF character of the same index whose box is asked for.
        text = "".join(_char(textpage, index) for index in range(count))
    ends = [(match.start(), match.end() - 1) for match in _LINE_TEXT.finditer(text)]
    climbs = _climbs(textpage, ends)
    if not climbs:
        return text  # as word processors and LaTeX draw: already in reading order, no more to measure
    boxed = [_boxed(textpage, text, first, last) for first, last in ends]
    lines = [line for group in boxed for line in group]
    if len(climbs) < _MOST_RUNS:
        bounds = [0, *climbs, len(boxed)]
        runs = [
            [line for group in boxed[a:b] for line in group] for a, b in zip(bounds, bounds[1:], strict=False)
        ]
        if all(_side_by_side(one, other) for i, one in enumerate(runs) for other in runs[i + 1 :]):
            # Columns drawn one after the other (a sidebar, a table drawn column by column): each read whole.
            return "\n".join(line.text for line in lines)
    return "\n".join(reading_order(lines))


# A page drawn in more runs than this (as a browser prints) is reordered without asking about columns.
_MOST_RUNS = 6
_YEAR = re.compile(r"(?:19|20)\d\d")


def _climbs(textpage: pdfium.PdfTextPage, ends: list[tuple[int, int]]) -> list[int]:
    """The lines that start higher than the line drawn before them (a raised character's point or two
    aside): none on a page drawn top to bottom. One look-up a line, stopping at ``_MOST_RUNS``."""
    previous = float("inf")
    climbs: list[int] = []
    for index, (first, _last) in enumerate(ends):
        top = textpage.get_charbox(first)[3]
        if top > previous + _RAISED:
            climbs.append(index)
            if len(climbs) >= _MOST_RUNS:
                break
        previous = top
    return climbs


def _side_by_side(one: list[Line], other: list[Line]) -> bool:
    """Two runs of lines that stand as columns: where they share height, one stands to the side of the
    other (a line or two across aside: a name over both), and the second is no column of dates for the
    rows of the first."""
    if not one or not other:
        return True
    bottom = max(min(x.bottom for x in one), min(x.bottom for x in other))
    top = min(max(x.top for x in one), max(x.top for x in other))
    one = [x for x in one if bottom <= x.middle <= top]
    other = [x for x in other if bottom <= x.middle <= top]
    if not one or not other:
        return False  # the later drawn above the earlier: not in reading order
    if min(x.left for x in other) >= sorted(x.right for x in one)[-(len(one) // 5) - 1]:
        left, right = one, other
    elif min(x.left for x in one) >= sorted(x.right for x in other)[-(len(other) // 5) - 1]:
        left, right = other, one
    else:
        return False
    dates = [x for x in right if _YEAR.search(x.text) and len(x.text.split()) <= 5]
    return sum(level_with(dates, left)) * 2 < len(right)


def _char(textpage: pdfium.PdfTextPage, index: int) -> str:
    code = pdfium_c.FPDFText_GetUnicode(textpage, index)
    return chr(code) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else " "


def _boxed(textpage: pdfium.PdfTextPage, text: str, first: int, last: int) -> list[Line]:
    """The characters first..last as lines with boxes: one line when its two ends stand level (the
    common case, two look-ups), else split wherever the next character leaves the level of the last."""
    head = textpage.get_charbox(first)
    tail = textpage.get_charbox(last)
    if _level(head, tail):
        return _apart(textpage, text, first, last, head, tail)
    lines: list[Line] = []
    begin, boxes = first, list[Box]()
    for index in range(first, last + 1):
        if text[index].isspace():
            continue
        box = textpage.get_charbox(index)
        if boxes and not _level(boxes[-1], box):
            lines.append(_line(text[begin:index], boxes))
            begin, boxes = index, []
        boxes.append(box)
    if boxes:
        lines.append(_line(text[begin : last + 1], boxes))
    return lines


_SPACES = re.compile(r"\s+")


def _apart(
    textpage: pdfium.PdfTextPage, text: str, first: int, last: int, head: Box, tail: Box
) -> list[Line]:
    """A level run of characters as pieces, cut where the white between two words is as wide as a
    gutter and far wider than the line's other spaces: PDFium joins the pieces of one height into one
    line even across cards set side by side ("2017 - 2019" and the next card's "Saint-Petersburg
    Mining"), while justified text only widens every space alike. Two look-ups a space."""
    gaps: list[tuple[float, int, int, Box, Box]] = []
    for space in _SPACES.finditer(text, first, last + 1):
        before = textpage.get_charbox(space.start() - 1)
        after = textpage.get_charbox(space.end())
        gaps.append((after[0] - before[2], space.start(), space.end(), before, after))
    whole = _line(text[first : last + 1], (head, tail))
    if not gaps or max(gap[0] for gap in gaps) < GUTTER:
        return [whole]
    usual = sorted(gap[0] for gap in gaps)[len(gaps) // 2]
    pieces: list[Line] = []
    begin, begin_box = first, head
    for width, end, start, before, after in gaps:
        if width >= GUTTER and width >= _WIDER * usual:
            pieces.append(_line(text[begin:end], (begin_box, before)))
            begin, begin_box = start, after
    if not pieces:
        return [whole]
    pieces.append(_line(text[begin : last + 1], (begin_box, tail)))
    return [dataclasses.replace(whole, pieces=tuple(pieces))]


# A gap between pieces is this many times the line's middle space at least (justified text: about 1).
_WIDER = 3.0


def _level(one: Box, other: Box) -> bool:
    """Two characters stand on one line: one's middle height lies within the other's box (a full stop's
    box is low and small, a letter's middle is within it or it within the letter's)."""
    middle, other_middle = (one[1] + one[3]) / 2, (other[1] + other[3]) / 2
    return other[1] - 1 <= middle <= other[3] + 1 or one[1] - 1 <= other_middle <= one[3] + 1


def _line(text: str, boxes: tuple[Box, ...] | list[Box]) -> Line:
    return Line(
        text=text.strip(),
        left=min(box[0] for box in boxes),
        bottom=min(box[1] for box in boxes),
        right=max(box[2] for box in boxes),
        top=max(box[3] for box in boxes),
    )
