"""Resume parsing throughput: generated 1–2-page PDF resumes through the pure parsing core, on one core.

The baseline, measured in the same run on the same files, is text extraction alone (PDFium's text
layer); the figure that matters is how much field extraction adds on top of it. The two passes
alternate in small chunks and are timed in CPU time, so load from other processes weighs on both
alike. They run in a fresh worker process (spawned, so it inherits nothing from the generator), which also reports its own
peak resident memory.
"""

from __future__ import annotations

import multiprocessing
import random
import resource
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

FULL_SIZE = 1000
TINY_SIZE = 20
TARGET_PER_CORE = 50.0
TARGET_RATIO = 2.0
CJK_FONTS = [
    Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
]

FIRST_EN = ["Emily", "Daniel", "Priya", "Lucas", "Hannah", "Marcus", "Sofia", "Arjun", "Grace", "Noah"]
LAST_EN = ["Carter", "Kim", "Raman", "Moreau", "Lee", "Johnson", "Rossi", "Mehta", "Chen", "Williams"]
SURNAMES_ZH = "张王李赵刘陈杨黄周吴徐孙马朱胡郭何林罗高"
GIVEN_ZH = ["晓雯", "明轩", "思远", "佳怡", "浩然", "雨桐", "志强", "可欣", "俊杰", "子涵", "一鸣", "文博"]
SCHOOLS_EN = ["Stanford University", "Carnegie Mellon University", "University of Toronto", "ETH Zurich"]
SCHOOLS_ZH = ["清华大学", "北京大学", "浙江大学", "上海交通大学", "复旦大学", "南京大学", "中国科学技术大学"]
EMPLOYERS_EN = ["Northwind AI", "Cascade Compute Inc.", "Harborlight Voice Labs", "Alpine Robotics AG"]
EMPLOYERS_ZH = [
    "北京智源未来科技有限公司",
    "杭州云帆智能科技有限公司",
    "深圳极光数智科技有限公司",
    "上海星图人工智能实验室",
]
TITLES_EN = ["Research Scientist", "ML Infrastructure Engineer", "Senior NLP Engineer", "Perception Engineer"]
TITLES_ZH = ["大模型算法工程师", "训练平台工程师", "语音识别研究员", "多模态算法专家", "感知算法工程师"]
SKILLS = ["Python", "PyTorch", "CUDA", "C++", "DeepSpeed", "Megatron-LM", "vLLM", "Kubernetes", "RLHF", "LoRA",
          "TensorRT", "JAX", "RAG", "LangChain", "Triton", "ONNX", "OpenCV", "Spark", "SQL", "Ray"]  # fmt: skip
BULLETS_EN = [
    "Trained and evaluated large language models on thousands of GPUs with {a} and {b}",
    "Cut inference latency by {n}% with {a} kernels and quantisation",
    "Built retrieval-augmented generation over internal documents using {a}",
    "Designed the data pipeline for pretraining with {a}; deduplicated {n} TB of text",
    "Shipped a speech recognition model to {n} million devices, trained with {a}",
]
BULLETS_ZH = [
    "负责大模型预训练与对齐，基于 {a} 与 {b} 搭建训练流程，效果提升 {n}%",
    "使用 {a} 优化推理服务，延迟降低 {n}%，支撑日均千万次调用",
    "设计检索增强生成方案，接入 {a}，问答准确率提升 {n}%",
    "主导多模态模型的数据清洗与评测体系建设，使用 {a} 处理 {n} 亿条样本",
]
VENUES = ["NeurIPS", "ICML", "ICLR", "CVPR", "ACL", "EMNLP", "Interspeech", "KDD"]


def _resume_lines(rng: random.Random, chinese: bool) -> list[tuple[str, str]]:
    """(style, text) lines of one resume; 3–8 jobs of 4–8 bullets make one page or two."""
    lines: list[tuple[str, str]] = []
    if chinese:
        name = rng.choice(SURNAMES_ZH) + rng.choice(GIVEN_ZH)
        lines += [
            ("name", name),
            ("text", f"电话：+86 138-{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}"),
        ]
        lines += [("text", f"邮箱：user{rng.randint(1, 10**6)}@example.com | 北京"), ("head", "教育背景")]
        lines += [
            (
                "text",
                f"{2012 + rng.randint(0, 8)}.09-{2016 + rng.randint(0, 8)}.06  {rng.choice(SCHOOLS_ZH)}  计算机科学与技术  {rng.choice(['本科', '硕士', '博士'])}",
            )
        ]
        lines.append(("head", "工作经历"))
        for _ in range(rng.randint(3, 8)):
            start = rng.randint(2012, 2023)
            lines.append(
                (
                    "text",
                    f"{start}年{rng.randint(1, 12)}月 – 至今  {rng.choice(EMPLOYERS_ZH)}  {rng.choice(TITLES_ZH)}",
                )
            )
            for _ in range(rng.randint(4, 8)):
                a, b = rng.sample(SKILLS, 2)
                lines.append(("text", "- " + rng.choice(BULLETS_ZH).format(a=a, b=b, n=rng.randint(5, 60))))
        lines += [("head", "专业技能"), ("text", "、".join(rng.sample(SKILLS, 8)))]
    else:
        name = f"{rng.choice(FIRST_EN)} {rng.choice(LAST_EN)}"
        lines += [("name", name), ("text", f"San Francisco, CA | +1 (415) 555-{rng.randint(100, 199):04d}")]
        lines += [
            ("text", f"{name.split()[0].lower()}{rng.randint(1, 10**6)}@example.com"),
            ("head", "Education"),
        ]
        lines += [
            (
                "text",
                f"Ph.D. in Computer Science, {rng.choice(SCHOOLS_EN)}, Sep {2010 + rng.randint(0, 8)} – Jun {2015 + rng.randint(0, 8)}",
            )
        ]
        lines.append(("head", "Experience"))
        for _ in range(rng.randint(3, 8)):
            lines.append(
                (
                    "text",
                    f"{rng.choice(TITLES_EN)}, {rng.choice(EMPLOYERS_EN)} — Sep {rng.randint(2012, 2023)} – Present",
                )
            )
            for _ in range(rng.randint(4, 8)):
                a, b = rng.sample(SKILLS, 2)
                lines.append(("text", "- " + rng.choice(BULLETS_EN).format(a=a, b=b, n=rng.randint(5, 60))))
        lines += [("head", "Skills"), ("text", ", ".join(rng.sample(SKILLS, 8)))]
    if rng.random() < 0.4:
        lines.append(("head", "论文" if chinese else "Publications"))
        for _ in range(rng.randint(1, 4)):
            lines.append(
                (
                    "text",
                    f"Author A., et al. Scaling Sparse Experts for Dialogue. {rng.choice(VENUES)} {rng.randint(2018, 2025)}.",
                )
            )
    return lines


def _cjk_subset(directory: Path) -> Path | None:
    """The CJK font cut down to the characters the generator uses, so each PDF embeds it quickly."""
    source = next((path for path in CJK_FONTS if path.exists()), None)
    if source is None:
        return None
    from fontTools import subset
    from fontTools.ttLib import TTCollection

    text = SURNAMES_ZH + "".join(GIVEN_ZH + SCHOOLS_ZH + EMPLOYERS_ZH + TITLES_ZH + BULLETS_ZH)
    text += "电话邮箱北京教育背景计算机科学与技术本科硕士博士工作经历年月至今专业技能、论文：|–-" + "".join(
        map(chr, range(32, 127))
    )
    font = TTCollection(str(source)).fonts[0]
    subsetter = subset.Subsetter(subset.Options())
    subsetter.populate(text=text)
    subsetter.subset(font)
    target = directory / "cjk-subset.ttf"
    font.save(str(target))
    return target


def generate(directory: Path, count: int, seed: int = 7) -> tuple[list[Path], int]:
    """Write ``count`` resumes as PDFs; return the paths and how many are Chinese."""
    import logging

    from fpdf import FPDF
    from fpdf.enums import XPos, YPos

    logging.getLogger("fontTools").setLevel(logging.ERROR)
    rng = random.Random(seed)
    font = _cjk_subset(directory)
    paths, chinese_count = [], 0
    for index in range(count):
        chinese = font is not None and index % 5 < 2  # two in five Chinese when a CJK font is available
        chinese_count += chinese
        pdf = FPDF(format="A4")
        pdf.set_auto_page_break(auto=True, margin=15)
        pdf.add_page()
        family = "helvetica"
        if chinese:
            pdf.add_font("cjk", "", str(font))
            family = "cjk"
        for style, text in _resume_lines(rng, chinese):
            if not chinese:
                text = text.replace("—", "-").replace("–", "-")
            size = {"name": 16, "head": 12}.get(style, 10)
            pdf.set_font(family, size=size)
            pdf.multi_cell(0, size * 0.55, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        path = directory / f"resume-{index:05d}.pdf"
        pdf.output(str(path))
        paths.append(path)
    return paths, chinese_count


@dataclass(frozen=True)
class Timings:
    extract_seconds: float  # CPU time of the process
    parse_seconds: float
    extract_wall: float  # wall-clock time, reported beside
    parse_wall: float
    pages: int
    parsed: int
    peak_rss_mb: float
    # CPU seconds and files of each chunk, per pass, in order: the spread over blocks of chunks.
    chunks: list[tuple[int, float, float]]  # (files, extraction CPU, full parse CPU)


CHUNK = 25  # files per alternation: small, so a burst of load on the machine hits both passes alike


def _measure(paths: list[str]) -> Timings:
    """Runs in a fresh process: warm up, then time extraction alone and the full parse over the same bytes.

    The two passes alternate chunk by chunk (and which goes first alternates too), so load from other
    processes and cache warmth fall on both alike. CPU time (``time.process_time``) is the figure that
    counts, since it does not grow when other processes take the core; wall time is reported beside it.
    """
    from talentdrive.resumes.core import parse_document
    from talentdrive.resumes.core.deadline import Deadline
    from talentdrive.resumes.core.extract import extract_text
    from talentdrive.resumes.core.model import Limits

    contents = [Path(path).read_bytes() for path in paths]
    limits = Limits()
    parse_document(contents[0], "warm-up.pdf")
    extract_text(contents[0], limits, Deadline(limits.timeout_seconds))
    cpu = {"extract": 0.0, "parse": 0.0}
    wall = {"extract": 0.0, "parse": 0.0}
    pages = parsed = 0
    chunks: list[tuple[int, float, float]] = []
    for number, first in enumerate(range(0, len(contents), CHUNK)):
        chunk = contents[first : first + CHUNK]
        before = dict(cpu)
        for which in ("extract", "parse") if number % 2 == 0 else ("parse", "extract"):
            started_cpu, started_wall = time.process_time(), time.perf_counter()
            if which == "extract":
                for content in chunk:
                    pages += extract_text(content, limits, Deadline(limits.timeout_seconds)).pages or 0
            else:
                parsed += sum(parse_document(content, "resume.pdf").profile is not None for content in chunk)
            cpu[which] += time.process_time() - started_cpu
            wall[which] += time.perf_counter() - started_wall
        chunks.append((len(chunk), cpu["extract"] - before["extract"], cpu["parse"] - before["parse"]))
    # ru_maxrss is in KiB on Linux.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return Timings(cpu["extract"], cpu["parse"], wall["extract"], wall["parse"], pages, parsed, peak, chunks)


BLOCKS = 4  # the run is cut into this many blocks of consecutive chunks for the spread


def _blocks(chunks: list[tuple[int, float, float]]) -> list[tuple[float, float]]:
    """(full parse resumes/s on one core, full parse ÷ extraction CPU) of each block."""
    size = max(1, -(-len(chunks) // BLOCKS))
    out = []
    for first in range(0, len(chunks), size):
        block = chunks[first : first + size]
        files = sum(n for n, _e, _p in block)
        extract = sum(e for _n, e, _p in block)
        parse = sum(p for _n, _e, p in block)
        out.append((files / parse, parse / extract))
    return out


def _spread(values: list[float], fmt: str) -> str:
    return f"{fmt.format(min(values))}–{fmt.format(max(values))}"


def run(*, full: bool) -> str:
    count = FULL_SIZE if full else TINY_SIZE
    with tempfile.TemporaryDirectory(prefix="bench-parse-") as tmp:
        started = time.perf_counter()
        paths, chinese = generate(Path(tmp), count)
        generate_seconds = time.perf_counter() - started
        with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as pool:
            timings = pool.submit(_measure, [str(p) for p in paths]).result()
    per_core = count / timings.parse_seconds
    extract_rate = count / timings.extract_seconds
    ratio = timings.parse_seconds / timings.extract_seconds
    wall_ratio = timings.parse_wall / timings.extract_wall
    blocks = _blocks(timings.chunks)
    verdict_rate = "met" if per_core >= TARGET_PER_CORE else "NOT met"
    verdict_ratio = "met" if ratio <= TARGET_RATIO else "NOT met"
    size = "full" if full else "tiny"
    return "\n".join(
        [
            "## Resume parsing throughput",
            "",
            f"`python -m bench{' --full' if full else ''} --only parse` ({size} size): {count} generated PDF resumes "
            f"({chinese} Chinese, {count - chinese} English; {timings.pages} pages, 1–2 per resume), parsed one after "
            f"another in one worker process, from bytes in memory (Python {sys.version.split()[0]}). "
            f"The baseline and the full parse alternate every {CHUNK} files over the same bytes, so machine "
            "load falls on both alike; times are the process's CPU time, with wall-clock time beside. "
            f"Generating the PDFs took {generate_seconds:.1f} s and is not counted.",
            "",
            "| pass | CPU time | resumes/s on one core | ms per resume (CPU) | wall time |",
            "|---|---:|---:|---:|---:|",
            f"| text extraction alone (baseline) | {timings.extract_seconds:.2f} s | {extract_rate:.1f} | "
            f"{1000 * timings.extract_seconds / count:.2f} | {timings.extract_wall:.2f} s |",
            f"| full parse (extraction + fields + taxonomy) | {timings.parse_seconds:.2f} s | {per_core:.1f} | "
            f"{1000 * timings.parse_seconds / count:.2f} | {timings.parse_wall:.2f} s |",
            "",
            f"- Full parse / extraction-alone baseline: **{ratio:.2f}×** CPU time (target ≤ {TARGET_RATIO:.0f}×: "
            f"{verdict_ratio}); {wall_ratio:.2f}× wall time; over {len(blocks)} blocks of consecutive files "
            f"{_spread([r for _rate, r in blocks], '{:.2f}')}×.",
            f"- Throughput: **{per_core:.1f} resumes/s per core** (target ≥ {TARGET_PER_CORE:.0f}: {verdict_rate}); "
            f"over the same blocks {_spread([rate for rate, _r in blocks], '{:.1f}')} resumes/s.",
            f"- Profiles produced: {timings.parsed} of {count}.",
            f"- Peak resident memory of the parsing process: {timings.peak_rss_mb:.0f} MB.",
        ]
    )
