"""A PDF page's lines put in reading order from where they stand on the page.

A PDF draws text in whatever order its writer chose. Word processors and LaTeX draw it as it is read,
but a page printed from a browser draws it as the page was painted: a sidebar after the main column,
a heading after its section, the dates of a job before its title. PDFium gives the lines in drawing
order with their boxes; this module orders them as a reader would:

* **Columns.** A gutter is an upright strip, at least ``GUTTER`` points wide, that no line crosses
  except a few spanning the page (a name or heading across both columns), with lines of their own on
  both sides. Left of the gutter is read before right of it, between one spanning line and the next.
  A strip that only separates the two ends of the same rows ("Engineer ........ 2019 – 2021",
  dates set flush right) is no gutter: most lines on its right then stand level with a line on its
  left, and they stay one row.
* **Rows.** Without a gutter, lines are read top to bottom, and pieces standing level with one
  another are one line, read left to right.

Pure: boxes in, text out. ``pdf.py`` measures the boxes.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

GUTTER = 12.0  # points: narrower white strips are the space between words or a tab stop
# A gutter may be crossed by this share of lines at most (the spanning lines), and needs this many
# lines wholly on each side.
SPANNING_SHARE = 0.2
SIDE_LINES = 3
# Above this share of the right side's lines standing level with a left line, the strip separates the
# two ends of rows, not two columns.
ROWS_SHARE = 0.5
# Columns are looked for among at most this many lines (a resume's page holds a hundred or so); a page
# of more is read in rows, so that a forged page of one character a line costs no square of its lines.
MOST_LINES = 600
# The widest strips checked for rows before a page is read without columns.
_STRIPS_CHECKED = 8


@dataclass(frozen=True, slots=True)
class Line:
    """A line's text and its box in PDF points (y grows upwards)."""

    text: str
    left: float
    bottom: float
    right: float
    top: float

    @property
    def middle(self) -> float:
        return (self.bottom + self.top) / 2


def reading_order(lines: list[Line]) -> list[str]:
    """The lines' texts in reading order, pieces of one row joined by a space."""
    return [text for text in _order(lines, depth=0) if text]


def _order(lines: list[Line], depth: int) -> list[str]:
    if len(lines) < 2 * SIDE_LINES or len(lines) > MOST_LINES or depth > 6:
        return _rows(lines)
    gutter = _gutter(lines)
    if gutter is None:
        return _rows(lines)
    low, high = gutter
    spanning = sorted(
        (line for line in lines if line.left < low and line.right > high), key=lambda x: -x.middle
    )
    rest = [line for line in lines if not (line.left < low and line.right > high)]
    texts: list[str] = []
    ceiling = float("inf")
    for separator in [*spanning, None]:
        floor = separator.middle if separator is not None else float("-inf")
        between = [line for line in rest if floor < line.middle <= ceiling]
        texts += _order([line for line in between if line.right <= low], depth + 1)
        texts += _order([line for line in between if line.right > low], depth + 1)
        if separator is not None:
            texts += _rows([separator])
            ceiling = floor
    return texts


def _gutter(lines: list[Line]) -> tuple[float, float] | None:
    """The widest strip that qualifies as a gutter between columns, as (left edge, right edge).

    A gutter's right edge is where some line starts. For each such place, the lines starting there or
    further right are the right column, the lines that end before it the left column (the gutter
    runs from the furthest of their ends), and the lines starting before it and ending after it span.
    The widest strips are checked first, and the check of rows costs a sort, not a square.
    """
    allowed = int(len(lines) * SPANNING_SHARE)
    strips: list[tuple[float, float]] = []
    for high in sorted({float(round(line.left)) for line in lines}):
        right = sum(1 for line in lines if line.left >= high)
        if right < SIDE_LINES:
            break
        ends = [line.right for line in lines if line.right <= high]
        if len(ends) < SIDE_LINES or len(lines) - right - len(ends) > allowed:
            continue
        low = max(ends)
        if high - low >= GUTTER:
            strips.append((low, high))
    for low, high in sorted(strips, key=lambda strip: strip[0] - strip[1])[:_STRIPS_CHECKED]:
        left = [line for line in lines if line.right <= low]
        right_lines = [line for line in lines if line.left >= high]
        if _level_share(right_lines, left) <= ROWS_SHARE:
            return low, high
    return None


def _level_share(right: list[Line], left: list[Line]) -> float:
    """The share of the right side's lines whose middle stands within some left line's height."""
    return sum(level_with(right, left)) / len(right)


def level_with(lines: list[Line], others: list[Line]) -> list[bool]:
    """For each line, whether its middle stands within some other line's height: a sort and a binary
    search a line, never every pair (a forged page holds tens of thousands of lines)."""
    merged: list[list[float]] = []
    for bottom, top in sorted((line.bottom, line.top) for line in others):
        if merged and bottom <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], top)
        else:
            merged.append([bottom, top])
    bottoms = [span[0] for span in merged]
    flags = []
    for line in lines:
        at = bisect.bisect_right(bottoms, line.middle) - 1
        flags.append(at >= 0 and line.middle <= merged[at][1])
    return flags


def _rows(lines: list[Line]) -> list[str]:
    rows: list[list[Line]] = []
    bottom = top = 0.0
    for line in sorted(lines, key=lambda x: (-x.top, x.left)):
        if rows and bottom <= line.middle <= top:
            rows[-1].append(line)
        else:
            rows.append([line])
            bottom, top = line.bottom, line.top
    return [_joined(sorted(row, key=lambda x: x.left)) for row in rows]


def _joined(row: list[Line]) -> str:
    """A row's pieces left to right: one space between pieces that touch, two across a wide gap (a
    column of dates set apart), as the parser reads two spaces as a separator."""
    text = row[0].text
    for before, piece in zip(row, row[1:], strict=False):
        text += ("  " if piece.left - before.right >= GUTTER else " ") + piece.text
    return text
