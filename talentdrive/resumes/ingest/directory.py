"""Bulk ingest of a folder of resumes: parse in parallel, write in the main process, resume after a crash.

Files are parsed by the pure core in worker processes; every database write happens here. A file's
candidate and resume are written together (one savepoint) and committed in small batches, so a run
killed at any instant leaves each file either fully stored or not at all. A re-run skips every file
whose content hash is stored.
"""

from __future__ import annotations

import csv
import json
import multiprocessing
import os
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from django.db import DatabaseError, transaction

from talentdrive.audit.actors import Actor
from talentdrive.resumes.ingest.worker import (
    Parsed,
    ParseOutcome,
    content_sha256,
    exit_with_parent,
    parse_path,
)
from talentdrive.resumes.selectors import resume_known_hashes
from talentdrive.resumes.services import resume_ingest_parsed

# How many hashes are checked against the database in one query.
_LOOKUP_BATCH = 500
# Workers start as fresh interpreters: forking a process that runs a progress-bar thread and holds
# database connections is not safe, and the worker side needs nothing but the pure core.
_WORKER_CONTEXT = multiprocessing.get_context("spawn")
# How many files are written per commit (short enough that web requests never wait long for the lock).
_WRITE_BATCH = 25


@dataclass
class IngestReport:
    seen: int = 0
    stored: int = 0
    skipped: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    # (path, message): stored files whose contact details conflicted with another candidate's.
    warnings: list[tuple[str, str]] = field(default_factory=list)


def iter_files(root: Path) -> Iterator[Path]:
    """Every regular, non-hidden file under root, in a stable order so runs are reproducible."""
    for directory, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith("."):
                yield Path(directory) / name


def _hash_path(path: Path) -> str:
    try:
        return content_sha256(path.read_bytes())
    except OSError:
        return ""


def write_failures(path: Path, failures: list[tuple[str, str]]) -> None:
    """The failure report: JSON Lines when the name ends in .jsonl, CSV otherwise."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        if path.suffix == ".jsonl":
            for file_path, error in failures:
                handle.write(json.dumps({"path": file_path, "error": error}, ensure_ascii=False) + "\n")
        else:
            writer = csv.writer(handle)
            writer.writerow(["path", "error"])
            writer.writerows(failures)


def ingest_directory(
    root: Path,
    *,
    workers: int,
    max_bytes: int,
    max_pages: int | None = None,
    actor: Actor,
    exclude: frozenset[Path] = frozenset(),
    on_total: Callable[[int], None] = lambda total: None,
    on_done: Callable[[int], None] = lambda count: None,
) -> IngestReport:
    """Ingest every file under root except ``exclude`` (resolved paths); the callbacks drive a progress display."""
    report = IngestReport()
    files = [path for path in iter_files(root) if path.resolve() not in exclude]
    report.seen = len(files)
    on_total(len(files))
    pending: list[Path] = []
    # The same bytes under several names are one file: parsed once, and its copies share its outcome
    # (already stored when it is stored, the same failure when it fails).
    first_with: dict[str, str] = {}  # content hash -> the first file with it
    copies: dict[str, list[Path]] = {}  # that first file -> the later files with the same bytes
    for start in range(0, len(files), _LOOKUP_BATCH):
        chunk = files[start : start + _LOOKUP_BATCH]
        hashes = {path: _hash_path(path) for path in chunk}
        known = resume_known_hashes(hashes=[h for h in hashes.values() if h])
        for path, digest in hashes.items():
            if digest and digest in known:
                report.skipped += 1
                on_done(1)
                continue
            if digest in first_with:
                copies[first_with[digest]].append(path)
                on_done(1)
                continue
            if digest:
                first_with[digest] = str(path)
                copies[str(path)] = []
            pending.append(path)
    batch: list[Parsed] = []
    # Results come back in file order whatever the workers' finishing order, so which file creates a
    # candidate (and so the name it keeps) is the same on every run.
    limits = (max_bytes, max_pages)
    for parsed in _parse_all(pending, workers=workers, limits=limits):
        batch.append(parsed)
        if len(batch) >= _WRITE_BATCH:
            _store_batch(batch, copies, limits, report, actor, on_done)
            batch = []
    _store_batch(batch, copies, limits, report, actor, on_done)
    return report


def _store_batch(
    batch: list[Parsed],
    copies: dict[str, list[Path]],
    limits: _Limits,
    report: IngestReport,
    actor: Actor,
    on_done: Callable[[int], None],
) -> None:
    # One commit per batch rather than per file; inside it each file is its own savepoint, so a file
    # that fails leaves the others alone, and a crash loses at most one uncommitted batch (re-done on restart).
    with transaction.atomic():
        for parsed in batch:
            failure = _store(parsed, report, actor)
            same_bytes = copies.get(parsed.path, [])
            if failure is None:
                report.skipped += len(same_bytes)
            elif failure.in_the_bytes:
                report.failures.extend((str(copy), failure.reason) for copy in same_bytes)
            else:
                # The reason was this path's (unreadable, changed, a database error): the copies are tried
                # one by one until one is stored.
                for index, copy in enumerate(same_bytes):
                    retry = (
                        Parsed(str(copy), parsed.sha256, parsed.outcome)
                        if parsed.sha256
                        else parse_path(str(copy), *limits)
                    )
                    if _store(retry, report, actor) is None:
                        report.skipped += len(same_bytes) - index - 1
                        break
            on_done(1)


@dataclass(frozen=True)
class _Failure:
    reason: str
    in_the_bytes: bool  # a byte-identical copy would fail the same way


def _store(parsed: Parsed, report: IngestReport, actor: Actor) -> _Failure | None:
    """Store one parsed file: None when stored, else why not (also added to the report)."""

    def failed(reason: str, *, in_the_bytes: bool) -> _Failure:
        report.failures.append((parsed.path, reason))
        return _Failure(reason, in_the_bytes)

    if parsed.outcome.profile is None:
        # A parse failure lies in the bytes; a file that could not be read at all comes without a hash.
        return failed(parsed.outcome.error or "unreadable file", in_the_bytes=bool(parsed.sha256))
    try:
        content = Path(parsed.path).read_bytes()
    except OSError as error:
        return failed(f"cannot read file: {error.strerror}", in_the_bytes=False)
    if content_sha256(content) != parsed.sha256:
        return failed("file changed while it was being ingested", in_the_bytes=False)
    warnings: list[str] = []
    try:
        resume_ingest_parsed(
            filename=Path(parsed.path).name,
            content=content,
            sha256=parsed.sha256,
            outcome=parsed.outcome,
            actor=actor,
            warnings=warnings,
        )
    except ValueError as error:
        return failed(str(error), in_the_bytes=True)
    except DatabaseError as error:
        return failed(f"database error: {type(error).__name__}", in_the_bytes=False)
    report.stored += 1
    report.warnings.extend((parsed.path, warning) for warning in warnings)
    return None


_Limits = tuple[int, int | None]


def _parse_all(paths: list[Path], *, workers: int, limits: _Limits) -> Iterator[Parsed]:
    """Parse every path, yielding the results in the order of ``paths``."""
    if workers <= 1:
        for path in paths:
            yield parse_path(str(path), *limits)
        return
    order = [str(path) for path in paths]
    ready: dict[str, Parsed] = {}
    submitted = emitted = 0
    # A bounded window (parsing plus finished-but-waiting) keeps memory flat on 20,000 files while
    # every core stays busy.
    window = workers * 4
    while emitted < len(order):
        executor = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=_WORKER_CONTEXT,
            initializer=exit_with_parent,
            initargs=(os.getpid(),),
        )
        in_flight: dict[Future[Parsed], str] = {}
        try:
            while emitted < len(order):
                while submitted < len(order) and len(in_flight) + len(ready) < window:
                    next_path = order[submitted]
                    submitted += 1
                    in_flight[executor.submit(parse_path, next_path, *limits)] = next_path
                if in_flight:
                    done, _ = wait(in_flight, return_when=FIRST_COMPLETED)
                    for future in done:
                        parsed = future.result()  # raises BrokenProcessPool with the path still in flight
                        del in_flight[future]
                        ready[parsed.path] = parsed
                while emitted < len(order) and order[emitted] in ready:
                    yield ready.pop(order[emitted])
                    emitted += 1
        except BrokenProcessPool:
            # A worker died (e.g. a native crash on a hostile file). The files in flight cannot be
            # told apart, so each is retried alone in a fresh pool; the one that kills it is reported.
            suspects = list(in_flight.values())
            executor.shutdown(wait=False, cancel_futures=True)
            for suspect in suspects:
                ready[suspect] = _parse_isolated(suspect, limits)
            continue
        finally:
            executor.shutdown(wait=True, cancel_futures=True)


def _parse_isolated(path: str, limits: _Limits) -> Parsed:
    with ProcessPoolExecutor(
        max_workers=1, mp_context=_WORKER_CONTEXT, initializer=exit_with_parent, initargs=(os.getpid(),)
    ) as single:
        try:
            return single.submit(parse_path, path, *limits).result()
        except BrokenProcessPool:
            return Parsed(path, "", ParseOutcome(None, "the parser crashed on this file", "", "", ""))
