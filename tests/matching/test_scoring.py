from __future__ import annotations

import numpy as np
import pytest

from talentdrive.matching.core.explain import rank_candidates, rank_requisitions
from talentdrive.matching.core.index import MatchIndex, build_index
from talentdrive.matching.core.profile import CandidateProfile, SkillEvidence
from talentdrive.matching.core.programme import load_criteria
from talentdrive.matching.core.requirements import Requirements
from talentdrive.matching.core.scoring import Filters, combine, compile_query, components
from talentdrive.matching.core.search import _best, top_rows


def person(key, skills, **fields):
    return CandidateProfile(
        key=key, skills=tuple(SkillEvidence(s, s, (f"my {s}",)) for s in skills), **fields
    )


@pytest.fixture
def profiles():
    return [
        person(
            "vllm-master",
            ["vllm", "cuda"],
            degree="master",
            years=4,
            text="vLLM CUDA serving",
            city="shanghai",
        ),
        person(
            "cuda-only",
            ["cuda"],
            degree="phd",
            years=6,
            text="CUDA kernels",
            top_venue_papers=2,
            city="beijing",
        ),
        person(
            "parent-only", ["llm"], degree="master", years=4, text="large language models", city="shanghai"
        ),
        person(
            "speech",
            ["asr"],
            degree="bachelor",
            years=1,
            text="语音识别",
            domains=("healthcare",),
            graduation_year=2026,
        ),
    ]


@pytest.fixture
def index(profiles, mini_taxonomy):
    return build_index(profiles, ancestors=mini_taxonomy.ancestors)


def rank(index, taxonomy, requirements, **kwargs):
    names = {k: s.name_en for k, s in taxonomy.skills.items()}
    return rank_candidates(
        index, requirements, k=10, ancestors=taxonomy.ancestors, names=names, rules=load_criteria(), **kwargs
    )


def test_descendant_satisfies_must_have_with_evidence(index, mini_taxonomy, profiles):
    ranking = rank(
        index,
        mini_taxonomy,
        Requirements(must=("llm-inference", "cuda")),
        profiles={p.key: p for p in profiles},
    )
    top = ranking.matches[0]
    assert top.key == "vllm-master"
    assert top.component("must") == 1.0
    inference = next(m for m in top.matched_must if m.skill_id == "llm-inference")
    assert (inference.via, inference.mentions) == ("vllm", ("my vllm",))
    assert top.missing_must == ()


def test_parent_does_not_satisfy_a_more_specific_must_have(index, mini_taxonomy):
    ranking = rank(index, mini_taxonomy, Requirements(must=("llm-inference",)))
    parent = next(m for m in ranking.matches if m.key == "parent-only")
    assert parent.missing_must == ("llm-inference",)


def test_degree_penalty_versus_hard_filter(index, mini_taxonomy):
    soft = rank(index, mini_taxonomy, Requirements(must=("cuda",), min_degree="phd"))
    hard = rank(index, mini_taxonomy, Requirements(must=("cuda",), min_degree="phd", degree_rule="filter"))
    assert len(soft.matches) == 4
    assert [m.key for m in hard.matches] == ["cuda-only"]
    assert hard.eligible == 1


def test_years_and_domain_components(index, mini_taxonomy):
    ranking = rank(index, mini_taxonomy, Requirements(nice=("asr",), domain="healthcare", min_years=4))
    by_key = {m.key: m for m in ranking.matches}
    assert by_key["speech"].domain_match is True
    assert by_key["speech"].component("years") == pytest.approx(0.25)
    assert by_key["cuda-only"].domain_match is False


def test_research_role_weights_research_and_flags_programme(index, mini_taxonomy):
    ranking = rank(index, mini_taxonomy, Requirements(must=("cuda",), research=True))
    assert ranking.matches[0].key == "cuda-only"
    assert ranking.matches[0].programme.flagged


def test_filters_city_and_graduation(index, mini_taxonomy):
    assert {
        m.key
        for m in rank(
            index, mini_taxonomy, Requirements(must=("cuda",)), filters=Filters(cities=("shanghai",))
        ).matches
    } == {
        "vllm-master",
        "parent-only",
    }
    assert [
        m.key
        for m in rank(
            index, mini_taxonomy, Requirements(must=("cuda",)), filters=Filters(graduation_from=2026)
        ).matches
    ] == ["speech"]


def test_unknown_city_gives_an_empty_list_with_a_reason(index, mini_taxonomy):
    ranking = rank(index, mini_taxonomy, Requirements(must=("cuda",)), filters=Filters(cities=("lhasa",)))
    assert ranking.matches == ()
    assert "no candidate passes" in ranking.warnings[0]


def test_must_skill_nobody_has_is_missing_everywhere(index, mini_taxonomy):
    ranking = rank(index, mini_taxonomy, Requirements(must=("rlhf",), text="CUDA"))
    assert all(m.missing_must == ("rlhf",) for m in ranking.matches)
    assert ranking.matches[0].key == "cuda-only"  # text relevance still orders them


def test_empty_index_says_so(mini_taxonomy):
    empty = build_index([], ancestors=mini_taxonomy.ancestors)
    ranking = rank(empty, mini_taxonomy, Requirements(must=("cuda",)))
    assert ranking.matches == ()
    assert any("no candidates" in w for w in ranking.warnings)


def test_requisitions_for_a_candidate(index, mini_taxonomy):
    names = {k: s.name_en for k, s in mini_taxonomy.skills.items()}
    ranked = rank_requisitions(
        index,
        index.row_of("speech"),
        [("inference", Requirements(must=("llm-inference",))), ("speech", Requirements(must=("asr",)))],
        k=2,
        ancestors=mini_taxonomy.ancestors,
        names=names,
    )
    assert [key for key, _ in ranked] == ["speech", "inference"]
    assert ranked[0][1].rank == 1


def test_pruned_top_k_equals_scoring_everyone(mini_taxonomy):
    # given many random candidates, so the must-have buckets prune
    rng = np.random.default_rng(3)
    skills = list(mini_taxonomy.skills)
    people = [
        person(
            f"p{i}",
            list(rng.choice(skills, size=int(rng.integers(1, 5)), replace=False)),
            degree=str(rng.choice(["bachelor", "master", "phd"])),
            years=float(rng.integers(0, 10)),
            top_venue_papers=int(rng.integers(0, 3)),
            text=" ".join(rng.choice(["vLLM", "CUDA", "推理", "语音", "模型", "serving"], size=4)),
        )
        for i in range(3_000)
    ]
    index = build_index(people, ancestors=mini_taxonomy.ancestors)
    for requirements in (
        Requirements(
            must=("llm-inference", "cuda"), nice=("pytorch",), text="vLLM 推理 serving", min_years=3
        ),
        Requirements(must=("asr",), min_degree="master", text="语音"),
        Requirements(must=("llm", "cuda", "rlhf"), research=True),
    ):
        query = compile_query(index, requirements)
        # when
        pruned = top_rows(index, query, k=25)
        everyone = combine(query, components(index, query))
        rows, scores = _best(np.arange(everyone.shape[0]), everyone, 25)
        # then
        np.testing.assert_array_equal(pruned.rows, rows)
        np.testing.assert_allclose(pruned.scores, scores, rtol=1e-5)


def test_the_text_bound_scores_few_candidates_and_finds_the_same_top_k(mini_taxonomy, monkeypatch):
    # given many random candidates whose texts differ, some tied, some filtered out by city
    from talentdrive.matching.core import search

    rng = np.random.default_rng(5)
    skills = list(mini_taxonomy.skills)
    words = ["vLLM", "CUDA", "推理", "语音", "模型", "serving", "kernels", "triton", "量化", "batching"]
    words += [f"tool{i}" for i in range(300)]
    people = [
        person(
            f"p{i}",
            list(rng.choice(skills, size=int(rng.integers(1, 4)), replace=False)),
            degree=str(rng.choice(["bachelor", "master", "phd"])),
            years=float(rng.integers(0, 10)),
            text=" ".join(rng.choice(words, size=int(rng.integers(3, 12)))),
            city=str(rng.choice(["beijing", "shanghai"])),
        )
        for i in range(5_000)
    ]
    index = build_index(people, ancestors=mini_taxonomy.ancestors)
    scored: list[int] = []
    score_rows = search._score_rows

    def counting(index, query, rows, k, dense):
        scored.append(int(rows.shape[0]))
        return score_rows(index, query, rows, k, dense)

    bounded: list[bool] = []
    by_text = search._top_by_text_bound

    def spying(*args):
        found = by_text(*args)
        bounded.append(found is not None)
        return found

    monkeypatch.setattr(search, "_score_rows", counting)
    monkeypatch.setattr(search, "_top_by_text_bound", spying)
    for requirements, filters in (
        (Requirements(must=("llm",), nice=("cuda",), text="vLLM tool1 tool2 tool3 tool4"), Filters()),
        (
            Requirements(must=("asr",), min_degree="master", text="tool5 tool6 tool7"),
            Filters(cities=("beijing",)),
        ),
        (Requirements(text="tool8 tool9 tool10 tool11 tool11", min_years=3), Filters()),
    ):
        query = compile_query(index, requirements)
        scored.clear()
        # when
        pruned = top_rows(index, query, k=20, filters=filters)
        everyone = combine(query, components(index, query))
        mask = (
            np.ones(len(index), dtype=bool)
            if not filters.cities
            else index.city == index.code_of("city", "beijing")
        )
        rows, scores = _best(np.flatnonzero(mask), everyone[mask], 20)
        # then the same rows and scores, from a fraction of the candidates
        np.testing.assert_array_equal(pruned.rows, rows)
        np.testing.assert_array_equal(pruned.scores, scores.astype(np.float32))
        assert bounded[-1] and sum(scored) < len(index) // 4


def test_index_round_trip(index, mini_taxonomy, tmp_path):
    requirements = Requirements(
        must=("llm-inference",), nice=("cuda",), text="vLLM", domain="healthcare", min_years=2
    )
    before = rank(index, mini_taxonomy, requirements)
    index.save(tmp_path / "index")
    index.save(tmp_path / "index")  # replacing an existing index works too
    loaded = MatchIndex.load(tmp_path / "index")
    after = rank(loaded, mini_taxonomy, requirements)
    assert [(m.key, m.score) for m in after.matches] == [(m.key, m.score) for m in before.matches]
    assert loaded.labels == index.labels
