"""Stored builds of the match index, and this process's copy of the newest one.

A build is one archive in the ``matching`` storage (``STORAGES["matching"]``: local files under var/
by default, any backend of Django's storage API, such as an S3-compatible bucket, in production),
named by the watermark it was built from. The ``IndexBuild`` table says which build is the newest;
a process whose copy is older loads the newest archive. The table, not the storage, is the pointer:
a build's row is written only after its archive is complete, so no reader sees half an index.
"""

from __future__ import annotations

import hashlib
import logging
import os
import secrets
import tempfile
import threading
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.core.files.storage import Storage, storages

from talentdrive.matching.core.index import MatchIndex

logger = logging.getLogger(__name__)

STORAGE_ALIAS = "matching"
# The files MatchIndex.save writes; an archive holding anything else is not one of ours.
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


def archive_name(watermark: str) -> str:
    """``index-<UTC time>-<watermark digest>-<random>.zip``: sortable by eye, unique on every store."""
    digest = hashlib.sha256(watermark.encode()).hexdigest()[:16]
    stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
    return f"index-{stamp}-{digest}-{secrets.token_hex(4)}.zip"


def save(index: MatchIndex) -> str:
    """Store the index as one archive; returns the name the storage gave it."""
    with tempfile.TemporaryDirectory(prefix="talentdrive-index-") as scratch:
        directory = Path(scratch) / "index"
        index.save(directory)
        archive = Path(scratch) / "index.zip"
        # Stored, not deflated: the arrays are mostly incompressible integers and floats, and
        # compressing a million-candidate index would cost more time than the transfer it saves.
        with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_STORED) as bundle:
            for path in sorted(directory.iterdir()):
                bundle.write(path, arcname=path.name)
        with archive.open("rb") as handle:
            return storage().save(archive_name(index.tag), File(handle))


def load(name: str) -> MatchIndex:
    """Read a stored build (a read: nothing is written anywhere but a scratch directory)."""
    started = time.perf_counter()
    try:
        with tempfile.TemporaryDirectory(prefix="talentdrive-index-") as scratch:
            with storage().open(name, "rb") as handle, zipfile.ZipFile(handle) as bundle:
                names = set(bundle.namelist())
                if not names <= MEMBERS or "meta.json" not in names:
                    raise ValueError(f"unexpected members {sorted(names - MEMBERS)}")
                bundle.extractall(scratch)
            index = MatchIndex.load(Path(scratch))
    except (OSError, ValueError, KeyError, zipfile.BadZipFile) as error:
        raise IndexUnreadable(f"match index {name}: {type(error).__name__}: {error}") from error
    logger.info(
        "match index %s loaded: %d candidates in %.2f s", name, len(index), time.perf_counter() - started
    )
    return index


def delete(name: str) -> None:
    storage().delete(name)


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


def reset() -> None:
    """Forget the in-memory index (tests, or after restoring a database)."""
    global _live
    _live = None
