import io

import pytest
from django.core.management import call_command

from talentdrive.evaluation.realdata import DEFAULT_DATA, run
from talentdrive.evaluation.realdata.bmes import group_resumes, read_resumes, read_sentences, spans
from talentdrive.evaluation.realdata.resumener import Tally, data_file, edu_level, gold_fields, measure
from talentdrive.resumes.core import Profile

# Text of our own in the corpus's layout: one character and its tag a line, blank lines between sentences.
_TAGGED = {
    "王": "B-NAME",
    "可": "E-NAME",
    "甲": "S-ORG",
    "乙": "B-TITLE",
    "丙": "E-TITLE",
    "硕": "B-EDU",
    "士": "E-EDU",
}


def _bmes(*sentences: str) -> list[str]:
    lines = []
    for sentence in sentences:
        lines += [f"{char} {_TAGGED.get(char, 'O')}\n" for char in sentence]
        lines.append("\n")
    return lines


def test_spans_read_begin_middle_end_and_single():
    assert spans(["B-ORG", "M-ORG", "E-ORG", "O", "S-NAME", "B-TITLE", "E-TITLE"]) == [
        ("ORG", 0, 3),
        ("NAME", 4, 5),
        ("TITLE", 5, 7),
    ]
    # a damaged sequence (an E without its B) still yields its characters once
    assert spans(["O", "M-ORG", "E-ORG", "E-TITLE"]) == [("ORG", 1, 3), ("TITLE", 3, 4)]


def test_a_resume_starts_at_a_sentence_opening_with_a_name():
    # given two resumes of two sentences each, and a stray sentence before the first
    lines = _bmes("序言。", "王可，男，", "硕士，任甲乙丙。", "王可曾任甲。", "其他。")
    # when
    resumes = group_resumes(read_sentences(lines))
    # then
    assert [resume.text for resume in resumes] == ["王可，男，硕士，任甲乙丙。", "王可曾任甲。其他。"]
    first = resumes[0]
    assert [(e.kind, e.text) for e in first.entities] == [
        ("NAME", "王可"),
        ("EDU", "硕士"),
        ("ORG", "甲"),
        ("TITLE", "乙丙"),
    ]
    assert first.text[first.entities[3].start : first.entities[3].end] == "乙丙"


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("博士研究生", "phd"),
        ("博士生导师", None),
        ("硕士研究生学历", "master"),
        ("EMBA", "master"),
        ("大学本科学历", "bachelor"),
        ("大学专科学历", "associate"),
        ("大专文化", "associate"),
        ("中专学历", "other"),
        ("ACCA", None),
    ],
)
def test_edu_entities_map_to_degree_levels(text, level):
    assert edu_level(text) == level


def test_tally_counts_strict_loose_and_precision():
    tally = Tally()
    tally.add(["海尔集团公司", "某某大学", "甲乙厂"], ["海尔集团公司", "某某大学计算机系", "无关"], "ctx")
    assert (tally.gold, tally.found, tally.found_loose) == (3, 1, 2)
    assert tally.precision == pytest.approx(1 / 3)
    assert [gold for gold, _ in tally.misses] == ["某某大学", "甲乙厂"]


def test_measure_compares_the_profile_with_the_tags():
    resume = group_resumes(read_sentences(_bmes("王可，男，硕士，任甲乙丙。")))[0]
    assert gold_fields(resume)["degree"] == ["master"]
    tallies = measure([resume], parser=lambda text: Profile(language="zh"))
    assert tallies["name"].gold == 1 and tallies["name"].found == 0
    assert tallies["titles"].misses == [("乙丙", "王可，男，硕士，任甲乙丙。")]


def test_missing_data_is_skipped_with_a_message(tmp_path):
    out = io.StringIO()
    assert run(stdout=out, data=tmp_path) == 0
    assert out.getvalue().startswith("skipped:")


@pytest.mark.skipif(not (DEFAULT_DATA / "resumener").is_dir(), reason="../shared/data is not available")
def test_dev_figures_are_reported_for_every_field():
    out = io.StringIO()
    assert run(stdout=out, data=DEFAULT_DATA, split="dev") == 0
    text = out.getvalue()
    for field in ("name", "degree", "organisations", "titles"):
        assert f"| {field} |" in text


@pytest.mark.skipif(not (DEFAULT_DATA / "resumener").is_dir(), reason="../shared/data is not available")
def test_dev_recall_meets_the_targets_of_the_narrative_reader():
    # tuned on train; dev is only measured
    tallies = measure(read_resumes(data_file(DEFAULT_DATA, "dev")))
    recall = {name: tally.recall for name, tally in tallies.items()}
    assert recall["name"] >= 0.90
    assert recall["degree"] >= 0.85
    assert recall["organisations"] >= 0.60
    assert recall["titles"] >= 0.60
    assert min(tally.precision for tally in tallies.values()) >= 0.80


def test_the_eval_command_runs_the_real_data_mode(tmp_path):
    out = io.StringIO()
    call_command("td_eval", "realdata", "--data", str(tmp_path), stdout=out)
    assert out.getvalue().startswith("skipped:")
