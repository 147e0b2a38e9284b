from __future__ import annotations

import pytest

from talentdrive.matching.core.programme import criteria_from_data, load_criteria, programme_flag


def test_phd_with_two_top_venue_papers_is_flagged_with_a_reason():
    flag = programme_flag(load_criteria(), degree="phd", top_venue_papers=2, top_awards=0)
    assert flag.flagged
    assert "phd_top_venues" in flag.codes
    assert "2 top-venue papers" in flag.reasons[0]
    assert "博士" in flag.reasons_zh[0]


def test_master_with_one_paper_is_not_flagged_outside_research_roles():
    assert not programme_flag(
        load_criteria(), degree="master", top_venue_papers=1, top_awards=0, must_coverage=1.0
    ).flagged


def test_strong_research_match_flags_on_research_roles():
    flag = programme_flag(
        load_criteria(),
        degree="master",
        top_venue_papers=1,
        top_awards=0,
        must_coverage=1.0,
        research_role=True,
    )
    assert flag.codes == ("research_match",)


def test_top_award_alone_flags():
    assert programme_flag(
        load_criteria(), degree="bachelor", top_venue_papers=0, top_awards=1, must_coverage=0
    ).codes == ("top_award",)


def test_criteria_with_unknown_key_are_rejected():
    with pytest.raises(ValueError, match="rule 0"):
        criteria_from_data([{"code": "x", "reason_en": "", "reason_zh": "", "min_h_index": 3}])
