"""Interviews and scorecards as the API answers them: identifiers, times and ratings, never a name
of the candidate (so a blind review holds through the API as well)."""

from __future__ import annotations

import datetime as dt

from ninja import Field, Schema

from talentdrive.api.schemas.applications import MAX_ID


class InterviewOut(Schema):
    id: int
    application_id: int
    requisition_id: int
    candidate_id: int
    round: str = Field(description="the stage code of the round, e.g. technical_1")
    starts_at: dt.datetime
    ends_at: dt.datetime
    time_zone: str = Field(description="the zone the interview was scheduled in, e.g. Asia/Shanghai")
    location: str
    video_url: str
    interviewer_ids: list[int]
    status: str = Field(description="scheduled or cancelled")
    sequence: int = Field(description="the calendar revision: raised by each reschedule and the cancel")
    focus_attributes: list[str]


class RatingOut(Schema):
    attribute: str
    rating: int = Field(ge=1, le=4)
    notes: str


class ScorecardOut(Schema):
    id: int
    interview_id: int
    application_id: int
    interviewer_id: int
    ratings: list[RatingOut]
    recommendation: str = Field(description="strong_no, no, yes or strong_yes")
    notes: str
    submitted_at: dt.datetime


class InterviewQuery(Schema):
    application: int | None = Field(None, ge=1, le=MAX_ID, description="application id")
    limit: int = Field(50, ge=1, le=200)
    offset: int = Field(0, ge=0, le=1_000_000)


class ScorecardQuery(Schema):
    application: int | None = Field(None, ge=1, le=MAX_ID, description="application id")
    limit: int = Field(50, ge=1, le=200)
    offset: int = Field(0, ge=0, le=1_000_000)
