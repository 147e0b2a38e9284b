"""Text extraction per format, with the type decided by the bytes."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from talentdrive.resumes.core import parse_document

from .core_samples import CJK_FONT, CJK_FONT_MISSING, EN_RESUME, ZH_RESUME, docx_bytes, text_pdf


def test_pdf_text_layer_is_extracted_in_reading_order():
    # given
    content = text_pdf(
        "Jane Doe\njane.doe@gmail.com\nEducation\nStanford University 2014 - 2019 Ph.D. in Physics"
    )

    # when
    result = parse_document(content, "resume.pdf")

    # then
    assert result.ok and result.kind == "pdf" and result.pages == 1
    assert result.text.index("Jane Doe") < result.text.index("Stanford University")
    assert result.profile is not None
    assert [e.value for e in result.profile.emails] == ["jane.doe@gmail.com"]
    assert result.profile.education[0].degree == "phd"


@pytest.mark.skipif(not CJK_FONT.exists(), reason=CJK_FONT_MISSING)
def test_chinese_pdf_keeps_chinese_text():
    result = parse_document(text_pdf(ZH_RESUME), "简历.pdf")

    assert result.ok and result.profile is not None
    assert result.profile.language == "zh"
    assert result.profile.name is not None and result.profile.name.value == "张伟"
    assert [e.school for e in result.profile.education] == ["清华大学", "北京邮电大学"]


def test_docx_paragraphs_and_tables_come_in_document_order():
    # given: a table between two paragraphs
    content = docx_bytes(
        ["Jane Doe", "EDUCATION", "EXPERIENCE", "Engineer, Google 2020 - 2022"],
        table=[["Stanford University", "B.S. in Physics", "2014 - 2018"]],
    )

    # when
    result = parse_document(content, "cv.docx")

    # then
    assert result.ok and result.kind == "docx"
    text = result.text
    assert text.index("EDUCATION") < text.index("Stanford University") < text.index("EXPERIENCE")
    assert "Stanford University | B.S. in Physics | 2014 - 2018" in text
    assert result.profile is not None and result.profile.education[0].school == "Stanford University"


@pytest.mark.parametrize(
    "encode",
    [
        lambda text: text.encode("utf-8"),
        lambda text: codecs.BOM_UTF8 + text.encode("utf-8"),
        lambda text: text.encode("utf-16"),  # with BOM
        lambda text: text.encode("gb18030"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-bom", "gb18030"],
)
def test_plain_text_encodings_are_detected(encode):
    result = parse_document(encode(ZH_RESUME), "resume.txt")

    assert result.ok and result.kind == "txt"
    assert "清华大学" in result.text
    assert result.profile is not None and result.profile.phones[0].e164 == "+8613800138000"


def test_utf16_without_a_byte_order_mark_is_text_but_zero_laden_binary_is_not():
    from .core_samples import EN_RESUME, MIXED_RESUME

    for resume, encoding, expected in (
        (EN_RESUME, "utf-16-le", "Stanford"),
        (EN_RESUME, "utf-16-be", "Stanford"),
        (MIXED_RESUME, "utf-16-le", "上海交通大学"),
        (
            "张伟 Zhang Wei\n电话：138 0013 8000\n邮箱：zhang.wei@example.com\n教育背景 Education\n"
            "清华大学 计算机科学与技术 硕士 2019.09-2022.06\n技能：Python, PyTorch, 大模型训练, 分布式训练\n",
            "utf-16-le",
            "清华大学",
        ),
        ("Résumé de Zoé Dupont\nzoe@example.fr\nÉcole polytechnique, 2016 - 2019\n", "utf-16-le", "École"),
    ):
        text = parse_document(resume.encode(encoding), "resume.txt")
        assert text.ok and text.kind == "txt" and expected in text.text, (encoding, text.error)

    # binary data with a zero in every other byte is not UTF-16 text, whatever its name
    garbage = parse_document(b"\x00\xff" * 300, "resume.pdf")
    assert garbage.error == "binary data, not text or a known document type"
    assert garbage.code == "unsupported_type"


def test_html_is_reduced_to_visible_text_and_keeps_link_targets():
    html = (
        "<!DOCTYPE html><html><head><title>x</title><style>p{color:red}</style>"
        "<script>alert('no')</script></head><body><h1>Jane Doe</h1>"
        "<p>Email: jane@example.org</p><p><a href='https://github.com/janedoe'>code</a></p>"
        "<h2>Education</h2><ul><li>MIT, Ph.D. in Physics, 2015 - 2020</li></ul></body></html>"
    )

    result = parse_document(html.encode(), "resume.pdf")  # the name lies; the bytes decide

    assert result.ok and result.kind == "html"
    assert "alert" not in result.text and "color" not in result.text
    assert result.profile is not None
    assert [(link.kind, link.url) for link in result.profile.links] == [
        ("github", "https://github.com/janedoe")
    ]
    assert result.profile.education[0].degree == "phd"


def test_a_pages_navigation_menu_is_no_part_of_the_resume():
    html = (
        "<!DOCTYPE html><html><body><nav><a href='#about'>About</a><a href='#work'>Volunteer Work</a></nav>"
        "<h1>Jane Doe</h1><p>Email: jane@example.org</p></body></html>"
    )

    result = parse_document(html.encode(), "resume.html")

    assert result.profile is not None
    assert "Volunteer Work" not in result.text
    assert result.profile.name is not None and result.profile.name.value == "Jane Doe"


def test_markdown_markup_is_removed():
    markdown = "# Jane Doe\n\n**Email:** jane@example.org\n\n## Education\n\n- [MIT](https://mit.edu) Ph.D. 2015 - 2020\n"

    result = parse_document(markdown.encode(), "resume.md")

    assert result.ok and result.kind == "md"
    assert "#" not in result.text and "**" not in result.text
    assert result.profile is not None and result.profile.name is not None
    assert result.profile.name.value == "Jane Doe"


def test_type_comes_from_content_not_extension():
    assert parse_document(EN_RESUME.encode(), "resume.docx").kind == "txt"
    assert parse_document(text_pdf("Jane Doe"), "resume.txt").kind == "pdf"


def test_spans_point_at_the_values_in_the_extracted_text():
    result = parse_document(EN_RESUME.encode(), "resume.txt")

    assert result.profile is not None
    profile = result.profile
    for located in (profile.name, profile.location, *profile.emails):
        assert located is not None
        assert result.text[located.span.start : located.span.end] == located.value
    for phone in profile.phones:
        assert result.text[phone.span.start : phone.span.end] == phone.raw
    for skill in profile.skills:
        for mention in skill.mentions:
            assert result.text[mention.span.start : mention.span.end] == mention.surface


def test_docx_page_header_text_comes_first():
    # given: the name and contacts in the page header, the rest in the body
    import io

    import docx

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Jane Doe | jane.doe@example.org | +1 415 555 0132"
    document.add_paragraph("EDUCATION")
    document.add_paragraph("MIT, Ph.D. in Physics, 2015 - 2020")
    out = io.BytesIO()
    document.save(out)

    # when
    result = parse_document(out.getvalue(), "cv.docx")

    # then
    assert result.ok and result.profile is not None
    assert result.text.startswith("Jane Doe")
    assert result.profile.name is not None and result.profile.name.value == "Jane Doe"
    assert [p.e164 for p in result.profile.phones] == ["+14155550132"]


def test_the_core_runs_without_django():
    import subprocess
    import sys

    # A fresh interpreter: parsing must not import Django (worker processes load only the core).
    code = (
        "import sys; from talentdrive.resumes.core import parse_document; "
        "r = parse_document('张伟 13800138000 PyTorch'.encode(), 'cv.txt'); "
        "assert r.ok, r.error; "
        "assert not [m for m in sys.modules if m.split('.')[0] == 'django'], 'django imported'"
    )
    root = Path(__file__).resolve().parents[2]
    subprocess.run(
        [sys.executable, "-c", code], check=True, cwd=root, env={"PYTHONPATH": str(root)}, timeout=120
    )


def test_windows_1252_text_is_not_read_as_chinese():
    content = (
        "José Martínez Peña\nRésumé\nEducation\nUniversidad de Granada, Bachelor's Degree, 2012 – 2016\n"
    )

    result = parse_document(content.encode("cp1252"), "cv.txt")

    assert result.ok and result.text.startswith("José Martínez Peña")
    assert result.profile is not None and result.profile.language == "en"
