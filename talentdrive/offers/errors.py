"""Refusals of the offer rules, in the one error vocabulary (``talentdrive.errors``)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from talentdrive.errors import DomainError


class OfferRefused(DomainError):
    messages = {
        "not_allowed": _("You may not do this with this offer."),
        "not_approver": _("This offer's current approval step is not yours."),
        "already_approved_a_step": _(
            "You approved an earlier step of this offer; another person approves this one."
        ),
        "wrong_status": _("This offer is %(status)s, so this cannot be done now."),
        "no_band": _("There is no salary band for this level in this city; an administrator adds one first."),
        "below_band": _("The salary is below the band's minimum of %(minimum)s CNY."),
        "money_too_large": _("Salaries and bonuses are at most %(maximum)s CNY a year."),
        "application_closed": _("The application is no longer active."),
        "open_offer_exists": _("This application already has an offer in progress."),
        "expiry_in_past": _("The offer's expiry date must be in the future."),
        "start_before_expiry": _("The start date must come after the offer expires."),
        "reason_missing": _("Give a reason."),
        "expired": _("This offer has expired."),
        "headcount_filled": _(
            "The requisition's last headcount has just been filled by another offer; the recruiter has "
            "been told and will contact you."
        ),
        "requisition_not_open": _("The requisition is not open for hiring."),
        "requisition_not_open_for_offers": _(
            "The requisition is %(status)s: offers are made on open requisitions only. Open it again first."
        ),
        "requisition_covered": _(
            "Requisition %(code)s has a headcount of %(headcount)s, and %(covered)s hires and offers in "
            "progress already cover it. Raise its headcount first, or wait for an answer to an offer."
        ),
        "not_at_offer_stage": _("The application is not at the offer stage."),
        "no_letter_template": _("There is no active offer letter template; an administrator adds one."),
        "chain_empty": _("The approval chain has no steps; an administrator adds them."),
    }


class OfferBatchRefused(DomainError):
    """A batch of offers refused as a whole; ``rows`` holds each applicant's own refusal, if any."""

    messages = {
        "nothing_selected": _("Select at least one applicant."),
        "too_many": _("A batch holds at most %(maximum)s offers."),
        "not_this_requisition": _("Application(s) %(ids)s do not belong to this requisition."),
        "not_in_calibration": _(
            "Application(s) %(ids)s cannot receive an offer from calibration: only interviewed applicants "
            "still in the running and without an offer can."
        ),
        "not_allowed": _("You may not draft offers for every selected applicant."),
        "over_headcount": _(
            "Applicants selected: %(selected)s; requisition %(code)s has room for %(remaining)s more offers "
            "(headcount %(headcount)s, less hires and offers in progress). Select fewer, or raise its headcount."
        ),
        "not_open": _(
            "The requisition is %(status)s: offers are made on open requisitions only. Open it again first."
        ),
        "over_plan": _(
            "Applicants selected: %(selected)s; plan line %(line)s has room for %(remaining)s more before its "
            "target. Select fewer, or raise the plan first."
        ),
        "rows_refused": _("No offer was drafted: %(count)s of %(total)s applicants were refused (below)."),
    }

    def __init__(self, code: str, *, rows: tuple[Any, ...] = (), **kwargs: Any) -> None:
        super().__init__(code, **kwargs)
        self.rows = rows


class OfferLetterFontMissing(RuntimeError):
    """No font with Chinese glyphs could be found to write a letter: an installation problem."""
