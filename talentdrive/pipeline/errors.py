"""What applying can refuse, with the sentence each refusal shows, in the applicant's language.

Written to the person applying: the portal shows it on the form and an integration (a campus kiosk)
shows the API's ``message`` to the candidate in front of it.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext_lazy as _

from talentdrive.errors import DomainError
from talentdrive.pipeline.core.uploads import UploadRejected
from talentdrive.pipeline.intake import intake_setting


class ApplicationRefused(DomainError):
    """The application as a whole is refused; nothing was written."""

    messages = {
        # A number that was never public (missing or a draft) and one that no longer takes
        # applications (paused, filled, closed) are told apart, as the job page does.
        "not_found": _("There is no requisition with this number."),
        "closed": _("This job is not taking applications."),
        "cap": _(
            "You already have the maximum number of active campus applications in this drive. "
            "Withdraw one from your status page to apply for another."
        ),
        "consent": _("The consent version is not current: read the consent text again and agree to it."),
        "contact": _("Give an email address or a phone number we can reach you at."),
        # An idempotency key names one submission: sent again for another requisition or another
        # person, it is a client's bug, not a retry.
        "idempotency_key_reused": _(
            "This Idempotency-Key was already used for a different application (another applicant or "
            "requisition). Send a new key for a new application."
        ),
        # Withdrawing an application that is no longer active (withdrawn, rejected, hired).
        "not_active": _("This application is no longer active."),
    }


class ApplicantInvalid(DomainError):
    """One detail of the applicant breaks a rule of the requisition; ``field`` names it."""

    messages = {
        # The same words and code as Django's own check of a required field.
        "required": _("This field is required."),
        "invalid_choice": _("Select a valid choice. %(value)s is not one of the available choices."),
        "graduation_date_range": _("Enter a graduation date between 1950 and 2040."),
        "graduation_window": _("This campus role is for graduates from %(start)s to %(end)s."),
    }


class ApplicationInvalid(DomainError):
    """Some details break the requisition's rules; ``problems`` holds one error per field and rule."""

    messages = {"invalid": _("Some fields are missing or invalid; see errors.")}

    def __init__(self, problems: Iterable[DomainError]) -> None:
        self.problems = tuple(problems)
        super().__init__("invalid", detail=", ".join(f"{p.field}:{p.code}" for p in self.problems))


class ResumeRefused(DomainError):
    """The resume file is refused before anything is stored (``field`` is always ``resume``)."""

    messages = {
        "empty": _("The file is empty. Choose your resume file again."),
        "too_large": _(
            "The file is larger than %(mb)s MB. Save it smaller (for example as PDF) and try again."
        ),
        "extension": _("Upload your resume as a PDF, Word (.docx) or text (.txt) file."),
        "type_mismatch": _(
            "The file's content does not match its name. Upload a real PDF, .docx or .txt file."
        ),
        "unreadable": _("The file cannot be opened. Save it again as PDF and upload that."),
        "too_many_pages": _("The resume has more than %(pages)s pages. Shorten it and try again."),
    }

    def __init__(self, code: str, *, detail: str = "") -> None:
        limits = {
            "mb": intake_setting("UPLOAD_MAX_BYTES") // (1024 * 1024),
            "pages": intake_setting("RESUME_MAX_PAGES"),
        }
        super().__init__(code, field="resume", params=limits, detail=detail)

    @classmethod
    def from_rejection(cls, rejected: UploadRejected) -> ResumeRefused:
        return cls(rejected.code, detail=rejected.detail)


class ApplicationConflict(DomainError):
    """The application changed since the caller last saw it; nothing was written."""

    messages = {
        "moved_meanwhile": _(
            "This application has just been moved to %(stage)s by %(who)s. Reload to see it, then decide again."
        ),
    }


class MoveRefused(DomainError):
    """A stage change the flow or the caller's role does not allow; nothing was written."""

    messages = {
        "not_allowed": _("You may not move applications of this requisition."),
        "unknown_stage": _("This stage is not part of the requisition's flow."),
        "same_stage": _("The application is already at this stage."),
        "from_closed": _("This application is closed; reopen it first."),
        "from_hired": _("This candidate has been hired; a hire is not moved."),
        "skips_ahead": _(
            "%(target)s cannot be reached from %(current)s directly: the stages between come first."
        ),
        "goes_back": _("The flow does not allow going back from %(current)s to %(target)s."),
        "not_a_move": _("Only an accepted offer makes a hire."),
        "use_reject": _("Reject with a reason instead."),
        "use_withdraw": _("Record a withdrawal instead."),
        "not_open": _("This application is already closed."),
        "not_closed": _("Only a rejected or withdrawn application can be reopened."),
        "reason_retired": _("This rejection reason is no longer in use; choose another."),
        "note_missing": _("Say how the candidate withdrew (a note is required)."),
        # Erasure withdraws every application; putting one back would revive a person who asked to go.
        "erased": _("This candidate's personal data has been erased; the application cannot be reopened."),
    }


class EmailTemplateInvalid(DomainError):
    """A candidate email template an administrator wrote has a placeholder problem; ``field`` names it."""

    messages = {
        "unknown_placeholder": _(
            "{%(placeholder)s} in %(field)s is not a placeholder. Use one of: %(allowed)s."
        ),
        "malformed_braces": _(
            "The braces in %(field)s do not pair up. Write placeholders as {name}, and a literal brace "
            "as {{ or }}."
        ),
        "placeholder_not_plain": _(
            "{%(placeholder)s} in %(field)s is more than a placeholder name. Use one of: %(allowed)s."
        ),
    }


class CandidateEmailRefused(DomainError):
    """An email to a candidate that cannot be scheduled or cancelled; nothing was written."""

    messages = {
        "template_retired": _("This email template is no longer in use; choose another."),
        "template_kind": _("This email template is not meant for this step; choose another."),
        "not_allowed": _("You may not send emails about this application."),
        "not_pending": _("This email has already been sent or cancelled."),
    }


class TagRefused(DomainError):
    """A tag that cannot be put on or taken off a candidate; nothing was written."""

    messages = {
        "not_allowed": _(
            "You may not tag this candidate: tagging is for the recruiters of their requisitions."
        ),
        "name_missing": _("Give the tag a name."),
        "name_too_long": _("A tag name is at most %(max)s characters."),
    }


class MergeRefused(DomainError):
    """Two candidate records that cannot be merged, or a merge that cannot be undone or confirmed now;
    nothing was written."""

    messages = {
        "not_allowed": _(
            "You may not merge these candidates: every application of both must be in your scope."
        ),
        "same_candidate": _("Choose two different candidates to merge."),
        "erased": _("A candidate whose personal data was erased cannot be merged."),
        "already_merged": _(
            "One of these candidates is already part of a merge; confirm or undo that one first."
        ),
        "same_requisition": _(
            "Both candidates applied to %(requisition)s, and one person cannot hold two applications to one "
            "requisition: these records are not merged."
        ),
        "not_found": _("There is no such merge."),
        "not_pending": _("This merge has already been confirmed or undone."),
    }


class RoleSuggestionRefused(DomainError):
    """Another open role cannot be suggested to this candidate; nothing was written or sent."""

    messages = {
        "not_allowed": _("You may not suggest this role to this candidate."),
        "not_open": _("This role is not taking applications."),
        "already_applied": _("The candidate has already applied for this role."),
        "already_suggested": _("This role has already been suggested to the candidate."),
        "erased": _("The candidate's personal data were erased; they cannot be contacted."),
        "no_address": _("The candidate left no email address."),
        "no_portal": _(
            "The career site's address is not configured (TALENTDRIVE_PORTAL_URL), so the email could "
            "not link to the job."
        ),
        "no_template": _("The role suggestion email template is missing or retired; ask an administrator."),
    }
