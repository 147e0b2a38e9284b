"""Parse one file in a child process whose CPU time and memory the operating system limits.

The parser checks its own deadline between stages, but a library stuck inside one call (PDFium on a
hostile file, a regular expression on a pathological line) never returns to check it. Here the child
gets ``RLIMIT_CPU`` (the kernel sends SIGXCPU, then SIGKILL) and ``RLIMIT_AS`` (allocations beyond it fail,
which Python raises as MemoryError), and the parent kills it when the wall-clock budget runs out (a
child blocked without using CPU). Whatever happens to the child, the caller gets an outcome.

Children are forked from a fork server that imported the parsing core and parsed a small document
once, so every child starts with the core's patterns compiled: no parse pays that cost. No Django
import: the server and its children run the pure core only.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import signal
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from talentdrive.resumes.ingest.worker import ParseOutcome, parse_content

_CONTEXT = multiprocessing.get_context("forkserver")
_CONTEXT.set_forkserver_preload(["talentdrive.resumes.ingest.warm"])


@dataclass(frozen=True)
class ProcessLimits:
    """What one parse may use. ``memory_bytes`` is added to what the child already maps at its start."""

    cpu_seconds: int = 20
    memory_bytes: int = 768 * 1024 * 1024
    wall_seconds: float = 60.0
    # Added to the child's niceness: a parse takes the CPU the web workers leave, so a burst of uploads
    # (or a hostile file using its whole CPU allowance) does not slow the requests being answered.
    niceness: int = 10


def _mapped_bytes() -> int:
    try:
        with open("/proc/self/statm", encoding="ascii") as handle:
            return int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _limit_self(limits: ProcessLimits) -> None:
    if limits.niceness:
        os.nice(limits.niceness)
    resource.setrlimit(resource.RLIMIT_CPU, (limits.cpu_seconds, limits.cpu_seconds + 1))
    if limits.memory_bytes:
        ceiling = _mapped_bytes() + limits.memory_bytes
        resource.setrlimit(resource.RLIMIT_AS, (ceiling, ceiling))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _child(
    sender: Connection, limits: ProcessLimits, work: Callable[..., Any], args: tuple[Any, ...]
) -> None:
    _limit_self(limits)
    try:
        result = work(*args)
    except MemoryError:
        result = MemoryError()
    sender.send(result)
    sender.close()


class LimitExceeded(Exception):
    """The child was stopped by a limit: ``reason`` is ``cpu``, ``wall``, ``memory`` or ``crash``."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason


def run_limited(work: Callable[..., Any], *args: Any, limits: ProcessLimits) -> Any:
    """Run ``work(*args)`` (a module-level function; arguments and result pickle) in a limited child.

    Raises ``LimitExceeded`` when the child ran out of CPU time, wall time or memory, or died."""
    receiver, sender = _CONTEXT.Pipe(duplex=False)
    process = _CONTEXT.Process(target=_child, args=(sender, limits, work, args))
    process.start()
    sender.close()
    result: Any = None
    received = timed_out = False
    try:
        if receiver.poll(limits.wall_seconds):
            try:
                result = receiver.recv()
                received = True
            except EOFError:  # the child died before answering
                pass
        else:
            timed_out = True
    finally:
        if not received:
            process.kill()
        process.join()
        receiver.close()
    if received:
        if isinstance(result, MemoryError):
            raise LimitExceeded("memory", f"more than {limits.memory_bytes // (1024 * 1024)} MB of memory")
        return result
    if timed_out:
        raise LimitExceeded("wall", f"more than {limits.wall_seconds:g} s")
    if process.exitcode in (-signal.SIGXCPU, -signal.SIGKILL):
        # SIGXCPU at the soft CPU limit, SIGKILL at the hard one (nothing else kills it but us)
        raise LimitExceeded("cpu", f"more than {limits.cpu_seconds} s of CPU time")
    raise LimitExceeded("crash", f"the parsing process stopped (exit code {process.exitcode})")


def parse_content_limited(
    content: bytes,
    filename: str,
    *,
    limits: ProcessLimits,
    max_bytes: int | None = None,
    max_pages: int | None = None,
) -> ParseOutcome:
    """``parse_content`` in a limited child; a child stopped by a limit is a failed outcome with the reason."""
    try:
        outcome: ParseOutcome = run_limited(_parse, content, filename, max_bytes, max_pages, limits=limits)
    except LimitExceeded as stopped:
        return ParseOutcome(None, f"parsing stopped: it needed {stopped}", "", "", "")
    return outcome


def _parse(content: bytes, filename: str, max_bytes: int | None, max_pages: int | None) -> ParseOutcome:
    return parse_content(content, filename, max_bytes=max_bytes, max_pages=max_pages)
