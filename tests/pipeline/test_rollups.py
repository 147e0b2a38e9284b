"""The pipeline's roll-ups: kept by the services as events happen, equal to a rebuild from the events, and
the pipeline page's figures from them equal to the figures counted from every move."""

from __future__ import annotations

import random
from collections import defaultdict

import pytest
from django.core.management import call_command

from talentdrive.audit.actors import CANDIDATE
from talentdrive.insights.core.funnel import Journey, Move, by_source, funnel, time_in_stage, time_to_hire
from talentdrive.insights.pipeline import pipeline_dashboard
from talentdrive.offers.acceptance import offer_accept, offer_decline
from talentdrive.pipeline.core.flow import kind_of_code
from talentdrive.pipeline.errors import ApplicationRefused, MoveRefused
from talentdrive.pipeline.flows import flow_for_requisition
from talentdrive.pipeline.models import (
    Application,
    ApplicationTally,
    RejectionReason,
    StageChange,
    StepDuration,
    WeeklyMoves,
)
from talentdrive.pipeline.moves import application_move, application_reject, application_reopen
from talentdrive.pipeline.rollups import rollups_compute
from talentdrive.pipeline.services import application_submit, application_withdraw, candidate_erase
from tests.actors import TEST_ACTOR
from tests.factories import applicant, make_application, make_requisition
from tests.offers.conftest import TODAY, OfferWorld, sent

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(plan_line, staff, monkeypatch) -> OfferWorld:
    """A requisition whose offers the staff can approve and send, and an applicant at the HR interview."""
    for module in ("services", "acceptance"):
        monkeypatch.setattr(f"talentdrive.offers.{module}.shanghai_today", lambda: TODAY)
    requisition = make_requisition(
        plan_line=plan_line,
        external_id="R-OFFER",
        headcount=2,
        level="senior",
        hiring_manager=staff["hiring_manager"],
        recruiters=[staff["recruiter"]],
    )
    return OfferWorld(requisition, make_application(requisition=requisition, stage="hr_interview"), staff)


def _stored() -> tuple[dict, dict, dict]:
    tallies = {
        (t.requisition_id, t.source, t.kind, t.furthest, t.committee): t.count
        for t in ApplicationTally.objects.exclude(count=0)
    }
    durations = {
        (d.requisition_id, d.step, d.scale, d.bucket): (d.count, d.total_ms)
        for d in StepDuration.objects.exclude(count=0)
    }
    weeks = {(w.requisition_id, w.kind, w.week): w.count for w in WeeklyMoves.objects.exclude(count=0)}
    return tallies, durations, weeks


def _rebuilt() -> tuple[dict, dict, dict]:
    deltas = rollups_compute(Application.objects.all(), StageChange.objects.all())
    tallies = {(r, s, st.kind, st.furthest, st.committee): n for (r, s, st), n in deltas.tallies.items() if n}
    durations = {key: (n, ms) for key, (n, ms) in deltas.durations.items() if n}
    return tallies, durations, {key: n for key, n in deltas.weeks.items() if n}


def _next_stage(application: Application) -> str | None:
    codes = [s.code for s in flow_for_requisition(application.requisition).open_stages]
    if application.stage not in codes or application.stage == codes[-1]:
        return None
    return codes[codes.index(application.stage) + 1]


def _random_history(world: OfferWorld, seed: int) -> None:
    """Applications on two requisitions walked at random through moves, rejections, reopenings,
    withdrawals, offers (sent, accepted, declined), an erasure and a re-application under another source."""
    rng = random.Random(seed)
    other = make_requisition(plan_line=world.requisition.plan_line, external_id="R-OTHER", headcount=2)
    reasons = list(RejectionReason.objects.filter(active=True))
    applications = [world.application] + [
        make_application(
            requisition=rng.choice([world.requisition, other]), source=rng.choice(["portal", "referral"])
        )
        for _ in range(7)
    ]
    for _ in range(60):
        application = Application.objects.get(pk=rng.choice(applications).pk)
        action = rng.choice(["move", "move", "move", "reject", "reopen", "withdraw", "offer"])
        try:
            if action == "move" and (stage := _next_stage(application)) and stage != "offer":
                application_move(
                    application_id=application.pk, to_stage=stage, actor=TEST_ACTOR, expected_version=None
                )
            elif action == "reject":
                application_reject(
                    application_id=application.pk,
                    reason=rng.choice(reasons),
                    actor=TEST_ACTOR,
                    expected_version=None,
                )
            elif action == "reopen":
                application_reopen(application_id=application.pk, actor=TEST_ACTOR, expected_version=None)
            elif action == "withdraw":
                application_withdraw(application=application, actor=CANDIDATE)
            elif (
                action == "offer"
                and application.stage == "hr_interview"
                and application.requisition == world.requisition
            ):
                offer = sent(world, application)
                if rng.random() < 0.5:
                    offer_accept(offer_id=offer.pk, actor=CANDIDATE)
                else:
                    offer_decline(offer_id=offer.pk, actor=CANDIDATE, reason="another offer")
        except (MoveRefused, ApplicationRefused):
            pass  # a move the flow does not allow from where the application is: nothing written
    # someone erased, and someone who withdrew applying again from another source
    erased = next(a for a in Application.objects.order_by("pk") if a.is_active)
    candidate_erase(candidate=erased.candidate, actor=TEST_ACTOR)
    back = make_application(requisition=other, source="portal", candidate=None)
    application_withdraw(application=back, actor=CANDIDATE)
    email = "again@example.com"
    back.candidate.email = email
    back.candidate.save(update_fields=["email"])
    outcome = application_submit(
        requisition_id=other.pk,
        applicant=applicant(email=email, source="job_board"),
        resume=None,
        actor=CANDIDATE,
    )
    assert outcome.application.pk == back.pk and outcome.application.source == "job_board"


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_rollups_kept_by_the_services_equal_a_rebuild_from_the_events(world, seed):
    # given a random history written through the services
    _random_history(world, seed)
    # then the counters kept as it happened are what a rebuild computes
    stored = _stored()
    assert stored == _rebuilt()
    assert sum(stored[0].values()) == Application.objects.count()
    assert sum(stored[2].values()) == StageChange.objects.count()
    # and the command writes the same rows
    call_command("insights_rebuild", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert _stored() == stored


def _journeys() -> list[Journey]:
    moves: dict[int, list[Move]] = defaultdict(list)
    for application_id, at, from_stage, to_stage in StageChange.objects.order_by(
        "application_id", "created_at", "pk"
    ).values_list("application_id", "created_at", "from_stage", "to_stage"):
        moves[application_id].append(Move(at, kind_of_code(from_stage), kind_of_code(to_stage)))
    return [
        Journey(
            a.created_at, kind_of_code(a.stage), tuple(moves[a.pk]), a.source, a.requisition.plan_line.channel
        )
        for a in Application.objects.select_related("requisition__plan_line")
    ]


def test_the_page_from_the_rollups_equals_the_figures_counted_from_every_move(world, staff):
    # given
    _random_history(world, 4)
    # when
    board = pipeline_dashboard(user=staff["leadership"], drive=world.requisition.drive)
    # then
    journeys = _journeys()
    assert board.applications == len(journeys)
    assert board.funnel == funnel(journeys)
    assert board.sources == by_source(journeys)
    exact = {d.kind: d for d in time_in_stage(journeys)}
    assert {d.kind: d.count for d in board.time_in_stage} == {kind: d.count for kind, d in exact.items()}
    # moves made within the same instant: every step lasted under a tenth of a day, exactly as computed
    assert [(d.median_days, d.p90_days) for d in board.time_in_stage] == [
        (exact[d.kind].median_days, exact[d.kind].p90_days) for d in board.time_in_stage
    ]
    assert board.time_to_hire == time_to_hire(journeys)


def test_the_rebuild_command_repairs_rows_written_around_the_services(world, staff):
    # given counters that no longer match the events (rows changed by hand)
    ApplicationTally.objects.all().delete()
    assert pipeline_dashboard(user=staff["leadership"], drive=world.requisition.drive).applications == 0
    # when
    call_command("insights_rebuild", "--drive", world.requisition.drive.code, stdout=open("/dev/null", "w"))  # noqa: SIM115
    # then
    assert pipeline_dashboard(user=staff["leadership"], drive=world.requisition.drive).applications == 1


def test_the_rebuild_command_names_an_unknown_drive():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="no drive with code 'nope'"):
        call_command("insights_rebuild", "--drive", "nope")
