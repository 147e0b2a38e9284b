"""``talentdrive eval skills``: skill-mention extraction measured on public job-posting data.

Datasets (read from ``--data``, by default ``../shared/data`` beside the project; never shipped):

* SkillSpan (Zhang et al., NAACL 2022): English job-posting sentences with KNOWLEDGE and SKILL spans.
  KNOWLEDGE spans (tools, technologies, fields) are what the taxonomy is for; SKILL spans (mostly soft
  and procedural skills, "work in a team") are reported too.
* Green, Maynard & Lin (LREC 2022) job-description entities: the Skill spans of its gold test set.

The project's extractor (``Taxonomy.find_skills``) is compared in the same run with a baseline: a
plain dictionary of every O*NET technology name, matched as exact lower-case token sequences, longest
first. Strict span-F1 needs identical token boundaries; loose span-F1 counts a predicted span as
correct when it overlaps a gold span (and a gold span as found when a prediction overlaps it).
Tuning uses ``--split train`` or ``--split dev``; the figures to report come from ``--split test``.
"""

from __future__ import annotations

import argparse
import csv
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from talentdrive.taxonomy.model import Taxonomy, load_taxonomy

DEFAULT_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"

Span = tuple[int, int]  # token indices, end exclusive
Sentence = tuple[list[str], list[Span]]
Extractor = Callable[[list[str]], set[Span]]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data", type=Path, default=DEFAULT_DATA, help="folder holding skillspan/, green-jobdesc/, onet/"
    )
    parser.add_argument(
        "--split",
        choices=("train", "dev", "test"),
        default="test",
        help="SkillSpan split (tune on train/dev)",
    )
    parser.add_argument(
        "--check", action="store_true", help="exit 1 unless the extractor beats the baseline (loose F1)"
    )


@dataclass(frozen=True)
class Scores:
    strict_p: float
    strict_r: float
    strict_f1: float
    loose_p: float
    loose_r: float
    loose_f1: float
    gold: int
    predicted: int


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score(gold: Sequence[Iterable[Span]], predicted: Sequence[Iterable[Span]]) -> Scores:
    """Strict (exact boundaries) and loose (any overlap) span precision, recall and F1."""
    n_gold = n_pred = exact = pred_hit = gold_hit = 0
    for gold_spans, pred_spans in zip(gold, predicted, strict=True):
        g, p = set(gold_spans), set(pred_spans)
        n_gold, n_pred, exact = n_gold + len(g), n_pred + len(p), exact + len(g & p)
        pred_hit += sum(any(a < d and c < b for c, d in g) for a, b in p)
        gold_hit += sum(any(a < d and c < b for c, d in p) for a, b in g)
    sp, sr = (exact / n_pred if n_pred else 0.0), (exact / n_gold if n_gold else 0.0)
    lp, lr = (pred_hit / n_pred if n_pred else 0.0), (gold_hit / n_gold if n_gold else 0.0)
    return Scores(sp, sr, _f1(sp, sr), lp, lr, _f1(lp, lr), n_gold, n_pred)


def bio_spans(tags: Sequence[str], label: str = "") -> list[Span]:
    """Spans from BIO tags ("B", "I", "O" or "B-Skill" …), keeping only ``label`` when given."""
    spans, start = [], None
    for index, tag in enumerate([*tags, "O"]):
        kind, _, name = tag.partition("-")
        inside = kind == "I" and start is not None and (not label or name == label)
        if inside:
            continue
        if start is not None:
            spans.append((start, index))
            start = None
        if kind == "B" and (not label or name == label):
            start = index
        elif kind == "I" and (not label or name == label):
            start = index  # an I without a B opens a span, as conlleval does
    return spans


def load_skillspan(folder: Path, split: str) -> tuple[list[Sentence], list[Sentence]]:
    """(KNOWLEDGE sentences, SKILL sentences) of one SkillSpan split."""
    knowledge, skill = [], []
    with (folder / f"json_{split}.json").open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                row = json.loads(line)
                knowledge.append((row["tokens"], bio_spans(row["tags_knowledge"])))
                skill.append((row["tokens"], bio_spans(row["tags_skill"])))
    return knowledge, skill


def load_green(folder: Path) -> list[Sentence]:
    sentences: dict[str, tuple[list[str], list[str]]] = {}
    with (folder / "df_testset.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            words, tags = sentences.setdefault(row["sentence_id"], ([], []))
            words.append(row["word"])
            tags.append(row["tag"])
    return [(words, bio_spans(tags, "Skill")) for words, tags in sentences.values()]


def taxonomy_extractor(taxonomy: Taxonomy) -> Extractor:
    """Map ``find_skills`` character offsets on the space-joined sentence back to token spans."""

    def extract(tokens: list[str]) -> set[Span]:
        starts, position = [], 0
        for token in tokens:
            starts.append(position)
            position += len(token) + 1
        spans = set()
        for mention in taxonomy.find_skills(" ".join(tokens)):
            first = next(i for i in range(len(tokens) - 1, -1, -1) if starts[i] <= mention.start)
            last = next(i for i in range(len(tokens) - 1, -1, -1) if starts[i] < mention.end)
            spans.add((first, last + 1))
        return spans

    return extract


def onet_names(folder: Path) -> set[str]:
    with (folder / "Technology_Skills.txt").open(encoding="utf-8", newline="") as handle:
        return {
            row["Example"].strip() for row in csv.DictReader(handle, delimiter="\t") if row["Example"].strip()
        }


def dictionary_extractor(names: Iterable[str]) -> Extractor:
    """The baseline: exact lower-case token sequences from a name list, longest match first."""
    table = {tuple(name.lower().split()) for name in names}
    longest = max((len(key) for key in table), default=0)

    def extract(tokens: list[str]) -> set[Span]:
        lowered, spans, index = [t.lower() for t in tokens], set(), 0
        while index < len(lowered):
            for size in range(min(longest, len(lowered) - index), 0, -1):
                if tuple(lowered[index : index + size]) in table:
                    spans.add((index, index + size))
                    index += size
                    break
            else:
                index += 1
        return spans

    return extract


def evaluate(sentences: Sequence[Sentence], extractor: Extractor) -> Scores:
    return score([gold for _tokens, gold in sentences], [extractor(tokens) for tokens, _gold in sentences])


def canonical_share(sentences: Sequence[Sentence], taxonomy: Taxonomy) -> tuple[float, float, int]:
    """Share of gold spans that name a canonical skill as a whole, and that contain one."""
    whole = contains = total = 0
    for tokens, spans in sentences:
        for start, end in spans:
            text = " ".join(tokens[start:end])
            total += 1
            whole += taxonomy.skill_for_name(text) is not None
            contains += bool(taxonomy.find_skills(text))
    return (whole / total if total else 0.0), (contains / total if total else 0.0), total


def _row(stdout: TextIO, dataset: str, system: str, s: Scores) -> None:
    stdout.write(
        f"| {dataset} | {system} | {s.strict_p:.3f} | {s.strict_r:.3f} | {s.strict_f1:.3f} "
        f"| {s.loose_p:.3f} | {s.loose_r:.3f} | {s.loose_f1:.3f} | {s.gold} | {s.predicted} |\n"
    )


def run(
    *, stdout: TextIO, data: Path = DEFAULT_DATA, split: str = "test", check: bool = False, **_: Any
) -> int:
    data = Path(data)
    skillspan, green, onet = data / "skillspan", data / "green-jobdesc", data / "onet"
    if not (skillspan / f"json_{split}.json").exists() or not (onet / "Technology_Skills.txt").exists():
        stdout.write(
            f"skipped: public evaluation data not found under {data} "
            "(needs skillspan/ and onet/; pass --data FOLDER)\n"
        )
        return 0
    taxonomy = load_taxonomy()
    systems = {
        "taxonomy": taxonomy_extractor(taxonomy),
        "O*NET dictionary": dictionary_extractor(onet_names(onet)),
    }
    knowledge, skill = load_skillspan(skillspan, split)
    datasets = {f"SkillSpan {split} KNOWLEDGE": knowledge, f"SkillSpan {split} SKILL": skill}
    if split == "test" and (green / "df_testset.csv").exists():
        datasets["Green test Skill"] = load_green(green)
    elif split == "test":
        stdout.write(f"note: {green} not found; Green is skipped\n")

    stdout.write(
        "| data | system | strict P | strict R | strict F1 | loose P | loose R | loose F1 | gold | predicted |\n"
    )
    stdout.write("|---|---|---|---|---|---|---|---|---|---|\n")
    beaten = []
    for name, sentences in datasets.items():
        results = {system: evaluate(sentences, extractor) for system, extractor in systems.items()}
        for system, result in results.items():
            _row(stdout, name, system, result)
        if "SKILL" not in name:
            beaten.append(results["taxonomy"].loose_f1 > results["O*NET dictionary"].loose_f1)
    whole, contains, total = canonical_share(knowledge, taxonomy)
    stdout.write(
        f"\nSkillSpan {split} KNOWLEDGE spans mapped to a canonical skill: {whole:.1%} as a whole name, "
        f"{contains:.1%} containing one ({total} spans; taxonomy of {len(taxonomy.skills)} skills)\n"
    )
    if check and not all(beaten):
        stdout.write(
            "check failed: the taxonomy extractor does not beat the baseline on loose F1 everywhere\n"
        )
        return 1
    return 0
