"""The ranker against plain BM25 on the O*NET ranking check (public data read from ../shared/data)."""

from __future__ import annotations

import io

import pytest

from talentdrive.evaluation import rankproxy
from talentdrive.evaluation.realdata import DEFAULT_DATA
from talentdrive.evaluation.realdata import onet_ranking as onet

pytestmark = pytest.mark.skipif(
    not onet.data_present(DEFAULT_DATA), reason=f"{DEFAULT_DATA / 'onet'} is not there (public data)"
)


def test_the_ranker_is_not_below_plain_bm25_on_dev_in_either_language():
    # given the dev split's English and Chinese job texts over every resume-like text
    rset = onet.build(DEFAULT_DATA, "dev")
    # when
    ranker = rankproxy.rank_all(rset)
    plain = onet.rank_plain_bm25(rset)
    # then: English clearly above (the title counts), Chinese at least level
    assert onet.mean_ndcg(ranker, rset.grades, "en") >= onet.mean_ndcg(plain, rset.grades, "en") + 0.05
    assert onet.mean_ndcg(ranker, rset.grades, "zh") >= onet.mean_ndcg(plain, rset.grades, "zh")


def test_the_english_title_is_the_first_line_and_chinese_texts_have_none():
    assert onet.title_and_body("en", "Actuaries\nAnalyse risk.") == ("Actuaries", "Analyse risk.")
    assert onet.title_and_body("zh", "岗位职责：…\n任职要求：…") == ("", "岗位职责：…\n任职要求：…")


def test_the_fusion_sweep_names_its_choice():
    out = io.StringIO()
    rankproxy.run(stdout=out, data=DEFAULT_DATA, split="dev", fusion=True)
    assert "best worst case: title " in out.getvalue()
