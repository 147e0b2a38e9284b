"""A Chinese job text reaches English resumes: its title's words and its Chinese skill names in English."""

from __future__ import annotations

from talentdrive.matching.core.crosslingual import chinese_skill_names_en, english_for_title, title_words_en
from talentdrive.matching.core.explain import rank_candidates
from talentdrive.matching.core.index import build_index
from talentdrive.matching.core.requirements import extract_requirements, requirements_from_fields
from talentdrive.matching.core.scoring import compile_query
from talentdrive.matching.core.textprofile import profile_from_text
from talentdrive.matching.core.tokenise import bm25_tokens
from talentdrive.matching.taxonomy_loader import get_taxonomy


def test_a_chinese_title_gives_the_english_words_of_its_parts():
    assert title_words_en("Java开发工程师").split() == [
        "developer",
        "developers",
        "development",
        "engineer",
        "engineers",
    ]
    assert "accountant" in title_words_en("高级会计").split()
    # an English title needs nothing
    assert title_words_en("Senior Accountant") == ""


def test_skills_named_in_chinese_add_their_english_names_and_latin_ones_add_nothing():
    taxonomy = get_taxonomy()
    words = chinese_skill_names_en("熟悉分布式训练和 PyTorch，了解多模态", taxonomy).split("\n")
    assert "distributed training" in words
    assert taxonomy.skills["pytorch"].name_en not in words
    assert chinese_skill_names_en("Experience with distributed training", taxonomy) == ""


def test_the_chinese_titles_english_words_count_as_the_title_does():
    # given a Chinese job text whose title names the occupation
    taxonomy = get_taxonomy()
    requirements = extract_requirements(
        "岗位职责：负责日常工作。\n任职要求：熟练使用 Excel", taxonomy, title="会计"
    )
    assert "accountant" in requirements.title_words_en
    index = build_index(
        [
            profile_from_text(t, taxonomy, key=str(i))
            for i, t in enumerate(["Accountant\nExcel", "Cook\nExcel"])
        ],
        ancestors=taxonomy.ancestors,
    )
    # when
    query = compile_query(index, requirements)
    # then the English word is in the query as often as the title counts
    accountant = index.vocabulary["accountant"]
    assert query.term_ids.count(accountant) == 4


def test_a_chinese_job_ranks_the_english_resume_of_its_occupation_first():
    # given English resumes of three occupations holding the same tool
    taxonomy = get_taxonomy()
    texts = {
        "cook": "Restaurant Cook\nSkills: Microsoft Excel, inventory",
        "accountant": "Staff Accountant\nSkills: Microsoft Excel, ledgers",
        "nurse": "Registered Nurse\nSkills: Microsoft Excel, patient care",
    }
    profiles = [profile_from_text(text, taxonomy, key=key) for key, text in texts.items()]
    index = build_index(profiles, ancestors=taxonomy.ancestors)
    # when a Chinese job titled 会计 asks for the tool
    requirements = extract_requirements("任职要求：\n1. 熟练使用 Microsoft Excel；", taxonomy, title="会计")
    names = {k: s.name_en for k, s in taxonomy.skills.items()}
    ranking = rank_candidates(index, requirements, k=3, ancestors=taxonomy.ancestors, names=names)
    # then the accountant comes first; without the title's English words all three tie on the tool
    assert ranking.matches[0].key == "accountant"


def test_a_requisition_with_only_a_chinese_title_translates_it_and_one_with_an_english_title_does_not():
    taxonomy = get_taxonomy()
    chinese = requirements_from_fields({"title": "数据分析师", "must_skills": ["SQL"]}, taxonomy=taxonomy)
    assert {"data", "analyst"} <= set(bm25_tokens(chinese.title_words_en))
    both = requirements_from_fields(
        {"title": "Data Analyst", "title_zh": "数据分析师", "must_skills": ["SQL"]}, taxonomy=taxonomy
    )
    assert both.title_words_en == ""
    assert english_for_title("Data Analyst", taxonomy) == ""


def test_a_requisition_with_an_english_description_adds_no_english_names():
    taxonomy = get_taxonomy()
    chinese_only = requirements_from_fields(
        {"title_zh": "训练工程师", "description_zh": "熟悉分布式训练", "must_skills": ["CUDA"]},
        taxonomy=taxonomy,
    )
    assert "distributed training" in chinese_only.text_words_en
    bilingual = requirements_from_fields(
        {
            "title_zh": "训练工程师",
            "description_zh": "熟悉分布式训练",
            "description_en": "Distributed training at scale.",
            "must_skills": ["CUDA"],
        },
        taxonomy=taxonomy,
    )
    assert bilingual.text_words_en == ""
