"""Imported once by the parsing fork server: load the core and parse a small document, so the
patterns the parser compiles on first use are compiled before any child is forked from it."""

from __future__ import annotations

from talentdrive.resumes.ingest.worker import parse_content

_SAMPLE = (
    "Li Wei\nli.wei@example.com  +86 138 0013 8000\n"
    "Education\n2016-2020 Tsinghua University, B.Sc. Computer Science\n"
    "Experience\n2020-2024 Example Co., machine learning engineer: PyTorch, LLM training, CUDA\n"
    "教育经历\n2016-2020 清华大学 计算机科学 本科\n技能：Python，深度学习，大语言模型\n"
).encode()

parse_content(_SAMPLE, "warm.txt")
