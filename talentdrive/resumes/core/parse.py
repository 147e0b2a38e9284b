"""The entry point: bytes and a file name in, a ParseResult out, never an exception."""

from __future__ import annotations

import time
from dataclasses import replace
from datetime import date

from .deadline import Clock, Deadline
from .extract import extract_text
from .fields import extract_profile
from .model import Limits, ParseFailure, ParseResult, Profile

DEFAULT_LIMITS = Limits()


def parse_document(
    content: bytes,
    filename: str,
    *,
    limits: Limits | None = None,
    today: date | None = None,
    clock: Clock = time.monotonic,
) -> ParseResult:
    """Parse one resume. The type comes from the bytes; the file name is only carried along for reports.

    ``limits.timeout_seconds`` is measured on ``clock``; tests pass a fake one so the budget never depends
    on how busy the machine is.
    """
    limits = limits or DEFAULT_LIMITS
    deadline = Deadline(limits.timeout_seconds, clock=clock)
    try:
        extracted = extract_text(content, limits, deadline)
        deadline.check("before field extraction")
        profile = extract_profile(extracted.text, today=today, deadline=deadline)
    except ParseFailure as failure:
        return ParseResult(filename=filename, error=failure.message, code=failure.code)
    except RecursionError:
        return ParseResult(filename=filename, error="document structure too deep", code="too_deep")
    except MemoryError:
        return ParseResult(filename=filename, error="document too large to process", code="too_large")
    except Exception as error:  # a library failing on a hostile file costs that file only  # noqa: BLE001
        return ParseResult(
            filename=filename, error=f"unreadable file ({type(error).__name__})", code="corrupt"
        )
    if extracted.warnings:
        profile = _with_warnings(profile, extracted.warnings)
    return ParseResult(
        filename=filename,
        kind=extracted.kind,
        profile=profile,
        text=extracted.text,
        pages=extracted.pages,
        warnings=profile.warnings,
    )


def _with_warnings(profile: Profile, warnings: tuple[str, ...]) -> Profile:
    return replace(profile, warnings=(*warnings, *profile.warnings))
