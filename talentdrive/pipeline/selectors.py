"""Reads for applications. A candidate reaches only their own applications, and staff those that
``pipeline/access.py`` gives them, through these."""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Count, Q, QuerySet, Sum
from django.utils.translation import gettext_lazy as _

from talentdrive.accounts.models import User
from talentdrive.candidates.models import Candidate
from talentdrive.candidates.normalise import normalise_email
from talentdrive.candidates.tokens import status_token_read
from talentdrive.pipeline import access
from talentdrive.pipeline.core.flow import REVIEW, Flow, StageSpec
from talentdrive.pipeline.errors import ApplicationRefused
from talentdrive.pipeline.flows import flow_for_requisition
from talentdrive.pipeline.models import (
    CLOSED_STAGES,
    PUBLIC_STAGE_OF_KIND,
    Application,
    CandidateEmail,
    CandidateEmailStatus,
    EmailTemplate,
    EmailTemplateKind,
    Note,
    PublicStage,
    StageChange,
)
from talentdrive.plans.models import Drive, Requisition, RequisitionStatus


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
        .prefetch_related("cities")
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
    """The requisition one may apply to now; ``ApplicationRefused`` not_found or closed otherwise."""
    return requisition_check_open(requisition_public_get(requisition_id=requisition_id))


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
            for r in candidate.resumes.all()
        ],
    }


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


def application_list(*, user: User, filters: ApplicantFilters | None = None) -> QuerySet[Application]:
    """The applications the user may read (``pipeline/access.py``), filtered."""
    filters = filters or ApplicantFilters()
    applications = Application.objects.filter(access.application_scope(user))
    if filters.stage:
        applications = applications.filter(stage=filters.stage)
    if filters.source:
        applications = applications.filter(source=filters.source)
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


def candidate_timeline(*, user: User, candidate: Candidate) -> list[TimelineEntry]:
    """Every event of this person the user may see: applications, stage changes, notes and emails to
    them, oldest first."""
    visible = Application.objects.filter(access.application_scope(user), candidate=candidate)
    entries: list[TimelineEntry] = []
    for application in visible.select_related("requisition"):
        entries.append(
            TimelineEntry(application.created_at, "applied", "", application.requisition.external_id)
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
            )
        )
    notes = Note.objects.filter(candidate=candidate).filter(
        Q(application__isnull=True) | Q(application__in=visible)
    )
    for note in notes.select_related("author"):
        entries.append(TimelineEntry(note.created_at, "note", str(note.author), note.body))
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


@dataclass(frozen=True)
class PublicStep:
    """One step of an application as the candidate sees it: internal stages that read alike are one."""

    code: str
    label: str
    passed: bool
    current: bool


NEXT_STEP = {
    PublicStage.RECEIVED: _(
        "We have your application. A recruiter reads every application, and we will email you about "
        "the next step."
    ),
    PublicStage.IN_REVIEW: _(
        "Your application is being reviewed. If it moves on, we will email you to arrange the next step."
    ),
    PublicStage.INTERVIEWING: _(
        "You are in the interviews. We will email you the time and place of each one."
    ),
    PublicStage.OFFER: _("An offer is being prepared for you; we will contact you with the details."),
    PublicStage.HIRED: _("Welcome aboard. We will be in touch about your first day."),
    PublicStage.CLOSED: _(
        "This application is not moving forward. Thank you for your interest; you are welcome to apply "
        "to other jobs."
    ),
    PublicStage.WITHDRAWN: _("You withdrew this application. While the job is open you may apply again."),
}


def application_public_steps(
    application: Application, *, flows: Callable[[Requisition], Flow] = flow_for_requisition
) -> list[PublicStep]:
    """The steps from received to hired in the candidate's wording, marking those passed and the
    current one; a closed application shows none (its page says it is not moving forward).
    ``flows``: a ``FlowCache`` when listing many applications."""
    if application.stage in CLOSED_STAGES:
        return []
    flow = flows(application.requisition)
    current = application.public_stage
    steps: list[str] = []
    for stage in flow.stages:
        public = PUBLIC_STAGE_OF_KIND.get(stage.kind)
        if public is None or public in (PublicStage.CLOSED, PublicStage.WITHDRAWN) or public in steps:
            continue
        steps.append(public)
    at = steps.index(current) if current in steps else -1
    return [
        PublicStep(code, str(PublicStage(code).label), passed=index < at, current=index == at)
        for index, code in enumerate(steps)
    ]


def application_next_step(application: Application) -> str:
    return str(NEXT_STEP.get(PublicStage(application.public_stage), ""))
