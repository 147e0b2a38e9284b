"""Ranking a given set of candidates (a requisition's applicants) instead of the whole index.

The same components and weights as ``rank_candidates``, so an applicant's score on the applicants'
list is the score the whole-pool search gives them; only who is compared differs.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import numpy as np

from talentdrive.matching.core.explain import Match, explain_rows
from talentdrive.matching.core.index import MatchIndex
from talentdrive.matching.core.profile import CandidateProfile
from talentdrive.matching.core.programme import ProgrammeRule
from talentdrive.matching.core.requirements import Requirements
from talentdrive.matching.core.scoring import DEFAULT_WEIGHTS, Weights


def rank_among(
    index: MatchIndex,
    requirements: Requirements,
    keys: Sequence[str],
    *,
    ancestors: Callable[[str], Sequence[str]],
    names: Mapping[str, str],
    rules: Sequence[ProgrammeRule] = (),
    weights: Weights = DEFAULT_WEIGHTS,
    load_profiles: Callable[[list[str]], Mapping[str, CandidateProfile]] | None = None,
) -> tuple[list[Match], list[str]]:
    """The candidates of ``keys`` the index holds, best first and explained, and the keys it lacks
    (no parsed résumé yet). Ties keep the order of ``keys``."""
    rows, missing = [], []
    for key in dict.fromkeys(keys):
        row = index.row_of(key)
        if row is None:
            missing.append(key)
        else:
            rows.append(row)
    if not rows:
        return [], missing
    found = np.array(rows, dtype=np.int64)
    profiles = load_profiles([str(index.keys[r]) for r in rows]) if load_profiles is not None else None
    matches = explain_rows(
        index,
        requirements,
        found,
        ancestors=ancestors,
        names=names,
        rules=rules,
        profiles=profiles,
        weights=weights,
    )
    ordered = sorted(enumerate(matches), key=lambda item: (-item[1].score, item[0]))
    ranked = [
        Match(**{**match.__dict__, "rank": position + 1}) for position, (_, match) in enumerate(ordered)
    ]
    return ranked, missing
