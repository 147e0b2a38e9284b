"""Resume checks before storage: the bytes decide the type, within size and page limits."""

from __future__ import annotations

import random

import pytest

from talentdrive.pipeline.core.uploads import DOCX, PDF, TXT, UploadRejected, check_resume_upload
from tests.factories import docx_bytes, pdf_bytes

MB = 1024 * 1024


def check(filename, content, max_bytes=10 * MB, max_pages=20):
    return check_resume_upload(filename=filename, content=content, max_bytes=max_bytes, max_pages=max_pages)


@pytest.mark.parametrize(
    ("filename", "content", "expected"),
    [
        ("cv.pdf", pdf_bytes(), PDF),
        ("CV.PDF", pdf_bytes(), PDF),
        ("cv.docx", docx_bytes(), DOCX),
        ("cv.txt", b"Li Lei\nPyTorch, CUDA\n", TXT),
        ("简历.txt", "李雷\n大模型 训练\n".encode("gb18030"), TXT),
    ],
)
def test_accepts_real_resumes(filename, content, expected):
    assert check(filename, content).content_type == expected


@pytest.mark.parametrize(
    ("filename", "content", "code"),
    [
        ("cv.pdf", b"", "empty"),
        ("cv.exe", pdf_bytes(), "extension"),
        ("cv", pdf_bytes(), "extension"),
        ("cv.pdf", docx_bytes(), "type_mismatch"),
        ("cv.docx", pdf_bytes(), "type_mismatch"),
        ("cv.txt", pdf_bytes(), "type_mismatch"),
        ("cv.txt", b"abc\x00def", "type_mismatch"),
        ("cv.txt", bytes(range(1, 32)) * 100, "type_mismatch"),
        ("cv.pdf", b"%PDF-1.4\n garbage that is no document", "unreadable"),
        ("cv.docx", b"PK\x03\x04 not really a zip", "unreadable"),
    ],
)
def test_refuses_bad_files_with_a_reason(filename, content, code):
    with pytest.raises(UploadRejected) as rejected:
        check(filename, content)
    assert rejected.value.code == code


def test_size_and_page_limits():
    with pytest.raises(UploadRejected) as too_large:
        check("cv.pdf", pdf_bytes(), max_bytes=100)
    assert too_large.value.code == "too_large"
    with pytest.raises(UploadRejected) as too_long:
        check("cv.pdf", pdf_bytes(pages=3), max_pages=2)
    assert too_long.value.code == "too_many_pages"
    assert check("cv.pdf", pdf_bytes(pages=2), max_pages=2).pages == 2


def test_random_bytes_named_txt_are_refused():
    noise = random.Random(7).randbytes(4096).replace(b"\x00", b"\x01")
    with pytest.raises(UploadRejected) as rejected:
        check("cv.txt", noise)
    assert rejected.value.code in ("type_mismatch", "unreadable")


def test_utf16_text_with_a_bom_is_accepted():
    content = "张伟 简历\nPython, PyTorch\n".encode("utf-16")
    assert check("cv.txt", content).content_type == TXT
