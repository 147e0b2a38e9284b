"""The live match index of this process: loaded from disk, checked against the database, rebuilt.

Staleness is bounded: every read compares a cheap database watermark (counts and latest change
times of parsed resumes, candidates and applications) with the one the index was built from. When
they differ, an index of up to ``MATCH_SYNC_REBUILD_LIMIT`` candidates (default 20,000) is rebuilt
before answering, so results are never stale; a bigger one keeps answering from the current index
while a background task rebuilds it, so results lag by at most one rebuild (seconds per hundred
thousand profiles; see docs/benchmarks.md) and every answer says how old its index is.
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import connection

from talentdrive.matching.core.index import MatchIndex

logger = logging.getLogger(__name__)
_lock = threading.Lock()


@dataclass(frozen=True)
class LiveIndex:
    index: MatchIndex
    watermark: str
    stale: bool = False


_live: LiveIndex | None = None
_pending_since: float | None = None
# A rebuild asked for longer ago than this is asked for again (the task may have been lost).
REENQUEUE_AFTER_SECONDS = 600


def sync_rebuild_limit() -> int:
    return int(
        getattr(settings, "TALENTDRIVE", {}).get(
            "MATCH_SYNC_REBUILD_LIMIT", os.environ.get("TALENTDRIVE_MATCH_SYNC_REBUILD_LIMIT", 20_000)
        )
    )


def index_directory() -> Path:
    """One directory per database (and per test worker), under var/matching/."""
    name = str(connection.settings_dict.get("NAME") or "default")
    key = hashlib.sha256(
        f"{connection.vendor}:{name}:{os.environ.get('PYTEST_XDIST_WORKER', '')}".encode()
    ).hexdigest()[:12]
    return Path(settings.VAR_DIR) / "matching" / f"index-{key}"


def current() -> LiveIndex | None:
    return _live


def install(index: MatchIndex, watermark: str) -> LiveIndex:
    global _live, _pending_since
    with _lock:
        _live = LiveIndex(index, watermark)
        _pending_since = None
    return _live


def mark_stale() -> bool:
    """Remember the live index is behind; True when a rebuild should be enqueued (once, or again
    after REENQUEUE_AFTER_SECONDS)."""
    global _live, _pending_since
    with _lock:
        if _live is not None:
            _live = LiveIndex(_live.index, _live.watermark, stale=True)
        now = time.monotonic()
        enqueue = _pending_since is None or now - _pending_since > REENQUEUE_AFTER_SECONDS
        if enqueue:
            _pending_since = now
    return enqueue


def disk_tag() -> str | None:
    """The watermark of the saved index (another process may have rebuilt it), or None."""
    try:
        return (index_directory() / "tag.txt").read_text(encoding="utf-8")
    except OSError:
        return None


def load_from_disk() -> MatchIndex | None:
    directory = index_directory()
    if not (directory / "meta.json").exists():
        return None
    started = time.perf_counter()
    try:
        index = MatchIndex.load(directory)
    except (OSError, ValueError, KeyError) as error:
        logger.warning("match index at %s unreadable (%s); rebuilding", directory, type(error).__name__)
        return None
    logger.info("match index loaded: %d candidates in %.2f s", len(index), time.perf_counter() - started)
    return index


def reset() -> None:
    """Forget the in-memory index (tests, or after restoring a database)."""
    global _live, _pending_since
    with _lock:
        _live = None
        _pending_since = None
