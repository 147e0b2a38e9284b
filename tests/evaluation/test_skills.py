import io

import pytest

from talentdrive.evaluation.skills import (
    DEFAULT_DATA,
    bio_spans,
    dictionary_extractor,
    run,
    score,
    taxonomy_extractor,
)
from talentdrive.taxonomy.model import load_taxonomy


def test_bio_spans_reads_plain_and_typed_tags():
    assert bio_spans(["O", "B", "I", "O", "B", "B", "I"]) == [(1, 3), (4, 5), (5, 7)]
    assert bio_spans(["B-Skill", "I-Skill", "B-Domain", "I-Skill"], "Skill") == [(0, 2), (3, 4)]
    assert bio_spans(["I", "I", "O"]) == [(0, 2)]


def test_strict_and_loose_scores():
    # given one exact hit, one overlapping prediction and one spurious prediction
    gold = [[(0, 2), (5, 7)]]
    predicted = [[(0, 2), (6, 8), (10, 11)]]
    # when
    result = score(gold, predicted)
    # then
    assert (result.strict_p, result.strict_r) == (pytest.approx(1 / 3), 0.5)
    assert (result.loose_p, result.loose_r) == (pytest.approx(2 / 3), 1.0)
    assert result.loose_f1 == pytest.approx(0.8)


def test_taxonomy_extractor_maps_mentions_to_token_spans():
    extract = taxonomy_extractor(load_taxonomy())
    tokens = ["Experience", "with", "large", "language", "models", "and", "PyTorch", "."]
    assert extract(tokens) == {(2, 5), (6, 7)}


def test_dictionary_baseline_prefers_the_longest_name():
    extract = dictionary_extractor(["SQL", "Microsoft SQL Server", "Python"])
    assert extract(["We", "use", "microsoft", "sql", "server", "and", "python"]) == {(2, 5), (6, 7)}


def test_missing_data_is_skipped_with_a_message(tmp_path):
    out = io.StringIO()
    assert run(stdout=out, data=tmp_path) == 0
    assert "skipped" in out.getvalue()


@pytest.mark.slow
@pytest.mark.skipif(not (DEFAULT_DATA / "skillspan").is_dir(), reason="../shared/data is not available")
def test_the_extractor_beats_the_onet_baseline_on_dev():
    out = io.StringIO()
    assert run(stdout=out, data=DEFAULT_DATA, split="dev", check=True) == 0
    assert "SkillSpan dev KNOWLEDGE | taxonomy" in out.getvalue()
