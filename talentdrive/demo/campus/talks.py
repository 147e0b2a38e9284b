"""The demo's campus talks, made by the campus app's services.

Each talk is published by a recruiter (``talk_create``), students register through ``talk_register``
(``notify=False``: no ticket email to fictional people) and are checked in at the door through
``talk_check_in``. The service takes registrations only for a talk still to come, so a past talk is
published, registered and checked in as an upcoming one and then dated back, as the walk dates the
applications' histories back (``people/history.py``): the talk's times, the registrations, the
check-ins and their audit events. Some demo campus applicants came to a past talk in their city: their
registration is made the same way and ``talk_attribute_application`` records the talk as their
application's source.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.utils import timezone

from talentdrive.accounts.models import User
from talentdrive.audit.models import AuditAction, AuditEvent
from talentdrive.campus.models import CampusTalk, TalkLanguage, TalkRegistration
from talentdrive.campus.talks import talk_attribute_application, talk_check_in, talk_create, talk_register
from talentdrive.candidates.consent import CURRENT_CONSENT_VERSION
from talentdrive.demo.people.names import identity
from talentdrive.demo.users import DEMO
from talentdrive.pipeline.models import Application
from talentdrive.plans.models import City, Drive

TICKET_BASE_URL = "http://127.0.0.1:8000"
# Fictional students who are not demo applicants: numbered far above the demo people, so their
# emails never meet an applicant's.
STUDENT_INDEX = 50_000
CHECKED_IN_SHARE = 0.85
APPLICANTS_PER_TALK = 8


@dataclass(frozen=True)
class TalkSpec:
    city: str
    school: str
    school_en: str
    venue: str
    days: int  # from today: negative for a talk that has taken place
    capacity: int
    language: str
    theme_en: str
    theme_zh: str


THEMES = {
    "models": ("Large models and multimodal AI", "大模型与多模态"),
    "glasses": ("AI on your face: the smart-glasses team", "AI 眼镜：智能硬件团队"),
    "agents": ("Building intelligent agents", "智能体应用开发"),
    "research": ("Research careers and the elite talent programme", "科研职业与顶尖人才计划"),
}
_ZH, _BOTH, _EN = TalkLanguage.ZH, TalkLanguage.BOTH, TalkLanguage.EN
TALKS = (
    TalkSpec("beijing", "清华大学", "Tsinghua University", "清华大学 FIT 楼多功能厅", -24, 300, _ZH, *THEMES["models"]),
    TalkSpec("beijing", "北京大学", "Peking University", "北京大学英杰交流中心", -17, 260, _BOTH, *THEMES["research"]),
    TalkSpec("beijing", "北京航空航天大学", "Beihang University", "北航新主楼报告厅", 9, 200, _ZH, *THEMES["glasses"]),
    TalkSpec("shanghai", "复旦大学", "Fudan University", "复旦大学光华楼报告厅", -21, 260, _ZH, *THEMES["agents"]),
    TalkSpec("shanghai", "上海交通大学", "Shanghai Jiao Tong University", "上海交大闵行校区学术活动中心", 6, 280, _BOTH, *THEMES["models"]),
    TalkSpec("hangzhou", "浙江大学", "Zhejiang University", "浙江大学紫金港校区小剧场", -19, 320, _ZH, *THEMES["glasses"]),
    TalkSpec("hangzhou", "浙江大学", "Zhejiang University", "浙江大学玉泉校区邵逸夫科学馆", 12, 180, _EN, *THEMES["research"]),
    TalkSpec("guangzhou", "中山大学", "Sun Yat-sen University", "中山大学东校区学术报告厅", -15, 240, _ZH, *THEMES["agents"]),
    TalkSpec("guangzhou", "华南理工大学", "South China University of Technology", "华工五山校区励吾楼", 8, 220, _ZH, *THEMES["models"]),
)  # fmt: skip


@dataclass(frozen=True)
class TalksLoaded:
    talks: int
    past: int
    registrations: int
    checked_in: int
    attributed: int


@dataclass
class _Dated:
    """When a past talk really was, and the moments its rows are dated to."""

    talk: CampusTalk
    starts_at: datetime
    registered: dict[int, datetime]
    checked_in: dict[int, datetime]


def _recruiter_for(city: str, recruiters: Sequence[User]) -> User:
    return next(user for user in recruiters if city in user.scope_cities.values_list("code", flat=True))


def _register(
    talk: CampusTalk, *, full_name: str, email: str, school: str, year: int, language: str
) -> TalkRegistration:
    return talk_register(
        talk_id=talk.pk,
        full_name=full_name,
        email=email,
        school=school,
        graduation_year=year,
        consent_version=CURRENT_CONSENT_VERSION,
        language=language,
        ticket_base_url=TICKET_BASE_URL,
        actor=DEMO,
        notify=False,
    ).registration


def _applicants(drive: Drive, city: str, after: datetime, taken: set[int]) -> list[Application]:
    """Campus applicants in the talk's city who applied after it, one application per person."""
    found: dict[int, Application] = {}
    for application in (
        Application.objects.filter(
            requisition__drive=drive,
            requisition__plan_line__channel="campus",
            requisition__cities__code=city,
            created_at__gt=after,
        )
        .select_related("candidate")
        .order_by("pk")
    ):
        if application.candidate_id not in taken:
            found.setdefault(application.candidate_id, application)
    return list(found.values())


def talks_load(*, drive: Drive, recruiters: Sequence[User], rng: random.Random) -> TalksLoaded:
    zone = timezone.get_default_timezone()
    cities = {city.code: city for city in City.objects.filter(code__in={spec.city for spec in TALKS})}
    today = timezone.localdate()
    year = today.year + 1
    dated: list[_Dated] = []
    registrations = checked = attributed = 0
    taken: set[int] = set()
    student = STUDENT_INDEX
    for spec in TALKS:
        recruiter = _recruiter_for(spec.city, recruiters)
        starts_at = datetime.combine(today + timedelta(days=spec.days), time(19), zone)
        past = spec.days < 0
        # Registrations are taken only before a talk: a past one is made as if it were tomorrow.
        made_at = datetime.combine(today + timedelta(days=1), time(19), zone) if past else starts_at
        talk = talk_create(
            drive=drive,
            city=cities[spec.city],
            school=spec.school,
            title_en=f"{spec.theme_en} — campus talk at {spec.school_en}",
            title_zh=f"{spec.theme_zh}——{spec.school}校园宣讲会",
            starts_at=made_at,
            ends_at=made_at + timedelta(hours=2),
            venue=spec.venue,
            capacity=spec.capacity,
            language=spec.language,
            livestream_url="https://live.example.com/talentdrive-demo" if spec.language != _ZH else "",
            actor=recruiter,
        )
        record = _Dated(talk, starts_at, {}, {})
        count = rng.randint(36, 60) if past else rng.randint(3, 8)
        for _ in range(count):
            student += 1
            chinese = rng.random() < 0.85
            person = identity(student, chinese_resume=chinese, rng=rng)
            registration = _register(
                talk, full_name=person.full_name, email=person.email, school=spec.school,
                year=rng.choice((year, year, year + 1)), language="zh-hans" if chinese else "en",
            )  # fmt: skip
            record.registered[registration.pk] = starts_at - timedelta(hours=rng.uniform(3, 24 * 14))
        registrations += count
        applicants: list[Application] = []
        if past:
            applicants = _applicants(drive, spec.city, starts_at + timedelta(hours=2), taken)
            applicants = sorted(
                rng.sample(applicants, min(APPLICANTS_PER_TALK, len(applicants))), key=lambda a: a.pk
            )
            for application in applicants:
                taken.add(application.candidate_id)
                graduation = application.graduation_date.year if application.graduation_date else year
                registration = _register(
                    talk, full_name=application.candidate.full_name, email=application.candidate.email,
                    school=application.school or spec.school, year=graduation, language=application.language,
                )  # fmt: skip
                record.registered[registration.pk] = starts_at - timedelta(hours=rng.uniform(3, 24 * 10))
            registrations += len(applicants)
            for registration in TalkRegistration.objects.filter(talk=talk).order_by("pk"):
                if rng.random() < CHECKED_IN_SHARE:
                    talk_check_in(talk_id=talk.pk, code=registration.ticket_code, actor=recruiter)
                    record.checked_in[registration.pk] = starts_at - timedelta(minutes=rng.uniform(0, 25))
                    checked += 1
            dated.append(record)
        application_after = starts_at + timedelta(hours=2)
        for application in applicants:
            # Every application the person made after the talk has it as its source.
            for own in Application.objects.filter(
                candidate_id=application.candidate_id,
                requisition__drive=drive,
                created_at__gt=application_after,
            ).order_by("pk"):
                if talk_attribute_application(application_id=own.pk, actor=DEMO) is not None:
                    attributed += 1
    _date_back(dated)
    return TalksLoaded(len(TALKS), len(dated), registrations, checked, attributed)


def _events(action: str, label: str, ids: Sequence[int]) -> list[AuditEvent]:
    return list(
        AuditEvent.objects.filter(action=action, target_type=label, target_id__in=[str(pk) for pk in ids])
    )


def _date_back(dated: Sequence[_Dated]) -> None:
    """Put each past talk, its registrations, check-ins and their audit events at the real times."""
    talks, registrations, events = [], [], []
    for record in dated:
        talk = record.talk
        talk.starts_at, talk.ends_at = record.starts_at, record.starts_at + timedelta(hours=2)
        talk.created_at = record.starts_at - timedelta(days=21)
        talks.append(talk)
        for event in _events(AuditAction.CAMPUS_TALK_CREATE, "campus.campustalk", [talk.pk]):
            event.created_at = talk.created_at
            events.append(event)
        for registration in TalkRegistration.objects.filter(talk=talk):
            registration.registered_at = record.registered[registration.pk]
            registration.checked_in_at = record.checked_in.get(registration.pk)
            registrations.append(registration)
        moments = {
            AuditAction.CAMPUS_TALK_REGISTER: record.registered,
            AuditAction.CAMPUS_TALK_CHECK_IN: record.checked_in,
        }
        for action, when in moments.items():
            for event in _events(action, "campus.talkregistration", list(when)):
                event.created_at = when[int(event.target_id)]
                events.append(event)
    CampusTalk.objects.bulk_update(talks, ["starts_at", "ends_at", "created_at"])
    TalkRegistration.objects.bulk_update(registrations, ["registered_at", "checked_in_at"], batch_size=500)
    AuditEvent.objects.bulk_update(events, ["created_at"], batch_size=500)
    # An attribution is recorded when the application arrives.
    attributions = _events(
        AuditAction.CAMPUS_TALK_ATTRIBUTE,
        "pipeline.application",
        list(
            Application.objects.filter(
                campus_talk_attribution__registration__talk__in=[r.talk for r in dated]
            ).values_list("pk", flat=True)
        ),
    )
    arrived = dict(
        Application.objects.filter(pk__in=[int(e.target_id) for e in attributions]).values_list(
            "pk", "created_at"
        )
    )
    for event in attributions:
        event.created_at = arrived[int(event.target_id)]
    AuditEvent.objects.bulk_update(attributions, ["created_at"], batch_size=500)


__all__ = ["TALKS", "TalksLoaded", "talks_load"]
