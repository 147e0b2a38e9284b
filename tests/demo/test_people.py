from __future__ import annotations

import datetime as dt
from collections import Counter

import phonenumbers
import pytest
from django.db import transaction
from django.db.models import Count, Q
from django.test import override_settings
from django.utils import timezone

from talentdrive.accounts.models import User
from talentdrive.audit.models import AuditEvent
from talentdrive.candidates.models import Candidate, ConsentRecord
from talentdrive.demo.load import demo_drive_load
from talentdrive.demo.people.compose import build_people
from talentdrive.demo.people.funnel import Applicant, Opening, filled, place
from talentdrive.demo.people.load import demo_people_load
from talentdrive.evaluation.synth.generate import SkillSpace
from talentdrive.interviews.models import Interview, InterviewInvitation, Scorecard
from talentdrive.interviews.services import interviewer_weekly_cap, week_of
from talentdrive.offers.models import Offer, OfferStatus, SalaryBand
from talentdrive.pipeline.core.flow import INTERVIEW, kind_of_code
from talentdrive.pipeline.models import TERMINAL_STAGES, Application, StageChange
from talentdrive.plans.models import Requisition
from talentdrive.resumes.ingest.worker import parse_content
from talentdrive.resumes.models import ParseStatus, Resume
from talentdrive.taxonomy.model import load_taxonomy

SIZE = 200
SEED = 7


@pytest.fixture(scope="module")
def space() -> SkillSpace:
    return SkillSpace.from_taxonomy(load_taxonomy())


# Pure: people, resumes, funnel


def test_same_seed_same_people_and_another_seed_others(space):
    first = build_people(space, 120, seed=SEED)
    assert build_people(space, 120, seed=SEED) == first
    assert [p.email for p in build_people(space, 120, seed=SEED + 1)] != [p.email for p in first]


def test_foundation_skills_appear_at_realistic_rates(space):
    people = build_people(space, 600, seed=SEED)
    share = {s: sum(s in p.skill_ids for p in people) / len(people) for s in ("python", "pytorch", "cpp")}
    assert share["python"] > 0.7 and share["pytorch"] > 0.5 and share["cpp"] > 0.15
    trainers = [p for p in people if p.area == "training-infra"]
    assert sum("cuda" in p.skill_ids for p in trainers) > len(trainers) / 2


def test_people_are_fictional_and_reachable_by_nobody(space):
    people = build_people(space, 600, seed=SEED)
    assert len({p.email for p in people}) == len({p.phone for p in people}) == 600
    assert all(p.email.rsplit("@", 1)[1] in {"example.com", "example.cn"} for p in people)
    assert all(phonenumbers.is_valid_number(phonenumbers.parse(p.phone)) for p in people)
    assert {p.language for p in people} == {"zh", "en"}
    assert 0.25 < sum(p.campus for p in people) / 600 < 0.45
    assert 3 <= sum(p.elite for p in people) <= 15
    assert all(p.degree == 4 for p in people if p.elite)


def test_rendered_resumes_parse_back_to_the_generated_profile(space):
    people = build_people(space, 80, seed=SEED)
    recalled = total = 0
    for person in people:
        outcome = parse_content(person.resume_text.encode(), "resume.txt")
        assert outcome.profile is not None, outcome.error
        profile = outcome.profile
        assert profile["emails"] == [person.email]
        assert profile["phones"] == [person.phone]
        assert profile["name"] == person.full_name
        found = {s["id"] for s in profile["skills"]}
        recalled += len(found & set(person.skill_ids))
        total += len(person.skill_ids)
        top = sum(1 for paper in profile["publications"] if paper.get("top_venue"))
        assert top >= 2 if person.elite else top <= 1
    assert recalled / total > 0.95


def _openings() -> list[Opening]:
    openings = []
    for i, (channel, area, status, headcount) in enumerate(
        [
            ("campus", "llm", "open", 2),
            ("campus", "speech", "open", 1),
            ("experienced", "llm", "open", 1),
            ("experienced", "llm", "draft", 5),
            ("experienced", "speech", "paused", 3),
            ("experienced", "agents", "open", 4),
        ],
        start=1,
    ):
        openings.append(Opening(i, channel, area, ("beijing",), status, headcount, programme=i == 3))
    return openings


def test_funnel_keeps_hires_within_headcount_on_open_requisitions_only():
    openings = {o.id: o for o in _openings()}
    applicants = [
        Applicant(i, ("llm", "speech", "agents")[i % 3], "beijing", campus=i % 4 == 0, elite=False)
        for i in range(300)
    ]
    placements = place(applicants, list(openings.values()), hire_target=6, seed=SEED)
    assert place(applicants, list(openings.values()), hire_target=6, seed=SEED) == placements
    hires = Counter(p.requisition for p in placements if p.stage == "hired")
    assert sum(hires.values()) == 6
    assert all(
        count <= openings[req].headcount and openings[req].status == "open" for req, count in hires.items()
    )
    assert all(openings[p.requisition].status != "draft" for p in placements)
    assert all(
        (openings[p.requisition].channel == "campus") == applicants[p.person].campus for p in placements
    )
    per_person = Counter(p.person for p in placements)
    assert max(per_person.values()) <= 3
    full = set(filled(list(openings.values()), placements))
    assert full and all(hires[req] == openings[req].headcount for req in full)
    assert all(p.stage not in ("applied", "screening", "offer") for p in placements if p.requisition in full)
    hired_people = {p.person for p in placements if p.stage == "hired"}
    assert all(p.stage == "withdrawn" for p in placements if p.person in hired_people and p.stage != "hired")
    assert {p.stage for p in placements} >= {"applied", "screening", "interview", "rejected"}


# Database: the demo drive with a small crowd, loaded once for the module


def _snapshot() -> dict[str, object]:
    first = Candidate.objects.order_by("pk").values_list("pk", flat=True).first() or 0
    return {
        "candidates": list(Candidate.objects.order_by("pk").values_list("email", "full_name", "phone")),
        "ids": [pk - first for pk in Candidate.objects.order_by("pk").values_list("pk", flat=True)],
        "applications": sorted(
            Application.objects.values_list("candidate__email", "requisition__external_id", "stage", "source")
        ),
        "profiles": list(Resume.objects.order_by("candidate_id").values_list("sha256", flat=True)),
        "filled": sorted(Requisition.objects.filter(status="filled").values_list("external_id", flat=True)),
    }


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo drive and SIZE demo people, loaded once for the module and rolled back afterwards."""
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=str(tmp_path_factory.mktemp("media"))):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            demo_drive_load()
            yield demo_people_load(seed=SEED, size=SIZE)
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def people(loaded, db):
    return loaded


@pytest.mark.slow
def test_load_writes_candidates_resumes_consents_and_applications(people):
    assert people.created
    assert people.candidates == Candidate.objects.count() == SIZE
    assert Resume.objects.filter(parse_status=ParseStatus.PARSED).count() == SIZE
    assert ConsentRecord.objects.count() == SIZE
    assert SIZE <= people.applications == Application.objects.count() <= 3 * SIZE
    assert Application.objects.filter(consent__isnull=True).count() == 0
    assert Application.objects.filter(requisition__status="draft").count() == 0
    # A fifth of the plan, scaled to the crowd's size.
    assert (
        people.hired == Application.objects.filter(stage="hired").count() == round(0.2 * 1000 * SIZE / 3000)
    )


@pytest.mark.slow
def test_hires_stay_within_headcount_and_full_requisitions_are_filled(people):
    hired = Requisition.objects.annotate(hired=Count("applications", filter=Q(applications__stage="hired")))
    assert all(r.hired <= r.headcount for r in hired)
    statuses = set(Application.objects.filter(stage="hired").values_list("requisition__status", flat=True))
    assert statuses == {"open", "filled"}
    full = [r for r in hired if r.hired == r.headcount]
    assert full and {r.status for r in full} == {"filled"}
    assert (
        not Application.objects.filter(requisition__status="filled")
        .exclude(stage__in=TERMINAL_STAGES)
        .exists()
    )
    assert (
        Application.objects.filter(
            requisition__plan_line__channel="campus", graduation_date__isnull=True
        ).count()
        == 0
    )


@pytest.mark.slow
def test_every_profile_skill_is_in_the_taxonomy(people):
    known = load_taxonomy().skills
    ids = {s["id"] for profile in Resume.objects.values_list("profile", flat=True) for s in profile["skills"]}
    assert ids and ids <= set(known)


@pytest.mark.slow
def test_loading_again_changes_nothing(people):
    before = _snapshot()
    events = AuditEvent.objects.count()
    again = demo_people_load(seed=SEED, size=SIZE)
    assert not again.created
    assert (again.candidates, again.applications, again.hired) == (
        people.candidates,
        people.applications,
        people.hired,
    )
    assert _snapshot() == before
    assert AuditEvent.objects.count() == events


@pytest.mark.slow
def test_loading_into_a_fresh_database_gives_the_same_people_and_stages(people):
    before = _snapshot()
    with transaction.atomic():
        Offer.objects.all().delete()  # an offer keeps its application
        Application.objects.all().delete()
        Candidate.objects.all().delete()
        Requisition.objects.filter(status="filled").update(status="open")
        assert demo_people_load(seed=SEED, size=SIZE, build_index=False).created
        assert _snapshot() == before
        transaction.set_rollback(True)


@pytest.mark.slow
def test_hires_are_exactly_the_accepted_offers(people):
    accepted = Offer.objects.filter(status=OfferStatus.ACCEPTED)
    hired = Application.objects.filter(stage="hired")
    assert people.hired == hired.count() == accepted.count() > 0
    per_application = Counter(accepted.values_list("application_id", flat=True))
    assert set(per_application) == set(hired.values_list("pk", flat=True))
    assert set(per_application.values()) == {1}
    at_offer = Application.objects.filter(stage="offer")
    assert at_offer.exists()
    assert set(Offer.objects.filter(status=OfferStatus.SENT).values_list("application_id", flat=True)) == set(
        at_offer.values_list("pk", flat=True)
    )
    waiting = 0
    for offer in Offer.objects.select_related("city", "application").prefetch_related("approvals"):
        band = SalaryBand.objects.get(level=offer.level, city=offer.city)
        assert band.salary_min <= offer.salary <= band.salary_max and not offer.above_band
        steps = [approval.status for approval in offer.approvals.all()]
        if offer.status == OfferStatus.PENDING_APPROVAL:
            # Waiting on an approver: some steps taken in order, the rest pending, not yet sent.
            waiting += 1
            assert "pending" in steps and steps == sorted(steps, key=lambda status: status != "approved")
            assert offer.sent_at is None and offer.application.stage not in ("offer", "hired")
            assert offer.created_at <= timezone.now()
            continue
        assert steps and all(status == "approved" for status in steps)
        assert offer.created_at <= offer.sent_at <= (offer.decided_at or offer.sent_at)
    assert waiting > 0, "some offers wait on an approver, so the approvers' pages have work"


@pytest.mark.slow
def test_interviews_for_every_interview_stage_passed_and_scorecards_for_those_held(people):
    left = {
        (change.application_id, change.from_stage)
        for change in StageChange.objects.exclude(to_stage="withdrawn")
        if kind_of_code(change.from_stage) == INTERVIEW
    }
    held = set(Interview.objects.values_list("application_id", "stage_code"))
    assert left and left <= held
    now = timezone.now()
    # Only interviews of the last three days may still wait for their scorecard (the late ones).
    assert not Interview.objects.filter(
        starts_at__lt=now - dt.timedelta(days=3, hours=1), scorecards__isnull=True
    ).exists()
    assert not Interview.objects.filter(starts_at__gt=now, scorecards__isnull=False).exists()
    # The interviewers have a week ahead to see.
    assert Interview.objects.filter(starts_at__gt=now, starts_at__lt=now + dt.timedelta(days=8)).exists()
    assert Scorecard.objects.count() > len(left) / 2
    # Nobody is booked twice at once or past the weekly cap.
    slots = Counter(Interview.objects.values_list("interviewers", "starts_at"))
    assert max(slots.values()) == 1
    weeks = Counter((user, week_of(starts_at)[0]) for user, starts_at in slots)
    assert max(weeks.values()) <= interviewer_weekly_cap()


@pytest.mark.slow
def test_times_offered_and_the_audit_trail_are_dated_like_the_history(people):
    from talentdrive.audit.models import AuditEvent
    from talentdrive.interviews.models import SlotOffer

    now = timezone.now()
    offered = list(SlotOffer.objects.filter(status="open"))
    assert offered, "some applications have times to choose"
    for offer in offered:
        assert offer.starts and all(dt.datetime.fromisoformat(raw) > now for raw in offer.starts)
        assert offer.application.is_active
    for interview in Interview.objects.all()[:200]:
        scheduled = AuditEvent.objects.get(
            action="interview.schedule", target_type="interviews.interview", target_id=str(interview.pk)
        )
        assert scheduled.created_at <= min(interview.starts_at, now)
    for offer in Offer.objects.exclude(sent_at=None)[:50]:
        sent = AuditEvent.objects.get(
            action="offer.send", target_type="offers.offer", target_id=str(offer.pk)
        )
        assert sent.created_at == offer.sent_at


@pytest.mark.slow
def test_loading_emails_nobody(people, mailoutbox, django_capture_on_commit_callbacks):
    assert not InterviewInvitation.objects.exists()
    with transaction.atomic():
        Offer.objects.all().delete()
        Application.objects.all().delete()
        Candidate.objects.all().delete()
        Requisition.objects.filter(status="filled").update(status="open")
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            assert demo_people_load(seed=SEED, size=SIZE, build_index=False).created
        assert callbacks  # the send tasks ran, and found nothing to send
        transaction.set_rollback(True)
    assert mailoutbox == []


@pytest.mark.slow
def test_ranked_list_for_a_demo_requisition_explains_its_candidates(people, client):
    busiest = (
        Requisition.objects.filter(status="open")
        .annotate(n=Count("applications"))
        .order_by("-n", "pk")
        .first()
    )
    assert busiest is not None
    client.force_login(User.objects.get(username="admin"))
    response = client.get(f"/api/matching/requisitions/{busiest.pk}/candidates", {"k": 20})
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["considered"] == SIZE
    assert len(body["matches"]) == 20
    top = body["matches"][0]
    assert top["matched_must"] and all(m["mentions"] for m in top["matched_must"])
    assert {c["name"] for c in top["components"]} >= {"must", "text"}


@pytest.mark.slow
def test_top_candidates_hold_the_common_foundation_skills(people, client):
    needing = [
        r for r in Requisition.objects.filter(status="open").order_by("pk")
        if {"python", "pytorch"} & set(r.must_skills)
    ][:5]  # fmt: skip
    assert needing
    client.force_login(User.objects.get(username="admin"))
    for requisition in needing:
        body = client.get(f"/api/matching/requisitions/{requisition.pk}/candidates", {"k": 5}).json()
        missing = Counter(s for m in body["matches"] for s in m["missing_must"])
        assert missing["python"] <= 1 and missing["pytorch"] <= 2, (requisition.external_id, missing)


@pytest.mark.slow
def test_elite_candidates_carry_the_programme_flag(people, client):
    elite = [p for p in build_people(SkillSpace.from_taxonomy(load_taxonomy()), SIZE, seed=SEED) if p.elite]
    assert elite
    candidate = Candidate.objects.get(email=elite[0].email)
    application = candidate.applications.first()
    assert application is not None
    requisition = application.requisition
    client.force_login(User.objects.get(username="admin"))
    body = client.get(f"/api/matching/requisitions/{requisition.pk}/candidates", {"k": SIZE}).json()
    flagged = {m["candidate_id"] for m in body["matches"] if m["programme"]["flagged"]}
    assert candidate.pk in flagged
