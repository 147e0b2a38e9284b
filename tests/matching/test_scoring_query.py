from __future__ import annotations

import numpy as np
import pytest

from talentdrive.matching.core.index import build_index
from talentdrive.matching.core.profile import CandidateProfile, SkillEvidence
from talentdrive.matching.core.requirements import Requirements
from talentdrive.matching.core.scoring import MIN_QUERY_IDF, Weights, combine, compile_query, components
from talentdrive.matching.core.search import _best, top_rows
from talentdrive.matching.core.tokenise import bm25_tokens

WORDS = [f"word{i}" for i in range(80)]


def corpus(mini_taxonomy, n=2_000, seed=5):
    rng = np.random.default_rng(seed)
    skills = list(mini_taxonomy.skills)
    people = [
        CandidateProfile(
            key=f"p{i}",
            skills=tuple(
                SkillEvidence(s, s, ())
                for s in rng.choice(skills, size=int(rng.integers(0, 4)), replace=False)
            ),
            degree=str(rng.choice(["bachelor", "master", "phd"])),
            years=float(rng.integers(0, 10)),
            # "common" is in every resume; word0.. get rarer as the number grows.
            text="common " + " ".join(WORDS[int(j)] for j in rng.zipf(1.3, size=12) if j < len(WORDS)),
        )
        for i in range(n)
    ]
    return build_index(people, ancestors=mini_taxonomy.ancestors)


def test_the_whole_job_text_is_the_text_query_but_words_in_most_resumes(mini_taxonomy):
    # given a job text naming every word, the one in every resume among them
    index = corpus(mini_taxonomy)
    text = "common " * 5 + " ".join(WORDS)
    # when
    query = compile_query(index, Requirements(text=text))
    # then every informative known word is in the query, not a sample of them, and never "common"
    known = {index.vocabulary[t] for t in bm25_tokens(text) if t in index.vocabulary}
    informative = {t for t in known if index.idf[t] >= MIN_QUERY_IDF}
    assert set(query.term_ids) == informative and len(informative) > 32
    assert index.vocabulary["common"] not in query.term_ids
    assert list(query.term_ids) == sorted(query.term_ids)


def test_text_relevance_is_relative_to_the_best_resume(mini_taxonomy):
    # given a text query
    index = corpus(mini_taxonomy)
    query = compile_query(index, Requirements(text=" ".join(WORDS[5:40])))
    # when every resume is scored
    text = components(index, query)["text"]
    # then the most relevant resume scores 1 and the rest below it
    assert float(text.max()) == 1.0 and float(text.min()) >= 0.0


def test_a_requirement_the_taxonomy_lacks_counts_when_its_words_are_in_the_resume(mini_taxonomy):
    people = [
        CandidateProfile(key="a", skills=(), text="graphs drawn in Gephi daily"),
        CandidateProfile(key="b", skills=(), text="graphs drawn by hand"),
    ]
    index = build_index(people, ancestors=mini_taxonomy.ancestors)
    query = compile_query(index, Requirements(must_text=("Gephi", "graph drawing"), text="Gephi"))
    must = components(index, query)["must"]
    # "Gephi" is in a's text; every word of "graph drawing" is in nobody's ("graphs" is not "graph")
    assert must.tolist() == [0.5, 0.0]


def test_only_common_words_still_give_a_text_query(mini_taxonomy):
    index = corpus(mini_taxonomy)
    query = compile_query(index, Requirements(text="common common"))
    # a word the job text repeats counts as often, as plain BM25 scores a query
    assert query.term_ids == (index.vocabulary["common"],) * 2


def test_long_query_top_k_equals_scoring_everyone(mini_taxonomy):
    # given requisitions with must-haves nobody or many have and a long text
    index = corpus(mini_taxonomy, n=3_000, seed=9)
    text = " ".join(WORDS[::2])
    for requirements in (
        Requirements(must=("llm-inference", "cuda"), nice=("pytorch",), text=text, min_years=3),
        Requirements(must=("asr",), min_degree="master", text=text, domain="healthcare"),
        Requirements(must=("llm", "cuda", "rlhf"), research=True, text=text),
    ):
        query = compile_query(index, requirements)
        # when
        pruned = top_rows(index, query, k=40)
        everyone = combine(query, components(index, query))
        rows, scores = _best(np.arange(everyone.shape[0]), everyone, 40)
        # then
        np.testing.assert_array_equal(pruned.rows, rows)
        np.testing.assert_allclose(pruned.scores, scores, rtol=1e-5)


def test_explained_scores_are_the_search_scores(mini_taxonomy):
    # given a corpus where several skills are broad (kept dense) and a long text
    from talentdrive.matching.core.explain import rank_candidates

    index = corpus(mini_taxonomy, n=3_000, seed=13)
    assert index.broad_skills
    requirements = Requirements(
        must=("llm-inference", "cuda"), nice=("pytorch",), text=" ".join(WORDS), min_degree="master"
    )
    names = {k: s.name_en for k, s in mini_taxonomy.skills.items()}
    # when
    ranking = rank_candidates(index, requirements, k=30, ancestors=mini_taxonomy.ancestors, names=names)
    top = top_rows(index, compile_query(index, requirements), k=30)
    # then the same rows, and each explanation's score is its search score
    assert [m.key for m in ranking.matches] == [str(index.keys[r]) for r in top.rows]
    np.testing.assert_allclose([m.score for m in ranking.matches], top.scores, atol=1e-4)
    for match in ranking.matches:
        assert abs(match.score - sum(c.value * c.weight for c in match.components)) < 1e-3


def test_text_alone_ranks_as_plain_bm25(mini_taxonomy, monkeypatch):
    # given English resumes with skills, degrees and years, and the structured weights at zero
    import bm25s

    from talentdrive.matching.core import scoring
    from talentdrive.matching.core.explain import rank_candidates

    monkeypatch.setattr(scoring, "MIN_QUERY_IDF", 0.0)  # plain BM25 keeps every query word
    rng = np.random.default_rng(12)
    # (no "C++": bm25s drops it as the one-letter "c", the index keeps it whole, by design)
    vocabulary = [*WORDS[:40], "the", "and", "of", "with", "Python", "SQL", "Excel", "R", "v2"]
    texts = [
        " ".join(str(w) for w in rng.choice(vocabulary, size=int(rng.integers(3, 30)))) + ". Rust, Go!"
        for _ in range(400)
    ]
    people = [
        CandidateProfile(
            key=f"p{i}",
            skills=(SkillEvidence("cuda", "CUDA", ()),) if i % 3 else (),
            degree=str(rng.choice(["bachelor", "master", "phd"])),
            years=float(rng.integers(0, 10)),
            top_venue_papers=int(rng.integers(0, 3)),
            text=text,
        )
        for i, text in enumerate(texts)
    ]
    index = build_index(people, ancestors=mini_taxonomy.ancestors)
    text_only = Weights(must=0, nice=0, domain=0, degree=0, years=0, research=0, research_role=0, text=1.0)
    corpus_tokens = bm25s.tokenize(texts, stopwords="en", show_progress=False)
    retriever = bm25s.BM25()
    retriever.index(corpus_tokens, show_progress=False)
    for job in (
        "word1 word1 word7 Python and SQL, with the Excel",
        "Senior word20 word3 word3 word3 word31: Rust, R and Go v2",
        " ".join(WORDS[10:40]),
    ):
        requirements = Requirements(must=("cuda",), min_degree="phd", min_years=5, text=job)
        # when
        ranking = rank_candidates(
            index, requirements, k=25, ancestors=mini_taxonomy.ancestors, names={}, weights=text_only
        )
        tokens = bm25s.tokenize([job], stopwords="en", show_progress=False, return_ids=False)[0]
        plain = np.asarray(retriever.get_scores([t for t in tokens if t in corpus_tokens.vocab]))
        order = np.lexsort((np.arange(len(texts)), -plain))[:25]
        # then the same resumes in the same order, with text scores proportional to bm25s's
        assert [m.key for m in ranking.matches] == [f"p{i}" for i in order]
        ours = np.array([m.component("text") for m in ranking.matches])
        np.testing.assert_allclose(ours, plain[order] / plain.max(), rtol=1e-4)


def test_the_explanation_adds_up_to_the_score_and_text_holds_its_share(mini_taxonomy):
    # given a requisition with must-haves, a degree bar and a job text
    from talentdrive.matching.core.explain import rank_candidates
    from talentdrive.matching.core.scoring import DEFAULT_WEIGHTS

    index = corpus(mini_taxonomy)
    requirements = Requirements(must=("cuda", "llm"), min_degree="master", text=" ".join(WORDS[3:30]))
    # when
    ranking = rank_candidates(index, requirements, k=10, ancestors=mini_taxonomy.ancestors, names={})
    # then every score is the sum of the components shown, and text holds its share of the weight
    for match in ranking.matches:
        assert match.score == pytest.approx(sum(c.contribution for c in match.components), abs=1e-3)
        weights = {c.name: c.weight for c in match.components}
        assert weights["text"] == pytest.approx(DEFAULT_WEIGHTS.text)
        assert sum(weights.values()) == pytest.approx(1.0, abs=1e-3)


def test_the_title_counts_more_than_a_word_of_the_description(mini_taxonomy):
    # given one resume naming the job's title and one naming two words of its description
    from talentdrive.matching.core.explain import rank_candidates

    filler = [CandidateProfile(key=f"f{i}", text=f"{WORDS[i]} {WORDS[i + 1]} clerk") for i in range(40)]
    people = [
        CandidateProfile(key="titled", text="Actuary at a mutual insurer"),
        CandidateProfile(key="described", text="Pricing and reserving at a mutual insurer"),
        *filler,
    ]
    index = build_index(people, ancestors=mini_taxonomy.ancestors)
    job = Requirements(title="Actuary", text="Actuary\nPricing and reserving for motor and home cover")

    def first(weights: Weights) -> str:
        ranking = rank_candidates(
            index, job, k=2, ancestors=mini_taxonomy.ancestors, names={}, weights=weights
        )
        return ranking.matches[0].key

    # then: with the title counted as the job text has it, the description wins; counted four times,
    # the title does
    assert first(Weights(title=1)) == "described"
    assert first(Weights()) == "titled"
