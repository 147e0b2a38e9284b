"""A Chinese job text reaches English resumes: its title's words and its Chinese skill names in English."""

from __future__ import annotations

from talentdrive.matching.core.crosslingual import (
    body_words_en,
    chinese_skill_names_en,
    english_for_title,
    latin_terms,
    text_words_en,
    title_words_en,
)
from talentdrive.matching.core.explain import rank_candidates
from talentdrive.matching.core.index import build_index
from talentdrive.matching.core.requirements import extract_requirements, requirements_from_fields
from talentdrive.matching.core.scoring import MIN_QUERY_IDF, compile_query
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


def test_a_chinese_job_texts_duty_words_give_their_english_words_once_per_occurrence():
    words = body_words_en("人力资源专员：负责招聘、员工关系、薪酬福利；协助招聘").split()
    assert {"recruitment", "employee", "relations", "compensation", "benefits", "human", "resources"} <= set(
        words
    )
    assert words.count("recruitment") == 2
    # the longest word wins: 自动化测试 is automation testing, not 自动化 + 测试 twice
    assert body_words_en("负责自动化测试").split() == ["automation", "testing", "test", "automation"]
    assert body_words_en("Responsible for recruitment") == ""


def test_a_skill_named_in_chinese_is_read_as_the_skill_and_not_again_as_body_words():
    taxonomy = get_taxonomy()
    # given a text naming a skill in Chinese (数据分析 is also a body word)
    skill_mentions = [m for m in taxonomy.find_skills("熟悉数据分析") if m.surface == "数据分析"]
    words = text_words_en("熟悉数据分析", taxonomy).split("\n")
    if skill_mentions:
        # then its English name comes once, from the taxonomy
        assert words == [taxonomy.skills[skill_mentions[0].skill_id].name_en]
    else:
        assert words == ["data analysis analytics"]


def test_the_latin_words_of_a_chinese_text_are_its_tools_and_an_english_text_keeps_none():
    assert latin_terms("负责Java后端开发，熟悉Spring、MySQL") == ("java", "spring", "mysql")
    assert latin_terms("Java Developer\n负责Java后端开发") == ("java",)
    # English prose beside the Chinese: its common words stay out of the query as before
    assert latin_terms("We build Java services at scale\n负责Java后端开发") == ()
    assert latin_terms("Java developer, Spring and MySQL") == ()


def _pool(texts: dict[str, str]) -> tuple[object, object]:
    taxonomy = get_taxonomy()
    profiles = [profile_from_text(text, taxonomy, key=key) for key, text in texts.items()]
    return taxonomy, build_index(profiles, ancestors=taxonomy.ancestors)


def test_a_chinese_job_without_a_title_reaches_the_english_resume_through_its_body():
    # given English resumes of four occupations
    taxonomy, index = _pool(
        {
            "hr": "HR Executive\nHandled recruitment, employee relations, payroll and benefits.",
            "java": "Java Developer\nBuilt Spring services on MySQL.",
            "sales": "Sales Executive\nManaged clients and met sales targets.",
            "civil": "Civil Engineer\nSite execution and construction drawings.",
        }
    )
    names = {k: s.name_en for k, s in taxonomy.skills.items()}
    for text, expected in (
        ("岗位职责：负责招聘、员工关系、薪酬福利。", "hr"),
        ("负责销售，开发和维护客户关系，完成销售目标。", "sales"),
        ("负责土木工程施工现场管理，审核施工图。", "civil"),
    ):
        # when a Chinese job text without a title ranks them
        requirements = extract_requirements(text, taxonomy)
        ranking = rank_candidates(index, requirements, k=4, ancestors=taxonomy.ancestors, names=names)
        # then the résumé of its occupation comes first
        assert ranking.matches[0].key == expected, text


def test_the_tools_a_chinese_job_names_in_latin_letters_stay_in_the_query_however_common():
    # given a pool where Java is in most résumés (idf below the query's floor) and Kotlin in one
    texts = {
        str(i): f"Developer {i}\nJava, Spring" if i < 14 else f"Accountant {i}\nLedgers" for i in range(20)
    }
    taxonomy, index = _pool({**texts, "0": "Developer\nJava, Kotlin"})
    java = index.vocabulary["java"]
    assert index.idf[java] < MIN_QUERY_IDF <= index.idf[index.vocabulary["kotlin"]]
    # when a Chinese job names both, and an English one does
    chinese = compile_query(index, extract_requirements("负责Java后端开发，熟悉Kotlin", taxonomy))
    english = compile_query(
        index, extract_requirements("Build backend services in Java and Kotlin", taxonomy)
    )
    # then the Chinese text keeps it, as plain BM25 reads it; the English text drops it as before
    assert java in chinese.term_ids
    assert java not in english.term_ids
