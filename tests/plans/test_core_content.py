"""The words of a requisition against its own fields (plans/core/content.py, no database)."""

from __future__ import annotations

import pytest

from talentdrive.plans.core.content import (
    city_findings,
    degree_findings,
    near_duplicate_titles,
    years_findings,
)

CITY_NAMES = {
    "beijing": ("Beijing", "北京"),
    "hangzhou": ("Hangzhou", "杭州"),
    "shanghai": ("Shanghai", "上海"),
}


@pytest.mark.parametrize(
    "text",
    ["欢迎本科同学投递。", "本科及以上学历，硕士优先", "Bachelor's degree in CS or a related field."],
)
def test_a_lower_degree_than_required_is_flagged(text):
    findings = degree_findings([text], "master")
    assert [f.code for f in findings] == ["degree"]
    assert findings[0].quote in text


@pytest.mark.parametrize(
    ("text", "minimum"),
    [
        ("硕士及以上学历。", "master"),
        ("欢迎本科同学投递。", "bachelor"),
        ("博士优先。", "master"),
        ("本科。", "none"),
    ],
)
def test_a_degree_at_or_above_the_bar_is_not(text, minimum):
    assert degree_findings([text], minimum) == []


def test_years_that_differ_from_the_field_are_flagged_in_both_languages():
    assert [f.code for f in years_findings(["三年以上相关工作经验。"], 5)] == ["years"]
    assert [f.code for f in years_findings(["At least 3 years of experience."], 5)] == ["years"]
    assert [f.code for f in years_findings(["5+ years of industry experience"], 5)] == []
    # a year that is not experience ("2026 届", funding) says nothing
    assert years_findings(["面向 2026 届毕业生。", "A 3 year research grant."], 0) == []


def test_a_city_the_requisition_is_not_open_in_is_flagged():
    findings = city_findings(["Base 北京，可远程。"], ["hangzhou"], CITY_NAMES)
    assert [(f.code, f.quote) for f in findings] == [("city", "北京")]
    assert city_findings(["Based in Hangzhou."], ["hangzhou"], CITY_NAMES) == []


def test_titles_that_read_the_same_are_near_duplicates():
    others = [(1, "LLM Inference Engineer"), (2, "LLM inference engineer (senior)"), (3, "Agent engineer")]
    assert near_duplicate_titles("LLM inference engineer", others) == [1]
    assert near_duplicate_titles("LLM inference  engineer.", others) == [1]
    assert near_duplicate_titles("大模型推理工程师", [(4, "大模型推理工程师"), (5, "大模型训练工程师")]) == [
        4
    ]
