from __future__ import annotations

import pytest

from talentdrive.matching.core.textprofile import _years, profile_from_text


def test_text_profile_reads_skills_degree_years_papers_and_domains(mini_taxonomy):
    text = "浙江大学 硕士（2019年毕业）\n5年工作经验，负责 vLLM 推理服务与 CUDA 优化。\n行业经验：医学影像项目。\n发表论文：NeurIPS 2022（一作）"
    profile = profile_from_text(text, mini_taxonomy, key="a")
    assert set(profile.skill_ids) >= {"vllm", "cuda"}
    assert profile.degree == "master"
    assert profile.years == 5
    assert profile.top_venue_papers == 1
    assert profile.domains == ("healthcare", "medical-imaging")
    assert profile.graduation_year == 2019


def test_stated_interests_are_not_skills(mini_taxonomy):
    profile = profile_from_text(
        "熟悉 CUDA。对人类反馈强化学习很感兴趣，正在自学。\nInterested in learning vLLM.",
        mini_taxonomy,
        key="b",
    )
    assert profile.skill_ids == ("cuda",)


def test_a_venue_word_outside_a_publication_line_is_not_a_paper(mini_taxonomy):
    assert (
        profile_from_text("Worked on NeurIPS-style benchmarks", mini_taxonomy, key="c").top_venue_papers == 0
    )


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("Senior Software Engineer, LLM Serving — ExampleAI (2020 – present, 5 years)", 5),
        ("Worked at Foo for 3 years on search.", 3),
        ("5年工作经验", 5),
        ("ExampleAI 2019.07 - 2022.06 算法工程师\nFooCorp 2022.07 - 2025.01", 6),
        ("浙江大学 2015 - 2019 本科\nByteDance 2021 - 2024 Engineer", 3),
        ("I am 30 years old", 0),
        ("the product ships within 3 years", 0),
        ("a 4-year programme", 0),
    ],
)
def test_years_from_statements_and_dated_roles(text, years):
    assert _years(text, this_year=2026) == years
