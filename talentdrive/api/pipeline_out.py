"""Applications, stages, timeline entries, notes, résumé profiles and rejection reasons as the API
answers them (the shapes of ``schemas/applications.py``), in the request's language."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.utils.translation import get_language

from talentdrive.pipeline.core.flow import Flow, StageSpec, kind_of_code
from talentdrive.pipeline.flows import flows_for_requisitions
from talentdrive.pipeline.models import Application, Note, RejectionReason
from talentdrive.pipeline.selectors import TimelineEntry


def stage_out(flow: Flow | None, code: str) -> dict[str, Any]:
    spec = flow.stage(code) if flow is not None else None
    if spec is None:  # a stage an administrator has since removed from the flow
        spec = StageSpec(code, kind_of_code(code), code, code)
    chinese = (get_language() or "en").startswith("zh")
    return {
        "code": spec.code,
        "name": spec.name_zh if chinese else spec.name_en,
        "name_en": spec.name_en,
        "name_zh": spec.name_zh,
        "kind": spec.kind,
    }


def application_summary_out(application: Application, flow: Flow) -> dict[str, Any]:
    """Needs ``candidate``, ``requisition__drive``, ``requisition__plan_line`` and ``rejection_reason``
    loaded with the application (``application_list`` and a ``select_related("requisition__drive")``)."""
    requisition = application.requisition
    candidate = application.candidate
    return {
        "id": application.pk,
        "candidate_id": candidate.pk,
        "candidate_name": candidate.full_name,
        "candidate_erased": candidate.erased_at is not None,
        "requisition": {
            "id": requisition.pk,
            "external_id": requisition.external_id,
            "title_en": requisition.title_en,
            "title_zh": requisition.title_zh,
            "drive": requisition.drive.code,
            "channel": requisition.plan_line.channel,
            "status": requisition.status,
        },
        "stage": stage_out(flow, application.stage),
        "version": application.version,
        "active": application.is_active,
        "rejection_reason": application.rejection_reason.code if application.rejection_reason else None,
        "source": application.source,
        "created_at": application.created_at,
        "stage_changed_at": application.stage_changed_at,
    }


def application_summaries_out(applications: Iterable[Application]) -> list[dict[str, Any]]:
    """A page of applications, their flows read in two queries whatever the page holds."""
    applications = list(applications)
    flows = flows_for_requisitions(application.requisition for application in applications)
    return [
        application_summary_out(application, flows[application.requisition_id])
        for application in applications
    ]


def timeline_entry_out(entry: TimelineEntry, flow: Flow) -> dict[str, Any]:
    return {
        "at": entry.at,
        "kind": entry.kind,
        "actor": entry.actor,
        "application_id": entry.application_id,
        "from_stage": stage_out(flow, entry.from_stage) if entry.from_stage else None,
        "to_stage": stage_out(flow, entry.to_stage) if entry.to_stage else None,
        "rejection_reason": entry.rejection_reason or None,
        "note": entry.note,
        "subject": entry.text if entry.kind == "email" else "",
        "status": entry.status,
        "summary": entry.text if entry.kind in ("interview", "scorecard", "offer") else "",
    }


def note_out(note: Note) -> dict[str, Any]:
    return {
        "id": note.pk,
        "application_id": note.application_id,
        "author": str(note.author),
        "body": note.body,
        "mentions": sorted(user.username for user in note.mentions.all()),
        "created_at": note.created_at,
    }


def rejection_reason_out(reason: RejectionReason) -> dict[str, Any]:
    return {"code": reason.code, "name": reason.name, "name_en": reason.name_en, "name_zh": reason.name_zh}


def _names(items: Any) -> list[str]:
    return [str(item.get("name") or item.get("id")) for item in items or [] if isinstance(item, dict)]


def profile_summary_out(profile: dict[str, Any]) -> dict[str, Any] | None:
    """The headline of a parsed profile (``docs/resume-profile.md``), without the spans; None if empty."""
    if not profile:
        return None

    def entries(key: str, fields: tuple[str, ...]) -> list[dict[str, Any]]:
        return [
            {name: entry.get(name) for name in fields}
            for entry in profile.get(key) or []
            if isinstance(entry, dict)
        ]

    publications = [item for item in profile.get("publications") or [] if isinstance(item, dict)]
    return {
        "language": profile.get("language"),
        "years_experience": profile.get("years_experience"),
        "skills": _names(profile.get("skills")),
        "education": entries("education", ("degree", "school", "major", "start", "end")),
        "experience": entries("experience", ("employer", "title", "start", "end", "current")),
        "domains": _names(profile.get("domains")),
        "publications": len(publications),
        "top_venue_publications": sum(1 for item in publications if item.get("top_venue")),
        "awards": len(profile.get("awards") or []),
    }
