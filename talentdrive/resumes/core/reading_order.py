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

# PDFium's mark for a hyphen the line broke at ("Urbana-" at a line's end, "Champaign" on the next).
LINE_END_HYPHEN = "\ufffe"
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
    # Where the line holds pieces set a gutter apart (PDFium joins text of one height into one line even
    # across cards side by side), the pieces: columns are found from whole lines, rows read pieces.
    pieces: tuple[Line, ...] = ()

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
    pieces = [piece for line in lines for piece in (line.pieces or (line,))]
    for line in sorted(pieces, key=lambda x: (-x.top, x.left)):
        if rows and bottom <= line.middle <= top:
            rows[-1].append(line)
        else:
            rows.append([line])
            bottom, top = line.bottom, line.top
    texts: list[str] = []
    for row in _cells([sorted(row, key=lambda x: x.left) for row in rows]):
        wrapped = sum(len(cell) > 1 for cell in row)
        if wrapped >= 2 or (wrapped and len(row) >= 3):
            texts += [_joined(cell) for cell in row]  # cards side by side: each read whole
        else:
            texts.append(
                _joined([Line(_joined(cell), cell[0].left, 0, max(x.right for x in cell), 0) for cell in row])
            )
    return texts


# A piece continues the cell above it when it starts where that cell's piece starts (within _ALIGNED
# points), just below it (the white between them at most _CLOSE of a line's height), and its first word
# would not have fitted after that piece's end (the text wrapped there). Cells are looked for under rows
# of at most _MOST_CELLS pieces.
_ALIGNED = 2.0
_CLOSE = 0.8
_MOST_CELLS = 8


def _cells(rows: list[list[Line]]) -> list[list[list[Line]]]:
    """Rows of cells, each cell a piece and the pieces that wrap under it ("Senior Engineer (Consumer"
    over "Tech Lead)" beside the job's dates; cards set three to a row). Only a row of two pieces or
    more has cells; a lone line's next line is the next row, as before."""
    out: list[list[list[Line]]] = []
    for row in rows:
        # (a row of more cells than a page sets side by side is no grid of cards: a forged row of
        # thousands of pieces costs no square of them)
        if out and 2 <= len(out[-1]) <= _MOST_CELLS:
            above = out[-1]
            rest: list[Line] = []
            for piece in row:
                at = next((index for index in range(len(above)) if _wraps_into(above, index, piece)), None)
                cell = None if at is None else above[at]
                if cell is None:
                    rest.append(piece)
                else:
                    cell.append(piece)
            row = rest
        if row:
            out.append([[piece] for piece in row])
    return out


def _wraps_into(row: list[list[Line]], index: int, piece: Line) -> bool:
    cell = row[index]
    last = cell[-1]
    height = last.top - last.bottom
    if (
        abs(piece.left - cell[0].left) > _ALIGNED
        or not -height / 2 <= last.bottom - piece.top <= height * _CLOSE
    ):
        return False
    if index + 1 < len(row):
        edge = row[index + 1][0].left
    else:
        edge = cell[0].left + (cell[0].left - row[index - 1][0].left)
    word = piece.text.split(" ", 1)[0]
    width = (piece.right - piece.left) * len(word) / max(len(piece.text), 1)
    # (and it stays within the cell: a line across the page under a row of cells is no part of one)
    return last.right + width > edge - GUTTER / 4 and piece.right <= edge + _ALIGNED


def _joined(row: list[Line]) -> str:
    """A row's pieces left to right: one space between pieces that touch, two across a wide gap (a
    column of dates set apart), as the parser reads two spaces as a separator."""
    text = row[0].text
    for before, piece in zip(row, row[1:], strict=False):
        if text.endswith(LINE_END_HYPHEN):  # a word the cell's line broke at its hyphen: "Urbana-Champaign"
            text = text[:-1] + "-" + piece.text
            continue
        text += ("  " if piece.left - before.right >= GUTTER else " ") + piece.text
    return text
