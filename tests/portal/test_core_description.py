"""Job descriptions as headings, lists and paragraphs."""

from __future__ import annotations

from talentdrive.portal.core.description import Block, description_blocks

ZH = """负责大模型预训练。

岗位职责
1. 设计训练流程
2. 优化吞吐

任职要求：
1. 3 年以上相关工作经验
2. 熟悉 PyTorch

加分项
· 有开源贡献"""


def test_headings_lists_and_paragraphs():
    assert description_blocks(ZH) == (
        Block("paragraph", ("负责大模型预训练。",)),
        Block("heading", ("岗位职责",)),
        Block("ordered", ("设计训练流程", "优化吞吐")),
        Block("heading", ("任职要求",)),
        Block("ordered", ("3 年以上相关工作经验", "熟悉 PyTorch")),
        Block("heading", ("加分项",)),
        Block("unordered", ("有开源贡献",)),
    )


def test_plain_text_stays_paragraphs():
    text = "We train models.\nEvery day.\n\nA long sentence that is not a heading at all because it goes on."
    assert description_blocks(text) == (
        Block("paragraph", ("We train models.", "Every day.")),
        Block("paragraph", ("A long sentence that is not a heading at all because it goes on.",)),
    )
    assert description_blocks("") == ()
