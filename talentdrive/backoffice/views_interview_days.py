"""Interview days in the back office: the list, one day's plan (plan it with the solver, read what
binds, book it as interviews, re-plan without an interviewer, move one interview by hand after the
verifier has checked it), and a printable day plan per room and per interviewer."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from talentdrive.backoffice.access import staff_view
from talentdrive.backoffice.forms import id_from_form
from talentdrive.campus import access as campus_access
from talentdrive.campus.day_changes import interview_day_move
from talentdrive.campus.day_texts import (
    binding_sentences,
    booking_skip_sentences,
    day_names,
    violation_sentences,
)
from talentdrive.campus.interview_days import interview_day_book, interview_day_plan, interview_day_replan
from talentdrive.campus.models import InterviewDay
from talentdrive.campus.selectors import (
    interview_day_assignments,
    interview_day_get,
    interview_day_list,
    interview_day_not_placed_again,
)
from talentdrive.errors import DomainError

# The page waits for the solver: a few seconds, not the benchmark's minute.
PAGE_TIME_LIMIT = 5.0


def _day(request: HttpRequest, pk: int) -> InterviewDay:
    try:
        return interview_day_get(user=request.user, day_id=pk)
    except InterviewDay.DoesNotExist as missing:
        raise Http404("no such interview day") from missing


@staff_view(campus_access.interview_day_can_list)
def interview_days(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "backoffice/campus/interview_days.html",
        {"nav": "campus", "days": interview_day_list(user=request.user).order_by("-created_at")},
    )


def _act(request: HttpRequest, day: InterviewDay, names: dict[str, dict[Any, str]]) -> dict[str, Any]:
    action = request.POST.get("action", "")
    actor = request.user
    out: dict[str, Any] = {}
    if action == "plan":
        outcome = interview_day_plan(
            day_id=day.pk,
            actor=actor,  # type: ignore[arg-type]
            time_limit=PAGE_TIME_LIMIT,
            accept_partial=request.POST.get("accept_partial") == "on",
        )
        out["outcome"] = outcome
        out["binding"] = binding_sentences(outcome.binding, {**names["rounds"], **names["areas"]})
        if outcome.saved:
            messages.success(
                request,
                ngettext("Planned %(count)s candidate.", "Planned %(count)s candidates.", outcome.placed)
                % {"count": outcome.placed},
            )
    elif action == "book":
        booking = interview_day_book(day_id=day.pk, actor=actor)  # type: ignore[arg-type]
        messages.success(
            request,
            ngettext(
                "%(count)s interview booked; the invitation is on its way.",
                "%(count)s interviews booked; the invitations are on their way.",
                booking.booked,
            )
            % {"count": booking.booked},
        )
        if booking.skipped:
            rows = {a.pk: a for a in interview_day_assignments(day=day)}
            out["skipped"] = booking_skip_sentences(
                booking.skipped,
                starts={pk: a.starts_at for pk, a in rows.items()},
                people=names["people"],
                candidates={a.application_id: a.application.candidate.full_name for a in rows.values()},
                rounds=names["rounds"],
            )
            messages.warning(
                request,
                ngettext(
                    "%(count)s interview was not booked; the list below says why.",
                    "%(count)s interviews were not booked; the list below says why.",
                    len(booking.skipped),
                )
                % {"count": len(booking.skipped)},
            )
    elif action == "replan":
        outcome = interview_day_replan(
            day_id=day.pk,
            interviewer_id=id_from_form(request.POST.get("interviewer", "")) or 0,
            actor=actor,  # type: ignore[arg-type]
            reason=request.POST.get("reason", "")[:2000],
            move_others=request.POST.get("move_others") == "on",
        )
        changed = int(outcome.stats.get("changed", 0))
        messages.success(
            request,
            ngettext(
                "Re-planned: %(count)s interview changed.",
                "Re-planned: %(count)s interviews changed.",
                changed,
            )
            % {"count": changed},
        )
        if outcome.not_placed_again:
            stuck = len(outcome.not_placed_again)
            messages.warning(
                request,
                ngettext(
                    "%(count)s candidate could not be placed again; a person has to decide.",
                    "%(count)s candidates could not be placed again; a person has to decide.",
                    stuck,
                )
                % {"count": stuck},
            )
        if outcome.dropped:
            messages.info(
                request,
                ngettext(
                    "%(count)s planned interview was dropped from the re-plan: its candidate moved past that "
                    "round, was rejected or withdrew.",
                    "%(count)s planned interviews were dropped from the re-plan: their candidates moved "
                    "past that round, were rejected or withdrew.",
                    outcome.dropped,
                )
                % {"count": outcome.dropped},
            )
        out["binding"] = binding_sentences(outcome.binding, {**names["rounds"], **names["areas"]})
    elif action in ("check", "move"):
        raw_start = request.POST.get("starts_at", "")[:40]
        try:
            starts_at = parse_datetime(raw_start)
        except ValueError:  # shaped like a time, but no such day or hour (2026-02-30T25:00)
            messages.error(request, _("“%(value)s” is not a date and time.") % {"value": raw_start})
            return out
        if starts_at is not None and timezone.is_naive(starts_at):
            starts_at = timezone.make_aware(starts_at)
        check = interview_day_move(
            day_id=day.pk,
            assignment_id=id_from_form(request.POST.get("assignment", "")) or 0,
            starts_at=starts_at or dt.datetime(1970, 1, 1, tzinfo=dt.UTC),
            interviewer_id=id_from_form(request.POST.get("interviewer", "")) or 0,
            room_id=id_from_form(request.POST.get("room", "")) or 0,
            actor=actor,  # type: ignore[arg-type]
            apply=action == "move",
        )
        candidates = {
            a.application_id: a.application.candidate.full_name for a in interview_day_assignments(day=day)
        }
        out["broken"] = violation_sentences(
            check.violations,
            slot_starts=check.slot_starts,
            people=names["people"],
            candidates=candidates,
            rooms=names["rooms"],
            rounds=names["rounds"],
        )
        out["move_checked"] = True
        if check.applied:
            messages.success(request, _("The interview was moved; nothing in the plan is broken."))
        elif not check.violations:
            out["move_ok"] = True
    return out


@staff_view(campus_access.interview_day_can_list)
def interview_day_detail(request: HttpRequest, pk: int) -> HttpResponse:
    day = _day(request, pk)
    names = day_names(day)
    context: dict[str, Any] = {"nav": "campus", "day": day}
    status = 200
    if request.method == "POST":
        try:
            context.update(_act(request, day, names))
        except DomainError as refused:
            messages.error(request, refused.message)
            status = 409
        day = _day(request, pk)
    rows = list(interview_day_assignments(day=day))
    summary = day.last_plan or {}
    if "binding" not in context and summary.get("binding"):
        context["binding"] = binding_sentences(summary["binding"], {**names["rounds"], **names["areas"]})
    context.update(
        {
            "not_placed_again": interview_day_not_placed_again(day=day),
            "dropped_out": set(day.interviewers.filter(dropped_out=True).values_list("user_id", flat=True)),
            "day": day,
            "rows": [(r, names["rounds"].get(r.stage_code, r.stage_code)) for r in rows],
            "summary": summary,
            # Whole numbers, for the plural forms of the sentences that count them.
            "busiest": int(summary.get("stats", {}).get("max_load", 0)),
            "waiting": int(summary.get("stats", {}).get("waiting_slots", 0)),
            "booked": any(r.interview_id for r in rows),
            "can_change": campus_access.interview_day_can_change(request.user, day),
            "interviewers": day.interviewers.select_related("user"),
            "rooms": day.rooms.all(),
            "people": names["people"],
        }
    )
    return render(request, "backoffice/campus/interview_day_detail.html", context, status=status)


@staff_view(campus_access.interview_day_can_list)
def interview_day_print(request: HttpRequest, pk: int) -> HttpResponse:
    """The day plan to print: one table per room and one per interviewer, in time order."""
    day = _day(request, pk)
    names = day_names(day)
    by_room: dict[str, list[Any]] = defaultdict(list)
    by_person: dict[str, list[Any]] = defaultdict(list)
    for row in interview_day_assignments(day=day):
        entry = (row, names["rounds"].get(row.stage_code, row.stage_code))
        by_room[row.room.name].append(entry)
        by_person[names["people"].get(row.interviewer_id, str(row.interviewer_id))].append(entry)
    dropped_out = set(day.interviewers.filter(dropped_out=True).values_list("user_id", flat=True))
    context = {
        "day": day,
        "by_room": sorted(by_room.items()),
        "by_person": sorted(by_person.items()),
        # Rows still naming an interviewer who dropped out (not placed again): marked on paper too.
        "dropped_out": dropped_out,
        "dropped_out_names": {names["people"].get(pk, str(pk)) for pk in dropped_out},
        "nav": "campus",
    }
    return render(request, "backoffice/campus/interview_day_print.html", context)
