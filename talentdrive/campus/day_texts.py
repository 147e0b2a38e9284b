"""The planner's answers in the reader's language: what binds when a day cannot hold everyone
(``core/binding.py``), what a manual change breaks (``core/verify.py``) and what booking left out. The pure core speaks in
codes and figures; the words are here, translated with gettext."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy, ngettext_lazy
from django.utils.translation import gettext as _

from talentdrive.campus.core.problem import Binding
from talentdrive.campus.core.verify import Violation
from talentdrive.campus.models import InterviewDay
from talentdrive.pipeline.flows import flow_for_requisition
from talentdrive.plans.models import FocusArea

# Each with the figure its plural form follows (``ngettext_lazy``'s number key).
BINDING_TEXTS = {
    "day_length": ngettext_lazy(
        "A day is too short for every round with its gaps: %(demand)s slot is needed, a day has %(capacity)s.",
        "A day is too short for every round with its gaps: %(demand)s slots are needed, a day has %(capacity)s.",
        "demand",
    ),
    "interviewers": ngettext_lazy(
        "Not enough interviewer time for %(subject)s: %(demand)s interview is needed, there is room for %(capacity)s.",
        "Not enough interviewer time for %(subject)s: %(demand)s interviews are needed, there is room for %(capacity)s.",
        "demand",
    ),
    "distinct_interviewers": ngettext_lazy(
        "Too few different interviewers for %(subject)s: each candidate needs %(demand)s, there is %(capacity)s.",
        "Too few different interviewers for %(subject)s: each candidate needs %(demand)s, there are %(capacity)s.",
        "capacity",
    ),
    "daily_caps": ngettext_lazy(
        "The interviewers' daily and weekly caps leave room for %(capacity)s interview; %(demand)s are needed.",
        "The interviewers' daily and weekly caps leave room for %(capacity)s interviews; %(demand)s are needed.",
        "capacity",
    ),
    "rooms": ngettext_lazy(
        "Not enough %(subject)s: %(demand)s interview needs a place, the day has %(capacity)s.",
        "Not enough %(subject)s: %(demand)s interviews need a place, the day has %(capacity)s.",
        "demand",
    ),
    "combination": ngettext_lazy(
        "No single constraint is short on its own: availability windows, round order, caps and conflicts "
        "together leave room for %(capacity)s of %(demand)s candidate.",
        "No single constraint is short on its own: availability windows, round order, caps and conflicts "
        "together leave room for %(capacity)s of %(demand)s candidates.",
        "demand",
    ),
}

SUBJECT_WORDS = {
    "rooms on site": gettext_lazy("rooms on site"),
    "video links": gettext_lazy("video links"),
    "technical rounds": gettext_lazy("technical rounds"),
    "general rounds": gettext_lazy("general rounds"),
    "zh": gettext_lazy("in Chinese"),
    "en": gettext_lazy("in English"),
}

VIOLATION_TEXTS = {
    "unknown": gettext_lazy("The interviewer, room or round chosen is not part of this interview day."),
    "slot_outside": gettext_lazy("The time chosen is not one of the day's interview times."),
    "slot_passed": gettext_lazy("%(when)s has passed: an interview can move only to a time still to come."),
    "slot_started": gettext_lazy(
        "This interview started at %(when)s: it stays as it was held. Change the plan's later interviews instead."
    ),
    "not_eligible": gettext_lazy(
        "%(interviewer)s may not interview %(candidate)s in %(round)s (round, language, expertise or a conflict of interest)."
    ),
    "not_available": gettext_lazy("%(interviewer)s is not available at %(when)s."),
    "room_kind": gettext_lazy("%(round)s needs a place of another kind than %(room)s (on site or by video)."),
    "interviewer_double": gettext_lazy("%(interviewer)s would have %(count)s interviews at %(when)s."),
    "daily_cap": gettext_lazy(
        "%(interviewer)s would have %(count)s interviews that day, over their daily cap."
    ),
    "weekly_cap": gettext_lazy(
        "%(interviewer)s would have %(count)s interviews, over what is left of their weekly cap (%(cap)s)."
    ),
    "room_full": gettext_lazy("%(room)s would hold %(count)s interviews at %(when)s, over its capacity."),
    "unplaced_twice": gettext_lazy("A candidate is listed twice as not placed."),
    "unplaced_with_interviews": gettext_lazy("%(candidate)s is listed as not placed but has interviews."),
    "rounds_incomplete": gettext_lazy("%(candidate)s would not have every round exactly once."),
    "days_split": gettext_lazy("%(candidate)s would have rounds on different days."),
    "too_soon": gettext_lazy(
        "%(candidate)s: %(round)s at %(when)s comes too soon after %(before)s at %(before_when)s."
    ),
    "same_interviewer": gettext_lazy("%(candidate)s would meet %(interviewer)s %(count)s times."),
    "unknown_candidate": gettext_lazy("A candidate in the plan is not one of the day's candidates."),
}


SKIP_TEXTS = {
    "interviewer_dropped_out": gettext_lazy(
        "%(candidate)s, %(round)s at %(when)s: the interviewer %(interviewer)s dropped out. Move this "
        "interview to another interviewer, then book again."
    ),
    "candidate_incomplete": gettext_lazy(
        "%(candidate)s, %(round)s at %(when)s: not booked while another round of theirs has an "
        "interviewer who dropped out."
    ),
    "moved_on": gettext_lazy(
        "%(candidate)s, %(round)s at %(when)s: the application is no longer at this round (moved on, "
        "rejected or withdrawn)."
    ),
}


def _subject(subject: str, names: Mapping[str, str]) -> str:
    return " · ".join(str(SUBJECT_WORDS.get(part, names.get(part, part))) for part in subject.split(" · "))


def binding_sentences(bindings: Sequence[Binding | Mapping[str, Any]], names: Mapping[str, str]) -> list[str]:
    """Each binding constraint as a sentence; ``names`` turns round and focus-area codes into names."""
    out = []
    for b in bindings:
        data = b if isinstance(b, Mapping) else b.__dict__
        text = BINDING_TEXTS.get(str(data["code"]), BINDING_TEXTS["combination"])
        out.append(
            text
            % {
                "subject": _subject(str(data["subject"]), names),
                "demand": int(data["demand"]),
                "capacity": int(data["capacity"]),
            }
        )
    return out


def violation_sentences(
    violations: Sequence[Violation],
    *,
    slot_starts: Sequence[dt.datetime],
    people: Mapping[int, str],
    candidates: Mapping[int, str],
    rooms: Mapping[int, str],
    rounds: Mapping[str, str],
) -> list[str]:
    """What a change breaks, one sentence each, with names and times instead of ids and slots."""

    def when(slot: Any) -> str:
        if isinstance(slot, int) and 0 <= slot < len(slot_starts):
            return timezone.localtime(slot_starts[slot]).strftime("%m-%d %H:%M")
        return _("a time outside the day")

    out = []
    for v in violations:
        p = v.params
        values = {
            "interviewer": people.get(p.get("interviewer", -1), str(p.get("interviewer", ""))),
            "candidate": candidates.get(p.get("candidate", -1), str(p.get("candidate", ""))),
            "room": rooms.get(p.get("room", -1), str(p.get("room", ""))),
            "round": rounds.get(p.get("round", ""), str(p.get("round", ""))),
            "before": rounds.get(p.get("before", ""), str(p.get("before", ""))),
            "when": when(p.get("slot")),
            "before_when": when(p.get("before_slot")),
            "count": p.get("count", ""),
            "cap": p.get("cap", ""),
        }
        out.append(str(VIOLATION_TEXTS.get(v.code, VIOLATION_TEXTS["unknown"])) % values)
    return out


def booking_skip_sentences(
    skipped: Sequence[Any],
    *,
    starts: Mapping[int, dt.datetime],
    people: Mapping[int, str],
    candidates: Mapping[int, str],
    rounds: Mapping[str, str],
) -> list[str]:
    """Each interview booking left out (``interview_days.BookingSkip``), one sentence with its reason;
    ``starts`` gives each planned interview's start by its id."""
    out = []
    for skip in skipped:
        start = starts.get(skip.assignment_id)
        values = {
            "candidate": candidates.get(skip.application_id, str(skip.application_id)),
            "round": rounds.get(skip.stage_code, skip.stage_code),
            "when": timezone.localtime(start).strftime("%m-%d %H:%M") if start else "",
            "interviewer": people.get(skip.interviewer_id, str(skip.interviewer_id)),
        }
        out.append(str(SKIP_TEXTS[skip.reason]) % values)
    return out


def day_names(day: InterviewDay) -> dict[str, dict[Any, str]]:
    """Names for the codes and ids the planner speaks in, in the reader's language."""
    chinese = (get_language() or "en").startswith("zh")
    requisition = day.requisitions.first()
    rounds: dict[Any, str] = {}
    if requisition is not None:
        rounds = {
            s.code: (s.name_zh if chinese else s.name_en) for s in flow_for_requisition(requisition).stages
        }
    areas: dict[Any, str] = {a.code: a.name for a in FocusArea.objects.all()}
    people: dict[Any, str] = {e.user_id: str(e.user) for e in day.interviewers.select_related("user")}
    rooms: dict[Any, str] = {r.pk: r.name for r in day.rooms.all()}
    return {"rounds": rounds, "areas": areas, "people": people, "rooms": rooms}
