"""A job description's plain text as blocks: headings, lists and paragraphs.

Recruiters write descriptions as text with a heading line (任职要求, "What we look for") above a
numbered or bulleted list. Shown as headings and lists they read as the structure they are, not
as a second copy of the page's own headings run into a paragraph. No Django import.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ITEM = re.compile(r"^\s*(?:(?P<number>\d{1,2})\s*[.、)）]|[-*•·●▪])\s*(?P<text>\S.*)$")
# A heading is a short line of its own, optionally ending in a colon.
HEADING_MAX_CHARS = 40


@dataclass(frozen=True)
class Block:
    kind: str  # "heading", "ordered", "unordered" or "paragraph"
    lines: tuple[str, ...]


def _item(line: str) -> tuple[bool, str] | None:
    match = _ITEM.match(line)
    if match is None:
        return None
    return match.group("number") is not None, match.group("text").strip()


def _is_heading(line: str, following: list[str]) -> bool:
    text = line.strip()
    if not text or len(text) > HEADING_MAX_CHARS or _item(text) is not None:
        return False
    if text.endswith((":", "：")):
        return True
    # A short line directly above a list is that list's heading.
    return bool(following) and _item(following[0]) is not None


def description_blocks(text: str) -> tuple[Block, ...]:
    """Split on blank lines; in each chunk a heading line, then runs of list items or paragraphs."""
    blocks: list[Block] = []
    for chunk in re.split(r"\n\s*\n", (text or "").replace("\r\n", "\n").strip()):
        lines = [line.rstrip() for line in chunk.split("\n") if line.strip()]
        index = 0
        while index < len(lines):
            line = lines[index]
            if _is_heading(line, lines[index + 1 :]):
                blocks.append(Block("heading", (line.strip().rstrip(":：").strip(),)))
                index += 1
                continue
            item = _item(line)
            if item is not None:
                ordered = item[0]
                items = []
                while index < len(lines):
                    current = _item(lines[index])
                    if current is None or current[0] != ordered:
                        break
                    items.append(current[1])
                    index += 1
                blocks.append(Block("ordered" if ordered else "unordered", tuple(items)))
                continue
            paragraph: list[str] = []
            while index < len(lines) and _item(lines[index]) is None:
                if paragraph and _is_heading(lines[index], lines[index + 1 :]):
                    break
                paragraph.append(lines[index].strip())
                index += 1
            blocks.append(Block("paragraph", tuple(paragraph)))
    return tuple(blocks)
