"""Property-based: narrative prose of any shape gives entries whose spans lie inside the text, and the
listed skills of any skills section are substrings at their spans."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from talentdrive.resumes.core import extract_profile
from talentdrive.resumes.core.jobtitles import split_org_title
from talentdrive.resumes.core.narrative import find_narrative_education, find_narrative_experience

# The words and marks the narrative rules react to.
_PIECES = st.sampled_from(
    [
        "历任", "现任", "曾任", "任", "担任", "加入", "于", "工作", "毕业于", "学历", "学位", "本科", "硕士", "博士生导师",
        "大专", "有限公司", "集团", "研究所", "所长", "大学", "系", "部", "部长", "副总经理", "董事", "董事会秘书", "主任",
        "责任", "（", "）", "前身", "、", "，", "。", "；", "和", "及", "兼", "2012/08", "2015年6月", "至今", "-", "某某",
        "男", "先生", "：", "\n", " ",
    ]
)  # fmt: skip
_PROSE = st.lists(st.one_of(_PIECES, st.text(max_size=6)), max_size=120).map("".join)
_FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_FAST
@given(_PROSE)
def test_narrative_entries_lie_inside_the_text(text):
    for entry in (*find_narrative_experience(text), *find_narrative_education(text)):
        assert 0 <= entry.span.start <= entry.span.end <= len(text)
    profile = extract_profile(text, today=date(2024, 1, 1))
    assert profile.years_experience >= 0


@_FAST
@given(st.text(max_size=40))
def test_an_organisation_and_a_title_are_pieces_of_the_run(run):
    org, title = split_org_title(run)
    if org is not None and title is not None:
        assert run == org + title
    for piece in (org, title):
        assert piece is None or piece in run


@_FAST
@given(st.lists(st.one_of(st.sampled_from(["Python", "Gephi", "分布式训练", ", ", "、", " and ", "：", "\n"]),
                          st.text(max_size=8)), max_size=40).map("".join))  # fmt: skip
def test_listed_skills_are_written_where_their_spans_say(body):
    text = "Skills\n" + body
    for item in extract_profile(text).listed_skills:
        assert text[item.span.start : item.span.end] == item.name
