"""Property-based: any text gives a profile; any bytes give a profile or an error, never an exception."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from talentdrive.resumes.core import ERROR_CODES, Limits, extract_profile, parse_document, profile_to_json
from tests.clocks import frozen_clock

from .core_samples import EN_RESUME, ZH_RESUME, docx_bytes, text_pdf

# Resume-like alphabet: CJK, Latin, digits and the punctuation that date, phone and heading rules react to.
_PIECES = st.sampled_from(
    [
        "教育背景", "工作经历", "论文发表", "获奖情况", "Education", "Experience", "Publications", "至今", "Present",
        "2019.09", "2023年6月", "Sep 2019", "09/2019", " - ", "–", "+86 138", "0013 8000", "@", "example.com",
        "清华大学", "University of", "博士", "Ph.D.", "NeurIPS 2023", "ACM-ICPC 金牌", "https://github.com/",
        "\n", "\n\n", " | ", "：", "(", ")", "《", "》", "\"", "•", "[1]", "张伟", "Jane Doe", "\t", "\f",
    ]
)  # fmt: skip
_RESUME_TEXT = st.lists(st.one_of(_PIECES, st.text(max_size=12)), max_size=80).map("".join)
_FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_FAST
@given(st.text(max_size=3000))
def test_any_unicode_text_gives_a_profile(text):
    profile = extract_profile(text, today=date(2024, 1, 1))
    assert profile.language in {"zh", "en", "mixed"}
    profile_to_json(profile)


@_FAST
@given(_RESUME_TEXT)
def test_resume_like_text_gives_a_profile_with_spans_inside_the_text(text):
    profile = extract_profile(text, today=date(2024, 1, 1))
    spans = [
        entry.span
        for entry in (*profile.education, *profile.experience, *profile.publications, *profile.awards)
    ]
    spans += [item.span for item in (*profile.emails, *profile.phones, *profile.links)]
    spans += [m.span for tagged in (*profile.skills, *profile.domains) for m in tagged.mentions]
    for span in spans:
        assert 0 <= span.start <= span.end <= len(text)
    assert profile.years_experience >= 0


def _outcome_is_clean(content: bytes, name: str) -> None:
    result = parse_document(content, name, limits=Limits(timeout_seconds=5), clock=frozen_clock)
    if result.profile is None:
        assert result.code in ERROR_CODES and result.error
    else:
        assert result.code is None and result.text


@_FAST
@given(st.binary(max_size=4096), st.sampled_from(["cv.pdf", "cv.docx", "cv.txt", "cv"]))
def test_random_bytes_give_a_profile_or_an_error(content, name):
    _outcome_is_clean(content, name)


_PDF = text_pdf(EN_RESUME)
_DOCX = docx_bytes(["Jane Doe", ZH_RESUME], table=[["清华大学", "硕士"]])


@_FAST
@given(st.sampled_from([_PDF, _DOCX]), st.floats(min_value=0.0, max_value=1.0), st.binary(max_size=64))
def test_truncated_or_patched_documents_give_a_profile_or_an_error(document, fraction, patch):
    cut = int(len(document) * fraction)
    _outcome_is_clean(document[:cut], "cut")
    # Overwrite a slice in the middle as well: damaged streams and xref tables, not just short files.
    _outcome_is_clean(document[:cut] + patch + document[cut + len(patch) :], "patched")


def _xml_text(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


_SAFE_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff"),
    max_size=20,
)
# Random body structures: paragraphs, runs, tabs, breaks and tables nested to any depth.
_BODY = st.recursive(
    _SAFE_TEXT.map(lambda text: f"<w:p><w:r><w:t>{_xml_text(text)}</w:t><w:tab/><w:br/></w:r></w:p>"),
    lambda inner: st.lists(inner, min_size=1, max_size=4).map(
        lambda cells: "<w:tbl><w:tr>" + "".join(f"<w:tc>{cell}</w:tc>" for cell in cells) + "</w:tr></w:tbl>"
    ),
    max_leaves=30,
)


@_FAST
@given(st.lists(_BODY, min_size=1, max_size=5))
def test_random_docx_bodies_give_a_profile_or_an_error(blocks):
    from .core_samples import W, replace_docx_part

    body = f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{"".join(blocks)}</w:body></w:document>'
    content = replace_docx_part(_DOCX, "word/document.xml", body.encode())
    # A frozen clock: on a busy machine a slow example must not turn into a "timeout".
    result = parse_document(
        content, "cv.docx", limits=Limits(timeout_seconds=5, max_table_depth=4), clock=frozen_clock
    )
    if result.profile is None:
        assert result.code in {"too_deep", "empty"}
    else:
        assert result.kind == "docx"
