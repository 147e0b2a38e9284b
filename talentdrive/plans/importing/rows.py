"""Read an uploaded CSV or XLSX into header + rows, refusing what is not a table.

Pure: no Django import. Limits are passed in so a caller can bound memory and time before parsing.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from dataclasses import dataclass, replace
from typing import Any

import filetype
from openpyxl import load_workbook

CellValue = str | int | float | bool | dt.date | dt.datetime | None

# XLSX unpacks several times larger than it is stored; past this ratio it is treated as a zip bomb.
MAX_UNPACK_RATIO = 40
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class TableError(ValueError):
    """The file as a whole cannot be read; the message tells the user what to do about it."""


@dataclass(frozen=True)
class Row:
    number: int  # as a spreadsheet shows it: the header is row 1
    values: tuple[CellValue, ...]


@dataclass(frozen=True)
class Table:
    kind: str  # "csv" or "xlsx"
    header: tuple[str, ...]
    header_row: int
    rows: tuple[Row, ...]
    # (name, value) pairs from a workbook's "drive" sheet, which describes the drive the plan belongs to.
    properties: tuple[tuple[str, CellValue], ...] = ()


def read_table(*, filename: str, content: bytes, max_bytes: int, max_rows: int) -> Table:
    """Parse CSV or XLSX by sniffing the content, not trusting the file name."""
    if not content:
        raise TableError("the file is empty")
    if len(content) > max_bytes:
        raise TableError(f"the file is {len(content):,} bytes; the limit is {max_bytes:,} bytes")
    guessed = filetype.guess(content)
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    # filetype only recognises some OLE layouts; every legacy Office file starts with this signature.
    if content[:8] == OLE_SIGNATURE or (guessed is not None and guessed.extension == "xls"):
        raise TableError("this is an old-style .xls workbook; save it as .xlsx or CSV (UTF-8) and retry")
    if content[:4] == b"PK\x03\x04":
        return _read_xlsx(content, max_bytes=max_bytes, max_rows=max_rows)
    if extension in {"xlsx", "xlsm"}:
        raise TableError("the file is named .xlsx but is not an Excel workbook (not a zip archive)")
    if guessed is not None:
        raise TableError(f"this is a {guessed.mime} file, not CSV or XLSX")
    return _read_csv(content, max_rows=max_rows)


def _decode(content: bytes) -> str:
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        return content.decode("utf-16")  # Excel's "Unicode text" export
    if b"\x00" in content:
        raise TableError(
            "the file contains NUL bytes, so it is not a text CSV; export it as CSV UTF-8 or XLSX"
        )
    if content.startswith(b"\xef\xbb\xbf"):
        return content[3:].decode("utf-8", errors="strict")
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        # Excel on Chinese Windows saves "CSV" in the GB code page; GB18030 is its superset.
        return content.decode("gb18030")
    except UnicodeDecodeError as error:
        raise TableError(
            f"the file is neither UTF-8 nor GB18030 text (byte {error.start}); save it as CSV UTF-8"
        ) from error


def _read_csv(content: bytes, *, max_rows: int) -> Table:
    text = _decode(content)
    # Only the delimiter is guessed, from the header line; quoting is always Excel's.
    first_line = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), csv.excel, delimiter=delimiter)
    try:
        records: list[tuple[CellValue, ...]] = []
        for record in reader:
            records.append(tuple(record))
            if len(records) > max_rows + 1:
                raise TableError(f"the file has more than {max_rows:,} rows; split it")
    except csv.Error as error:
        raise TableError(f"the CSV is malformed near line {reader.line_num}: {error}") from error
    return _table("csv", records)


def _read_xlsx(content: bytes, *, max_bytes: int, max_rows: int) -> Table:
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
            names = set(archive.namelist())
    except zipfile.BadZipFile as error:
        raise TableError("the workbook is damaged (not a readable zip archive)") from error
    if "xl/workbook.xml" not in names:
        raise TableError("this zip archive is not an Excel workbook (.xlsx)")
    if unpacked > max_bytes * MAX_UNPACK_RATIO:
        raise TableError("the workbook unpacks to far more data than a plan holds; refusing it")
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many types for damaged files
        raise TableError(f"the workbook cannot be read: {error}") from error
    try:
        sheet = workbook.worksheets[0]
        records: list[tuple[CellValue, ...]] = []
        for values in sheet.iter_rows(values_only=True):
            records.append(tuple(values))
            if len(records) > max_rows + 1:
                raise TableError(f"the sheet has more than {max_rows:,} rows; split it")
        properties = _properties(workbook)
    finally:
        workbook.close()
    return replace(_table("xlsx", records), properties=properties)


PROPERTY_SHEETS = ("drive", "招聘项目")


def _properties(workbook: Any) -> tuple[tuple[str, CellValue], ...]:
    sheet = next((s for s in workbook.worksheets[1:] if s.title.strip().lower() in PROPERTY_SHEETS), None)
    if sheet is None:
        return ()
    pairs = []
    for values in sheet.iter_rows(max_row=100, max_col=2, values_only=True):
        name = "" if values[0] is None else str(values[0]).strip()
        if name:
            pairs.append((name, values[1] if len(values) > 1 else None))
    return tuple(pairs)


def _is_blank(value: CellValue) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _table(kind: str, records: list[tuple[CellValue, ...]]) -> Table:
    header_index = next((i for i, record in enumerate(records) if not all(map(_is_blank, record))), None)
    if header_index is None:
        raise TableError("the file has no header row")
    header = tuple("" if value is None else str(value).strip() for value in records[header_index])
    while header and not header[-1]:
        header = header[:-1]
    rows = tuple(
        Row(number=index + 1, values=tuple(record[: len(header)]) + (None,) * (len(header) - len(record)))
        for index, record in enumerate(records)
        if index > header_index and not all(map(_is_blank, record))
    )
    return Table(kind=kind, header=header, header_row=header_index + 1, rows=rows)
