"""Frozen value types of the parsing core: limits, the profile and the result of one parse."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple


@dataclass(frozen=True, slots=True)
class Limits:
    """Per-file budgets. Every one is checked before the expensive step it guards."""

    max_bytes: int = 10 * 1024 * 1024
    max_pages: int = 20
    # Wall-clock budget, checked between pages and between extraction stages (see docs/resume-profile.md).
    timeout_seconds: float = 10.0
    # Extracted text beyond this is dropped with a warning: it bounds field-extraction time.
    max_chars: int = 200_000
    # DOCX (zip) defences.
    max_zip_members: int = 2_000
    max_decompressed_bytes: int = 60 * 1024 * 1024
    max_xml_bytes: int = 25 * 1024 * 1024
    max_compression_ratio: float = 100.0
    max_table_depth: int = 6


class Span(NamedTuple):
    """Half-open character range [start, end) into the extracted text. (A named tuple: immutable, and
    cheap to make for each of the hundred-odd mentions and entries of a resume.)"""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Located:
    """A plain value and where it was found."""

    value: str
    span: Span


@dataclass(frozen=True, slots=True)
class Phone:
    e164: str
    raw: str
    span: Span


@dataclass(frozen=True, slots=True)
class Link:
    url: str
    kind: str  # github | scholar | linkedin | homepage | other
    span: Span


@dataclass(frozen=True, slots=True)
class Education:
    degree: str  # phd | master | bachelor | associate | other
    school: str | None
    major: str | None
    start: str | None  # "YYYY-MM" or "YYYY"
    end: str | None
    span: Span


@dataclass(frozen=True, slots=True)
class Experience:
    employer: str | None
    title: str | None
    start: str | None
    end: str | None
    current: bool
    internship: bool
    span: Span


class Mention(NamedTuple):
    """One place a skill or domain is written: the text as written, and where."""

    surface: str
    span: Span


_new = tuple.__new__


def make_mention(surface: str, start: int, end: int) -> Mention:
    """``Mention(surface, Span(start, end))`` without the named tuples' Python-level ``__new__``."""
    return _new(Mention, (surface, _new(Span, (start, end))))


@dataclass(frozen=True, slots=True)
class Tagged:
    """A canonical taxonomy entry (skill or domain) with every mention as written."""

    id: str
    name: str
    mentions: tuple[Mention, ...]


@dataclass(frozen=True, slots=True)
class ListedSkill:
    """A skill as listed in a skills section; ``skill_id`` is the taxonomy's, None when it has none."""

    name: str
    skill_id: str | None
    span: Span


@dataclass(frozen=True, slots=True)
class Publication:
    title: str | None
    venue: str | None
    year: int | None
    top_venue: bool
    span: Span


@dataclass(frozen=True, slots=True)
class Award:
    title: str
    kind: str  # competition | scholarship | honor
    year: int | None
    span: Span


@dataclass(frozen=True, slots=True)
class Profile:
    language: str  # zh | en | mixed
    name: Located | None = None
    emails: tuple[Located, ...] = ()
    phones: tuple[Phone, ...] = ()
    location: Located | None = None
    links: tuple[Link, ...] = ()
    education: tuple[Education, ...] = ()
    experience: tuple[Experience, ...] = ()
    years_experience: float = 0.0
    skills: tuple[Tagged, ...] = ()
    domains: tuple[Tagged, ...] = ()
    listed_skills: tuple[ListedSkill, ...] = ()
    publications: tuple[Publication, ...] = ()
    awards: tuple[Award, ...] = ()
    warnings: tuple[str, ...] = ()


# Error codes a caller can branch on; the message is for people.
ERROR_CODES = (
    "too_large",
    "unsupported_type",
    "no_text_layer",
    "empty",
    "too_many_pages",
    "timeout",
    "corrupt",
    "zip_bomb",
    "unsafe_xml",
    "too_deep",
)


_MB = 1024 * 1024


def too_large_message(size: int, limit: int) -> str:
    """The one wording for a file over the size limit, wherever it is checked: sizes in MB."""
    limit_mb = limit / _MB
    shown_limit = f"{limit_mb:.0f}" if limit_mb == int(limit_mb) else f"{limit_mb:.1f}"
    shown = f"{size / _MB:.1f}"
    if float(shown) <= limit_mb:  # just over the limit: enough digits to see that it is over
        shown = f"{size / _MB:.3f}"
    return f"{shown} MB, more than the {shown_limit} MB limit"


class ParseFailure(Exception):
    """Raised inside the core for a file that cannot be parsed; turned into a ParseResult error."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True, slots=True)
class ParseResult:
    """Either a profile (with the text its spans point into) or an error code and reason."""

    filename: str
    kind: str | None = None  # pdf | docx | txt | html | md
    profile: Profile | None = None
    text: str = ""
    pages: int | None = None
    error: str | None = None
    code: str | None = None
    warnings: tuple[str, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return self.profile is not None

    @property
    def content_type(self) -> str:
        return _CONTENT_TYPES.get(self.kind or "", "")


_CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "txt": "text/plain",
    "html": "text/html",
    "md": "text/markdown",
}
