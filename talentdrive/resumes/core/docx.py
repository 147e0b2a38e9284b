"""DOCX text: the zip is inspected before anything is inflated, and the XML is parsed with defusedxml.

The body is streamed once (iterparse) rather than loaded through python-docx's object model: one pass
yields paragraphs and table cells in document order (text boxes included), counts table nesting as it
goes, and never builds a tree a hostile file could make deep or huge.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import IO
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

from .deadline import Deadline
from .model import Limits, ParseFailure

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _T, _TAB, _BR, _CR, _TBL, _TC, _TR = (
    _W + "p",
    _W + "t",
    _W + "tab",
    _W + "br",
    _W + "cr",
    _W + "tbl",
    _W + "tc",
    _W + "tr",
)
# Small members (styles, settings) compress extremely well; the ratio test only applies above this size.
_RATIO_FLOOR = 1024 * 1024
_HEADER_PART = re.compile(r"word/header(\d*)\.xml")


def docx_text(content: bytes, limits: Limits, deadline: Deadline) -> tuple[str, list[str]]:
    """Return (text, warnings) of a DOCX: page-header text, then the body's paragraphs and table rows in
    document order."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
        raise ParseFailure("corrupt", "damaged DOCX (not a readable zip)") from error
    with archive:
        _inspect(archive, limits)
        # Page headers often hold the name and contacts; they come first, as on the page.
        parts = sorted(
            (name for name in archive.namelist() if _HEADER_PART.fullmatch(name)),
            key=lambda name: int(_HEADER_PART.fullmatch(name).group(1) or 0),  # type: ignore[union-attr]
        )
        texts: list[str] = []
        warnings: list[str] = []
        try:
            for name in [*parts[:3], "word/document.xml"]:
                with archive.open(name) as stream:
                    text, part_warnings = _part_text(stream, limits, deadline)
                if text and text not in texts:
                    texts.append(text)
                warnings.extend(part_warnings)
        except DefusedXmlException as error:  # a ValueError too, so it is caught first
            raise ParseFailure("unsafe_xml", "DOCX contains XML entity or DTD declarations") from error
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, RuntimeError) as error:
            # zlib errors and CRC mismatches on truncated archives surface as these.
            raise ParseFailure("corrupt", "damaged DOCX (unreadable document part)") from error
        except ParseError as error:
            raise ParseFailure("corrupt", "damaged DOCX (malformed document XML)") from error
    text = "\n".join(texts)
    if not text.strip():
        raise ParseFailure("empty", "DOCX contains no text")
    return text, warnings


def _inspect(archive: zipfile.ZipFile, limits: Limits) -> None:
    members = archive.infolist()
    if len(members) > limits.max_zip_members:
        raise ParseFailure("zip_bomb", f"DOCX has {len(members)} parts, more than {limits.max_zip_members}")
    total = 0
    for member in members:
        total += member.file_size
        if member.file_size > _RATIO_FLOOR and member.file_size > limits.max_compression_ratio * max(
            member.compress_size, 1
        ):
            raise ParseFailure("zip_bomb", "DOCX part expands more than a document can (compression ratio)")
    if total > limits.max_decompressed_bytes:
        raise ParseFailure(
            "zip_bomb", f"DOCX expands to {total} bytes, more than {limits.max_decompressed_bytes}"
        )
    try:
        archive.getinfo("word/document.xml")
    except KeyError as error:
        raise ParseFailure("corrupt", "DOCX without a document body") from error
    if any(info.file_size > limits.max_xml_bytes for info in members if info.filename.endswith(".xml")):
        raise ParseFailure("zip_bomb", "DOCX has an XML part larger than the limit")


def _part_text(stream: IO[bytes], limits: Limits, deadline: Deadline) -> tuple[str, list[str]]:
    # The zip reader stops at the declared size, so what is inflated is bounded by _inspect.
    lines: list[str] = []
    paragraph: list[str] = []
    tables: list[_Table] = []
    total = 0
    events = 0
    warnings: list[str] = []
    for event, element in iterparse(stream, events=("start", "end"), forbid_dtd=True):
        tag = element.tag
        if event == "start":
            if tag == _TBL:
                if len(tables) >= limits.max_table_depth:
                    raise ParseFailure("too_deep", f"DOCX tables nested deeper than {limits.max_table_depth}")
                tables.append(_Table())
            continue
        if tag == _T:
            if element.text:
                paragraph.append(element.text)
        elif tag == _TAB:
            paragraph.append("\t")
        elif tag in (_BR, _CR):
            paragraph.append("\n")
        elif tag == _P:
            text = "".join(paragraph).strip()
            paragraph.clear()
            if text:
                (tables[-1].cell if tables else lines).append(text)
                total += len(text)
        elif tag == _TC and tables:
            table = tables[-1]
            if table.cell:
                table.row.append(" ".join(table.cell))
                table.cell = []
        elif tag == _TR and tables:
            table = tables[-1]
            if table.row:
                table.lines.append(" | ".join(table.row))
                table.row = []
        elif tag == _TBL and tables:
            finished = tables.pop()
            # A nested table's rows belong to the enclosing cell.
            if tables:
                tables[-1].cell.append(" / ".join(finished.lines))
            else:
                lines.extend(finished.lines)
        # Finished elements are emptied so memory stays flat on long documents.
        element.clear()
        events += 1
        if events % 2000 == 0:
            deadline.check("DOCX body")
        if total > limits.max_chars:
            warnings.append(f"text cut after {limits.max_chars} characters")
            break
    return "\n".join(lines), warnings


class _Table:
    __slots__ = ("cell", "lines", "row")

    def __init__(self) -> None:
        self.cell: list[str] = []
        self.row: list[str] = []
        self.lines: list[str] = []
