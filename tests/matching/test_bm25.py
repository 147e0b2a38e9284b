from __future__ import annotations

import bm25s
import numpy as np
import pytest

from talentdrive.matching.core import bm25
from talentdrive.matching.core.tokenise import tokenise

CORPUS = [
    "熟悉大模型推理优化，vLLM 与 TensorRT-LLM 部署经验",
    "Speech recognition engineer: ASR, keyword spotting, speech enhancement",
    "多模态视觉语言模型预训练，CLIP，医学影像",
    "Distributed training with Megatron-LM and DeepSpeed on thousands of GPUs",
    "LLM inference serving, CUDA kernels, C++ and Python",
    "产品经理，负责 AI 助手的用户研究与数据分析",
    "reinforcement learning from human feedback (RLHF), PPO, reward models",
    "图像处理与视频编解码，ISP 调优，超分辨率",
]
QUERIES = [
    "大模型推理 vLLM",
    "speech recognition ASR",
    "CUDA inference C++",
    "医学影像 多模态",
    "RLHF reward",
    "unknownword",
]


@pytest.mark.parametrize("query", QUERIES)
def test_bm25_matches_bm25s_lucene(query):
    # given the same tokens on both sides
    documents = [tokenise(text) for text in CORPUS]
    counts, vocabulary = bm25.count_matrix(documents)
    weights = bm25.weight_matrix(counts)
    reference = bm25s.BM25(method="lucene", k1=bm25.K1, b=bm25.B)
    reference.index(documents, show_progress=False)
    tokens = list(dict.fromkeys(t for t in tokenise(query) if t in vocabulary.ids))
    # when
    ours = bm25.score(weights, vocabulary.lookup(tokens))
    theirs = reference.get_scores(tokens) if tokens else np.zeros(len(CORPUS))
    # then
    np.testing.assert_allclose(ours, theirs, rtol=1e-5, atol=1e-6)


def test_unknown_query_terms_score_nothing():
    counts, vocabulary = bm25.count_matrix([tokenise(text) for text in CORPUS])
    assert not bm25.score(bm25.weight_matrix(counts), vocabulary.lookup(["zzz"])).any()
