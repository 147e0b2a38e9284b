"""Stored builds of the match index, and this process's copy of the newest one.

A build is one folder of files in the ``matching`` storage (``STORAGES["matching"]``: local files
under var/ by default, any backend of Django's storage API, such as an S3-compatible bucket, in
production), named by the watermark it was built from. The ``IndexBuild`` table says which build is
the newest; a process whose copy is older loads it. The table, not the storage, is the pointer: a
build's row is written only after all its files are stored, so no reader sees half an index.
"""

from __future__ import annotations

import hashlib
import logging
import os
import secrets
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.core.files.storage import FileSystemStorage, Storage, storages

from talentdrive.matching.core.index import MatchIndex

logger = logging.getLogger(__name__)

STORAGE_ALIAS = "matching"
# The files MatchIndex.save writes.
MEMBERS = frozenset(
    {"meta.json", "tag.txt", "arrays.npz", "skills.npz", "own.npz", "domains.npz", "terms.npz"}
)


class IndexUnreadable(Exception):
    """A stored build could not be read (missing, pruned, corrupt or of another format)."""


@dataclass(frozen=True)
class LiveIndex:
    """The index this process answers from, and the build it came from."""

    index: MatchIndex
    build_id: int
    storage_name: str
    watermark: str


_live: LiveIndex | None = None
# When this process last asked for a first build (no build row exists yet to claim it on).
_first_build_asked_at: float | None = None
# Held while loading, so the threads of one process load a new build once, not once each.
_loading = threading.Lock()


def storage() -> Storage:
    return storages[STORAGE_ALIAS]


def sync_rebuild_limit() -> int:
    """Up to this many candidates, the very first build is made within the request that needs it."""
    return int(
        getattr(settings, "TALENTDRIVE", {}).get(
            "MATCH_SYNC_REBUILD_LIMIT", os.environ.get("TALENTDRIVE_MATCH_SYNC_REBUILD_LIMIT", 20_000)
        )
    )


def build_name(watermark: str) -> str:
    """``index-<UTC time>-<watermark digest>-<random>``: sortable by eye, unique on every store."""
    digest = hashlib.sha256(watermark.encode()).hexdigest()[:16]
    stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
    return f"index-{stamp}-{digest}-{secrets.token_hex(4)}"


def save(index: MatchIndex) -> str:
    """Store the index as the files of one folder; returns the folder's name."""
    name = build_name(index.tag)
    with tempfile.TemporaryDirectory(prefix="talentdrive-index-") as scratch:
        directory = Path(scratch) / "index"
        index.save(directory)
        try:
            for path in sorted(directory.iterdir()):
                with path.open("rb") as handle:
                    stored = storage().save(f"{name}/{path.name}", File(handle))
                if stored != f"{name}/{path.name}":  # renamed by the storage: a collision, never expected
                    raise RuntimeError(f"match index file stored as {stored}, not {name}/{path.name}")
        except BaseException:
            delete(name)  # half a build is recorded nowhere; leave nothing of it behind
            raise
    return name


def load(name: str) -> MatchIndex:
    """Read a stored build (a read: nothing is written anywhere but a scratch directory)."""
    started = time.perf_counter()
    try:
        if isinstance(storage(), FileSystemStorage):  # local files are read where they lie
            index = MatchIndex.load(Path(storage().path(name)))
        else:  # any other store is copied to a scratch directory first
            with tempfile.TemporaryDirectory(prefix="talentdrive-index-") as scratch:
                for member in MEMBERS:
                    target_path = Path(scratch) / member
                    with storage().open(f"{name}/{member}", "rb") as source, target_path.open("wb") as target:
                        for chunk in source.chunks():
                            target.write(chunk)
                index = MatchIndex.load(Path(scratch))
    except (OSError, ValueError, KeyError) as error:
        raise IndexUnreadable(f"match index {name}: {type(error).__name__}: {error}") from error
    logger.info(
        "match index %s loaded: %d candidates in %.2f s", name, len(index), time.perf_counter() - started
    )
    return index


def exists(name: str) -> bool:
    """Every file of the build is in the storage (it may still be corrupt: only loading tells)."""
    return all(storage().exists(f"{name}/{member}") for member in MEMBERS)


def delete(name: str) -> None:
    for member in MEMBERS:
        storage().delete(f"{name}/{member}")
    storage().delete(name)  # the emptied folder, on stores that have folders


def current() -> LiveIndex | None:
    return _live


def install(index: MatchIndex, *, build_id: int, storage_name: str, watermark: str) -> LiveIndex:
    global _live
    _live = LiveIndex(index, build_id, storage_name, watermark)
    return _live


def live_for(*, build_id: int, storage_name: str, watermark: str) -> LiveIndex:
    """This process's copy of the given build, loaded from storage unless already held."""
    live = _live
    if live is not None and (live.build_id, live.storage_name) == (build_id, storage_name):
        return live
    with _loading:
        live = _live  # another thread may have loaded it while this one waited
        if live is not None and (live.build_id, live.storage_name) == (build_id, storage_name):
            return live
        index = load(storage_name)
        return install(index, build_id=build_id, storage_name=storage_name, watermark=watermark)


def first_build_request_due(*, again_after_seconds: float) -> bool:
    """True when this process has not asked for a first build within ``again_after_seconds``."""
    global _first_build_asked_at
    now = time.monotonic()
    with _loading:
        if _first_build_asked_at is not None and now - _first_build_asked_at <= again_after_seconds:
            return False
        _first_build_asked_at = now
    return True


def reset() -> None:
    """Forget the in-memory index and requests (tests, or after restoring a database)."""
    global _live, _first_build_asked_at
    _live = None
    _first_build_asked_at = None
