"""Write the demo drive to the database.

Requisitions go through ``requisition_create`` like any other, so the plan limit and the audit trail
hold for demo data too. Loading is idempotent: when the drive already exists nothing is written.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.hashers import make_password
from django.db import transaction

from talentdrive.accounts.models import User
from talentdrive.demo import organisation as org
from talentdrive.demo.plan import SEED, build_demo_plan
from talentdrive.demo.users import DEMO, DEMO_USERS, DemoUser
from talentdrive.plans.models import BusinessGroup, City, Drive, FocusArea, Team
from talentdrive.plans.services import (
    business_group_create,
    drive_upsert,
    plan_line_upsert,
    requisition_change_status,
    requisition_create,
    team_create,
)

PAUSE_REASON = "Waiting for the team's budget review before interviewing further."


@dataclass(frozen=True)
class DemoLoadResult:
    created: bool
    drive_code: str
    plan_lines: int
    requisitions: int
    planned_headcount: int
    requisition_headcount: int


def _ensure_organisation() -> dict[str, Team]:
    """Business groups and teams, created through the plan services unless they already exist."""
    groups = {group.code: group for group in BusinessGroup.objects.all()}
    for spec in org.GROUPS:
        if spec.code not in groups:
            groups[spec.code] = business_group_create(
                code=spec.code, name_zh=spec.name_zh, name_en=spec.name_en, actor=DEMO
            )
    teams = {team.code: team for team in Team.objects.all()}
    for team_spec in org.TEAMS:
        if team_spec.code not in teams:
            teams[team_spec.code] = team_create(
                code=team_spec.code,
                name_zh=team_spec.name_zh,
                name_en=team_spec.name_en,
                group=groups[team_spec.group],
                actor=DEMO,
            )
    return teams


def _ensure_user(
    spec: DemoUser, teams: dict[str, Team], cities: dict[str, City], hashes: dict[str, str]
) -> User:
    user = User.objects.filter(username=spec.username).first()
    if user is not None:
        return user
    # Hashing is deliberately slow; accounts sharing a demo password share one hash.
    if spec.password not in hashes:
        hashes[spec.password] = make_password(spec.password)
    user = User.objects.create(
        username=spec.username,
        password=hashes[spec.password],
        role=spec.role,
        display_name=spec.display_name,
        is_staff=spec.is_superuser,
        is_superuser=spec.is_superuser,
    )
    if spec.scope_teams:
        user.scope_teams.set([teams[code] for code in spec.scope_teams])
    if spec.scope_cities:
        user.scope_cities.set([cities[code] for code in spec.scope_cities])
    return user


def _existing_result(drive: Drive) -> DemoLoadResult:
    lines = list(drive.plan_lines.values_list("target", flat=True))
    headcounts = list(drive.requisitions.values_list("headcount", flat=True))
    return DemoLoadResult(
        created=False,
        drive_code=drive.code,
        plan_lines=len(lines),
        requisitions=len(headcounts),
        planned_headcount=sum(lines),
        requisition_headcount=sum(headcounts),
    )


@transaction.atomic
def demo_drive_load(*, seed: int = SEED) -> DemoLoadResult:
    """Create the demo organisation, staff accounts, drive, plan lines and requisitions."""
    cities = {city.code: city for city in City.objects.all()}
    missing = set(org.DRIVE_CITIES) - set(cities)
    if missing:
        raise RuntimeError(f"cities {sorted(missing)} are missing; run `manage.py migrate` first")
    teams = _ensure_organisation()
    hashes: dict[str, str] = {}
    users = {spec.username: _ensure_user(spec, teams, cities, hashes) for spec in DEMO_USERS}

    existing = Drive.objects.filter(code=org.DRIVE_CODE).first()
    if existing is not None:
        return _existing_result(existing)

    admin = users["admin"]
    drive, _ = drive_upsert(
        code=org.DRIVE_CODE,
        name_zh=org.DRIVE_NAME_ZH,
        name_en=org.DRIVE_NAME_EN,
        total_target=org.DRIVE_TOTAL,
        starts_on=org.DRIVE_STARTS_ON,
        ends_on=org.DRIVE_ENDS_ON,
        cities=[cities[code] for code in org.DRIVE_CITIES],
        channels=list(org.DRIVE_CHANNELS),
        actor=admin,
    )
    # The story is portal copy, not plan data, so it is not part of the drive's audited fields.
    Drive.objects.filter(pk=drive.pk).update(story_zh=org.DRIVE_STORY_ZH, story_en=org.DRIVE_STORY_EN)

    plan = build_demo_plan(seed)
    areas = {area.code: area for area in FocusArea.objects.all()}
    plan_lines = {}
    for line_spec in plan.plan_lines:
        plan_lines[line_spec.external_id], _ = plan_line_upsert(
            drive=drive,
            external_id=line_spec.external_id,
            city=cities[line_spec.city],
            channel=line_spec.channel,
            focus_area=areas[line_spec.area],
            team=teams[line_spec.team],
            target=line_spec.target,
            actor=admin,
        )

    managers = {spec.manages_team: users[spec.username] for spec in DEMO_USERS if spec.manages_team}
    recruiter_specs = [spec for spec in DEMO_USERS if spec.role == "recruiter"]
    for spec in plan.requisitions:
        line = plan_lines[spec.plan_line]
        recruiters = [
            users[recruiter.username]
            for recruiter in recruiter_specs
            if spec.team in recruiter.scope_teams and spec.cities[0] in recruiter.scope_cities
        ]
        status = "open" if spec.status == "paused" else spec.status
        requisition = requisition_create(
            plan_line=line,
            external_id=spec.external_id,
            title_zh=spec.title_zh,
            title_en=spec.title_en,
            headcount=spec.headcount,
            cities=[cities[code] for code in spec.cities],
            recruiters=recruiters,
            status=status,
            actor=admin,
            description_zh=spec.description_zh,
            description_en=spec.description_en,
            level=spec.level,
            must_skills=list(spec.must_skills),
            nice_skills=list(spec.nice_skills),
            domain=spec.domain,
            min_degree=spec.min_degree,
            min_years=spec.min_years,
            graduation_from=spec.graduation_from,
            graduation_to=spec.graduation_to,
            programme_eligible=spec.programme_eligible,
            hiring_manager=managers.get(spec.team),
        )
        if spec.status == "paused":
            # Paused requisitions get there the way they would in real life, with a recorded reason.
            requisition_change_status(
                requisition=requisition, status="paused", actor=admin, reason=PAUSE_REASON
            )
    return DemoLoadResult(
        created=True,
        drive_code=drive.code,
        plan_lines=len(plan.plan_lines),
        requisitions=len(plan.requisitions),
        planned_headcount=sum(line.target for line in plan.plan_lines),
        requisition_headcount=sum(spec.headcount for spec in plan.requisitions),
    )
