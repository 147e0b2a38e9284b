"""Write the demo people to the database: candidates, consent, resumes, applications, the index.

People, consents, résumés and applications are written with ``bulk_create`` rather than through
``application_submit``, for two reasons that hold for seeded data only: submitting queues an intake
task per application (acknowledgement email, parsing) that must not run for fictional people, and
its per-person row lock and look-ups cost about a second per hundred people. Every application is
created in its flow's first stage, and every step after that (moves, rejections with a reason,
withdrawals) goes through the pipeline's services (``history.py``), interviews and scorecards through
the interviews app's, and every offer and hire through the offers app's (drafted, approved, sent,
accepted), so the timelines, audit events and integration events are the ones real work leaves, and
the hires are exactly the accepted offers. The load emails nobody (see ``history.py``). The rules the service enforces hold by construction instead: contacts are
unique and already normalised (``names``), every application has a consent record and a resume, one
application per person and requisition, none on drafts, at most three per person (the campus cap),
hires only on open requisitions and within headcount (``funnel``), and the acceptance of a
requisition's last offer makes it filled. Each resume is the real parser's
output for a plain-text file stored by content hash, exactly as an uploaded one would be, and one
audit event records the load.
"""

from __future__ import annotations

import logging
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from talentdrive.audit.models import AuditAction
from talentdrive.audit.services import audit_record
from talentdrive.candidates.consent import CONSENT_TEXTS
from talentdrive.candidates.models import Candidate, ConsentRecord
from talentdrive.demo import organisation as org
from talentdrive.demo.people.compose import CITY_NAMES, Person, build_people
from talentdrive.demo.people.funnel import Applicant, Opening, Placement, filled, place
from talentdrive.demo.people.history import applications_walk
from talentdrive.demo.users import DEMO
from talentdrive.evaluation.synth.generate import SkillSpace
from talentdrive.matching.services import match_index_rebuild
from talentdrive.matching.taxonomy_loader import get_taxonomy
from talentdrive.pipeline.models import Application, Stage
from talentdrive.pipeline.rollups import rollups_arrived
from talentdrive.plans.models import Drive, Requisition, RequisitionStatus
from talentdrive.plans.services import requisition_change_status
from talentdrive.resumes.ingest.worker import content_sha256, parse_content
from talentdrive.resumes.models import ParseStatus, Resume, resume_upload_to

DEFAULT_SIZE = 3_000
HIRE_SHARE = 0.2  # of the plan, at the default size: the progress page shows a drive under way
CONSENT_VERSION = max(CONSENT_TEXTS)
GRADUATION_DATE = date(2027, 6, 30)


@dataclass(frozen=True)
class PeopleLoadResult:
    created: bool
    candidates: int
    applications: int
    hired: int
    seconds: float


@contextmanager
def _tasks_logged_at(level: int) -> Iterator[None]:
    logger = logging.getLogger("django_tasks")
    before = logger.level
    logger.setLevel(max(level, before))
    try:
        yield
    finally:
        logger.setLevel(before)


def _openings(drive: Drive) -> list[Opening]:
    cities: dict[int, list[str]] = defaultdict(list)
    for requisition_id, code in Requisition.cities.through.objects.filter(
        requisition__drive=drive
    ).values_list("requisition_id", "city__code"):
        cities[requisition_id].append(code)
    rows = Requisition.objects.filter(drive=drive).values_list(
        "pk", "plan_line__channel", "plan_line__focus_area__code", "status", "headcount", "programme_eligible"
    )
    return [
        Opening(id=pk, channel=channel, area=area, cities=tuple(sorted(cities[pk])), status=status,
                headcount=headcount, programme=programme)
        for pk, channel, area, status, headcount, programme in rows
    ]  # fmt: skip


def _store(content: bytes, sha256: str, candidate_id: int) -> str:
    name = resume_upload_to(Resume(sha256=sha256, candidate_id=candidate_id), "")
    if not default_storage.exists(name):
        default_storage.save(name, ContentFile(content))
    return name


def _summary(drive: Drive, *, created: bool, started: float) -> PeopleLoadResult:
    applications = Application.objects.filter(requisition__drive=drive)
    return PeopleLoadResult(
        created=created,
        candidates=applications.values("candidate").distinct().count(),
        applications=applications.count(),
        hired=applications.filter(stage="hired").count(),
        seconds=time.perf_counter() - started,
    )


def _education(profile: dict[str, object]) -> tuple[str, str]:
    entries = profile.get("education")
    first = entries[0] if isinstance(entries, list) and entries and isinstance(entries[0], dict) else {}
    return str(first.get("school") or "")[:200], str(first.get("degree") or "")[:20]


@transaction.atomic
def _write(
    people: list[Person], placements: list[Placement], full: list[int], drive: Drive, *, seed: int
) -> None:
    now = timezone.now()
    first_contact: dict[int, int] = {}
    for placement in placements:
        first_contact[placement.person] = max(first_contact.get(placement.person, 0), placement.days_ago)
    candidates = Candidate.objects.bulk_create(
        Candidate(full_name=p.full_name, email=p.email, phone=p.phone, location=CITY_NAMES[p.city][1])
        for p in people
    )
    consents = ConsentRecord.objects.bulk_create(
        ConsentRecord(
            candidate=candidate,
            version=CONSENT_VERSION,
            language=person.language,
            text=CONSENT_TEXTS[CONSENT_VERSION].text_for(person.language),
            given_at=now - timedelta(days=first_contact.get(person.index, 0), hours=1),
        )
        for person, candidate in zip(people, candidates, strict=True)
    )
    resumes = []
    for person, candidate in zip(people, candidates, strict=True):
        content = person.resume_text.encode()
        outcome = parse_content(content, "resume.txt")
        if outcome.profile is None:  # the renderer writes what the parser reads; a failure is a bug
            raise RuntimeError(f"demo resume {person.index} did not parse: {outcome.error}")
        sha256 = content_sha256(content)
        resumes.append(
            Resume(
                candidate=candidate,
                file=_store(content, sha256, candidate.pk),
                sha256=sha256,
                size=len(content),
                original_name="简历.txt" if person.language == "zh" else "resume.txt",
                content_type=outcome.content_type,
                language=outcome.language[:10],
                parse_status=ParseStatus.PARSED,
                profile=outcome.profile,
                text=outcome.text,
                parsed_at=now - timedelta(days=first_contact.get(person.index, 0)),
            )  # fmt: skip
        )
    resumes = Resume.objects.bulk_create(resumes)
    applications = []
    for placement in placements:
        person = people[placement.person]
        resume = resumes[placement.person]
        school, degree = _education(resume.profile)
        applications.append(
            Application(
                candidate=candidates[placement.person],
                requisition_id=placement.requisition,
                stage=Stage.APPLIED,
                source=placement.source,
                resume=resume,
                consent=consents[placement.person],
                language="zh-hans" if person.language == "zh" else "en",
                school=school,
                degree=degree,
                graduation_date=GRADUATION_DATE if person.campus else None,
                preferred_cities=[person.city] if person.city in org.DRIVE_CITIES else [],
            )  # fmt: skip
        )
    created = Application.objects.bulk_create(applications)
    rollups_arrived(created)
    # Every step from there is a move through the pipeline's services (history.py).
    applications_walk(created, placements, full=full, seed=seed)
    # Accepting the last offer fills a requisition; any the acceptances left open get there through
    # the plan service, audited, like the paused ones.
    for requisition in (
        Requisition.objects.filter(pk__in=full).exclude(status=RequisitionStatus.FILLED).order_by("pk")
    ):
        requisition_change_status(requisition=requisition, status=RequisitionStatus.FILLED, actor=DEMO)
    audit_record(
        actor=DEMO,
        action=AuditAction.DEMO_PEOPLE_LOAD,
        target=drive,
        data={"candidates": len(candidates), "applications": len(created)},
    )


def demo_people_load(*, seed: int, size: int = DEFAULT_SIZE, build_index: bool = True) -> PeopleLoadResult:
    """Load ``size`` fictional candidates into the demo drive; a second call changes nothing."""
    started = time.perf_counter()
    drive = Drive.objects.filter(code=org.DRIVE_CODE).first()
    if drive is None:
        raise RuntimeError("the demo drive is not loaded; load it before its candidates")
    people = build_people(SkillSpace.from_taxonomy(get_taxonomy()), size, seed=seed)
    if not people or Candidate.objects.filter(email=people[0].email).exists():
        return _summary(drive, created=False, started=started)
    openings = _openings(drive)
    planned = sum(drive.plan_lines.values_list("target", flat=True))
    applicants = [
        Applicant(index=p.index, area=p.area, city=p.city, campus=p.campus, elite=p.elite) for p in people
    ]
    hire_target = round(HIRE_SHARE * planned * min(1.0, size / DEFAULT_SIZE))
    placements = place(applicants, openings, hire_target=hire_target, seed=seed)
    # Each interview queues its invitations' send task after the commit; the demo owes no invitation,
    # so the tasks send nothing, and their thousands of progress lines are kept off the console.
    with _tasks_logged_at(logging.WARNING):
        _write(people, placements, filled(openings, placements), drive, seed=seed)
    if build_index:
        match_index_rebuild(trigger="demo load", actor=DEMO)
    return _summary(drive, created=True, started=started)
