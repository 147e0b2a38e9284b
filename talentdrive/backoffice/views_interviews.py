"""Interviews in the back office: scheduling on the application page, the interviewer's reduced
application page and their home, the scorecard form, and the scorecards side by side.

Thin: the rules are in ``interviews/access.py``, the writes in ``interviews/services.py`` and
``interviews/scorecards.py``. Times are shown in the viewer's time zone (the ``tz`` cookie that
``timezone.js`` sets from the browser, else the site's), and entered in the zone the form names.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from talentdrive.accounts.models import Role, User
from talentdrive.backoffice.access import staff_view
from talentdrive.backoffice.profiles import education_rows, skill_words
from talentdrive.errors import DomainError
from talentdrive.interviews import access as interview_access
from talentdrive.interviews.core.attributes import attribute_name
from talentdrive.interviews.models import (
    DEFAULT_TIME_ZONE,
    Interview,
    InterviewRound,
    Recommendation,
    SlotOffer,
)
from talentdrive.interviews.scorecards import scorecard_submit
from talentdrive.interviews.selectors import (
    application_interviews,
    application_scorecards,
    application_slot_offer_get,
    application_slot_offers,
    interview_get,
    interviewer_loads,
    my_interviews,
    scorecards_late,
)
from talentdrive.interviews.services import interview_cancel, interview_reschedule, interview_schedule
from talentdrive.interviews.slots import interview_slots_offer, interview_slots_withdraw, slot_times
from talentdrive.pipeline import access as pipeline_access
from talentdrive.pipeline.flows import flow_for_requisition
from talentdrive.pipeline.models import Application
from talentdrive.pipeline.selectors import application_get

# The zones a scheduler picks from; the viewer's own is added when it is another.
TIME_ZONES = (
    "Asia/Shanghai",
    "Asia/Hong_Kong",
    "Asia/Singapore",
    "Asia/Tokyo",
    "Europe/London",
    "Europe/Berlin",
    "America/New_York",
    "America/Los_Angeles",
    "UTC",
)


def _user(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


def _chinese() -> bool:
    return (get_language() or "en").startswith("zh")


def viewer_zone(request: HttpRequest) -> str:
    """The time zone the viewer's browser reported (cookie ``tz``), if it is a real one."""
    name = request.COOKIES.get("tz", "")[:64]
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return settings.TIME_ZONE
    return name or settings.TIME_ZONE


def _number(raw: str) -> int | None:
    return int(raw) if raw.isascii() and raw.isdigit() and len(raw) <= 9 else None


def _rounds(application: Application) -> list[InterviewRound]:
    plan = getattr(application.requisition, "interview_plan", None)
    if plan is not None:
        return list(plan.rounds.all())
    # No plan yet: the flow's interview stages, as the first scheduling will make them.
    from talentdrive.pipeline.core.flow import INTERVIEW

    return [
        InterviewRound(stage_code=stage.code, name_en=stage.name_en, name_zh=stage.name_zh)
        for stage in flow_for_requisition(application.requisition).stages
        if stage.kind == INTERVIEW
    ]


def _interviewer_choices(application: Application, rounds: list[InterviewRound]) -> list[User]:
    """The rounds' interviewer pools, or every active interviewer, and the hiring manager."""
    pool_ids = {user.pk for r in rounds if r.pk for user in r.interviewer_pool.all()}
    people = User.objects.filter(is_active=True)
    people = people.filter(pk__in=pool_ids) if pool_ids else people.filter(role=Role.INTERVIEWER)
    chosen = list(people.order_by("username")[:200])
    manager = application.requisition.hiring_manager
    if manager is not None and manager not in chosen:
        chosen.append(manager)
    return chosen


def application_interviews_context(request: HttpRequest, application: Application) -> dict[str, Any]:
    """What ``backoffice/application_interviews.html`` needs on the application page."""
    user = _user(request)
    can_schedule = interview_access.interview_can_schedule(user, application)
    rounds = _rounds(application) if can_schedule else []
    chinese = _chinese()
    interviews = application_interviews(user=user, application=application)
    scorecards = application_scorecards(user=user, application=application)
    mine = {s.interview_id for s in scorecards if s.interviewer_id == user.pk}
    zone = viewer_zone(request)
    return {
        "interviews": [
            {
                "interview": interview,
                "round_name": (interview.round.name_zh if chinese else interview.round.name_en)
                if interview.round
                else interview.stage_code,
                "interviewers": ", ".join(str(person) for person in interview.interviewers.all()),
                "assigned": any(person.pk == user.pk for person in interview.interviewers.all()),
                "scored": interview.pk in mine,
            }
            for interview in interviews
        ],
        "scorecard_rows": _scorecard_rows(scorecards, chinese),
        "can_schedule": can_schedule,
        "rounds": [(r.stage_code, r.name_zh if chinese else r.name_en) for r in rounds],
        "interviewer_loads": interviewer_loads(interviewers=_interviewer_choices(application, rounds))
        if can_schedule
        else [],
        "time_zones": sorted({*TIME_ZONES, zone}),
        "default_zone": DEFAULT_TIME_ZONE,
        "viewer_zone": zone,
        # times offered and waiting for the candidate's choice
        "slot_offers": [
            {
                "offer": offer,
                "round_name": (offer.round.name_zh if chinese else offer.round.name_en)
                if offer.round
                else offer.stage_code,
                "times": slot_times(offer),
                "interviewers": ", ".join(str(person) for person in offer.interviewers.all()),
            }
            for offer in application_slot_offers(user=user, application=application)
        ],
        "slot_rows": range(1, 5),
    }


def _scorecard_rows(scorecards: list[Any], chinese: bool) -> list[dict[str, Any]]:
    return [
        {
            "scorecard": scorecard,
            "round_name": (
                scorecard.interview.round.name_zh if chinese else scorecard.interview.round.name_en
            )
            if scorecard.interview.round
            else scorecard.interview.stage_code,
            "ratings": [
                (attribute_name(code, chinese=chinese), entry["rating"], entry.get("notes", ""))
                for code, entry in scorecard.ratings.items()
            ],
        }
        for scorecard in scorecards
    ]


def interviews_home_context(request: HttpRequest) -> dict[str, Any]:
    """The home page's interviews: an interviewer's own (today, this week, scorecards due); the late
    scorecards of a recruiter's or hiring manager's applications."""
    user = _user(request)
    context: dict[str, Any] = {"viewer_zone": viewer_zone(request)}
    if interview_access.reads_as_interviewer(user):
        context["my_interviews"] = my_interviews(user=user)
    context["late_scorecards"] = scorecards_late(user=user)
    return context


def application_interviewer_page(request: HttpRequest, application: Application) -> HttpResponse:
    """The application as an interviewer sees it: no moves, no contact details, and under blind review
    no name, photo, gender, age or school until their scorecard is in."""
    user = _user(request)
    blind = interview_access.blind_review_hides(user, application)
    flow = flow_for_requisition(application.requisition)
    stage = flow.stage(application.stage)
    profile = application.resume.profile if application.resume and application.resume.profile else {}
    context = {
        "nav": "home",
        "application": application,
        "blind": blind,
        "candidate": None if blind else application.candidate,
        "stage_name": (stage.name_zh if _chinese() else stage.name_en) if stage else application.stage,
        "skills": skill_words(profile),
        "experience": profile.get("experience", []),
        "education": [] if blind else education_rows(profile),
        "years_experience": profile.get("years_experience"),
        **application_interviews_context(request, application),
    }
    return render(request, "backoffice/application_interviewer.html", context)


def _starts_at(request: HttpRequest) -> tuple[dt.datetime, str]:
    zone = request.POST.get("time_zone", DEFAULT_TIME_ZONE)[:64]
    try:
        tzinfo = zoneinfo.ZoneInfo(zone)
        day = dt.date.fromisoformat(request.POST.get("date", ""))
        hour = dt.time.fromisoformat(request.POST.get("time", ""))
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as error:
        raise _FormError(_("Give the date, the time and the time zone of the interview.")) from error
    return dt.datetime.combine(day, hour).replace(tzinfo=tzinfo), zone


class _FormError(Exception):
    """A form that cannot reach the service: said on the page like a refusal."""


def _offered_times(request: HttpRequest) -> tuple[list[dt.datetime], str]:
    """The times of the 'offer times' form: up to four date and time pairs in the zone it names."""
    zone = request.POST.get("time_zone", DEFAULT_TIME_ZONE)[:64]
    try:
        tzinfo = zoneinfo.ZoneInfo(zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as error:
        raise _FormError(_("Choose a time zone from the list.")) from error
    times = []
    for row in range(1, 5):
        day, hour = request.POST.get(f"date_{row}", ""), request.POST.get(f"time_{row}", "")
        if not day and not hour:
            continue
        try:
            moment = dt.datetime.combine(dt.date.fromisoformat(day), dt.time.fromisoformat(hour))
        except ValueError as error:
            raise _FormError(_("Time %(row)s: give both the date and the time.") % {"row": row}) from error
        times.append(moment.replace(tzinfo=tzinfo))
    return times, zone


def _interviewer_ids(request: HttpRequest) -> list[int]:
    return [n for n in (_number(raw) for raw in request.POST.getlist("interviewers")) if n is not None]


def _go_back(request: HttpRequest, application_id: int, run: Any) -> HttpResponse:
    try:
        messages.success(request, run())
    except DomainError as error:
        messages.error(request, str(error.message))
    except _FormError as error:
        messages.error(request, str(error))
    return redirect("backoffice:application_detail", pk=application_id)


def _application(request: HttpRequest, pk: int) -> Application:
    try:
        return application_get(user=_user(request), application_id=pk)
    except Application.DoesNotExist as error:
        raise Http404(str(error)) from error


def _interview(request: HttpRequest, pk: int) -> Interview:
    try:
        return interview_get(user=_user(request), interview_id=pk)
    except Interview.DoesNotExist as error:
        raise Http404(str(error)) from error


@require_POST
@staff_view(pipeline_access.application_can_list)
def interview_schedule_view(request: HttpRequest, pk: int) -> HttpResponse:
    application = _application(request, pk)

    def run() -> str:
        starts_at, zone = _starts_at(request)
        interview_schedule(
            application_id=application.pk,
            stage_code=request.POST.get("stage_code", "")[:40],
            starts_at=starts_at,
            time_zone=zone,
            duration_minutes=_number(request.POST.get("duration_minutes", "")),
            location=request.POST.get("location", ""),
            video_url=request.POST.get("video_url", ""),
            interviewer_ids=_interviewer_ids(request),
            actor=_user(request),
        )
        return _("Interview scheduled; the invitations are on their way.")

    return _go_back(request, application.pk, run)


@require_POST
@staff_view(pipeline_access.application_can_list)
def interview_reschedule_view(request: HttpRequest, pk: int) -> HttpResponse:
    interview = _interview(request, pk)

    def run() -> str:
        starts_at, zone = _starts_at(request)
        interview_reschedule(
            interview_id=interview.pk,
            starts_at=starts_at,
            time_zone=zone,
            actor=_user(request),
            reason=request.POST.get("reason", ""),
        )
        return _("Interview moved; everyone gets the updated invitation.")

    return _go_back(request, interview.application_id, run)


@require_POST
@staff_view(pipeline_access.application_can_list)
def interview_cancel_view(request: HttpRequest, pk: int) -> HttpResponse:
    interview = _interview(request, pk)

    def run() -> str:
        interview_cancel(
            interview_id=interview.pk, actor=_user(request), reason=request.POST.get("reason", "")
        )
        return _("Interview cancelled; everyone gets the cancellation.")

    return _go_back(request, interview.application_id, run)


@require_POST
@staff_view(pipeline_access.application_can_list)
def interview_slots_offer_view(request: HttpRequest, pk: int) -> HttpResponse:
    application = _application(request, pk)

    def run() -> str:
        starts, zone = _offered_times(request)
        interview_slots_offer(
            application_id=application.pk,
            stage_code=request.POST.get("stage_code", "")[:40],
            starts=starts,
            time_zone=zone,
            duration_minutes=_number(request.POST.get("duration_minutes", "")),
            location=request.POST.get("location", ""),
            video_url=request.POST.get("video_url", ""),
            interviewer_ids=_interviewer_ids(request),
            actor=_user(request),
        )
        return _("Times offered; the candidate is emailed a link to choose one.")

    return _go_back(request, application.pk, run)


@require_POST
@staff_view(pipeline_access.application_can_list)
def interview_slots_withdraw_view(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        offer = application_slot_offer_get(user=_user(request), offer_id=pk)
    except SlotOffer.DoesNotExist as error:
        raise Http404(str(error)) from error

    def run() -> str:
        interview_slots_withdraw(
            offer_id=offer.pk, actor=_user(request), reason=request.POST.get("reason", "")
        )
        return _("The times are withdrawn; the candidate can no longer choose them.")

    return _go_back(request, offer.application_id, run)


@staff_view(interview_access.interview_can_list)
def scorecard_form(request: HttpRequest, pk: int) -> HttpResponse:
    interview = _interview(request, pk)
    user = _user(request)
    chinese = _chinese()
    attributes = list(interview.round.focus_attributes) if interview.round else []
    if request.method == "POST":
        ratings = {
            code: {
                "rating": request.POST.get(f"rating_{code}"),
                "notes": request.POST.get(f"notes_{code}", ""),
            }
            for code in attributes
        }
        try:
            scorecard_submit(
                interview_id=interview.pk,
                ratings=ratings,
                recommendation=request.POST.get("recommendation", ""),
                notes=request.POST.get("notes", ""),
                actor=user,
            )
        except DomainError as error:
            messages.error(request, str(error.message))
        else:
            messages.success(request, _("Scorecard submitted."))
            return redirect("backoffice:application_detail", pk=interview.application_id)
    context = {
        "nav": "home",
        "interview": interview,
        "round_name": (interview.round.name_zh if chinese else interview.round.name_en)
        if interview.round
        else interview.stage_code,
        "attributes": [(code, attribute_name(code, chinese=chinese)) for code in attributes],
        "recommendations": Recommendation.choices,
        "may_submit": interview_access.scorecard_can_submit(user, interview)
        and interview.is_scheduled
        and interview.starts_at <= timezone.now(),
        "viewer_zone": viewer_zone(request),
    }
    return render(request, "backoffice/scorecard_form.html", context)


@staff_view(pipeline_access.application_can_list)
def application_scorecards_view(request: HttpRequest, pk: int) -> HttpResponse:
    application = _application(request, pk)
    scorecards = application_scorecards(user=_user(request), application=application)
    rows = _scorecard_rows(scorecards, _chinese())
    attributes: list[str] = []
    for row in rows:
        for name, _rating, _notes in row["ratings"]:
            if name not in attributes:
                attributes.append(name)
    context = {
        "nav": "requisitions",
        "application": application,
        "candidate": application.candidate,
        "rows": rows,
        "attributes": attributes,
        "grid": [
            (name, [next(((r, n) for a, r, n in row["ratings"] if a == name), None) for row in rows])
            for name in attributes
        ],
        "viewer_zone": viewer_zone(request),
    }
    return render(request, "backoffice/application_scorecards.html", context)
