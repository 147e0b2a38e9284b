"""Tags on candidates: one name in any case, who may tag whom, the audit trail."""

from __future__ import annotations

import pytest
from django.db import IntegrityError

from talentdrive.audit.models import AuditAction, AuditEvent
from talentdrive.candidates.models import CandidateTag, Tag
from talentdrive.pipeline.errors import TagRefused
from talentdrive.pipeline.tags import candidate_tag_add, candidate_tag_remove
from tests.factories import make_application, make_candidate, make_requisition

pytestmark = pytest.mark.django_db


@pytest.fixture
def candidate(drive, team, staff):
    requisition = make_requisition(drive=drive, team=team, hiring_manager=staff["hiring_manager"])
    candidate = make_candidate(full_name="Li Lei")
    make_application(requisition=requisition, candidate=candidate)
    return candidate


def test_a_tag_is_one_name_whatever_its_case(candidate, staff):
    # when
    first = candidate_tag_add(
        candidate=candidate, tag_name="Strong  coder", colour="green", actor=staff["recruiter"]
    )
    again = candidate_tag_add(candidate=candidate, tag_name="strong CODER", actor=staff["recruiter"])
    # then
    assert first.pk == again.pk
    assert Tag.objects.count() == 1
    assert Tag.objects.get().name == "Strong coder" and Tag.objects.get().colour == "green"
    assert AuditEvent.objects.filter(action=AuditAction.CANDIDATE_TAG_ADD).count() == 1


def test_the_database_refuses_a_second_tag_differing_only_in_case(db):
    Tag.objects.create(name="Relocating")
    with pytest.raises(IntegrityError):
        Tag.objects.create(name="RELOCATING")


def test_an_unknown_colour_gives_grey(candidate, staff):
    link = candidate_tag_add(candidate=candidate, tag_name="x", colour="#ff0000", actor=staff["admin"])
    assert link.tag.colour == "grey"


@pytest.mark.parametrize(
    ("who", "allowed"),
    [
        ("admin", True),
        ("recruiter", True),
        ("hiring_manager", True),
        ("other_recruiter", False),
        ("leadership", False),
        ("interviewer", False),
    ],
)
def test_who_may_tag(candidate, staff, who, allowed):
    if allowed:
        candidate_tag_add(candidate=candidate, tag_name="Shortlist", actor=staff[who])
        assert CandidateTag.objects.filter(candidate=candidate).count() == 1
    else:
        with pytest.raises(TagRefused) as refused:
            candidate_tag_add(candidate=candidate, tag_name="Shortlist", actor=staff[who])
        assert refused.value.code == "not_allowed"
        assert not Tag.objects.exists() and not AuditEvent.objects.exists()


def test_a_name_is_required_and_bounded(candidate, staff):
    with pytest.raises(TagRefused) as empty:
        candidate_tag_add(candidate=candidate, tag_name="   ", actor=staff["recruiter"])
    with pytest.raises(TagRefused) as long:
        candidate_tag_add(candidate=candidate, tag_name="x" * 41, actor=staff["recruiter"])
    assert (empty.value.code, long.value.code) == ("name_missing", "name_too_long")
    assert not Tag.objects.exists()


def test_removing_takes_the_link_off_and_keeps_the_tag(candidate, staff):
    candidate_tag_add(candidate=candidate, tag_name="Shortlist", actor=staff["recruiter"])
    # when
    removed = candidate_tag_remove(candidate=candidate, tag_name="SHORTLIST", actor=staff["recruiter"])
    again = candidate_tag_remove(candidate=candidate, tag_name="shortlist", actor=staff["recruiter"])
    # then
    assert (removed, again) == (True, False)
    assert not CandidateTag.objects.exists() and Tag.objects.count() == 1
    event = AuditEvent.objects.get(action=AuditAction.CANDIDATE_TAG_REMOVE)
    assert event.data == {"tag": Tag.objects.get().pk}


def test_others_may_not_remove(candidate, staff):
    candidate_tag_add(candidate=candidate, tag_name="Shortlist", actor=staff["recruiter"])
    with pytest.raises(TagRefused):
        candidate_tag_remove(candidate=candidate, tag_name="Shortlist", actor=staff["other_recruiter"])
    assert CandidateTag.objects.count() == 1
