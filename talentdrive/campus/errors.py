"""What the campus services refuse, in the reader's language."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from talentdrive.errors import DomainError


class CampusRefused(DomainError):
    """A campus action refused; nothing was written."""

    messages = {
        "not_allowed": _("Your role does not allow this."),
        "pass_mark_out_of_range": _("The pass mark must be between 0 and the highest score (%(max)s)."),
        "assessment_target": _("Choose a requisition or a focus area, not both and not neither."),
        "not_campus": _("Online assessments are for campus requisitions."),
        "already_reviewed": _("This result was already reviewed."),
        "not_pending": _("Only results below the pass mark wait for review."),
        "reason_missing": _("Choose a rejection reason."),
        "talk_full": _("This campus talk is full."),
        "talk_over": _("This campus talk has already taken place."),
        "talk_unpublished": _("This campus talk is not open for registration."),
        "consent_missing": _("Please agree to the privacy notice to register."),
        "graduation_year": _("Enter a graduation year between %(low)s and %(high)s."),
        "ticket_unknown": _("No ticket has the code %(code)s."),
        "ticket_other_talk": _("This ticket is for another campus talk: %(talk)s."),
        "already_checked_in": _("%(name)s was already checked in at %(when)s."),
        "ends_before_start": _("A campus talk must end after it starts."),
        "no_dates": _("An interview day needs at least one date."),
        "no_rounds": _("An interview day needs at least one interview round."),
        "no_rooms": _("An interview day needs at least one room or video link."),
        "round_not_in_flow": _("The round %(round)s is not in the stages of requisition %(requisition)s."),
        "not_planned": _("Plan the interview day first."),
        "not_on_day": _("This person is not an interviewer of this interview day."),
        "already_booked": _("This plan is already booked as interviews."),
        "assignment_unknown": _("This interview is not in the day's plan."),
        "move_breaks": _("This change breaks the plan's rules; nothing was changed."),
    }
