"""Decide a file's type from its bytes, never from its name."""

from __future__ import annotations

import codecs
import io
import re
import zipfile

import filetype

from .model import ParseFailure

_HTML_START = re.compile(rb"^\s*(?:<!doctype\s+html|<html|<head|<body|<meta|<!--)", re.IGNORECASE)
_HTML_TAGS = re.compile(r"</?(?:html|body|div|p|h[1-6]|ul|li|table|tr|td|span|br)\b", re.IGNORECASE)
# List bullets alone do not make Markdown (plain-text resumes use them too); headings, bold and links do.
_MD_MARKERS = re.compile(r"^#{1,6} \S|\*\*\S[^*\n]*\*\*|\[[^\]\n]+\]\(https?://", re.MULTILINE)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_PRINTABLE_ASCII = re.compile(r"[\x20-\x7e\t\n\r\f]")
_LATIN1 = re.compile(r"[\x00-\xff]")
# Control characters other than tab/newline/carriage-return/form-feed mark binary data.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def sniff(content: bytes) -> str:
    """Return pdf | docx | html | md | txt, or raise ParseFailure("unsupported_type")."""
    head = content[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if content.startswith(b"PK\x03\x04"):
        return _sniff_zip(content)
    if content.startswith(b"\xd0\xcf\x11\xe0"):
        raise ParseFailure("unsupported_type", "legacy Word (.doc) or other OLE file: save it as DOCX or PDF")
    if content.startswith(b"{\\rtf"):
        raise ParseFailure("unsupported_type", "RTF document: save it as DOCX or PDF")
    kind = filetype.guess(head)
    if kind is not None and not kind.mime.startswith("text/"):
        hint = " (an image: text recognition is not supported)" if kind.mime.startswith("image/") else ""
        raise ParseFailure("unsupported_type", f"not a resume document: {kind.mime}{hint}")
    text = decode_text(content)
    if _HTML_START.match(content[:512]) or len(_HTML_TAGS.findall(text[:4000])) >= 3:
        return "html"
    if len(_MD_MARKERS.findall(text[:8000])) >= 2:
        return "md"
    return "txt"


def _sniff_zip(content: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
        raise ParseFailure("corrupt", "damaged zip/DOCX file") from error
    if "word/document.xml" in names:
        return "docx"
    if any(name.startswith(("xl/", "ppt/")) for name in names):
        raise ParseFailure("unsupported_type", "a spreadsheet or presentation, not a resume document")
    raise ParseFailure("unsupported_type", "a zip archive, not a resume document")


def decode_text(content: bytes) -> str:
    """Decode plain text: BOM first, then UTF-16 without BOM, UTF-8, GB18030, Windows-1252; binary is refused."""
    for bom, encoding in _BOMS:
        if content.startswith(bom):
            return _checked(content.decode(encoding, errors="replace"))
    sample = content[:4000]
    # (Before UTF-8: ASCII in UTF-16 is valid UTF-8 too, a zero byte between every two letters.)
    if sample.count(b"\x00") > len(sample) // 4:
        # UTF-16 without a BOM, of text that is at least half ASCII: the zero bytes sit on one parity.
        encoding = "utf-16-le" if sample[1::2].count(0) > sample[0::2].count(0) else "utf-16-be"
        text = content.decode(encoding, errors="replace")
        # Its characters below U+0100 are then mostly printable ASCII (a few accented letters beside
        # them); binary data full of zero bytes decodes to control characters and stray Latin-1 signs.
        head = text[:2000]
        if len(_PRINTABLE_ASCII.findall(head)) < 0.8 * len(_LATIN1.findall(head)):
            raise ParseFailure("unsupported_type", "binary data, not text or a known document type")
        return _checked(text)
    try:
        return _checked(content.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    try:
        decoded = content.decode("gb18030")
    except UnicodeDecodeError:
        decoded = None
    if decoded is None or _looks_single_byte(sample):
        # Windows-1252 (an old "Résumé.txt"); binary data fails the control-character check below.
        return _checked(content.decode("cp1252", errors="replace"))
    return _checked(decoded)


def _looks_single_byte(sample: bytes) -> bool:
    """Chinese GB text pairs a lead byte with a trail byte of 0xA1 or more; Windows-1252 text that happens
    to decode as GB18030 pairs an accented letter with an ASCII letter instead."""
    pairs = low = 0
    index = 0
    while index < len(sample) - 1:
        if sample[index] >= 0x81:
            trail = sample[index + 1]
            if trail >= 0x40:
                pairs += 1
                low += trail < 0xA1
            index += 2
        else:
            index += 1
    return pairs > 0 and low > 0.3 * pairs


def _checked(text: str) -> str:
    sample = text[:8000]
    if sample and (
        len(_CONTROL.findall(sample)) > max(8, len(sample) // 100)
        or sample.count("\ufffd") > len(sample) // 10 + 8
    ):
        raise ParseFailure("unsupported_type", "binary data, not text or a known document type")
    return text
