"""PDF text layer via PDFium. Scans (no text layer) are reported, never returned as empty text."""

from __future__ import annotations

import pypdfium2 as pdfium

from .deadline import Deadline
from .model import Limits, ParseFailure


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
                    chunk = textpage.get_text_bounded()
                finally:
                    textpage.close()
            finally:
                page.close()
            chunks.append(chunk.replace("\r\n", "\n").replace("\r", "\n"))
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
