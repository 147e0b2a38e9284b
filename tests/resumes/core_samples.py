"""Small documents built in memory for the parsing-core tests (no real people)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
from fpdf import FPDF

CJK_FONT = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
CJK_FONT_MISSING = "CJK font missing: apt-get install fonts-wqy-zenhei for Chinese PDF tests"

ZH_RESUME = """个人简历
姓名：张伟
电话：+86 138-0013-8000 | 邮箱：zhang.wei@example.com
现居地：北京市海淀区
GitHub: https://github.com/zhangwei-ml

教育背景
2019.09-2022.06  清华大学  计算机科学与技术  硕士
2015.09-2019.06  北京邮电大学  通信工程专业  本科

工作经历
2022年7月 – 至今  字节跳动  算法工程师
- 负责大模型预训练与 RLHF，使用 PyTorch、DeepSpeed，服务医疗问诊场景
2021.06-2021.09 腾讯 算法实习生
- 多模态检索

论文发表
[1] Zhang W, Li Q. Efficient Sparse Attention for Long Context. NeurIPS 2023.
[2] 《多模态医疗影像报告生成》 ACL 2022

获奖情况
ACM-ICPC 亚洲区域赛 金牌 2018
国家奖学金 2017

专业技能
Python, C++, CUDA, PyTorch, Transformer, 强化学习
"""

EN_RESUME = """Jane Doe
San Francisco, CA | jane.doe@gmail.com | (415) 555-0132 | linkedin.com/in/janedoe | https://janedoe.github.io
Google Scholar: https://scholar.google.com/citations?user=abc123

EDUCATION
Stanford University, Stanford, CA                                  Sep 2014 - Jun 2019
Ph.D. in Computer Science
University of Michigan                                             2010 - 2014
B.S. in Electrical Engineering, GPA 3.9/4.0

EXPERIENCE
Senior Research Scientist, Google DeepMind                         Jul 2021 - Present
- Led training of multimodal large language models with JAX for autonomous driving.
Machine Learning Engineer at Meta                                  09/2019 - 06/2021
- Built ranking models in PyTorch.

PUBLICATIONS
- J. Doe, A. Smith. "Scaling Laws for Multimodal Agents." ICML 2023.
- J. Doe et al. Robust Speech Recognition in the Wild. Interspeech'21.

AWARDS
Kaggle Competitions Gold Medal (2018)
"""

MIXED_RESUME = """李娜 Li Na
Email: li.na@example.cn  手机: 139 1234 5678
Location: Shanghai

教育背景 Education
2016.09 - 2020.06 上海交通大学 Shanghai Jiao Tong University  本科 Bachelor  软件工程

工作经历 Work Experience
2020.07 - 2023.12  阿里巴巴  Algorithm Engineer
Built recommendation models with PyTorch for e-commerce search.
2024.01 - present  Microsoft Research Asia  Researcher
"""


def text_pdf(text: str, *, pages: int = 1) -> bytes:
    """A PDF with a real text layer; Chinese text needs the CJK font."""
    pdf = FPDF()
    cjk = any("\u4e00" <= char <= "\u9fff" for char in text)
    if cjk:
        pdf.add_font("cjk", fname=str(CJK_FONT))
    for _ in range(pages):
        pdf.add_page()
        if cjk:
            pdf.set_font("cjk", size=10)
        else:
            pdf.set_font("helvetica", size=10)
        pdf.multi_cell(0, 5, text)
    return bytes(pdf.output())


def image_only_pdf() -> bytes:
    """A "scan": a page with drawing but no text layer."""
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 50, style="F")
    pdf.line(10, 10, 150, 200)
    return bytes(pdf.output())


def docx_bytes(paragraphs: list[str], table: list[list[str]] | None = None) -> bytes:
    document = docx.Document()
    for paragraph in paragraphs[:2]:
        document.add_paragraph(paragraph)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for row_index, row in enumerate(table):
            for column, value in enumerate(row):
                grid.cell(row_index, column).text = value
    for paragraph in paragraphs[2:]:
        document.add_paragraph(paragraph)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def replace_docx_part(content: bytes, name: str, data: bytes) -> bytes:
    """A copy of a DOCX with one part replaced (to build hostile documents from a valid one)."""
    source = zipfile.ZipFile(io.BytesIO(content))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item.filename, data if item.filename == name else source.read(item.filename))
    return out.getvalue()


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def nested_tables_xml(depth: int) -> bytes:
    inner = "<w:p><w:r><w:t>deep</w:t></w:r></w:p>"
    for _ in range(depth):
        inner = f"<w:tbl><w:tr><w:tc>{inner}<w:p/></w:tc></w:tr></w:tbl>"
    return f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{inner}</w:body></w:document>'.encode()
