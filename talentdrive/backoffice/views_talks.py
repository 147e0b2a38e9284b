"""Campus talks in the back office: the list and a new talk, one talk's registrations with the
attendance export, and the door's check-in page (made for a phone: one field a scanner fills)."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from talentdrive.backoffice.access import staff_view
from talentdrive.campus import access as campus_access
from talentdrive.campus.errors import CampusRefused
from talentdrive.campus.models import CampusTalk, TalkLanguage
from talentdrive.campus.selectors import talk_list, talk_registrations
from talentdrive.campus.talks import talk_attendance_export, talk_check_in, talk_create
from talentdrive.plans.models import City, Drive

EXPORT_TYPES = {
    "csv": ("text/csv; charset=utf-8", "csv"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
}


def _moment(value: str) -> dt.datetime | None:
    """The moment typed in the form, or None when it is missing or no real date (30 February)."""
    try:
        parsed = parse_datetime(value.strip()) if value else None
    except ValueError:
        return None
    if parsed is not None and timezone.is_naive(parsed):
        parsed = timezone.make_aware(parsed)
    return parsed


@staff_view(campus_access.talk_can_list)
def talks(request: HttpRequest) -> HttpResponse:
    can_manage = campus_access.talk_can_manage(request.user)
    if request.method == "POST" and not can_manage:
        raise PermissionDenied("creating campus talks is for recruiters and administrators")
    if request.method == "POST":
        data = request.POST
        drive = Drive.objects.filter(code=data.get("drive", "")).first()
        city = City.objects.filter(code=data.get("city", "")).first()
        starts_at, ends_at = _moment(data.get("starts_at", "")), _moment(data.get("ends_at", ""))
        capacity = data.get("capacity", "")
        if (
            drive is None
            or city is None
            or starts_at is None
            or ends_at is None
            or not (capacity.isascii() and capacity.isdigit() and len(capacity) <= 6)
        ):
            messages.error(request, _("Give the drive, the city, the start and end times and the capacity."))
            return redirect("backoffice:talks")
        try:
            talk = talk_create(
                drive=drive,
                city=city,
                school=data.get("school", ""),
                title_en=data.get("title_en", ""),
                title_zh=data.get("title_zh", ""),
                starts_at=starts_at,
                ends_at=ends_at,
                venue=data.get("venue", ""),
                capacity=int(capacity),
                language=data.get("language", TalkLanguage.ZH),
                livestream_url=data.get("livestream_url", ""),
                actor=request.user,  # type: ignore[arg-type]
            )
        except CampusRefused as refused:
            messages.error(request, refused.message)
            return redirect("backoffice:talks")
        except ValidationError as invalid:
            messages.error(request, "; ".join(f"{k}: {' '.join(v)}" for k, v in invalid.message_dict.items()))
            return redirect("backoffice:talks")
        return redirect("backoffice:talk_detail", talk.pk)
    context = {
        "nav": "campus",
        "talks": talk_list(user=request.user),
        "drives": Drive.objects.order_by("code"),
        "cities": City.objects.order_by("code"),
        "talk_languages": TalkLanguage.choices,
        "can_manage": can_manage,
    }
    return render(request, "backoffice/campus/talks.html", context)


def _talk(request: HttpRequest, pk: int) -> CampusTalk:
    talk = (
        talk_list(user=request.user).filter(pk=pk).first()
        if campus_access.talk_can_manage(request.user)
        else None
    )
    if talk is None:
        raise Http404("no such campus talk")
    return talk


@staff_view(campus_access.talk_can_manage)
def talk_detail(request: HttpRequest, pk: int) -> HttpResponse:
    talk = _talk(request, pk)
    context = {
        "nav": "campus",
        "talk": talk,
        "registrations": talk_registrations(user=request.user, talk=talk),
    }
    return render(request, "backoffice/campus/talk_detail.html", context)


@staff_view(campus_access.talk_can_manage)
def talk_check_in_view(request: HttpRequest, pk: int) -> HttpResponse:
    """GET shows the field (filled from ``?code=`` when a phone's camera opened the ticket's QR code);
    POST checks the ticket in and shows the answer on the same page, ready for the next one."""
    talk = _talk(request, pk)
    context: dict[str, object] = {"nav": "campus", "talk": talk, "code": request.GET.get("code", "")[:200]}
    status = 200
    if request.method == "POST":
        try:
            outcome = talk_check_in(
                talk_id=talk.pk,
                code=request.POST.get("code", "")[:200],
                actor=request.user,  # type: ignore[arg-type]
            )
        except CampusRefused as refused:
            context["refused"] = refused.message
            status = 409 if refused.code == "ticket_other_talk" else 404
        else:
            context["outcome"] = outcome
            context["code"] = ""
        talk = _talk(request, pk)
        context["talk"] = talk
    return render(request, "backoffice/campus/talk_check_in.html", context, status=status)


@staff_view(campus_access.talk_can_manage)
def talk_export(request: HttpRequest, pk: int) -> HttpResponse:
    talk = _talk(request, pk)
    kind = request.GET.get("format", "csv")
    if kind not in EXPORT_TYPES:
        return HttpResponse(_("Choose CSV or XLSX."), status=400, content_type="text/plain; charset=utf-8")
    content = talk_attendance_export(talk_id=talk.pk, kind=kind, actor=request.user)  # type: ignore[arg-type]
    content_type, extension = EXPORT_TYPES[kind]
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="campus-talk-{talk.pk}-attendance.{extension}"'
    return response
