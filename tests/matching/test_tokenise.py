from __future__ import annotations

from talentdrive.matching.core.tokenise import tokenise


def test_chinese_runs_become_character_bigrams():
    assert tokenise("多模态") == ["多模", "模态"]


def test_single_chinese_character_stays():
    assert tokenise("和") == ["和"]


def test_english_is_lowercased_stemmed_and_stopworded():
    assert tokenise("The Running Models of C++ and C#") == ["run", "model", "c++", "c#"]


def test_mixed_text_keeps_both_scripts():
    assert tokenise("熟悉vLLM推理") == ["熟悉", "vllm", "推理"]
