"""The part of ingest that runs in worker processes: read and parse one file. No Django import.

It must stay importable in a freshly spawned interpreter, so it depends on the pure parsing core
only; the results are plain values that pickle across the process boundary.
"""

from __future__ import annotations

import hashlib
import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

_MEDIA_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "txt": "text/plain",
    "html": "text/html",
    "md": "text/markdown",
}


@dataclass(frozen=True)
class ParseOutcome:
    """What parsing one file produced, in plain values that cross process boundaries."""

    profile: dict[str, Any] | None
    error: str
    text: str
    language: str
    content_type: str


def content_sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def parse_content(
    content: bytes, filename: str, *, max_bytes: int | None = None, max_pages: int | None = None
) -> ParseOutcome:
    """Run the pure parsing core on one file; never raises, a failure is an outcome with an error.

    Limits not given keep the core's defaults; callers pass the deployment's configured ones.
    """
    from talentdrive.resumes.core import Limits, parse_document, profile_to_json

    budgets = {"max_bytes": max_bytes, "max_pages": max_pages}
    limits = Limits(**{key: value for key, value in budgets.items() if value})
    try:
        result = parse_document(content, filename, limits=limits)
    except Exception as error:  # a parser bug must cost one file, not the batch
        return ParseOutcome(None, f"parser error: {type(error).__name__}", "", "", "")
    content_type = _MEDIA_TYPES.get(result.kind or "", "")
    if result.profile is None:
        return ParseOutcome(None, result.error or result.code or "unreadable file", "", "", content_type)
    data = profile_to_json(result.profile)
    return ParseOutcome(data, "", result.text, str(data.get("language") or ""), content_type)


@dataclass(frozen=True)
class Parsed:
    path: str
    sha256: str
    outcome: ParseOutcome


def parse_path(path: str, max_bytes: int, max_pages: int | None = None) -> Parsed:
    """Read and parse one file; every failure is an outcome with a reason, never an exception."""
    from talentdrive.resumes.core import too_large_message

    try:
        size = os.path.getsize(path)
        if size > max_bytes:
            return Parsed(path, "", ParseOutcome(None, too_large_message(size, max_bytes), "", "", ""))
        content = Path(path).read_bytes()
    except OSError as error:
        return Parsed(path, "", ParseOutcome(None, f"cannot read file: {error.strerror}", "", "", ""))
    outcome = parse_content(content, Path(path).name, max_bytes=max_bytes, max_pages=max_pages)
    return Parsed(path, content_sha256(content), outcome)


def exit_with_parent(parent: int) -> None:
    """Worker initialiser: leave when the ingest process dies (kill -9 included), never linger as an orphan."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()
