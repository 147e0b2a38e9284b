from __future__ import annotations

import numpy as np

from talentdrive.evaluation.synth.generate import SkillSpace, generate, iter_profiles, to_index
from talentdrive.matching.core.index import build_index
from talentdrive.matching.core.profile import DEGREE_RANK, profile_from_parse
from talentdrive.taxonomy.model import load_taxonomy


def _row_skills(index, row):
    matrix = index.own_by_row
    return {index.skill_ids[c] for c in matrix.indices[matrix.indptr[row] : matrix.indptr[row + 1]]}


def test_direct_index_agrees_with_the_json_profiles():
    # given one batch, rendered both ways
    taxonomy = load_taxonomy()
    space = SkillSpace.from_taxonomy(taxonomy)
    batch = generate(space, 200, seed=9)
    direct = to_index(space, batch)
    profiles = [
        profile_from_parse(p, key=p["key"], text=p["text"], city=p["city"])
        for p in iter_profiles(space, batch)
    ]
    via_json = build_index(profiles, ancestors=taxonomy.ancestors)
    # then the same people, skills, degrees, years and papers
    assert direct.keys.tolist() == via_json.keys.tolist()
    for row in range(0, 200, 17):
        assert _row_skills(direct, row) == _row_skills(via_json, row)
    np.testing.assert_array_equal(direct.degree, via_json.degree)
    np.testing.assert_allclose(direct.years, via_json.years, atol=0.051)
    np.testing.assert_array_equal(direct.top_papers, via_json.top_papers)


def test_distributions_look_like_a_drive():
    space = SkillSpace.from_taxonomy(load_taxonomy())
    batch = generate(space, 20_000, seed=1)
    degree_share = {d: float(np.mean(batch.degree == DEGREE_RANK[d])) for d in ("bachelor", "master", "phd")}
    assert 0.3 < degree_share["master"] < 0.6 and 0.08 < degree_share["phd"] < 0.25
    assert float(np.mean(batch.top_papers[batch.degree == DEGREE_RANK["phd"]] > 0)) > 0.5
    assert 6 <= float(np.mean(np.diff(batch.own.indptr))) <= 16
    # foundation skills at the rates resumes show them, not as rare as any of 500 taxonomy skills
    holders = batch.own.tocsc()
    share = {s: holders[:, space.ids.index(s)].nnz / len(batch) for s in ("python", "pytorch", "cpp", "cuda")}
    assert share["python"] > 0.7 and share["pytorch"] > 0.5 and 0.15 < share["cpp"] < 0.6
    assert 0.1 < share["cuda"] < 0.5
    assert 0.4 < float(np.mean(batch.chinese)) < 0.8
