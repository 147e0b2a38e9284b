"""Profile to the JSON document described in docs/resume-profile.md."""

from __future__ import annotations

from typing import Any

from .model import Located, ParseResult, Profile, Span, Tagged


def _span(span: Span) -> list[int]:
    return [span.start, span.end]


def _tagged(items: tuple[Tagged, ...]) -> list[dict[str, Any]]:
    return [
        {
            "id": item.id,
            "name": item.name,
            "mentions": [{"text": m.surface, "span": _span(m.span)} for m in item.mentions],
        }
        for item in items
    ]


def _value(located: Located | None) -> str | None:
    return located.value if located else None


def profile_to_json(profile: Profile, *, source: str | None = None) -> dict[str, Any]:
    """The profile as plain JSON values; every entry carries the span of text it came from."""
    data: dict[str, Any] = {} if source is None else {"source": source}
    data.update(
        {
            "language": profile.language,
            "name": _value(profile.name),
            "emails": [email.value for email in profile.emails],
            "phones": [phone.e164 for phone in profile.phones],
            "location": _value(profile.location),
            "links": [
                {"url": link.url, "kind": link.kind, "span": _span(link.span)} for link in profile.links
            ],
            "education": [
                {
                    "degree": entry.degree,
                    "school": entry.school,
                    "major": entry.major,
                    "start": entry.start,
                    "end": entry.end,
                    "span": _span(entry.span),
                }
                for entry in profile.education
            ],
            "experience": [
                {
                    "employer": entry.employer,
                    "title": entry.title,
                    "start": entry.start,
                    "end": entry.end,
                    "current": entry.current,
                    "internship": entry.internship,
                    "span": _span(entry.span),
                }
                for entry in profile.experience
            ],
            "years_experience": profile.years_experience,
            "skills": _tagged(profile.skills),
            "domains": _tagged(profile.domains),
            "listed_skills": [
                {"name": item.name, "id": item.skill_id, "span": _span(item.span)}
                for item in profile.listed_skills
            ],
            "publications": [
                {
                    "title": entry.title,
                    "venue": entry.venue,
                    "year": entry.year,
                    "top_venue": entry.top_venue,
                    "span": _span(entry.span),
                }
                for entry in profile.publications
            ],
            "awards": [
                {"title": award.title, "kind": award.kind, "year": award.year, "span": _span(award.span)}
                for award in profile.awards
            ],
            "warnings": list(profile.warnings),
            "provenance": {
                "name": _span(profile.name.span) if profile.name else None,
                "location": _span(profile.location.span) if profile.location else None,
                "emails": [_span(email.span) for email in profile.emails],
                "phones": [_span(phone.span) for phone in profile.phones],
            },
        }
    )
    return data


def result_to_json(result: ParseResult, *, source: str) -> dict[str, Any]:
    """One JSON Lines record of the parse command: the profile, or the error and its code."""
    if result.profile is None:
        return {"source": source, "error": result.error, "code": result.code}
    data = profile_to_json(result.profile, source=source)
    data["type"] = result.kind
    data["pages"] = result.pages
    return data
