"""Checks on an uploaded resume before anything is stored: size, real type by content, page count.

No Django import: fed bytes and limits, it returns what the file is or raises ``UploadRejected``
with a code the interfaces turn into a message in the candidate's language.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

import filetype

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
TXT = "text/plain"
ALLOWED_EXTENSIONS = {"pdf": PDF, "docx": DOCX, "txt": TXT}


class UploadRejected(ValueError):
    """``code`` is one of: empty, too_large, extension, type_mismatch, unreadable, too_many_pages."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail


@dataclass(frozen=True)
class UploadCheck:
    content_type: str
    extension: str
    pages: int | None


def _extension(filename: str) -> str:
    return filename.rsplit(".", 1)[-1].lower() if "." in filename else ""


def _pdf_pages(content: bytes) -> int:
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(content)
    except Exception as error:  # pdfium raises its own error types for every kind of damage
        raise UploadRejected("unreadable", "the PDF cannot be opened") from error
    try:
        return len(document)
    finally:
        document.close()


def _check_docx(content: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, ValueError) as error:
        raise UploadRejected("unreadable", "the document cannot be opened") from error
    if "word/document.xml" not in names:
        raise UploadRejected("type_mismatch", "not a Word document")


def _check_text(content: bytes) -> None:
    if b"\x00" in content:
        raise UploadRejected("type_mismatch", "binary content in a text file")
    for encoding in ("utf-8", "gb18030"):
        try:
            text = content.decode(encoding)
        except UnicodeDecodeError:
            continue
        # GB18030 decodes almost any bytes; real text is mostly printable characters.
        printable = sum(1 for char in text if char.isprintable() or char in "\r\n\t")
        if printable < 0.9 * len(text):
            raise UploadRejected("type_mismatch", "binary content in a text file")
        return
    raise UploadRejected("unreadable", "the text is neither UTF-8 nor GB18030")


def check_resume_upload(*, filename: str, content: bytes, max_bytes: int, max_pages: int) -> UploadCheck:
    """Accept a PDF, DOCX or TXT resume whose content matches its name, within size and page limits."""
    if not content:
        raise UploadRejected("empty")
    if len(content) > max_bytes:
        raise UploadRejected("too_large", f"{len(content)} bytes")
    extension = _extension(filename)
    if extension not in ALLOWED_EXTENSIONS:
        raise UploadRejected("extension", extension)
    expected = ALLOWED_EXTENSIONS[extension]
    # The name is the sender's claim; the bytes decide.
    guessed = filetype.guess(content)
    sniffed = guessed.mime if guessed is not None else None
    pages: int | None = None
    if expected == PDF:
        if sniffed != PDF:
            raise UploadRejected("type_mismatch", "not a PDF")
        pages = _pdf_pages(content)
        if pages < 1:
            raise UploadRejected("unreadable", "the PDF has no pages")
        if pages > max_pages:
            raise UploadRejected("too_many_pages", str(pages))
    elif expected == DOCX:
        if sniffed not in (DOCX, "application/zip"):
            raise UploadRejected("type_mismatch", "not a Word document")
        _check_docx(content)
    else:
        if sniffed is not None:
            raise UploadRejected("type_mismatch", "not plain text")
        _check_text(content)
    return UploadCheck(content_type=expected, extension=extension, pages=pages)
