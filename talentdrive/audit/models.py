from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditAction(models.TextChoices):
    """Every kind of state change the system records; a new service adds its action here."""

    DRIVE_CREATE = "drive.create", _("Drive created")
    DRIVE_UPDATE = "drive.update", _("Drive changed")
    BUSINESS_GROUP_CREATE = "business_group.create", _("Business group created")
    TEAM_CREATE = "team.create", _("Team created")
    PLAN_LINE_CREATE = "plan_line.create", _("Plan line created")
    PLAN_LINE_UPDATE = "plan_line.update", _("Plan line changed")
    PLAN_LINE_OVERRIDE = "plan_line.override", _("Plan target overridden")
    REQUISITION_CREATE = "requisition.create", _("Requisition created")
    REQUISITION_UPDATE = "requisition.update", _("Requisition changed")
    REQUISITION_STATUS = "requisition.status", _("Requisition status changed")
    CANDIDATE_CREATE = "candidate.create", _("Candidate created")
    CANDIDATE_UPDATE = "candidate.update", _("Candidate details changed")
    CANDIDATE_PHONE_CONFLICT = "candidate.phone_conflict", _("Phone number already used by another candidate")
    CANDIDATE_CONSENT = "candidate.consent", _("Consent given")
    CANDIDATE_ERASE = "candidate.erase", _("Personal data erased")
    CANDIDATE_TAG_ADD = "candidate.tag_add", _("Tag added to a candidate")
    CANDIDATE_TAG_REMOVE = "candidate.tag_remove", _("Tag removed from a candidate")
    CANDIDATE_MERGE = "candidate.merge", _("Duplicate candidates merged")
    CANDIDATE_MERGE_UNDO = "candidate.merge_undo", _("Candidate merge undone")
    CANDIDATE_MERGE_CONFIRM = "candidate.merge_confirm", _("Candidate merge confirmed")
    RESUME_ATTACH = "resume.attach", _("Résumé attached")
    RESUME_INGEST = "resume.ingest", _("Résumé ingested")
    RESUME_PARSE = "resume.parse", _("Résumé parsed")
    RESUME_PARSE_FAILED = "resume.parse_failed", _("Résumé could not be parsed")
    RESUME_CONFIRM = "resume.confirm", _("Résumé confirmed by the candidate")
    APPLICATION_SUBMIT = "application.submit", _("Application submitted")
    APPLICATION_WITHDRAW = "application.withdraw", _("Application withdrawn")
    APPLICATION_MOVE = "application.move", _("Application moved to another stage")
    APPLICATION_REJECT = "application.reject", _("Application rejected")
    APPLICATION_REOPEN = "application.reopen", _("Application reopened")
    APPLICATION_EXPORT = "application.export", _("Applications exported")
    NOTE_ADD = "note.add", _("Note added")
    CANDIDATE_EMAIL_SCHEDULE = "candidate_email.schedule", _("Email to a candidate scheduled")
    CANDIDATE_EMAIL_CANCEL = "candidate_email.cancel", _("Email to a candidate cancelled")
    CANDIDATE_ROLE_SUGGEST = "candidate.role_suggest", _("Another open role suggested to a candidate")
    MATCH_INDEX_REBUILD = "matching.index_rebuilt", _("Match index rebuilt")
    API_TOKEN_CREATE = "api_token.create", _("API token created")
    API_TOKEN_REVOKE = "api_token.revoke", _("API token revoked")
    USER_UPDATE = "user.update", _("Staff account changed")
    SECOND_FACTOR_ENABLE = "second_factor.enable", _("Two-factor sign-in turned on")
    SECOND_FACTOR_DISABLE = "second_factor.disable", _("Two-factor sign-in turned off")
    SECOND_FACTOR_BACKUP_CODES = "second_factor.backup_codes", _("New backup codes made")
    ADMIN_CHANGE = "admin.change", _("Changed in the admin")
    ADMIN_ADD = "admin.add", _("Added in the admin")
    ADMIN_DELETE = "admin.delete", _("Deleted in the admin")
    STAGE_FLOW_INSTALL = "stage_flow.install", _("Stages installed for editing")
    WEBHOOK_QUEUE = "webhook.queue", _("Webhook queued")
    WEBHOOK_RESEND = "webhook.resend", _("Webhook re-sent")
    WEBHOOK_DEAD = "webhook.dead", _("Webhook given up after its last attempt")
    WEBHOOK_SECRET_ROTATE = "webhook.secret_rotate", _("Webhook secret replaced")
    DEMO_PEOPLE_LOAD = "demo.people_load", _("Demo candidates loaded")
    INTERVIEW_PLAN_CREATE = "interview_plan.create", _("Interview plan created")
    INTERVIEW_SCHEDULE = "interview.schedule", _("Interview scheduled")
    INTERVIEW_RESCHEDULE = "interview.reschedule", _("Interview rescheduled")
    INTERVIEW_CANCEL = "interview.cancel", _("Interview cancelled")
    INTERVIEW_SLOTS_OFFER = "interview.slots_offer", _("Interview times offered to the candidate")
    INTERVIEW_SLOT_PICK = "interview.slot_pick", _("Interview time chosen by the candidate")
    INTERVIEW_SLOTS_WITHDRAW = "interview.slots_withdraw", _("Interview times withdrawn")
    SCORECARD_SUBMIT = "scorecard.submit", _("Scorecard submitted")
    OFFER_DRAFT = "offer.draft", _("Offer drafted")
    OFFER_SUBMIT = "offer.submit", _("Offer submitted for approval")
    OFFER_APPROVE = "offer.approve", _("Offer approval step approved")
    OFFER_REJECT_APPROVAL = "offer.reject_approval", _("Offer not approved")
    OFFER_SEND = "offer.send", _("Offer sent to the candidate")
    OFFER_ACCEPT = "offer.accept", _("Offer accepted")
    OFFER_ACCEPT_REFUSED = "offer.accept_refused", _("Offer acceptance refused")
    OFFER_DECLINE = "offer.decline", _("Offer declined")
    OFFER_EXPIRE = "offer.expire", _("Offer expired")
    OFFER_RESCIND = "offer.rescind", _("Offer rescinded")
    ASSESSMENT_CREATE = "assessment.create", _("Online assessment created")
    ASSESSMENT_IMPORT = "assessment.import", _("Online assessment results imported")
    ASSESSMENT_REVIEW = "assessment.review", _("Online assessment result reviewed")
    CAMPUS_TALK_CREATE = "campus_talk.create", _("Campus talk created")
    CAMPUS_TALK_REGISTER = "campus_talk.register", _("Registered for a campus talk")
    CAMPUS_TALK_CHECK_IN = "campus_talk.check_in", _("Checked in at a campus talk")
    CAMPUS_TALK_EXPORT = "campus_talk.export", _("Campus talk attendance exported")
    CAMPUS_TALK_ATTRIBUTE = "campus_talk.attribute", _("Application attributed to a campus talk")
    INTERVIEW_DAY_CREATE = "interview_day.create", _("Interview day created")
    INTERVIEW_DAY_PLAN = "interview_day.plan", _("Interview day planned")
    INTERVIEW_DAY_REPLAN = "interview_day.replan", _("Interview day re-planned without an interviewer")
    INTERVIEW_DAY_BOOK = "interview_day.book", _("Interview day plan booked as interviews")
    INTERVIEW_DAY_MOVE = "interview_day.move", _("Interview day plan changed by hand")
    OFFER_BATCH_DRAFT = "offer.batch_draft", _("Offers drafted in a batch")


class AuditEvent(models.Model):
    """One state change: who did what to which object, when and why.

    ``data`` holds identifiers and values of the change, never personal data such as names,
    emails or phone numbers, so the trail can be kept after a candidate's erasure.
    """

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Who acted when no staff member did: "system:<command or task>", "candidate" (through their status
    # link) or "public" (an anonymous visitor of the portal). Empty when ``actor`` names the user.
    actor_name = models.CharField(max_length=80, blank=True)
    action = models.CharField(max_length=80, db_index=True, choices=AuditAction.choices)
    target_type = models.CharField(max_length=80)
    target_id = models.CharField(max_length=64)
    reason = models.TextField(blank=True)
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        indexes = [models.Index(fields=["target_type", "target_id"])]
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.action} {self.target_type}#{self.target_id}"

    @property
    def actor_display(self) -> str:
        return str(self.actor) if self.actor_id else (self.actor_name or "?")
