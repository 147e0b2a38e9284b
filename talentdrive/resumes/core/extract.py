"""Bytes to text: sniff the type, enforce the limits, run the right extractor."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .deadline import Deadline
from .docx import docx_text
from .markup import html_to_text, markdown_to_text
from .model import Limits, ParseFailure, too_large_message
from .pdf import pdf_text
from .sniff import decode_text, sniff

# Icon fonts draw their pictures (a phone, a calendar) as private-use characters: no text of anyone's.
_PRIVATE_USE = re.compile("[\ue000-\uf8ff\U000f0000-\U0010ffff]")


@dataclass(frozen=True, slots=True)
class Extracted:
    kind: str
    text: str
    pages: int | None
    warnings: tuple[str, ...]


def extract_text(content: bytes, limits: Limits, deadline: Deadline) -> Extracted:
    """Return the document's text or raise ParseFailure with a code and a short reason."""
    if len(content) > limits.max_bytes:
        raise ParseFailure("too_large", too_large_message(len(content), limits.max_bytes))
    if not content.strip():
        raise ParseFailure("empty", "empty file")
    kind = sniff(content)
    pages: int | None = None
    warnings: list[str] = []
    if kind == "pdf":
        text, pages, warnings = pdf_text(content, limits, deadline)
    elif kind == "docx":
        text, warnings = docx_text(content, limits, deadline)
    else:
        raw = decode_text(content)
        text = html_to_text(raw) if kind == "html" else markdown_to_text(raw) if kind == "md" else raw
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if len(text) > limits.max_chars:
        text = text[: limits.max_chars]
        warnings.append(f"text cut after {limits.max_chars} characters")
    # (composed: a page may spell "Universität" as "a" and a combining mark, which reads as no letter ä)
    text = unicodedata.normalize("NFC", _PRIVATE_USE.sub("", text.replace("\x00", "")))
    if not text.strip():
        raise ParseFailure("empty", f"the {kind.upper()} file contains no text")
    return Extracted(kind=kind, text=text, pages=pages, warnings=tuple(warnings))
