"""Shapes of drives, plan lines and requisitions in the API."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from ninja import Field, Schema

from talentdrive.api.schemas.bodies import ObjectIn

ChannelCode = Literal["experienced", "campus"]
LevelCode = Literal["intern", "graduate", "engineer", "senior", "staff", "principal", "scientist"]
DegreeCode = Literal["none", "associate", "bachelor", "master", "phd"]
StatusCode = Literal["draft", "open", "paused", "filled", "closed"]


class DriveOut(Schema):
    code: str
    name_zh: str
    name_en: str
    total_target: int
    planned: int = Field(description="sum of the plan lines' targets")
    starts_on: dt.date
    ends_on: dt.date
    cities: list[str]
    channels: list[str]


class PlanLineOut(Schema):
    id: int
    external_id: str
    drive: str
    city: str
    channel: str
    focus_area: str
    team: str
    business_group: str
    target: int
    committed: int = Field(description="headcount of draft, open, paused and filled requisitions")


class RequisitionOut(Schema):
    id: int
    external_id: str
    drive: str
    city: str = Field(description="the plan line's city, where the headcount counts")
    cities: list[str] = Field(description="every city the role may sit in")
    channel: str
    focus_area: str
    team: str
    title_zh: str
    title_en: str
    description_zh: str
    description_en: str
    level: str
    headcount: int
    must_skills: list[str]
    nice_skills: list[str]
    domain: str
    min_degree: str
    min_years: int
    graduation_from: dt.date | None
    graduation_to: dt.date | None
    programme_eligible: bool
    status: str
    status_changed_at: dt.datetime | None
    # Staff only; null for anonymous callers.
    plan_line: str | None = None
    hiring_manager: str | None = None
    recruiters: list[str] | None = None


class RequisitionPage(Schema):
    count: int = Field(description="matching requisitions in total")
    limit: int
    offset: int
    items: list[RequisitionOut]


class RequisitionFields(ObjectIn):
    title_zh: str | None = Field(None, min_length=1, max_length=200)
    title_en: str | None = Field(None, min_length=1, max_length=200)
    description_zh: str | None = None
    description_en: str | None = None
    level: LevelCode | None = None
    headcount: int | None = Field(None, ge=1)
    must_skills: list[str] | None = None
    nice_skills: list[str] | None = None
    domain: str | None = Field(None, max_length=60)
    min_degree: DegreeCode | None = None
    min_years: int | None = Field(None, ge=0, le=60)
    graduation_from: dt.date | None = None
    graduation_to: dt.date | None = None
    programme_eligible: bool | None = None
    cities: list[str] | None = Field(None, description="city codes besides the plan line's")
    hiring_manager: str | None = Field(None, description="username")
    recruiters: list[str] | None = Field(None, description="usernames")
    override_reason: str | None = Field(
        None, description="administrators only: the written reason to exceed the plan line's target"
    )


class RequisitionCreateIn(RequisitionFields):
    drive: str
    plan_line: str = Field(description="the plan line's external id")
    external_id: str = Field(min_length=1, max_length=80)
    title_zh: str = Field(min_length=1, max_length=200)  # type: ignore[assignment]
    title_en: str = Field(min_length=1, max_length=200)  # type: ignore[assignment]
    status: Literal["draft", "open", "paused", "filled"] = "draft"


class RequisitionPatchIn(RequisitionFields):
    pass


class StatusIn(ObjectIn):
    status: StatusCode
    reason: str = ""
    override_reason: str | None = Field(
        None,
        description="administrators only: the written reason to open a draft beyond the plan line's target",
    )
