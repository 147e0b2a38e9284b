"""``talentdrive eval parse``: the comparison rules, and the figures over the committed fixtures."""

from __future__ import annotations

import json
import shutil
from io import StringIO

import pytest
from django.core.management import call_command

from talentdrive.evaluation import parsing as evaluation
from talentdrive.evaluation.parsing import FIXTURES, compare, normalise

EXPECTED = {
    "source": "x.txt",
    "language": "zh",
    "name": "张晓雯",
    "emails": ["a@example.com"],
    "phones": ["+8613800138000"],
    "location": "北京市海淀区",
    "education": [
        {"degree": "phd", "school": "清华大学", "major": "计算机", "aliases": ["Tsinghua University"]},
        {"degree": "bachelor", "school": "北京大学", "major": "数学"},
    ],
    "experience": [{"employer": "微软亚洲研究院", "title": "研究员", "current": True}],
    "years_experience": 3.0,
    "skills": [{"id": "llm"}, {"id": "pytorch"}],
    "domains": [],
    "publications": [{"title": "T", "venue": "NeurIPS", "year": 2022}],
    "awards": ["ACM-ICPC 亚洲区域赛 金牌"],
}


def test_normalise_folds_case_width_space_and_punctuation():
    assert normalise("ＰｙＴｏｒｃｈ") == normalise("pytorch")
    assert normalise("Tsinghua  University,") == "tsinghuauniversity"
    assert normalise("网易（杭州）") == "网易杭州"
    assert normalise(None) == ""


def test_a_perfect_prediction_scores_one_everywhere():
    counts, misses = compare(EXPECTED, EXPECTED)
    assert all(c.f1 == 1.0 for c in counts.values())
    assert not any(misses.values())


def test_an_alias_counts_only_when_the_expected_file_lists_it():
    predicted = json.loads(json.dumps(EXPECTED))
    predicted["education"][0]["school"] = "Tsinghua University"  # listed alias
    predicted["education"][1]["school"] = "Peking University"  # not listed
    counts, misses = compare(EXPECTED, predicted)
    assert (counts["school"].tp, counts["school"].fp, counts["school"].fn) == (1, 1, 1)
    assert misses["school"] == ["missing 北京大学", "extra pekinguniversity"]


def test_missing_and_extra_values_are_counted():
    predicted = json.loads(json.dumps(EXPECTED))
    predicted["phones"] = []
    predicted["skills"] = [{"id": "llm"}, {"id": "cuda"}]
    predicted["awards"] = [{"title": "2019 ACM-ICPC 亚洲区域赛 金牌", "kind": "competition"}]
    predicted["years_experience"] = 3.6
    counts, _ = compare(EXPECTED, predicted)
    assert counts["phones"].recall == 0.0
    assert (counts["skills"].precision, counts["skills"].recall) == (0.5, 0.5)
    assert counts["awards"].f1 == 1.0  # the year around the award is not a different award
    assert counts["years_experience"].f1 == 0.0  # 0.6 years off is outside the tolerance


def test_eval_parse_prints_figures_per_language(tmp_path, capsys):
    # given two fixtures, one Chinese and one English
    for name in ("zh03_campus_icpc", "en12_finance_ds"):
        shutil.copy(FIXTURES / f"{name}.txt", tmp_path)
        shutil.copy(FIXTURES / f"{name}.expected.json", tmp_path)
    # when the evaluation runs through the command
    call_command("td_eval", "parse", "--fixtures", str(tmp_path))
    # then each language has its own column and every field its own row
    text = capsys.readouterr().out
    assert "over 2 fixtures (zh: 1, en: 1)" in text
    assert "zh P / R / F1" in text and "en P / R / F1" in text and "mixed P / R / F1" not in text
    for field in evaluation.FIELDS:
        assert f"| {field} |" in text


def test_eval_parse_json_over_the_committed_fixtures():
    out = StringIO()
    status = evaluation.run(stdout=out, fixtures=FIXTURES, json=True)
    report = json.loads(out.getvalue())
    assert status == 0
    assert report["fixtures"] >= 40
    assert set(report["groups"]) == {"all", "zh", "en", "mixed"}
    assert report["groups"]["zh"]["files"]["count"] >= 10
    # Contact details are the most mechanical fields; they must stay near perfect.
    assert report["groups"]["all"]["emails"]["f1"] >= 0.99


@pytest.mark.parametrize("strict, expected_status", [(False, 0), (True, 1)])
def test_strict_mode_fails_when_a_target_is_missed(tmp_path, strict, expected_status):
    # given a fixture whose expected phone the parser cannot find (it is not in the text)
    shutil.copy(FIXTURES / "zh03_campus_icpc.txt", tmp_path)
    expected = json.loads((FIXTURES / "zh03_campus_icpc.expected.json").read_text(encoding="utf-8"))
    expected["phones"] = ["+8613900000000"]
    (tmp_path / "zh03_campus_icpc.expected.json").write_text(json.dumps(expected), encoding="utf-8")
    status = evaluation.run(stdout=StringIO(), fixtures=tmp_path, strict=strict)
    assert status == expected_status
