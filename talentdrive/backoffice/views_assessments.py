"""Online assessments: the list, a new one, a results file (checked first, then imported), and the
review queue of results below the pass mark."""

from __future__ import annotations

import hashlib
import secrets
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from talentdrive.backoffice.access import staff_view
from talentdrive.backoffice.forms import id_from_form
from talentdrive.campus import access as campus_access
from talentdrive.campus.assessments import (
    ResultsReport,
    assessment_create,
    assessment_result_review,
    assessment_results_import,
)
from talentdrive.campus.errors import CampusRefused
from talentdrive.campus.models import Assessment, AssessmentResult
from talentdrive.campus.selectors import assessment_get, assessment_list, assessment_results
from talentdrive.errors import DomainError
from talentdrive.pipeline.models import RejectionReason
from talentdrive.plans import access as plans_access
from talentdrive.plans.models import Drive, FocusArea, Requisition

SESSION_KEY = "backoffice.pending_results"


def _pending_dir() -> Path:
    path = Path(settings.VAR_DIR) / "imports"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _campus_requisitions(user: object) -> list[Requisition]:
    return list(
        Requisition.objects.filter(plans_access.requisition_scope(user), plan_line__channel="campus")
        .select_related("plan_line")
        .order_by("external_id")
    )


@staff_view(campus_access.assessment_can_list)
def assessments(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        try:
            pass_mark = Decimal(request.POST.get("pass_mark", ""))
            max_score = Decimal(request.POST.get("max_score") or "100")
            if not (pass_mark.is_finite() and max_score.is_finite()):  # "NaN", "Infinity"
                raise InvalidOperation
        except InvalidOperation:
            messages.error(request, _("The pass mark and the highest score must be numbers."))
            return redirect("backoffice:assessments")
        requisition = Requisition.objects.filter(
            plans_access.requisition_scope(request.user),
            pk=id_from_form(request.POST.get("requisition", "")) or 0,
        ).first()
        area = FocusArea.objects.filter(code=request.POST.get("focus_area", "")).first()
        drive = (
            requisition.drive
            if requisition
            else Drive.objects.filter(code=request.POST.get("drive", "")).first()
        )
        if drive is None:
            messages.error(request, _("Choose a campus requisition, or a drive and a focus area."))
            return redirect("backoffice:assessments")
        try:
            created = assessment_create(
                drive=drive,
                requisition=requisition,
                focus_area=None if requisition else area,
                name_en=request.POST.get("name_en", "") or "Online assessment",
                name_zh=request.POST.get("name_zh", "") or "在线笔试",
                pass_mark=pass_mark,
                max_score=max_score,
                actor=request.user,  # type: ignore[arg-type]
            )
        except CampusRefused as refused:
            messages.error(request, refused.message)
            return redirect("backoffice:assessments")
        return redirect("backoffice:assessment_detail", created.pk)
    context = {
        "nav": "campus",
        "assessments": assessment_list(user=request.user),
        "requisitions": _campus_requisitions(request.user),
        "drives": Drive.objects.order_by("code"),
        "areas": FocusArea.objects.order_by("code"),
        # Leaders read assessments; those who change requisitions create them.
        "can_create": plans_access.requisition_can_change_any(request.user),
    }
    return render(request, "backoffice/campus/assessments.html", context)


def _get(request: HttpRequest, pk: int) -> Assessment:
    try:
        return assessment_get(user=request.user, assessment_id=pk)
    except Assessment.DoesNotExist as missing:
        raise Http404 from missing


@staff_view(campus_access.assessment_can_list)
def assessment_detail(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = _get(request, pk)
    report: ResultsReport | None = None
    pending = None
    if request.method == "POST":
        upload = request.FILES.get("file")
        if upload is None:
            messages.error(request, _("Choose the results file."))
            return redirect("backoffice:assessment_detail", pk)
        limit = int(str(settings.TALENTDRIVE["IMPORT_MAX_BYTES"]))
        content = upload.read(limit + 1)
        try:
            report = assessment_results_import(
                assessment_id=assessment.pk,
                filename=upload.name or "results",
                content=content,
                actor=request.user,  # type: ignore[arg-type]
                dry_run=True,
            )
        except CampusRefused as refused:
            messages.error(request, refused.message)
            return redirect("backoffice:assessment_detail", pk)
        if report.ok:
            token = secrets.token_hex(16)
            (_pending_dir() / token).write_bytes(content)
            pending = {
                "token": token,
                "assessment": assessment.pk,
                "filename": upload.name,
                "sha256": hashlib.sha256(content).hexdigest(),
            }
            request.session[SESSION_KEY] = pending
    context = {
        "nav": "campus",
        "assessment": assessment,
        "report": report,
        "pending": pending,
        "results": assessment_results(user=request.user, assessment=assessment),
        "reasons": RejectionReason.objects.filter(active=True),
        "can_import": campus_access.assessment_can_import(request.user, assessment),
    }
    return render(request, "backoffice/campus/assessment_detail.html", context)


@staff_view(campus_access.assessment_can_list)
def assessment_commit(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = _get(request, pk)
    if request.method != "POST":
        return redirect("backoffice:assessment_detail", pk)
    pending = request.session.pop(SESSION_KEY, None)
    path = _pending_dir() / pending["token"] if pending else None
    if (
        not pending
        or pending.get("assessment") != assessment.pk
        or request.POST.get("token") != pending["token"]
        or path is None
        or not path.exists()
    ):
        messages.error(request, _("Nothing is waiting to be imported; upload the file again."))
        return redirect("backoffice:assessment_detail", pk)
    content = path.read_bytes()
    path.unlink(missing_ok=True)
    if hashlib.sha256(content).hexdigest() != pending["sha256"]:
        messages.error(request, _("The checked file changed on the server; upload it again."))
        return redirect("backoffice:assessment_detail", pk)
    try:
        report = assessment_results_import(
            assessment_id=assessment.pk,
            filename=pending["filename"],
            content=content,
            actor=request.user,  # type: ignore[arg-type]
        )
    except CampusRefused as refused:
        messages.error(request, refused.message)
        return redirect("backoffice:assessment_detail", pk)
    if report.ok:
        messages.success(
            request,
            _("%(moved)s applicants passed and moved to the next stage; %(queued)s wait for review.")
            % {"moved": report.moved, "queued": report.queued},
        )
    else:
        messages.error(request, "; ".join(str(error) for error in report.errors[:5]))
    return redirect("backoffice:assessment_detail", pk)


@staff_view(campus_access.assessment_can_list)
def assessment_result_decide(request: HttpRequest, pk: int) -> HttpResponse:
    result = AssessmentResult.objects.filter(pk=pk).first()
    if result is None or request.method != "POST":
        raise Http404
    _get(request, result.assessment_id)
    advance = request.POST.get("decision") == "advance"
    reason = RejectionReason.objects.filter(code=request.POST.get("reason", ""), active=True).first()
    try:
        assessment_result_review(
            result_id=result.pk,
            advance=advance,
            reason=reason,
            note=request.POST.get("note", "")[:2000],
            actor=request.user,  # type: ignore[arg-type]
        )
    except DomainError as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, _("Decision recorded."))
    return redirect("backoffice:assessment_detail", result.assessment_id)
