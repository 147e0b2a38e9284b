"""Resume parsing core: bytes in, a frozen Profile out. Pure Python, no Django import."""

from .fields import detect_language, extract_profile
from .model import (
    ERROR_CODES,
    Award,
    Education,
    Experience,
    Limits,
    Link,
    ListedSkill,
    Located,
    Mention,
    ParseResult,
    Phone,
    Profile,
    Publication,
    Span,
    Tagged,
    too_large_message,
)
from .parse import parse_document
from .serialize import profile_to_json, result_to_json

__all__ = [
    "ERROR_CODES",
    "Award",
    "Education",
    "Experience",
    "Limits",
    "Link",
    "ListedSkill",
    "Located",
    "Mention",
    "ParseResult",
    "Phone",
    "Profile",
    "Publication",
    "Span",
    "Tagged",
    "detect_language",
    "extract_profile",
    "parse_document",
    "profile_to_json",
    "result_to_json",
    "too_large_message",
]
