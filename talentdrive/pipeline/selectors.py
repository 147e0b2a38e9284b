"""Reads for applications. A candidate reaches only their own applications, and staff those that
``pipeline/access.py`` gives them, through these."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Count, Q, QuerySet, Sum

from talentdrive.accounts.models import User
from talentdrive.candidates.models import Candidate
from talentdrive.candidates.normalise import normalise_email
from talentdrive.candidates.tokens import status_token_read
from talentdrive.pipeline import access
from talentdrive.pipeline.core.flow import REVIEW, Flow, StageSpec
from talentdrive.pipeline.errors import ApplicationRefused
from talentdrive.pipeline.flows import flow_for_requisition
from talentdrive.pipeline.models import (
    Application,
    CandidateEmail,
    CandidateEmailStatus,
    EmailTemplate,
    EmailTemplateKind,
    Note,
    RejectionReason,
    StageChange,
)
from talentdrive.plans.models import Drive, Requisition, RequisitionStatus
from talentdrive.resumes.models import Resume


def candidate_from_status_token(*, token: str) -> Candidate | None:
    candidate_id = status_token_read(token=token)
    if candidate_id is None:
        return None
    return Candidate.objects.filter(pk=candidate_id).first()


def application_by_idempotency_key(*, key: str) -> Application | None:
    """The application a client already made with this key, for whichever requisition."""
    return Application.objects.filter(idempotency_key=key).first()


def submission_fingerprint(*, requisition_id: int, email: str) -> str:
    """A keyed digest of what identifies one submission: the requisition and the normalised email.

    Keyed with the site secret so the stored value cannot be matched against a list of addresses."""
    try:
        address = normalise_email(email)
    except ValueError:
        address = (email or "").strip().lower()
    message = f"{requisition_id}\n{address}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()


def requisition_public_get(*, requisition_id: int) -> Requisition:
    """A requisition that is or was public: anything but a draft, open or not.

    Raises ``ApplicationRefused("not_found")`` for a number that was never public, so a draft cannot be
    told from a missing number."""
    requisition = (
        Requisition.objects.select_related("plan_line", "drive")
        .exclude(status=RequisitionStatus.DRAFT)
        .filter(pk=requisition_id)
        .first()
    )
    if requisition is None:
        raise ApplicationRefused("not_found", detail=str(requisition_id))
    return requisition


def requisition_check_open(requisition: Requisition) -> Requisition:
    """The requisition, if it takes applications; ``ApplicationRefused("closed")`` if it no longer does
    (paused, filled or closed)."""
    if requisition.status != RequisitionStatus.OPEN:
        raise ApplicationRefused("closed", detail=str(requisition.status))
    return requisition


def application_requisition_get(*, requisition_id: int) -> Requisition:
    """The requisition one may apply to now, with what applying checks (status, channel, drive, the
    graduation window) and nothing else; ``ApplicationRefused`` not_found or closed otherwise."""
    requisition = (
        Requisition.objects.select_related("plan_line")
        .only("pk", "status", "drive_id", "graduation_from", "graduation_to", "plan_line__channel")
        .exclude(status=RequisitionStatus.DRAFT)
        .filter(pk=requisition_id)
        .first()
    )
    if requisition is None:
        raise ApplicationRefused("not_found", detail=str(requisition_id))
    return requisition_check_open(requisition)


def candidate_find_by_email(*, email: str) -> Candidate | None:
    """The (not erased) person with this normalised email, if they have applied at all."""
    normalised = normalise_email(email)
    if not normalised:
        return None
    return Candidate.objects.filter(
        email=normalised, erased_at__isnull=True, applications__isnull=False
    ).first()


def candidate_application_list(*, candidate: Candidate) -> QuerySet[Application]:
    return (
        Application.objects.filter(candidate=candidate)
        .select_related("requisition__plan_line__city", "requisition__drive")
        .order_by("-created_at")
    )


def candidate_application_get(*, candidate: Candidate, application_id: int) -> Application:
    """One of this candidate's applications; someone else's is indistinguishable from a missing one."""
    application = candidate_application_list(candidate=candidate).filter(pk=application_id).first()
    if application is None:
        raise Application.DoesNotExist(f"application {application_id} does not exist")
    return application


def candidate_data_export(*, candidate: Candidate) -> dict[str, Any]:
    """Everything the system holds about the person, as they may download it."""
    applications = candidate_application_list(candidate=candidate).select_related("resume", "consent")
    return {
        "candidate": {
            "full_name": candidate.full_name,
            "email": candidate.email,
            "phone": candidate.phone,
            "location": candidate.location,
            "created_at": candidate.created_at.isoformat(),
            "erased_at": candidate.erased_at.isoformat() if candidate.erased_at else None,
        },
        "consents": [
            {"version": c.version, "language": c.language, "text": c.text, "given_at": c.given_at.isoformat()}
            for c in candidate.consents.all()
        ],
        "applications": [
            {
                "id": a.pk,
                "requisition": a.requisition.external_id,
                "title_en": a.requisition.title_en,
                "title_zh": a.requisition.title_zh,
                "status": a.public_stage,
                "submitted_at": a.created_at.isoformat(),
                "withdrawn_at": a.withdrawn_at.isoformat() if a.withdrawn_at else None,
                "school": a.school,
                "degree": a.degree,
                "graduation_date": a.graduation_date.isoformat() if a.graduation_date else None,
                "preferred_cities": a.preferred_cities,
                "referral_code": a.referral_code,
                "source": a.source,
                "language": a.language,
            }
            for a in applications
        ],
        "resumes": [
            {
                "file_name": r.original_name,
                "size": r.size,
                "uploaded_at": r.created_at.isoformat(),
                "parse_status": r.parse_status,
                "profile": r.profile,
            }
            # A résumé sent under the address by someone who has not confirmed it is not theirs yet.
            for r in candidate_resumes_exported(candidate=candidate)
        ],
    }


def candidate_resumes_exported(*, candidate: Candidate) -> list[Resume]:
    """The résumés that are the person's own: a file sent under the address by someone who has not
    confirmed it is not theirs yet."""
    return [r for r in candidate.resumes.all() if r.confirmed]


def drive_public_counts(*, drive: Drive) -> dict[str, int]:
    """Headline figures for the portal's home page; anonymous, so they survive erasures."""
    open_requisitions = Requisition.objects.filter(drive=drive, status=RequisitionStatus.OPEN)
    totals = open_requisitions.aggregate(openings=Count("pk"), headcount=Sum("headcount"))
    return {
        "target": drive.total_target,
        "open_requisitions": totals["openings"] or 0,
        "open_headcount": totals["headcount"] or 0,
        "cities": drive.cities.count(),
        "applications": Application.objects.filter(requisition__drive=drive).count(),
    }


# --- the recruiters' workspace ------------------------------------------------------------------


@dataclass(frozen=True)
class BoardColumn:
    stage: StageSpec
    applications: list[Application]

    @property
    def count(self) -> int:
        return len(self.applications)


@dataclass(frozen=True)
class ApplicantFilters:
    stage: str | None = None
    source: str | None = None
    q: str | None = None
    requisition_id: int | None = None
    candidate_id: int | None = None
    # Applications whose stage changed at or after this moment (an integration's incremental sync).
    stage_changed_since: dt.datetime | None = None


def application_list(*, user: User, filters: ApplicantFilters | None = None) -> QuerySet[Application]:
    """The applications the user may read (``pipeline/access.py``), filtered."""
    filters = filters or ApplicantFilters()
    applications = Application.objects.filter(access.application_scope(user))
    if filters.stage:
        applications = applications.filter(stage=filters.stage)
    if filters.source:
        applications = applications.filter(source=filters.source)
    if filters.requisition_id is not None:
        applications = applications.filter(requisition_id=filters.requisition_id)
    if filters.candidate_id is not None:
        applications = applications.filter(candidate_id=filters.candidate_id)
    if filters.stage_changed_since is not None:
        applications = applications.filter(stage_changed_at__gte=filters.stage_changed_since)
    for word in (filters.q or "").split()[:6]:
        applications = applications.filter(
            Q(candidate__full_name__icontains=word)
            | Q(candidate__email__icontains=word)
            | Q(candidate__phone__icontains=word)
            | Q(school__icontains=word)
        )
    return applications.select_related("candidate", "requisition__plan_line", "rejection_reason")


def application_get(*, user: User, application_id: int) -> Application:
    """One application the user may read; one they may not is indistinguishable from a missing one."""
    application = (
        application_list(user=user)
        .select_related("resume", "requisition__drive", "requisition__plan_line__city")
        .filter(pk=application_id)
        .first()
    )
    if application is None:
        raise Application.DoesNotExist(f"application {application_id} does not exist")
    return application


def requisition_board(
    *, user: User, requisition: Requisition, filters: ApplicantFilters | None = None
) -> tuple[Flow, list[BoardColumn]]:
    """A requisition's applicants as columns, one per stage of its flow, in flow order."""
    flow = flow_for_requisition(requisition)
    applications = list(
        application_list(user=user, filters=filters)
        .filter(requisition=requisition)
        .order_by("stage_changed_at")
    )
    by_stage: dict[str, list[Application]] = {stage.code: [] for stage in flow.stages}
    for application in applications:
        # A stage an administrator has since removed from the flow still shows, at the end.
        by_stage.setdefault(application.stage, []).append(application)
    columns = [BoardColumn(stage, by_stage[stage.code]) for stage in flow.stages]
    known = set(flow.codes)
    columns += [
        BoardColumn(StageSpec(code, REVIEW, code, code), items)
        for code, items in by_stage.items()
        if code not in known
    ]
    return flow, columns


@dataclass(frozen=True)
class TimelineEntry:
    at: Any
    kind: str  # "stage", "note", "applied", "email"
    actor: str
    text: str
    from_stage: str = ""
    to_stage: str = ""
    status: str = ""  # an email's CandidateEmailStatus
    status_label: str = ""
    # The parts ``text`` is made of, for callers that show them apart (the API).
    application_id: int | None = None
    note: str = ""
    rejection_reason: str = ""  # the reason's code


def candidate_timeline(*, user: User, candidate: Candidate) -> list[TimelineEntry]:
    """Every event of this person the user may see: applications, stage changes, notes and emails to
    them, oldest first."""
    visible = Application.objects.filter(access.application_scope(user), candidate=candidate)
    entries: list[TimelineEntry] = []
    for application in visible.select_related("requisition"):
        entries.append(
            TimelineEntry(
                application.created_at,
                "applied",
                "",
                application.requisition.external_id,
                application_id=application.pk,
            )
        )
    changes = StageChange.objects.filter(application__in=visible).select_related(
        "actor", "rejection_reason", "application__requisition"
    )
    for change in changes:
        reason = change.rejection_reason.name if change.rejection_reason else ""
        text = " · ".join(
            part for part in (change.application.requisition.external_id, reason, change.note) if part
        )
        entries.append(
            TimelineEntry(
                change.created_at,
                "stage",
                str(change.actor or change.actor_name),
                text,
                change.from_stage,
                change.to_stage,
                application_id=change.application_id,
                note=change.note,
                rejection_reason=change.rejection_reason.code if change.rejection_reason else "",
            )
        )
    notes = Note.objects.filter(candidate=candidate).filter(
        Q(application__isnull=True) | Q(application__in=visible)
    )
    for note in notes.select_related("author"):
        entries.append(
            TimelineEntry(
                note.created_at,
                "note",
                str(note.author),
                note.body,
                application_id=note.application_id,
                note=note.body,
            )
        )
    emails = CandidateEmail.objects.filter(application__in=visible).select_related("template")
    for email in emails:
        # Rendered when sent: until then the template's name stands for the subject.
        subject = email.subject or (email.template.name if email.template else "")
        entries.append(
            TimelineEntry(
                email.created_at,
                "email",
                email.created_by,
                subject,
                application_id=email.application_id,
                status=email.status,
                status_label=email.status_label,
            )
        )
    return sorted(entries, key=lambda entry: entry.at)


def role_suggestions_sent(*, candidate: Candidate) -> dict[int, Any]:
    """The requisitions this person was invited to apply to (emails not cancelled), by id, with when."""
    return dict(
        CandidateEmail.objects.filter(application__candidate=candidate, suggested_requisition__isnull=False)
        .exclude(status=CandidateEmailStatus.CANCELLED)
        .order_by("created_at")
        .values_list("suggested_requisition_id", "created_at")
    )


def email_template_choices(*, kind: str = EmailTemplateKind.REJECTION) -> QuerySet[EmailTemplate]:
    """The active templates of ``kind`` a recruiter may pick from, in the administrators' order."""
    return EmailTemplate.objects.filter(active=True, kind=kind).order_by("position", "code")


def application_timeline(*, user: User, application: Application) -> list[TimelineEntry]:
    """The part of the candidate's timeline about this application: when it was made, its stage
    changes, its notes, and the notes on the person as a whole; oldest first."""
    return [
        entry
        for entry in candidate_timeline(user=user, candidate=application.candidate)
        if entry.application_id == application.pk or (entry.kind == "note" and entry.application_id is None)
    ]


def application_note_list(*, application: Application) -> QuerySet[Note]:
    """The notes on an application the caller may read, and those on its candidate as a whole (the
    same notes ``candidate_timeline`` shows with it), oldest first."""
    return (
        Note.objects.filter(
            Q(application=application) | Q(candidate_id=application.candidate_id, application__isnull=True)
        )
        .select_related("author")
        .prefetch_related("mentions")
        .order_by("created_at", "pk")
    )


def candidate_get(*, user: User, candidate_id: int) -> Candidate:
    """A candidate the user may read (``access.candidate_scope``): one they may not is indistinguishable
    from a missing one, erased people included (their row stays, without personal data)."""
    candidate = Candidate.objects.filter(access.candidate_scope(user), pk=candidate_id).first()
    if candidate is None:
        raise Candidate.DoesNotExist(f"candidate {candidate_id} does not exist")
    return candidate


def rejection_reason_list(*, include_retired: bool = False) -> QuerySet[RejectionReason]:
    """The reasons an application can be rejected with, in the administrators' order."""
    reasons = RejectionReason.objects.all()
    return reasons if include_retired else reasons.filter(active=True)
