"""Builders for what tests need: a drive and its plan, staff of every role, candidates and their files.

Plain functions, keyword-only, each with defaults that make a valid object and keyword overrides for what
a test cares about. They write straight to the database (no services, so no audit rows) unless the name
says otherwise. Shared fixtures built on them live in ``tests/conftest.py``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import itertools
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.utils import timezone
from fpdf import FPDF

from talentdrive.accounts.models import Role, User
from talentdrive.candidates.consent import CURRENT_CONSENT_VERSION
from talentdrive.candidates.models import Candidate
from talentdrive.pipeline.intake import ApplicantDetails, ResumeUpload
from talentdrive.pipeline.models import Application, Stage
from talentdrive.pipeline.rollups import rollups_arrived
from talentdrive.plans.models import (
    BusinessGroup,
    City,
    Drive,
    FocusArea,
    PlanLine,
    Requisition,
    RequisitionStatus,
    Team,
)
from talentdrive.resumes.models import ParseStatus, Resume

# Unique suffixes for e-mails, user names and file digests; only uniqueness matters, not the values.
_sequence = itertools.count(1)


# -- reference data (seeded by a migration) ----------------------------------------------------------------


def seeded_city(code: str = "shanghai") -> City:
    return City.objects.get(code=code)


def seeded_area(code: str = "llm") -> FocusArea:
    return FocusArea.objects.get(code=code)


def reseed_reference_data() -> None:
    """Put back what migrations seed (cities, focus areas, rejection reasons, email templates, offer bands,
    chain and letter), which a transactional test's flush removes."""
    import importlib

    from django.apps import apps

    migration = importlib.import_module("talentdrive.plans.migrations.0002_seed_cities_and_focus_areas")
    migration.seed(apps, None)
    # The rejection reasons' migration also renames old stage codes: nothing to rename in a test database.
    importlib.import_module(
        "talentdrive.pipeline.migrations.0007_stage_codes_and_rejection_reasons"
    ).forwards(apps, None)
    for name in ("0008_candidate_emails", "0009_role_suggestion", "0010_offer_and_interview_time_emails"):
        importlib.import_module(f"talentdrive.pipeline.migrations.{name}").seed(apps, None)
    importlib.import_module("talentdrive.offers.migrations.0002_seed_bands_chain_letter").seed(apps, None)


# -- the plan ----------------------------------------------------------------------------------------------


def make_drive(
    *,
    code: str = "ai-2026",
    name_zh: str = "2026 AI 人才招聘",
    name_en: str = "AI hiring drive 2026",
    total_target: int = 20,
    starts_on: dt.date = dt.date(2026, 9, 1),
    ends_on: dt.date = dt.date(2027, 6, 30),
    channels: Iterable[str] = ("experienced", "campus"),
    cities: Iterable[City] | None = None,
    **extra: Any,
) -> Drive:
    """A drive open in ``cities`` (every seeded city by default)."""
    drive = Drive.objects.create(
        code=code,
        name_zh=name_zh,
        name_en=name_en,
        total_target=total_target,
        starts_on=starts_on,
        ends_on=ends_on,
        channels=list(channels),
        **extra,
    )
    drive.cities.set(City.objects.all() if cities is None else cities)
    return drive


def make_group(
    *, code: str = "flagship", name_zh: str = "旗舰 AI 应用", name_en: str = "Flagship AI app"
) -> BusinessGroup:
    """The business group ``code``, created on first use."""
    group, _ = BusinessGroup.objects.get_or_create(
        code=code, defaults={"name_zh": name_zh, "name_en": name_en}
    )
    return group


def make_team(
    *,
    code: str = "core-training",
    group: BusinessGroup | None = None,
    name_zh: str = "核心模型训练",
    name_en: str = "Core model training",
) -> Team:
    return Team.objects.create(code=code, group=group or make_group(), name_zh=name_zh, name_en=name_en)


def make_plan_line(
    *,
    drive: Drive,
    team: Team,
    city: str | City = "shanghai",
    channel: str = "experienced",
    area: str | FocusArea = "llm",
    external_id: str | None = None,
    target: int = 3,
) -> PlanLine:
    city = seeded_city(city) if isinstance(city, str) else city
    area = seeded_area(area) if isinstance(area, str) else area
    return PlanLine.objects.create(
        drive=drive,
        external_id=external_id or f"PL-{city.code}-{channel}-{area.code}",
        city=city,
        channel=channel,
        focus_area=area,
        team=team,
        target=target,
    )


def make_requisition(
    *,
    plan_line: PlanLine | None = None,
    drive: Drive | None = None,
    team: Team | None = None,
    city: str = "shanghai",
    channel: str = "experienced",
    area: str = "llm",
    target: int = 50,
    external_id: str = "REQ-1",
    status: str = RequisitionStatus.OPEN,
    title_en: str = "LLM training engineer",
    title_zh: str = "大模型训练工程师",
    description_en: str | None = None,
    description_zh: str | None = None,
    level: str = "engineer",
    headcount: int = 1,
    must_skills: Iterable[str] = ("PyTorch", "distributed training"),
    nice_skills: Iterable[str] = ("CUDA",),
    hiring_manager: User | None = None,
    recruiters: Iterable[User] = (),
    **extra: Any,
) -> Requisition:
    """A requisition on ``plan_line``, or on the line of ``drive`` and ``team`` for the city, channel and
    area given (created with ``target`` when the drive has no such line yet)."""
    if plan_line is None:
        if drive is None or team is None:
            raise TypeError("make_requisition needs a plan_line, or a drive and a team")
        plan_line, _ = PlanLine.objects.get_or_create(
            drive=drive,
            city=seeded_city(city),
            channel=channel,
            focus_area=seeded_area(area),
            team=team,
            defaults={"external_id": f"PL-{city}-{channel}-{area}", "target": target},
        )
    extra.setdefault("status_changed_at", timezone.now())
    requisition = Requisition.objects.create(
        drive=plan_line.drive,
        plan_line=plan_line,
        external_id=external_id,
        title_en=title_en,
        title_zh=title_zh,
        description_en=f"{title_en}: build and optimise large models."
        if description_en is None
        else description_en,
        description_zh=f"{title_zh}：构建并优化大模型。" if description_zh is None else description_zh,
        level=level,
        status=status,
        headcount=headcount,
        must_skills=list(must_skills),
        nice_skills=list(nice_skills),
        hiring_manager=hiring_manager,
        **extra,
    )
    requisition.cities.set([plan_line.city])
    if recruiters:
        requisition.recruiters.set(recruiters)
    return requisition


# -- staff -------------------------------------------------------------------------------------------------


def make_staff(
    role: str = Role.RECRUITER,
    *,
    username: str | None = None,
    password: str | None = "",
    teams: Iterable[Team] = (),
    cities: Iterable[City] = (),
    **extra: Any,
) -> User:
    """A staff member of ``role`` scoped to ``teams`` and ``cities`` (no limit when empty).

    The password is ``<username>-pass-123`` unless given; ``None`` leaves the account without one. An
    administrator is ``is_staff`` and ``is_superuser`` unless told otherwise.
    """
    username = username or f"{role}-{next(_sequence)}"
    if password == "":
        password = f"{username}-pass-123"
    if role == Role.ADMIN:
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
    user = User.objects.create_user(username=username, password=password, role=role, **extra)
    if teams:
        user.scope_teams.set(teams)
    if cities:
        user.scope_cities.set(cities)
    return user


STAFF_USERNAMES = {
    "admin": "ada",
    "leadership": "lead",
    "recruiter": "rita",
    "other_recruiter": "olga",
    "hiring_manager": "hana",
    "interviewer": "ivan",
}


def make_staff_set(*, team: Team, other_team: Team) -> dict[str, User]:
    """One user of each staff role, keyed as the permission matrices name them.

    ``recruiter`` is scoped to ``team`` and ``other_recruiter`` to ``other_team`` (out of scope of
    anything built on ``team``). The hiring manager manages nothing until a requisition names them.
    """
    roles = {
        "admin": Role.ADMIN,
        "leadership": Role.LEADERSHIP,
        "recruiter": Role.RECRUITER,
        "other_recruiter": Role.RECRUITER,
        "hiring_manager": Role.HIRING_MANAGER,
        "interviewer": Role.INTERVIEWER,
    }
    scopes = {"recruiter": [team], "other_recruiter": [other_team]}
    return {
        key: make_staff(role, username=STAFF_USERNAMES[key], teams=scopes.get(key, ()))
        for key, role in roles.items()
    }


# -- candidates, their files and applications --------------------------------------------------------------


def make_candidate(*, email: str | None = None, full_name: str = "", **extra: Any) -> Candidate:
    return Candidate.objects.create(
        email=email if email is not None else f"person{next(_sequence)}@example.test",
        full_name=full_name,
        **extra,
    )


def parsed_profile(
    *,
    skills: Iterable[dict[str, Any]] = (),
    degree: str = "master",
    school: str = "Zhejiang University",
    years: float = 3,
    domains: Iterable[str] = (),
    publications: Iterable[dict[str, Any]] = (),
) -> dict[str, Any]:
    """A résumé profile as the parser stores it, with the fields matching reads."""
    return {
        "skills": list(skills),
        "education": [{"degree": degree, "school": school, "end": "2020"}],
        "years_experience": years,
        "domains": [{"id": d, "name": d, "mentions": []} for d in domains],
        "publications": list(publications),
        "awards": [],
    }


def make_resume(
    *,
    candidate: Candidate | None = None,
    text: str = "",
    profile: dict[str, Any] | None = None,
    parse_status: str = ParseStatus.PARSED,
    original_name: str = "resume.pdf",
    **extra: Any,
) -> Resume:
    """A résumé row (no file is written); parsed by default, with ``profile`` or an empty one."""
    digest = hashlib.sha256(f"resume-{next(_sequence)}".encode()).hexdigest()
    if parse_status == ParseStatus.PARSED:
        extra.setdefault("parsed_at", timezone.now())
    return Resume.objects.create(
        candidate=candidate or make_candidate(),
        file=f"resumes/{digest[:2]}/{digest}",
        original_name=original_name,
        sha256=digest,
        size=100,
        parse_status=parse_status,
        text=text,
        profile=parsed_profile() if profile is None else profile,
        **extra,
    )


def make_application(
    *, requisition: Requisition, candidate: Candidate | None = None, stage: str = Stage.APPLIED, **extra: Any
) -> Application:
    application = Application.objects.create(
        candidate=candidate or make_candidate(), requisition=requisition, stage=stage, **extra
    )
    rollups_arrived([application])  # as application_submit does
    return application


def pdf_bytes(pages: int = 1, text: str = "Li Lei - machine learning engineer - PyTorch, LLM") -> bytes:
    pdf = FPDF()
    pdf.set_font("helvetica", size=12)
    for number in range(pages):
        pdf.add_page()
        pdf.cell(text=f"{text} (page {number + 1})")
    return bytes(pdf.output())


def docx_bytes(text: str = "Han Meimei, multimodal researcher") -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def applicant(
    *, email: str = "li.lei@example.com", phone: str = "13800138000", name: str = "Li Lei", **extra: Any
) -> ApplicantDetails:
    """What an applicant types into the form, consent to the current notice included."""
    extra.setdefault("consent_version", CURRENT_CONSENT_VERSION)
    return ApplicantDetails(full_name=name, email=email, phone=phone, **extra)


def graduate(**extra: Any) -> ApplicantDetails:
    """An applicant with the education a campus role asks for."""
    extra.setdefault("school", "Sun Yat-sen University")
    extra.setdefault("degree", "master")
    extra.setdefault("graduation_date", dt.date(2027, 6, 30))
    return applicant(**extra)


def resume_upload(content: bytes | None = None, filename: str = "resume.pdf") -> ResumeUpload:
    return ResumeUpload(filename=filename, content=content if content is not None else pdf_bytes())


# -- a drive whose progress is counted by hand -------------------------------------------------------------


@dataclass
class ProgressPlan:
    drive: Drive
    other_drive: Drive
    lines: dict[str, PlanLine]
    requisitions: dict[str, Requisition]
    users: dict[str, User]


def make_progress_plan(*, drive: Drive, team: Team, staff: dict[str, User]) -> ProgressPlan:
    """A small plan whose progress figures the insights and back-office tests work out by hand.

    Plan lines (drive ai-2026):
      L1 shanghai / experienced / llm / core-training (``team``)   target 5
      L2 shanghai / campus      / llm / core-training              target 4
      L3 beijing  / experienced / multimodal / health              target 6
      L4 beijing  / campus      / llm / health                     target 2   (nothing under it)
    Requisitions (headcount, status): L1: R1 2 open, R2 1 draft, R3 1 closed;
      L2: R4 3 open, R5 1 paused; L3: R6 2 open, R7 2 filled.
    Hired applications: R1 2 (+1 at interview, not counted), R3 1, R4 1, R7 2.
    Another drive has a line of 100 and one hire, which must never leak in.
    ``staff["hiring_manager"]`` manages R1; ``users`` adds ``health_recruiter``, scoped to health.
    """
    health = make_team(
        code="health",
        group=make_group(code="vertical", name_zh="垂直应用", name_en="Vertical apps"),
        name_zh="健康",
        name_en="Health",
    )

    def line(external_id: str, where: str, channel: str, area: str, owner: Team, target: int) -> PlanLine:
        return make_plan_line(
            drive=drive,
            team=owner,
            city=where,
            channel=channel,
            area=area,
            external_id=external_id,
            target=target,
        )

    def requisition(on: PlanLine, external_id: str, headcount: int, status: str) -> Requisition:
        return make_requisition(
            plan_line=on,
            external_id=external_id,
            title_zh=f"职位 {external_id}",
            title_en=f"Role {external_id}",
            description_en="",
            description_zh="",
            headcount=headcount,
            status=status,
            status_changed_at=None,
            must_skills=["LLM", "PyTorch"],
            nice_skills=[],
        )

    def hire(on: Requisition, count: int, stage: str = Stage.HIRED) -> None:
        for _ in range(count):
            make_application(requisition=on, stage=stage)

    lines = {
        "L1": line("L1", "shanghai", "experienced", "llm", team, 5),
        "L2": line("L2", "shanghai", "campus", "llm", team, 4),
        "L3": line("L3", "beijing", "experienced", "multimodal-understanding", health, 6),
        "L4": line("L4", "beijing", "campus", "llm", health, 2),
    }
    requisitions = {
        "R1": requisition(lines["L1"], "R1", 2, "open"),
        "R2": requisition(lines["L1"], "R2", 1, "draft"),
        "R3": requisition(lines["L1"], "R3", 1, "closed"),
        "R4": requisition(lines["L2"], "R4", 3, "open"),
        "R5": requisition(lines["L2"], "R5", 1, "paused"),
        "R6": requisition(lines["L3"], "R6", 2, "open"),
        "R7": requisition(lines["L3"], "R7", 2, "filled"),
    }
    hire(requisitions["R1"], 2)
    hire(requisitions["R1"], 1, stage="technical_1")
    hire(requisitions["R3"], 1)
    hire(requisitions["R4"], 1)
    hire(requisitions["R7"], 2)

    other_drive = make_drive(
        code="other",
        name_zh="其他",
        name_en="Other drive",
        total_target=100,
        starts_on=dt.date(2026, 1, 1),
        ends_on=dt.date(2026, 12, 31),
        channels=["experienced"],
        cities=[],
    )
    other_line = make_plan_line(drive=other_drive, team=team, external_id="X1", target=100)
    hire(requisition(other_line, "X-R1", 5, "open"), 1)

    Requisition.objects.filter(pk=requisitions["R1"].pk).update(hiring_manager=staff["hiring_manager"])
    requisitions["R1"].hiring_manager = staff["hiring_manager"]
    users = {**staff, "health_recruiter": make_staff(Role.RECRUITER, username="rec-health", teams=[health])}
    return ProgressPlan(
        drive=drive, other_drive=other_drive, lines=lines, requisitions=requisitions, users=users
    )
