from __future__ import annotations

import pytest

from talentdrive.audit.models import AuditEvent
from talentdrive.plans.errors import PlanRuleError
from talentdrive.plans.models import PlanOverride, Requisition, RequisitionStatus
from talentdrive.plans.services import (
    PlanLimitExceeded,
    PlanOverrideRequest,
    StatusTransitionError,
    requisition_change_status,
    requisition_create,
    requisition_update,
)
from tests.actors import TEST_ACTOR


def make(plan_line, external_id, headcount=1, status=RequisitionStatus.OPEN, **kwargs):
    return requisition_create(
        status=status,
        plan_line=plan_line,
        external_id=external_id,
        title_zh="大模型算法工程师",
        title_en="LLM algorithm engineer",
        headcount=headcount,
        actor=TEST_ACTOR,
        **kwargs,
    )


def test_create_within_target_records_audit_and_plan_city(plan_line):
    # when
    requisition = make(plan_line, "R-1", headcount=2)
    # then
    assert list(requisition.cities.values_list("code", flat=True)) == ["shanghai"]
    assert AuditEvent.objects.filter(action="requisition.create", target_id=str(requisition.pk)).exists()


def test_create_past_target_is_refused_and_writes_nothing(plan_line):
    make(plan_line, "R-1", headcount=3)
    with pytest.raises(PlanLimitExceeded) as info:
        make(plan_line, "R-2", headcount=1)
    assert "PL-SH-EXP-LLM" in str(info.value.message)
    assert Requisition.objects.count() == 1


def test_closed_requisitions_release_headcount(plan_line):
    first = make(plan_line, "R-1", headcount=3)
    requisition_change_status(
        requisition=first, status=RequisitionStatus.CLOSED, actor=TEST_ACTOR, reason="reorg"
    )
    assert make(plan_line, "R-2", headcount=3).headcount == 3


def test_admin_override_needs_reason_and_is_recorded(plan_line, admin_user, recruiter):
    make(plan_line, "R-1", headcount=3)
    with pytest.raises(PlanRuleError) as missing:
        make(plan_line, "R-2", override=PlanOverrideRequest(actor=admin_user, reason="  "))
    with pytest.raises(PlanRuleError) as forbidden:
        make(plan_line, "R-2", override=PlanOverrideRequest(actor=recruiter, reason="urgent"))
    assert (missing.value.code, forbidden.value.code) == ("override_reason_missing", "override_forbidden")
    assert PlanOverride.objects.count() == 0
    make(plan_line, "R-2", override=PlanOverrideRequest(actor=admin_user, reason="CEO approved two more"))
    override = PlanOverride.objects.get()
    assert (override.reason, override.target, override.committed_after) == ("CEO approved two more", 3, 4)


def test_headcount_increase_is_checked_against_target(plan_line):
    requisition = make(plan_line, "R-1", headcount=2)
    with pytest.raises(PlanLimitExceeded):
        requisition_update(requisition=requisition, actor=TEST_ACTOR, headcount=4)
    requisition.refresh_from_db()
    assert requisition.headcount == 2
    assert requisition_update(requisition=requisition, actor=TEST_ACTOR, headcount=3).headcount == 3


@pytest.mark.parametrize(
    ("path", "allowed"),
    [
        (["open", "paused", "open", "filled", "closed"], True),
        (["paused"], False),
        (["filled"], False),
        (["open", "draft"], False),
        (["closed", "open"], False),
    ],
)
def test_status_lifecycle(plan_line, path, allowed):
    requisition = make(plan_line, "R-1", status=RequisitionStatus.DRAFT)
    try:
        for status in path:
            requisition = requisition_change_status(
                requisition=requisition, status=status, actor=TEST_ACTOR, reason="because"
            )
    except StatusTransitionError:
        assert not allowed
    else:
        assert allowed
        changes = AuditEvent.objects.filter(action="requisition.status", target_id=str(requisition.pk))
        assert changes.count() == len(path)


def test_pause_without_reason_is_refused(plan_line):
    requisition = make(plan_line, "R-1", status=RequisitionStatus.OPEN)
    with pytest.raises(StatusTransitionError):
        requisition_change_status(requisition=requisition, status="paused", actor=TEST_ACTOR)
    requisition.refresh_from_db()
    assert requisition.status == "open"


def test_drafts_do_not_count_until_opened(plan_line, admin_user):
    # given a full plan line and a draft under it
    make(plan_line, "R-1", headcount=3)
    draft = make(plan_line, "R-2", headcount=2, status=RequisitionStatus.DRAFT)
    # when the draft is opened, then the target holds and nothing changes
    with pytest.raises(PlanLimitExceeded):
        requisition_change_status(requisition=draft, status="open", actor=TEST_ACTOR)
    draft.refresh_from_db()
    assert draft.status == "draft"
    assert not AuditEvent.objects.filter(action="requisition.status").exists()
    # an administrator may open it with a written reason, which is recorded
    requisition_change_status(
        requisition=draft,
        status="open",
        actor=admin_user,
        override=PlanOverrideRequest(actor=admin_user, reason="two more approved by the board"),
    )
    assert PlanOverride.objects.get().committed_after == 5


def test_closing_a_draft_needs_no_room(plan_line):
    make(plan_line, "R-1", headcount=3)
    draft = make(plan_line, "R-2", headcount=2, status=RequisitionStatus.DRAFT)
    assert (
        requisition_change_status(requisition=draft, status="closed", actor=TEST_ACTOR, reason="dup").status
        == "closed"
    )


@pytest.mark.parametrize("field", ["title_en", "title_zh"])
@pytest.mark.parametrize("line_break", ["\n", "\r\n", "\r"])
def test_a_title_with_a_line_break_is_refused_on_create_and_update(plan_line, field, line_break):
    titles = {"title_zh": "工程师", "title_en": "Engineer", field: f"Engineer{line_break}Bcc: x@example.com"}
    with pytest.raises(PlanRuleError) as refused:
        requisition_create(plan_line=plan_line, external_id="R-NL", actor=TEST_ACTOR, **titles)
    assert (refused.value.code, refused.value.field) == ("title_line_break", field)
    assert not Requisition.objects.filter(external_id="R-NL").exists()

    requisition = requisition_create(
        plan_line=plan_line, external_id="R-OK", title_zh="工程师", title_en="Engineer", actor=TEST_ACTOR
    )
    with pytest.raises(PlanRuleError):
        requisition_update(requisition=requisition, actor=TEST_ACTOR, **{field: titles[field]})
    requisition.refresh_from_db()
    assert "\n" not in requisition.title_en + requisition.title_zh


def test_a_hiring_manager_cannot_put_an_out_of_scope_recruiter_on_their_requisition(plan_line, staff):
    # given: a requisition of ``team`` managed by the hiring manager
    manager, own, other = staff["hiring_manager"], staff["recruiter"], staff["other_recruiter"]
    requisition = requisition_create(
        plan_line=plan_line, external_id="R-HM", title_zh="工程师", title_en="Engineer",
        hiring_manager=manager, actor=staff["admin"],
    )  # fmt: skip
    # when: they add a recruiter scoped to another team
    with pytest.raises(PlanRuleError) as refused:
        requisition_update(requisition=requisition, actor=manager, recruiters=[own, other])
    # then: refused, naming the recruiter, and nothing is assigned
    assert (refused.value.code, refused.value.field) == ("recruiter_out_of_scope", "recruiters")
    assert other.username in str(refused.value.message)
    assert not requisition.recruiters.exists()
    # a recruiter whose scope covers the requisition may be added
    requisition_update(requisition=requisition, actor=manager, recruiters=[own])
    assert list(requisition.recruiters.all()) == [own]


def test_an_administrator_may_assign_beyond_scope_and_others_keep_that_assignment(plan_line, staff):
    requisition = requisition_create(
        plan_line=plan_line, external_id="R-AD", title_zh="工程师", title_en="Engineer",
        hiring_manager=staff["hiring_manager"], recruiters=[staff["other_recruiter"]], actor=staff["admin"],
    )  # fmt: skip
    # an edit by the hiring manager that leaves the assignment as it is passes
    requisition_update(
        requisition=requisition,
        actor=staff["hiring_manager"],
        recruiters=[staff["other_recruiter"], staff["recruiter"]],
    )
    assert requisition.recruiters.count() == 2
    # a recruiter creating a requisition may not put another team's recruiter on it
    with pytest.raises(PlanRuleError):
        requisition_create(
            plan_line=plan_line, external_id="R-RC", title_zh="工程师", title_en="Engineer",
            recruiters=[staff["other_recruiter"]], actor=staff["recruiter"],
        )  # fmt: skip
    assert not Requisition.objects.filter(external_id="R-RC").exists()


def test_a_city_outside_the_drive_is_refused_naming_it_and_nothing_is_written(plan_line):
    from talentdrive.plans.models import City

    shanghai, hangzhou = City.objects.get(code="shanghai"), City.objects.get(code="hangzhou")
    plan_line.drive.cities.set([shanghai, hangzhou])
    with pytest.raises(PlanRuleError) as refused:
        make(plan_line, "R-GZ", cities=[City.objects.get(code="guangzhou")])
    assert refused.value.field == "cities"
    assert "Guangzhou is not a city of this drive" in str(refused.value.message)
    assert not Requisition.objects.filter(external_id="R-GZ").exists()
    requisition = make(plan_line, "R-HZ", cities=[hangzhou])
    with pytest.raises(PlanRuleError):
        requisition_update(
            requisition=requisition, actor=TEST_ACTOR, cities=[City.objects.get(code="beijing")]
        )
    assert sorted(requisition.cities.values_list("code", flat=True)) == ["hangzhou", "shanghai"]
