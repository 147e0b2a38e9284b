"""The in-memory match index: sparse skill and BM25 matrices plus dense per-candidate features.

Rows are candidates. ``skills`` holds every skill a candidate has *and its taxonomy ancestors*
(vLLM ⇒ LLM inference ⇒ LLM), so a must-have "LLM inference" is one column read. ``own`` keeps the
skills the candidate literally has, for evidence. Both are CSC with sorted row indices so that a
query reads whole columns and a handful of rows can be probed by binary search.
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import scipy.sparse as sp

from talentdrive.matching.core import bm25
from talentdrive.matching.core.profile import DEGREE_RANK, CandidateProfile
from talentdrive.matching.core.tokenise import bm25_tokens

# 2: text tokens are unstemmed (bm25_tokens); an index saved with stemmed tokens is rebuilt.
FORMAT_VERSION = 2
# A skill column in more than one profile in BROAD_COLUMN_SHARE is kept dense too (at most
# MAX_BROAD_COLUMNS of them, one byte per profile each).
BROAD_COLUMN_SHARE = 8
MAX_BROAD_COLUMNS = 64
# Per-query numbers kept (a few floats each); forgotten all at once past this many.
MAX_REMEMBERED = 4_096


@dataclass
class MatchIndex:
    keys: np.ndarray
    skill_ids: list[str]
    skills: sp.csc_matrix
    own: sp.csc_matrix
    domain_ids: list[str]
    domains: sp.csc_matrix
    terms: sp.csc_matrix
    vocabulary: dict[str, int]
    idf: np.ndarray
    degree: np.ndarray
    years: np.ndarray
    top_papers: np.ndarray
    top_awards: np.ndarray
    graduation_year: np.ndarray
    city: np.ndarray
    source: np.ndarray
    stage: np.ndarray
    labels: dict[str, list[str]]
    built_at: float = field(default_factory=time.time)
    # What the index was built from (e.g. a database watermark), saved with it to detect staleness.
    tag: str = ""
    skill_column: dict[str, int] = field(init=False)
    domain_column: dict[str, int] = field(init=False)
    key_row: dict[str, int] | None = field(init=False, default=None)
    _own_by_row: sp.csr_matrix | None = field(init=False, default=None)
    _row_major: dict[str, sp.csr_matrix] = field(init=False, default_factory=dict)
    research: np.ndarray = field(init=False, repr=False)
    broad_skills: dict[int, np.ndarray] = field(init=False, repr=False)
    _derived: dict[tuple[str, float], np.ndarray] = field(init=False, repr=False, default_factory=dict)
    _remembered: dict[Hashable, float] = field(init=False, repr=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.skill_column = {s: i for i, s in enumerate(self.skill_ids)}
        self.domain_column = {d: i for i, d in enumerate(self.domain_ids)}
        # Made now, inside build/load time, so the first explained query does not pay for it.
        self._own_by_row = self.own.tocsr()
        # Skill columns most profiles imply (broad parents such as "LLM") as dense 0/1 vectors: a query
        # adds them row by row instead of scattering most of the corpus's postings.
        postings = np.diff(self.skills.indptr)
        broad: np.ndarray = np.flatnonzero(postings > len(self) // BROAD_COLUMN_SHARE)
        self.broad_skills = {}
        for column in broad[np.argsort(-postings[broad], kind="stable")][:MAX_BROAD_COLUMNS]:
            vector = np.zeros(len(self), dtype=np.uint8)
            vector[self.skills.indices[self.skills.indptr[column] : self.skills.indptr[column + 1]]] = 1
            self.broad_skills[int(column)] = vector
        # The research signal depends on the candidate only: 0.35·PhD + 0.45·min(top papers, 3)/3
        # + 0.2·(any top award), computed once instead of per query.
        self.research = (
            0.35 * (self.degree == DEGREE_RANK["phd"])
            + 0.15 * np.minimum(self.top_papers, 3)
            + 0.2 * (self.top_awards > 0)
        ).astype(np.float32)

    def __len__(self) -> int:
        return int(self.keys.shape[0])

    @property
    def own_by_row(self) -> sp.csr_matrix:
        """Row-major copy of ``own`` (explanations read a few whole rows), made with the index."""
        if self._own_by_row is None:
            self._own_by_row = self.own.tocsr()
        return self._own_by_row

    def by_row(self, name: str) -> sp.csr_matrix:
        """Row-major copy of a matrix ("skills", "terms", "domains"), made once: scoring a subset of
        candidates reads their rows, which costs their own entries instead of whole columns."""
        matrix = self._row_major.get(name)
        if matrix is None:
            matrix = self._row_major[name] = getattr(self, name).tocsr()
        return matrix

    def derived(self, name: str, parameter: float, make: Callable[[], np.ndarray]) -> np.ndarray:
        """A per-candidate array that depends on one query parameter with few values (the degree or
        years a requisition asks for), made once per value: ~4 MB each at a million candidates."""
        key = (name, parameter)
        array = self._derived.get(key)
        if array is None:
            array = self._derived[key] = make()
        return array

    def remembered(self, key: Hashable) -> float | None:
        """A number computed once per query over this index (the best BM25 of a job text), or None."""
        return self._remembered.get(key)

    def remember(self, key: Hashable, value: float) -> None:
        if len(self._remembered) >= MAX_REMEMBERED:
            self._remembered.clear()
        self._remembered[key] = value

    def row_of(self, key: str) -> int | None:
        if self.key_row is None:
            self.key_row = {str(k): i for i, k in enumerate(self.keys.tolist())}
        return self.key_row.get(str(key))

    def code_of(self, field_name: str, value: str) -> int:
        """Integer code of a categorical value (city, source, stage); -1 when no candidate has it."""
        labels = self.labels[field_name]
        return labels.index(value) if value in labels else -1

    # Persistence -----------------------------------------------------------------------------

    def save(self, directory: Path) -> None:
        """Write atomically: a reader never sees half an index (written to a sibling, then renamed)."""
        directory = Path(directory)
        staging = directory.with_name(f"{directory.name}.tmp-{os.getpid()}-{threading.get_ident()}")
        staging.mkdir(parents=True, exist_ok=True)
        for name in ("skills", "own", "domains", "terms"):
            sp.save_npz(staging / f"{name}.npz", getattr(self, name), compressed=False)
        np.savez(
            staging / "arrays.npz",
            keys=self.keys,
            idf=self.idf,
            degree=self.degree,
            years=self.years,
            top_papers=self.top_papers,
            top_awards=self.top_awards,
            graduation_year=self.graduation_year,
            city=self.city,
            source=self.source,
            stage=self.stage,
        )
        meta = {
            "format": FORMAT_VERSION,
            "built_at": self.built_at,
            "tag": self.tag,
            "skill_ids": self.skill_ids,
            "domain_ids": self.domain_ids,
            "vocabulary": self.vocabulary,
            "labels": self.labels,
        }
        (staging / "meta.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        # The tag alone, so a process can tell cheaply whether the saved index is newer than its own.
        (staging / "tag.txt").write_text(self.tag, encoding="utf-8")
        if directory.exists():
            old = directory.with_name(f"{directory.name}.old-{os.getpid()}-{threading.get_ident()}")
            directory.rename(old)
            staging.rename(directory)
            _remove_tree(old)
        else:
            staging.rename(directory)

    @classmethod
    def load(cls, directory: Path) -> MatchIndex:
        directory = Path(directory)
        meta = json.loads((directory / "meta.json").read_text(encoding="utf-8"))
        if meta.get("format") != FORMAT_VERSION:
            raise ValueError(
                f"index at {directory} has format {meta.get('format')}, expected {FORMAT_VERSION}"
            )
        arrays = np.load(directory / "arrays.npz", allow_pickle=False)
        matrices = {
            name: sp.load_npz(directory / f"{name}.npz").tocsc()
            for name in ("skills", "own", "domains", "terms")
        }
        return cls(
            skill_ids=meta["skill_ids"],
            domain_ids=meta["domain_ids"],
            vocabulary=meta["vocabulary"],
            labels=meta["labels"],
            built_at=meta["built_at"],
            tag=meta.get("tag", ""),
            **matrices,
            **{name: arrays[name] for name in arrays.files},
        )


def _remove_tree(path: Path) -> None:
    for child in path.iterdir():
        child.unlink()
    path.rmdir()


def _csc(rows: Sequence[Sequence[int]], n_columns: int) -> sp.csc_matrix:
    indptr = np.zeros(len(rows) + 1, dtype=np.int64)
    indptr[1:] = np.cumsum([len(r) for r in rows])
    indices = np.fromiter((c for r in rows for c in r), dtype=np.int32, count=int(indptr[-1]))
    data = np.ones(indices.shape[0], dtype=np.float32)
    matrix = sp.csr_matrix((data, indices, indptr), shape=(len(rows), max(n_columns, 1))).tocsc()
    matrix.sort_indices()
    return matrix


def _codes(values: Sequence[str]) -> tuple[np.ndarray, list[str]]:
    labels = sorted({v for v in values if v})
    lookup = {v: i for i, v in enumerate(labels)}
    return np.fromiter((lookup.get(v, -1) for v in values), dtype=np.int16, count=len(values)), labels


def build_index(
    profiles: Iterable[CandidateProfile],
    *,
    ancestors: Callable[[str], Iterable[str]],
) -> MatchIndex:
    """Build the index from profiles; ``ancestors(skill_id)`` comes from the taxonomy."""
    profiles = list(profiles)
    skill_column: dict[str, int] = {}
    domain_column: dict[str, int] = {}
    expanded_cache: dict[str, list[str]] = {}
    own_rows, expanded_rows, domain_rows, token_docs = [], [], [], []
    for profile in profiles:
        own = list(dict.fromkeys(profile.skill_ids))
        expanded: dict[str, None] = {}
        for skill in own:
            if skill not in expanded_cache:
                expanded_cache[skill] = [skill, *ancestors(skill)]
            expanded.update(dict.fromkeys(expanded_cache[skill]))
        own_rows.append([skill_column.setdefault(s, len(skill_column)) for s in own])
        expanded_rows.append([skill_column.setdefault(s, len(skill_column)) for s in expanded])
        domain_rows.append(
            [domain_column.setdefault(d, len(domain_column)) for d in dict.fromkeys(profile.domains)]
        )
        token_docs.append(bm25_tokens(profile.text))
    counts, vocabulary = bm25.count_matrix(token_docs)
    return assemble_index(
        keys=np.array([p.key for p in profiles], dtype=str),
        skill_ids=list(skill_column),
        skills=_csc(expanded_rows, len(skill_column)),
        own=_csc(own_rows, len(skill_column)),
        domain_ids=list(domain_column),
        domains=_csc(domain_rows, len(domain_column)),
        counts=counts,
        vocabulary=vocabulary.ids,
        degree=np.array([DEGREE_RANK.get(p.degree, 0) for p in profiles], dtype=np.int8),
        years=np.array([p.years for p in profiles], dtype=np.float32),
        top_papers=np.array([p.top_venue_papers for p in profiles], dtype=np.int16),
        top_awards=np.array([p.top_awards for p in profiles], dtype=np.int16),
        graduation_year=np.array([p.graduation_year or 0 for p in profiles], dtype=np.int16),
        city=[p.city for p in profiles],
        source=[p.source for p in profiles],
        stage=[p.stage for p in profiles],
    )


def assemble_index(
    *,
    counts: sp.csr_matrix,
    vocabulary: Mapping[str, int],
    city: Sequence[str] | tuple[np.ndarray, list[str]],
    source: Sequence[str] | tuple[np.ndarray, list[str]],
    stage: Sequence[str] | tuple[np.ndarray, list[str]],
    **arrays: object,
) -> MatchIndex:
    """Finish an index from prepared parts: BM25 weights from term counts, categorical codes."""
    n_docs = counts.shape[0]
    df = np.bincount(sp.csr_matrix(counts).indices, minlength=counts.shape[1]).astype(np.float32)
    idf = np.log1p((n_docs - df + 0.5) / (df + 0.5)).astype(np.float32)
    terms = bm25.weight_matrix(counts)
    terms.sort_indices()
    categorical = {}
    for name, values in (("city", city), ("source", source), ("stage", stage)):
        categorical[name] = values if isinstance(values, tuple) else _codes(values)
    return MatchIndex(
        terms=terms,
        vocabulary=dict(vocabulary),
        idf=idf,
        labels={name: labels for name, (_, labels) in categorical.items()},
        city=categorical["city"][0],
        source=categorical["source"][0],
        stage=categorical["stage"][0],
        **arrays,  # type: ignore[arg-type]
    )
