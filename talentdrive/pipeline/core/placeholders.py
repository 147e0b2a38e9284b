"""Placeholders in the candidate email templates administrators write: checking and filling them.

No Django import. A template is plain text with ``{name}`` placeholders from a small fixed vocabulary
(``PLACEHOLDERS``) and ``{{`` / ``}}`` for a literal brace, as in ``str.format``. Only bare names are
allowed: no attribute or index access (``{job.title}``, ``{a[0]}``), no conversion (``!r``) and no
format spec (``{job_title:>99999}``), so whoever edits a template reaches the values it is given and
nothing else. Filling never calls ``str.format``: the parsed pieces are joined with the given values.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from string import Formatter

PLACEHOLDERS: tuple[str, ...] = (
    "candidate_name",
    "job_title",
    "company",
    "drive_name",
    "stage",
    "status_url",
    # Another open role offered to the candidate (empty in emails that suggest none).
    "suggested_job",
    "suggested_job_url",
)

# Problem codes: a name outside the vocabulary, braces that do not pair, anything beyond a bare name.
UNKNOWN, MALFORMED, NOT_PLAIN = "unknown_placeholder", "malformed_braces", "placeholder_not_plain"


@dataclass(frozen=True)
class PlaceholderProblem:
    """What is wrong with one field of a template; ``placeholder`` is the text between the braces."""

    field: str
    code: str
    placeholder: str = ""


@dataclass(frozen=True)
class _Piece:
    literal: str
    name: str | None


def _pieces(text: str) -> list[_Piece]:
    """The text split into literals and placeholder names; ``ValueError`` on unpaired braces, and
    ``_NotPlain`` on a placeholder that is more than a name."""
    pieces = []
    for literal, name, spec, conversion in Formatter().parse(text):
        if name is not None and (spec or conversion or not name.isidentifier()):
            raise _NotPlain(name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else ""))
        pieces.append(_Piece(literal, name))
    return pieces


class _NotPlain(ValueError):
    pass


def placeholder_problems(
    fields: Mapping[str, str], *, allowed: tuple[str, ...] = PLACEHOLDERS
) -> list[PlaceholderProblem]:
    """Every problem in the given fields (name → text), at most one per field, in the fields' order."""
    problems = []
    for field, text in fields.items():
        try:
            pieces = _pieces(text)
        except _NotPlain as error:
            problems.append(PlaceholderProblem(field, NOT_PLAIN, str(error)))
            continue
        except ValueError:
            problems.append(PlaceholderProblem(field, MALFORMED))
            continue
        unknown = next((p.name for p in pieces if p.name is not None and p.name not in allowed), None)
        if unknown is not None:
            problems.append(PlaceholderProblem(field, UNKNOWN, unknown))
    return problems


def placeholders_fill(text: str, values: Mapping[str, str]) -> str:
    """The text with each placeholder replaced by its value; check the text first
    (``placeholder_problems``): a placeholder without a value raises ``KeyError``."""
    return "".join(p.literal + (values[p.name] if p.name is not None else "") for p in _pieces(text))


def subject_line(text: str, *, max_length: int = 255) -> str:
    """One line for an email's Subject header: line breaks (which could start a new header) become
    spaces, runs of white space one space, and an over-long subject is cut."""
    return " ".join(text.split())[:max_length]
