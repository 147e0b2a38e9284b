"""What scheduling interviews and submitting scorecards can refuse, in the reader's language."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from talentdrive.errors import DomainError


class InterviewRefused(DomainError):
    """Scheduling, rescheduling or cancelling refused; nothing was written or sent."""

    messages = {
        "not_allowed": _(
            "Only the requisition's recruiters, its hiring manager and administrators schedule interviews."
        ),
        "not_active": _("This application is no longer active."),
        "not_an_interview_stage": _("%(stage)s is not an interview round of this requisition."),
        "no_interviewers": _("Choose at least one interviewer."),
        "interviewer_inactive": _("%(name)s cannot interview: the account is not active."),
        "ends_before_start": _("An interview must end after it starts."),
        "too_long": _("An interview may last at most %(hours)s hours."),
        "unknown_time_zone": _("%(zone)s is not a time zone."),
        "interviewer_busy": _("%(name)s already has an interview at %(when)s (requisition %(requisition)s)."),
        "candidate_busy": _(
            "The candidate already has an interview at %(when)s (requisition %(requisition)s)."
        ),
        "load_cap": _(
            "%(name)s already has %(count)s interviews in the week of %(week)s, the most one interviewer takes."
        ),
        "cancelled": _("This interview was cancelled."),
        "has_scorecards": _(
            "Scorecards were submitted for this interview; it can no longer be moved or cancelled."
        ),
    }


class ScorecardRefused(DomainError):
    """A scorecard refused; nothing was written."""

    messages = {
        "not_assigned": _("Only an interviewer assigned to this interview may submit a scorecard for it."),
        "not_started": _("A scorecard can be submitted once the interview has started."),
        "cancelled": _("This interview was cancelled."),
        "already_submitted": _("You have already submitted your scorecard for this interview."),
        "rating_missing": _("Rate %(attribute)s from 1 to 4."),
        "rating_unknown": _("%(attribute)s is not assessed in this round."),
        "recommendation": _("Choose an overall recommendation."),
    }


class SlotRefused(DomainError):
    """Offering times or choosing one refused; nothing was written or sent."""

    messages = {
        "no_times": _("Offer at least one time."),
        "too_many_times": _("Offer at most %(count)s times."),
        "same_time_twice": _("%(when)s is offered twice."),
        "in_the_past": _("%(when)s has already passed."),
        "already_offered": _(
            "Times for this round are already waiting for the candidate's choice; withdraw them first."
        ),
        "not_open": _("These times are no longer on offer."),
        "not_offered": _("That time was not one of those offered."),
        "taken": _("That time is no longer free. Please choose another one."),
        "passed": _("That time has passed. Please choose another one."),
        "time_busy": _("%(when)s: %(problem)s"),
    }
