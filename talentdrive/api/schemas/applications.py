"""Shapes of applications, their stages, timelines and notes, and candidates in the API."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from ninja import Field, Schema

from talentdrive.api.schemas.bodies import ObjectIn
from talentdrive.api.schemas.errors import ErrorOut

# The largest id a row can have (a 64-bit primary key): a larger number is refused as invalid input
# rather than overflowing the database driver.
MAX_ID = 2**63 - 1
Ordering = Literal["-stage_changed_at", "stage_changed_at", "-created_at", "created_at", "-id", "id"]
NOTE_FIELD_MAX = 2000


class StageOut(Schema):
    code: str
    name: str = Field(description="in the request's language (Accept-Language)")
    name_en: str
    name_zh: str
    kind: str = Field(description="received, review, interview, committee, offer, hired, rejected, withdrawn")


class RequisitionSummaryOut(Schema):
    id: int
    external_id: str
    title_en: str
    title_zh: str
    drive: str
    channel: str
    status: str


class ApplicationSummaryOut(Schema):
    id: int
    candidate_id: int
    candidate_name: str = Field(description="empty once the candidate's personal data is erased")
    candidate_erased: bool
    requisition: RequisitionSummaryOut
    stage: StageOut
    version: int = Field(description="send it back as expected_version when changing the stage")
    active: bool = Field(description="false once hired, rejected or withdrawn")
    rejection_reason: str | None = Field(None, description="the reason's code, when rejected")
    source: str
    created_at: dt.datetime
    stage_changed_at: dt.datetime


class ApplicationPage(Schema):
    count: int = Field(description="matching applications in total")
    limit: int
    offset: int
    items: list[ApplicationSummaryOut]


class TimelineEntryOut(Schema):
    at: dt.datetime
    kind: Literal["applied", "stage", "note", "email", "interview", "scorecard", "offer"]
    actor: str = Field(
        description=(
            "who moved it, wrote the note, sent the email, scheduled the interview, submitted the scorecard "
            "or took the offer's step; empty when the candidate applied"
        )
    )
    application_id: int | None = Field(None, description="null for a note on the candidate as a whole")
    from_stage: StageOut | None = None
    to_stage: StageOut | None = None
    rejection_reason: str | None = None
    note: str = ""
    subject: str = Field("", description="an email's subject (the template's name until it is sent)")
    status: str = Field(
        "",
        description=(
            "an email's status (scheduled, sent, failed, cancelled); for an interview or an offer the step's "
            "audit action (interview.schedule, offer.send …); for a scorecard its recommendation"
        ),
    )
    summary: str = Field(
        "", description="an interview's round and local time, a scorecard's round, an offer's number"
    )


class ApplicationOut(ApplicationSummaryOut):
    transitions: list[StageOut] = Field(
        description="the stages POST …/move may take it to now; empty when the caller may not move it"
    )
    can_move: bool = Field(description="whether the caller may move, reject, reopen or withdraw it")
    school: str
    degree: str
    graduation_date: dt.date | None
    preferred_cities: list[str]
    language: str
    withdrawn_at: dt.datetime | None
    timeline: list[TimelineEntryOut]


class ApplicationQuery(Schema):
    requisition: int | None = Field(None, ge=1, le=MAX_ID, description="requisition id")
    candidate: int | None = Field(None, ge=1, le=MAX_ID, description="candidate id")
    stage: str | None = Field(None, max_length=40, description="stage code")
    source: str | None = Field(None, max_length=40, description="source code, e.g. portal, referral")
    updated_since: dt.datetime | None = Field(
        None, description="only applications whose stage changed at or after this time (ISO 8601)"
    )
    q: str | None = Field(None, max_length=200, description="words in the candidate's name or email")
    ordering: Ordering = "-stage_changed_at"
    limit: int = Field(50, ge=1, le=200)
    offset: int = Field(0, ge=0, le=1_000_000)


class VersionIn(ObjectIn):
    expected_version: int = Field(
        ge=0, description="the version the caller last read; a newer one answers 409 naming the change"
    )
    note: str = Field("", max_length=NOTE_FIELD_MAX)


class MoveIn(VersionIn):
    to_stage: str = Field(
        min_length=1, max_length=40, description="a code from the application's transitions"
    )


class RejectIn(VersionIn):
    reason: str = Field(min_length=1, max_length=40, description="a code from GET /api/rejection-reasons")
    email_template: str | None = Field(
        None,
        max_length=60,
        description="a rejection email template's code: the candidate is emailed after the quiet period "
        "(reopening before then cancels it); none: no email",
    )


class WithdrawIn(VersionIn):
    note: str = Field(max_length=NOTE_FIELD_MAX, description="how the candidate withdrew (required)")


class NoteIn(ObjectIn):
    body: str = Field(description="@username mentions a colleague")


class NoteOut(Schema):
    id: int
    application_id: int | None = Field(None, description="null for a note on the candidate as a whole")
    author: str
    body: str
    mentions: list[str] = Field(description="usernames")
    created_at: dt.datetime


class RejectionReasonOut(Schema):
    code: str
    name: str
    name_en: str
    name_zh: str


class ProfileSummaryOut(Schema):
    language: str | None = None
    years_experience: float | None = None
    skills: list[str] = Field(description="skill names from the taxonomy")
    education: list[dict[str, Any]] = Field(description="degree, school, major, start, end")
    experience: list[dict[str, Any]] = Field(description="employer, title, start, end, current")
    domains: list[str]
    publications: int
    top_venue_publications: int
    awards: int


class CandidateOut(Schema):
    id: int
    full_name: str
    email: str
    phone: str
    location: str
    erased: bool = Field(description="personal data erased at the candidate's request: fields are empty")
    erased_at: dt.datetime | None
    created_at: dt.datetime
    profile: ProfileSummaryOut | None = Field(description="from the newest parsed résumé; null if none")
    applications: list[ApplicationSummaryOut] = Field(description="those the caller may read")


class ConflictOut(ErrorOut):
    stage: str = Field(description="the stage code it is at now")
    version: int = Field(description="its version now")
