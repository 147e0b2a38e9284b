"""Hostile and broken files: each defence yields an error code, never an exception."""

from __future__ import annotations

import io
import os
import zipfile

import pytest

from talentdrive.resumes.core import ERROR_CODES, Limits, parse_document

from .core_samples import (
    EN_RESUME,
    docx_bytes,
    image_only_pdf,
    nested_tables_xml,
    replace_docx_part,
    text_pdf,
)


def _error(content: bytes, name: str = "resume.pdf", limits: Limits | None = None) -> str | None:
    result = parse_document(content, name, limits=limits)
    assert result.profile is None, "expected an error"
    assert result.code in ERROR_CODES and result.error
    return result.code


def test_size_limit_is_checked_before_anything_else():
    assert _error(b"%PDF-1.7\n" + b"0" * 2048, limits=Limits(max_bytes=1024)) == "too_large"


def test_page_limit():
    assert _error(text_pdf("Jane Doe", pages=3), limits=Limits(max_pages=2)) == "too_many_pages"


def test_pdf_claiming_a_huge_page_count_is_refused_without_loading_pages():
    # given: a real PDF whose page tree claims a billion pages
    content = text_pdf("Jane Doe").replace(b"/Count 1", b"/Count 999999999")

    # when
    result = parse_document(content, "resume.pdf")

    # then: PDFium counts the pages that exist, so the lie costs nothing; a refusal would be fine too
    assert (result.ok and result.pages == 1) or result.code in {"too_many_pages", "corrupt"}


def test_scan_without_text_layer_is_reported_as_such():
    assert _error(image_only_pdf()) == "no_text_layer"


@pytest.mark.parametrize("keep", [0.2, 0.5, 0.9])
def test_truncated_pdf_is_an_error_or_a_profile_never_a_crash(keep):
    content = text_pdf(EN_RESUME)
    result = parse_document(content[: int(len(content) * keep)], "cut.pdf")
    assert result.ok or result.code in {"corrupt", "no_text_layer"}


def test_binary_garbage_named_pdf_is_unsupported():
    garbage = bytes(range(256)) * 64 + os.urandom(4096)
    assert _error(garbage, "resume.pdf") == "unsupported_type"


def test_pdf_header_followed_by_garbage_is_corrupt():
    assert _error(b"%PDF-1.7\n" + os.urandom(5000)) == "corrupt"


def test_image_is_unsupported_with_a_reason():
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 100
    result = parse_document(png, "scan.pdf")
    assert result.code == "unsupported_type" and "image" in (result.error or "")


def test_legacy_word_file_is_unsupported():
    assert _error(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "cv.doc") == "unsupported_type"


def test_empty_file():
    assert _error(b"", "cv.txt") == "empty"
    assert _error(b"   \n\n ", "cv.txt") == "empty"


def test_docx_zip_bomb_by_compression_ratio():
    # given: a document part of 20 MB of one repeated byte (ratio ~1000:1), under the total size limit
    bomb = replace_docx_part(docx_bytes(["Jane Doe"]), "word/document.xml", b" " * (20 * 1024 * 1024))

    assert len(bomb) < 200_000
    assert _error(bomb, "cv.docx") == "zip_bomb"


def test_docx_zip_bomb_by_total_size():
    bomb = replace_docx_part(docx_bytes(["Jane Doe"]), "word/media/big.bin", b"")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        with zipfile.ZipFile(io.BytesIO(bomb)) as source:
            for item in source.infolist():
                archive.writestr(item.filename, source.read(item.filename))
        archive.writestr("word/media/big.bin", os.urandom(2 * 1024 * 1024))

    assert _error(out.getvalue(), "cv.docx", Limits(max_decompressed_bytes=1024 * 1024)) == "zip_bomb"


def test_docx_with_too_many_parts():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", nested_tables_xml(0))
        for index in range(50):
            archive.writestr(f"word/media/{index}.bin", b"x")

    assert _error(out.getvalue(), "cv.docx", Limits(max_zip_members=20)) == "zip_bomb"


def test_docx_with_deeply_nested_tables():
    content = replace_docx_part(docx_bytes(["Jane Doe"]), "word/document.xml", nested_tables_xml(500))
    assert _error(content, "cv.docx") == "too_deep"


def test_docx_with_shallow_nested_tables_is_parsed():
    content = replace_docx_part(docx_bytes(["Jane Doe"]), "word/document.xml", nested_tables_xml(3))
    result = parse_document(content, "cv.docx")
    assert result.ok and "deep" in result.text


@pytest.mark.parametrize(
    "doctype",
    [
        '<!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
        '<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>',
    ],
    ids=["external-entity", "entity-expansion"],
)
def test_docx_xml_entities_are_never_resolved(doctype):
    body = f'<?xml version="1.0"?>{doctype}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>'
    content = replace_docx_part(docx_bytes(["Jane Doe"]), "word/document.xml", body.encode())

    result = parse_document(content, "cv.docx")

    assert result.code == "unsafe_xml"
    assert "root:" not in result.text


def test_zip_that_is_not_a_docx():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("notes.txt", "hello")
    assert _error(out.getvalue(), "cv.docx") == "unsupported_type"


@pytest.mark.parametrize("keep", [0.1, 0.5, 0.95])
def test_truncated_docx_is_corrupt(keep):
    content = docx_bytes(["Jane Doe", EN_RESUME])
    result = parse_document(content[: int(len(content) * keep)], "cv.docx")
    assert result.ok or result.code == "corrupt"


def test_time_limit_is_enforced_between_stages():
    # A zero budget expires at the first check, which comes before any page is read.
    from tests.clocks import TickingClock

    result = parse_document(
        text_pdf(EN_RESUME, pages=2), "resume.pdf", limits=Limits(timeout_seconds=0), clock=TickingClock()
    )
    assert (result.profile, result.code) == (None, "timeout")
    assert result.error.endswith("(page 1)")


def test_long_text_is_cut_with_a_warning():
    result = parse_document((EN_RESUME * 50).encode(), "cv.txt", limits=Limits(max_chars=2000))
    assert result.ok and len(result.text) == 2000
    assert any("cut" in warning for warning in result.warnings)


def test_password_protected_pdf_is_unsupported_but_permissions_only_pdf_is_read():
    from fpdf import FPDF

    def encrypted(**passwords: str) -> bytes:
        pdf = FPDF()
        pdf.set_encryption(owner_password="owner", **passwords)
        pdf.add_page()
        pdf.set_font("helvetica", size=12)
        pdf.cell(0, 10, "Jane Doe jane@example.com")
        return bytes(pdf.output())

    locked = parse_document(encrypted(user_password="secret"), "cv.pdf")
    assert locked.code == "unsupported_type" and "password" in (locked.error or "")
    assert parse_document(encrypted(), "cv.pdf").ok


def test_long_runs_of_hyphens_in_a_chinese_resume_are_read_in_bounded_time():
    import subprocess
    import sys
    from pathlib import Path

    # The language check looks for English phrases line by line; its pattern's time grows with the square
    # of a run of hyphens, so a hostile line of them took minutes before lines were looked at up to a
    # bound. A separate process, so a regression fails at the time limit instead of hanging the suite.
    code = (
        "from talentdrive.resumes.core import extract_profile; "
        "text = '教育背景\\n' + '中文简历内容' * 300 + '\\n' + ('a' + '-' * 100_000 + '\\n') * 2; "
        "print(extract_profile(text).language)"
    )
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, timeout=120, check=True
    )
    assert result.stdout.strip() == "zh"
