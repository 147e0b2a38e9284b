from __future__ import annotations

import re

import pytest

from talentdrive.matching.core.requirements import (
    RequirementError,
    extract_requirements,
    requirements_from_fields,
)

ZH = """大模型推理工程师（医疗方向）
岗位职责：
负责多模态与大模型推理服务
任职要求：
1. 硕士及以上学历，3年以上相关经验；
2. 精通大模型推理，熟悉 CUDA 编程；
加分项：
有 RLHF 经验者优先；有顶会论文优先。
"""

EN = """LLM Inference Engineer, Healthcare
Requirements
- Bachelor's degree or above
- 5+ years of experience with LLM inference and CUDA
Nice to have
- RLHF
- PyTorch is a plus
"""


def test_chinese_description(mini_taxonomy):
    requirements = extract_requirements(ZH, mini_taxonomy)
    assert requirements.must == ("llm-inference", "cuda")
    assert "rlhf" in requirements.nice
    assert requirements.min_degree == "master"
    assert requirements.min_years == 3
    assert requirements.domain == "healthcare"
    assert requirements.research is False  # "有顶会论文优先" is preferred, not expected


def test_english_description(mini_taxonomy):
    requirements = extract_requirements(EN, mini_taxonomy)
    assert requirements.must == ("llm-inference", "cuda")
    assert set(requirements.nice) == {"rlhf", "pytorch"}
    assert requirements.min_degree == "bachelor"
    assert requirements.min_years == 5
    assert requirements.domain == "healthcare"
    assert requirements.research is False


def test_inline_preference_overrides_a_must_heading(mini_taxonomy):
    requirements = extract_requirements(
        "任职要求：\n熟悉 CUDA\n三年以上经验，有 RLHF 经验者优先", mini_taxonomy
    )
    assert requirements.must == ("cuda",)
    assert requirements.nice == ("rlhf",)
    assert requirements.min_years == 3


@pytest.mark.parametrize("text", ["", "   \n  "])
def test_empty_description_is_an_error(mini_taxonomy, text):
    with pytest.raises(RequirementError, match="empty"):
        extract_requirements(text, mini_taxonomy)


def test_description_without_anything_recognisable_falls_back_with_a_warning(mini_taxonomy):
    requirements = extract_requirements("We are a friendly team.", mini_taxonomy)
    assert requirements.is_empty
    assert "text relevance only" in requirements.warnings[0]


def test_structured_fields_keep_unknown_skill_ids_as_text(mini_taxonomy):
    requirements = requirements_from_fields(
        {"must_skills": ["cuda", "no-such-skill"]}, known_skills=mini_taxonomy.skills.keys()
    )
    assert (requirements.must, requirements.must_text) == (("cuda",), ("no-such-skill",))


def test_structured_fields_with_nothing_extract_the_description(mini_taxonomy):
    requirements = requirements_from_fields(
        {"description": "任职要求：熟悉 CUDA"},
        known_skills=mini_taxonomy.skills.keys(),
        taxonomy=mini_taxonomy,
    )
    assert requirements.must == ("cuda",)


def test_structured_fields_without_requirements_or_text_are_an_error():
    with pytest.raises(RequirementError, match="no requirements"):
        requirements_from_fields({})


def test_bad_rule_is_an_error():
    with pytest.raises(RequirementError, match="degree_rule"):
        requirements_from_fields({"must_skills": ["cuda"], "degree_rule": "sometimes"})


def test_domain_prefers_the_requirement_list_and_the_general_domain(mini_taxonomy):
    text = "面向医学影像的模型\n任职要求：\n有医疗或医学影像项目经验，熟悉 CUDA"
    assert extract_requirements(text, mini_taxonomy).domain == "healthcare"


def test_domain_from_the_summary_when_the_requirements_name_none(mini_taxonomy):
    assert (
        extract_requirements("医学影像方向\n任职要求：熟悉 CUDA", mini_taxonomy).domain == "medical-imaging"
    )


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"must_skills": ["cuda"], "domain": "narnia"}, "domain: unknown domain id 'narnia'"),
        ({"must_skills": ["cuda"], "min_degree": "wizard"}, "min_degree: unknown degree 'wizard'"),
        ({"must_skills": ["cuda"], "min_years": "lots"}, "min_years: must be a number"),
        ({"must_skills": ["cuda"], "min_years": -3}, "min_years: must be between"),
        ({"must_skills": {"id": "cuda"}}, "must_skills: expected a list"),
    ],
)
def test_bad_structured_fields_name_the_field(mini_taxonomy, fields, message):
    with pytest.raises(RequirementError, match=re.escape(message)):
        requirements_from_fields(fields, known_skills=mini_taxonomy.skills.keys(), taxonomy=mini_taxonomy)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("llm", ("llm",)), ("llm, cuda", ("llm", "cuda")), ("cuda、rlhf", ("cuda", "rlhf"))],
)
def test_a_skill_string_is_one_id_or_a_comma_separated_list(mini_taxonomy, value, expected):
    requirements = requirements_from_fields(
        {"must_skills": value, "min_degree": "any", "domain": "healthcare"},
        known_skills=mini_taxonomy.skills.keys(), taxonomy=mini_taxonomy,
    )  # fmt: skip
    assert requirements.must == expected
    assert requirements.min_degree == "none" and requirements.domain == "healthcare"


def test_degree_subjects_are_not_skills(mini_taxonomy):
    zh = extract_requirements(
        "任职要求：\n大模型、语音识别等相关专业硕士及以上学历\n熟悉 CUDA", mini_taxonomy
    )
    assert zh.must == ("cuda",) and zh.min_degree == "master"
    en = extract_requirements(
        "Requirements:\n- MS or PhD in speech recognition, LLM, or a related field\n- CUDA", mini_taxonomy
    )
    assert en.must == ("cuda",) and en.min_degree == "master"


def test_alternatives_are_one_requirement(mini_taxonomy):
    # vLLM or CUDA share no parent: both become nice-to-have, with a warning saying so
    loose = extract_requirements("Requirements:\n- vLLM or CUDA\n- RLHF", mini_taxonomy)
    assert loose.must == ("rlhf",) and set(loose.nice) == {"vllm", "cuda"}
    assert "any one of them" in loose.warnings[0]
    # alternatives under one parent require the parent, which any member satisfies
    grouped = extract_requirements("任职要求：\n熟悉 vLLM 或大模型推理", mini_taxonomy)
    assert grouped.must == ("llm-inference",) and "vllm" in grouped.nice


def test_research_is_expected_only_when_required(mini_taxonomy):
    assert extract_requirements(
        "Requirements:\n- CUDA\n- First-author publications at NeurIPS", mini_taxonomy
    ).research
    assert not extract_requirements(
        "Requirements:\n- CUDA\n- NeurIPS publications preferred", mini_taxonomy
    ).research
    assert not extract_requirements("任职要求：\n熟悉 CUDA\n有顶会论文发表者优先", mini_taxonomy).research


def test_a_one_line_requirements_heading_makes_its_list_must_haves(mini_taxonomy):
    # given a heading and its list on one line
    text = "Speech engineer\nRequirements: CUDA, PyTorch, ASR.\nNice to have: RLHF"
    # when
    requirements = extract_requirements(text, mini_taxonomy)
    # then
    assert requirements.must == ("cuda", "pytorch", "asr")
    assert requirements.nice == ("rlhf",)


def test_a_one_line_chinese_heading_and_a_plain_colon_line(mini_taxonomy):
    requirements = extract_requirements("任职要求：熟悉 CUDA、PyTorch\n团队：语音组", mini_taxonomy)
    assert requirements.must == ("cuda", "pytorch")


def test_skills_typed_as_names_in_either_language_resolve_through_the_taxonomy(mini_taxonomy):
    requirements = requirements_from_fields(
        {"must_skills": "CUDA, 语音识别", "nice_skills": ["PyTorch", "cuda"]},
        known_skills=mini_taxonomy.skills.keys(), taxonomy=mini_taxonomy,
    )  # fmt: skip
    assert requirements.must == ("cuda", "asr")
    assert requirements.nice == ("pytorch",)
    assert requirements.must_text == () and requirements.warnings == ()


def test_a_name_the_taxonomy_lacks_stays_a_text_requirement(mini_taxonomy):
    # given a skill the taxonomy does not know
    fields = {"must_skills": ["CUDA", "Gephi"], "nice_skills": ["warp-drive", "gephi"]}
    # when
    requirements = requirements_from_fields(
        fields, known_skills=mini_taxonomy.skills.keys(), taxonomy=mini_taxonomy
    )
    # then: no error; the name counts as text
    assert requirements.must == ("cuda",)
    assert requirements.must_text == ("Gephi",)
    assert requirements.nice_text == ("warp-drive",)
    assert "Gephi" in requirements.text and "warp-drive" in requirements.text
    assert requirements.warnings == (
        "must_skills: Gephi not in the skill taxonomy: matched as text",
        "nice_skills: warp-drive not in the skill taxonomy: matched as text",
    )


def test_only_unknown_names_still_make_a_requirement(mini_taxonomy):
    requirements = requirements_from_fields(
        {"must_skills": ["Gephi"]}, known_skills=mini_taxonomy.skills.keys(), taxonomy=mini_taxonomy
    )
    assert not requirements.is_empty
    assert requirements.text == "Gephi"


def test_list_items_the_taxonomy_lacks_are_text_requirements(mini_taxonomy):
    # given requirement lists naming tools the taxonomy does not know
    text = (
        "Plant scheduler\nRequirements: CUDA, Kronos Workforce Central, Epicor Vantage.\n"
        "Preferred: Primavera P6, PyTorch."
    )
    # when
    requirements = extract_requirements(text, mini_taxonomy)
    # then: known ones are skills, the others are kept as written, each in its own list
    assert requirements.must == ("cuda",)
    assert requirements.must_text == ("Kronos Workforce Central", "Epicor Vantage")
    assert requirements.nice == ("pytorch",)
    assert requirements.nice_text == ("Primavera P6",)


def test_chinese_requirement_lists_keep_latin_tool_names(mini_taxonomy):
    text = "任职要求：\n1. 熟练使用 Kronos Workforce、Epicor Vantage；\n加分项：熟悉 Primavera P6 者优先。"
    requirements = extract_requirements(text, mini_taxonomy)
    assert requirements.must_text == ("Kronos Workforce", "Epicor Vantage")
    assert requirements.nice_text == ("Primavera P6",)


@pytest.mark.parametrize(
    "line",
    [
        "Requirements: 3+ years of experience, strong communication, Bachelor's degree",
        "Requirements: Kernel optimization for AI accelerators",
        "Requirements: operator, above",
        "Requirements: first-author publications (NeurIPS",
        "Responsibilities: Kronos Workforce Central rollout",
    ],
)
def test_prose_is_no_text_requirement(mini_taxonomy, line):
    requirements = extract_requirements(line, mini_taxonomy)
    assert requirements.must_text == () and requirements.nice_text == ()
