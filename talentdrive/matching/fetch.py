"""Database → plain values for the matching core: candidate profiles and requisition requirements."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.db.models import Count, Max, OuterRef, Subquery

from talentdrive.candidates.models import Candidate
from talentdrive.matching.core.index import FORMAT_VERSION
from talentdrive.matching.core.profile import CandidateProfile, profile_from_parse
from talentdrive.matching.core.requirements import Requirements, requirements_from_fields
from talentdrive.matching.core.textprofile import expand_domains, fill_from_text
from talentdrive.pipeline.models import Application
from talentdrive.plans.models import City, Requisition
from talentdrive.resumes.models import ParseStatus, Resume

BATCH = 2_000


def watermark() -> str:
    """Changes whenever a parsed profile, a candidate or an application changes (cheap aggregates), and
    with the index's stored format: a build in an older format is stale, so the next read or task
    rebuilds it instead of finding it current and failing to load it."""
    resumes = Resume.objects.filter(parse_status=ParseStatus.PARSED, confirmed=True).aggregate(
        n=Count("pk"), top=Max("pk"), parsed=Max("parsed_at")
    )
    candidates = Candidate.objects.aggregate(n=Count("pk"), changed=Max("updated_at"))
    applications = Application.objects.aggregate(n=Count("pk"), moved=Max("stage_changed_at"))
    parts = [
        f"format {FORMAT_VERSION}",
        resumes["n"],
        resumes["top"],
        resumes["parsed"],
        candidates["n"],
        candidates["changed"],
        applications["n"],
        applications["moved"],
    ]
    return "|".join("" if part is None else str(part) for part in parts)


def candidate_count() -> int:
    """Candidates the index would hold: not erased, with a parsed resume."""
    return (
        Candidate.objects.filter(
            erased_at__isnull=True, resumes__parse_status=ParseStatus.PARSED, resumes__confirmed=True
        )
        .distinct()
        .count()
    )


def top_award_count(data: dict[str, Any], taxonomy: Any) -> int:
    """Awards the taxonomy knows as world-class (tier 1); the parse schema leaves tiers to the taxonomy."""
    count = 0
    for award in data.get("awards") or ():
        title = award.get("title") or award.get("name") if isinstance(award, dict) else str(award)
        if title and any(hit.tier == 1 for hit in taxonomy.find_awards(str(title))):
            count += 1
    return count


def profile_for(
    resume: Resume, taxonomy: Any, *, source: str = "", stage: str = "", city: str = ""
) -> CandidateProfile:
    data = resume.profile if isinstance(resume.profile, dict) else {}
    profile = profile_from_parse(
        data, key=str(resume.candidate_id), text=resume.text, source=source, stage=stage, city=city
    )
    domains = expand_domains(profile.domains, taxonomy)
    top_awards = max(profile.top_awards, top_award_count(data, taxonomy))
    return fill_from_text(
        CandidateProfile(**{**profile.__dict__, "domains": domains, "top_awards": top_awards}), taxonomy
    )


def _city_finder() -> Any:
    names = [
        (code, [n.lower() for n in (code, zh, en) if n])
        for code, zh, en in City.objects.values_list("code", "name_zh", "name_en")
    ]

    def city_of(location: str) -> str:
        text = (location or "").lower()
        return next((code for code, words in names if any(word in text for word in words)), "")

    return city_of


def iter_profiles(taxonomy: Any) -> Iterator[CandidateProfile]:
    """The latest parsed, confirmed resume of every candidate not erased, in candidate order, in batches
    (a résumé the person has not confirmed never stands for them)."""
    city_of = _city_finder()
    latest = (
        Resume.objects.filter(
            candidate=OuterRef("candidate"), parse_status=ParseStatus.PARSED, confirmed=True
        )
        .order_by("-parsed_at", "-pk")
        .values("pk")[:1]
    )
    last_application = Application.objects.filter(candidate=OuterRef("candidate")).order_by(
        "-created_at", "-pk"
    )
    resumes = (
        Resume.objects.filter(
            parse_status=ParseStatus.PARSED, candidate__erased_at__isnull=True, pk=Subquery(latest)
        )
        .annotate(
            application_source=Subquery(last_application.values("source")[:1]),
            application_stage=Subquery(last_application.values("stage")[:1]),
        )
        .select_related("candidate")
        .order_by("candidate_id")
    )
    for resume in resumes.iterator(chunk_size=BATCH):
        yield profile_for(
            resume,
            taxonomy,
            source=getattr(resume, "application_source", "") or "",
            stage=getattr(resume, "application_stage", "") or "",
            city=city_of(resume.candidate.location),
        )


def requirements_for(requisition: Requisition, taxonomy: Any, *, hard: tuple[str, ...] = ()) -> Requirements:
    """A requisition's fields as Requirements (unknown skill ids raise RequirementError)."""
    data = {
        "must_skills": requisition.must_skills,
        "nice_skills": requisition.nice_skills,
        "domain": requisition.domain,
        "min_degree": requisition.min_degree,
        "min_years": requisition.min_years,
        "programme_eligible": requisition.programme_eligible,
        "title_en": requisition.title_en,
        "title_zh": requisition.title_zh,
        "description_en": requisition.description_en,
        "description_zh": requisition.description_zh,
        "focus_area": requisition.plan_line.focus_area.code,
        "degree_rule": "filter" if "degree" in hard else "penalty",
        "years_rule": "filter" if "years" in hard else "penalty",
    }
    return requirements_from_fields(data, known_skills=taxonomy.skills.keys(), taxonomy=taxonomy)


def profiles_for(candidate_ids: list[int], taxonomy: Any) -> dict[str, CandidateProfile]:
    """Profiles of a few candidates (the ranked ones), for the mention text in explanations."""
    resumes = (
        Resume.objects.filter(candidate_id__in=candidate_ids, parse_status=ParseStatus.PARSED, confirmed=True)
        .order_by("candidate_id", "-parsed_at", "-pk")
        .only("pk", "candidate_id", "profile", "text")
    )
    profiles: dict[str, CandidateProfile] = {}
    for resume in resumes:
        profiles.setdefault(str(resume.candidate_id), profile_for(resume, taxonomy))
    return profiles
