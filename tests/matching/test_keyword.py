"""Keyword search over jobs: synonyms, spellings and both languages find the same jobs; best match first."""

from __future__ import annotations

import pytest

from talentdrive.matching.core.keyword import JobText, Suggestion, build_index, query_units, search, suggest
from talentdrive.taxonomy.model import load_taxonomy

JOBS = [
    JobText(
        1,
        "LLM pre-training engineer\n大模型预训练工程师",
        "Scale pre-training to thousands of GPUs.",
        "LLM-1",
    ),
    JobText(2, "Speech recognition engineer\n语音识别工程师", "Build streaming ASR for smart glasses."),
    JobText(3, "Multimodal algorithm engineer\n多模态算法工程师", "Vision-language models for the app."),
    JobText(4, "Agent engineer\n智能体工程师", "Tool use for assistants; light pretraining of small models."),
    JobText(5, "Data analyst\n数据分析师", "Dashboards and SQL reports for operations."),
]


@pytest.fixture(scope="module")
def taxonomy():
    return load_taxonomy()


@pytest.fixture(scope="module")
def index(taxonomy):
    return build_index(JOBS, taxonomy)


@pytest.mark.parametrize(
    "variants",
    [
        ("pretraining", "pre-training", "pretrain", "预训练"),
        ("ASR", "speech recognition", "语音识别"),
        ("多模态", "multimodal", "Multimodal"),
    ],
)
def test_spellings_synonyms_and_languages_find_the_same_jobs(index, taxonomy, variants):
    results = [search(index, variant, taxonomy) for variant in variants]
    assert results[0], f"{variants[0]} finds nothing"
    assert all(result == results[0] for result in results), dict(zip(variants, results, strict=True))


def test_a_title_match_ranks_above_a_description_match(index, taxonomy):
    # job 1 has pre-training in its title, job 4 only in its description
    assert search(index, "pretraining", taxonomy) == [1, 4]


def test_every_unit_of_the_query_must_be_found(index, taxonomy):
    assert search(index, "speech recognition glasses", taxonomy) == [2]
    assert search(index, "speech recognition dashboards", taxonomy) == []


def test_a_broader_concept_finds_jobs_naming_a_narrower_one(index, taxonomy):
    # LLM pre-training is a kind of LLM work
    assert 1 in search(index, "LLM", taxonomy)


def test_the_external_id_finds_its_job_first(index, taxonomy):
    assert search(index, "llm-1", taxonomy) == [1]


def test_words_inside_a_concept_are_not_asked_for_again(taxonomy):
    assert query_units("speech recognition engineer", taxonomy) == ["skill:asr", "engin"]


def test_an_empty_query_finds_nothing(index, taxonomy):
    assert search(index, "  ", taxonomy) == []


def test_a_misspelt_keyword_is_offered_as_the_jobs_spell_it(index, taxonomy):
    # given a query that finds nothing because of a typo
    assert search(index, "multimodel engineer", taxonomy) == []
    # when
    offered = suggest(index, "multimodel engineer", taxonomy)
    # then the corrected query finds jobs, and related jobs are offered too
    assert offered.query == "multimodal engineer"
    assert search(index, offered.query, taxonomy)
    assert offered.related


def test_a_query_with_no_whole_match_offers_the_jobs_sharing_most_of_it(index, taxonomy):
    offered = suggest(index, "ASR 区块链", taxonomy)
    assert search(index, "ASR 区块链", taxonomy) == []
    assert offered.query == "" and offered.related[0] == 2


def test_nothing_related_offers_nothing(index, taxonomy):
    assert suggest(index, "zzzz qqqq", taxonomy) == Suggestion()


def test_did_you_mean_finds_what_difflib_finds_over_every_word(taxonomy):
    """The spelling offered compares only words whose letters could be close: the same word difflib
    finds comparing against every word of the jobs."""
    import difflib
    import random

    from talentdrive.matching.core.keyword import CLOSE_WORD, _close_words

    wide = build_index(
        [*JOBS, JobText(6, "Recommendation ranking engineer", "Retrieval, reranking, recall; C++ and CUDA.")],
        taxonomy,
    )
    rng = random.Random(7)
    words = sorted(wide.words)
    tried = ["multimodel", "pretraning", "enginer", "rank", "cuda", "r0n5", "zzzz", "c++", "recal"]
    for word in rng.sample(words, 12):
        cut = rng.randrange(len(word))
        tried.append(word[:cut] + rng.choice("aeiouxz") + word[cut + 1 :])
    for word in tried:
        expected = difflib.get_close_matches(word, wide.words, n=1, cutoff=CLOSE_WORD)
        assert _close_words(wide, word) == expected, word


def test_a_search_through_the_postings_visits_the_same_jobs_as_a_pass_over_all(index, taxonomy):
    for query in ("engineer", "pretraining engineer", "llm-1", "LLM-1", "数据", "models", "nothing here"):
        units = query_units(query, taxonomy)
        code = query.strip().casefold()
        expected = [
            job.id
            for job in index.jobs
            if (code and job.code == code) or (units and all(unit in job.units for unit in units))
        ]
        assert sorted(search(index, query, taxonomy)) == sorted(expected), query
