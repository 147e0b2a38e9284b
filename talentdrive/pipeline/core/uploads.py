"""Checks on an uploaded resume before anything is stored: size, real type by content, page count.

No Django import: fed bytes and limits, it returns what the file is or raises ``UploadRejected``
with a code the interfaces turn into a message in the candidate's language.
"""

from __future__ import annotations

from dataclasses import dataclass

from talentdrive.resumes.core.model import ParseFailure
from talentdrive.resumes.core.sniff import sniff

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
TXT = "text/plain"
ALLOWED_EXTENSIONS = {"pdf": PDF, "docx": DOCX, "txt": TXT}
_WIDE_BOMS = (b"\xff\xfe", b"\xfe\xff")
# What the parser's sniffer may find behind each allowed name: a .txt may hold Markdown or HTML text.
SNIFFED_KINDS = {"pdf": ("pdf",), "docx": ("docx",), "txt": ("txt", "md", "html")}


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
    # The name is the sender's claim; the bytes decide, by the same sniffer the parser uses.
    try:
        kind = sniff(content)
    except ParseFailure as failure:
        code = "unreadable" if failure.code == "corrupt" else "type_mismatch"
        raise UploadRejected(code, failure.message) from failure
    if kind not in SNIFFED_KINDS[extension]:
        raise UploadRejected("type_mismatch", f"the content is {kind}, not {extension}")
    pages: int | None = None
    if expected == PDF:
        pages = _pdf_pages(content)
        if pages < 1:
            raise UploadRejected("unreadable", "the PDF has no pages")
        if pages > max_pages:
            raise UploadRejected("too_many_pages", str(pages))
    elif expected == TXT and b"\x00" in content and not content.startswith(_WIDE_BOMS):
        # The sniffer tolerates a stray control character in a long text; a NUL byte outside UTF-16/32
        # text marks binary data.
        raise UploadRejected("type_mismatch", "binary content in a text file")
    return UploadCheck(content_type=expected, extension=extension, pages=pages)
