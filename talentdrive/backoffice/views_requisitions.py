"""Requisitions in the back office: list, detail with status history, create, edit, status changes."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from talentdrive.accounts.models import User
from talentdrive.audit.selectors import audit_events_for
from talentdrive.backoffice.access import staff_view
from talentdrive.backoffice.forms import RequisitionFilterForm, RequisitionForm, StatusChangeForm
from talentdrive.campus import access as campus_access
from talentdrive.plans import access as plans_access
from talentdrive.plans.content import requisition_content_check
from talentdrive.plans.errors import PlanRuleError
from talentdrive.plans.models import ALLOWED_TRANSITIONS, PlanLine, Requisition, RequisitionStatus
from talentdrive.plans.selectors import (
    RequisitionFilters,
    requisition_get,
    requisition_get_for_edit,
    requisition_list,
)
from talentdrive.plans.services import (
    PlanLimitExceeded,
    PlanOverrideRequest,
    plan_line_committed_headcount,
    requisition_change_status,
    requisition_create,
    requisition_update,
)

PAGE_SIZE = 25

# How the requisition's audit events read in its history.
EVENT_LABELS = {
    "requisition.create": gettext_lazy("Created"),
    "requisition.update": gettext_lazy("Edited"),
    "requisition.status": gettext_lazy("Status changed"),
    "plan_line.override": gettext_lazy("Plan target overridden"),
}


def _user(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


@staff_view(plans_access.requisition_can_list)
def requisition_index(request: HttpRequest) -> HttpResponse:
    form = RequisitionFilterForm(request.GET or None)
    values = form.cleaned_data if form.is_valid() else {}
    filters = RequisitionFilters(
        drive=request.GET.get("drive") or None,
        **{name: values.get(name) or None for name in ("city", "channel", "area", "team", "status", "q")},
    )
    requisitions = requisition_list(user=_user(request), filters=filters)
    page = Paginator(requisitions, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "nav": "requisitions",
        "form": form,
        "page": page,
        "query": query.urlencode(),
        "can_create": plans_access.requisition_can_create_any(_user(request)),
    }
    template = "backoffice/requisition_rows.html" if request.htmx else "backoffice/requisition_list.html"  # type: ignore[attr-defined]
    return render(request, template, context)


def _get_visible(request: HttpRequest, pk: int) -> Requisition:
    try:
        return requisition_get(user=_user(request), requisition_id=pk)
    except Requisition.DoesNotExist as error:
        raise Http404(str(error)) from error


def _matching_url(pk: int) -> str | None:
    # The ranked candidate list plugs in through this route name when the matching views are installed.
    try:
        return reverse("backoffice:requisition_matching", args=[pk])
    except NoReverseMatch:
        return None


@staff_view(plans_access.requisition_can_list)
def requisition_detail(request: HttpRequest, pk: int) -> HttpResponse:
    requisition = _get_visible(request, pk)
    can_edit = plans_access.requisition_can_edit(_user(request), requisition)
    allowed = ALLOWED_TRANSITIONS[requisition.status] if can_edit else frozenset()
    transitions = [status for status in RequisitionStatus.values if status in allowed]
    context = {
        "nav": "requisitions",
        "requisition": requisition,
        "can_edit": can_edit,
        "can_override": plans_access.requisition_can_override_plan(_user(request))
        and requisition.status == RequisitionStatus.DRAFT,
        "transitions": [(status, RequisitionStatus(status).label) for status in transitions],
        "events": [
            (event, EVENT_LABELS.get(event.action, event.action))
            for event in audit_events_for(target=requisition)[:50]
        ],
        "matching_url": _matching_url(requisition.pk),
        "can_calibrate": campus_access.calibration_can_list(_user(request)),
    }
    return render(request, "backoffice/requisition_detail.html", context)


def _override(request: HttpRequest, form: RequisitionForm | StatusChangeForm) -> PlanOverrideRequest | None:
    reason = (form.cleaned_data.get("override_reason") or "").strip()
    if reason and plans_access.requisition_can_override_plan(_user(request)):
        return PlanOverrideRequest(actor=_user(request), reason=reason)
    return None


def _apply_service_error(form: RequisitionForm, error: ValidationError | PlanRuleError) -> None:
    if isinstance(error, PlanRuleError):
        # A rule's refusal, in the reader's language, beside the input it is about.
        message = str(error.message)
        if isinstance(error, PlanLimitExceeded) and "override_reason" in form.fields:
            message += " " + _("Give a reason in the override field to exceed it.")
        form.add_error(error.field if error.field in form.fields else None, message)
        return
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


@staff_view(plans_access.requisition_can_create_any)
def requisition_new(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    form_kwargs: dict[str, Any] = {
        # Only lines inside the user's own scope are offered; any other posted line is not a valid choice.
        "plan_lines": PlanLine.objects.filter(plans_access.plan_lines_for_new_requisitions(user)),
        "allow_override": plans_access.requisition_can_override_plan(user),
    }
    form = RequisitionForm(request.POST or None, **form_kwargs)
    if request.method == "POST" and form.is_valid():
        try:
            requisition = requisition_create(
                plan_line=form.cleaned_data["plan_line"],
                external_id=form.cleaned_data["external_id"],
                headcount=form.cleaned_data["headcount"],
                cities=form.cleaned_data["cities"],
                recruiters=form.cleaned_data["recruiters"],
                status=RequisitionStatus.OPEN
                if form.cleaned_data.get("open_now")
                else RequisitionStatus.DRAFT,
                actor=user,
                override=_override(request, form),
                **form.service_fields(),
            )
        except (ValidationError, PlanRuleError) as error:
            _apply_service_error(form, error)
        else:
            messages.success(request, _("Requisition %(id)s created.") % {"id": requisition.external_id})
            _warn_if_draft_does_not_fit(request, requisition)
            _warn_of_contradictions(request, requisition)
            return redirect("backoffice:requisition_detail", pk=requisition.pk)
    return render(request, "backoffice/requisition_form.html", {"nav": "requisitions", "form": form})


def _warn_of_contradictions(request: HttpRequest, requisition: Requisition) -> None:
    """Saved as written; the recruiter is told where the words contradict the fields."""
    requisition.refresh_from_db()
    for note in requisition_content_check(requisition=requisition):
        messages.warning(request, note)


@staff_view(plans_access.requisition_can_list)
def requisition_edit(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    try:
        requisition = requisition_get_for_edit(user=user, requisition_id=pk)
    except Requisition.DoesNotExist as error:
        raise Http404(str(error)) from error
    form = RequisitionForm(
        request.POST or None,
        initial=RequisitionForm.initial_from(requisition),
        # The plan line is fixed once created, so the edit form offers no choice of it.
        plan_lines=PlanLine.objects.none(),
        allow_override=plans_access.requisition_can_override_plan(user),
        editing=True,
    )
    if request.method == "POST" and form.is_valid():
        try:
            requisition_update(
                requisition=requisition,
                actor=user,
                headcount=form.cleaned_data["headcount"],
                cities=form.cleaned_data["cities"],
                recruiters=form.cleaned_data["recruiters"],
                override=_override(request, form),
                **form.service_fields(),
            )
        except (ValidationError, PlanRuleError) as error:
            _apply_service_error(form, error)
        else:
            messages.success(request, _("Requisition %(id)s saved.") % {"id": requisition.external_id})
            _warn_if_draft_does_not_fit(request, requisition)
            _warn_of_contradictions(request, requisition)
            return redirect("backoffice:requisition_detail", pk=requisition.pk)
    return render(
        request,
        "backoffice/requisition_form.html",
        {"nav": "requisitions", "form": form, "requisition": requisition},
    )


@require_POST
@staff_view(plans_access.requisition_can_list)
def requisition_status(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        requisition = requisition_get_for_edit(user=_user(request), requisition_id=pk)
    except Requisition.DoesNotExist as error:
        raise Http404(str(error)) from error
    except PermissionDenied:
        raise
    form = StatusChangeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a valid status."))
        return redirect("backoffice:requisition_detail", pk=pk)
    status = form.cleaned_data["status"]
    try:
        requisition_change_status(
            requisition=requisition,
            status=status,
            actor=_user(request),
            reason=form.cleaned_data["reason"],
            override=_override(request, form),
        )
    except PlanRuleError as error:
        messages.error(request, _("The status was not changed: %(reason)s") % {"reason": error.message})
    except ValidationError as error:
        messages.error(
            request, _("The status was not changed: %(reason)s") % {"reason": " ".join(error.messages)}
        )
    else:
        messages.success(
            request, _("Status changed to %(status)s.") % {"status": RequisitionStatus(status).label}
        )
    return redirect("backoffice:requisition_detail", pk=pk)


def _warn_if_draft_does_not_fit(request: HttpRequest, requisition: Requisition) -> None:
    """Say at once when a draft could not be opened now: its line has less room than it asks for."""
    requisition.refresh_from_db(fields=["status", "headcount"])
    if requisition.status != RequisitionStatus.DRAFT:
        return
    line = requisition.plan_line
    room = line.target - plan_line_committed_headcount(plan_line=line)
    if requisition.headcount > room:
        messages.warning(
            request,
            _(
                "This draft asks for %(headcount)s, but plan line %(line)s has only %(room)s of its "
                "target of %(target)s free: it cannot be opened as it is."
            )
            % {
                "headcount": requisition.headcount,
                "line": line.external_id,
                "room": max(room, 0),
                "target": line.target,
            },
        )
