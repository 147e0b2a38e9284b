"""Volunteered group data (optional on applying, kept apart, erased with the person) and the oversight
figures read from real applications, moves and declarations."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from talentdrive.audit.actors import CANDIDATE
from talentdrive.candidates.models import GroupDeclaration
from talentdrive.insights.oversight import oversight_list, requisition_oversight
from talentdrive.pipeline.forms import ApplicantForm
from talentdrive.pipeline.moves import application_move
from talentdrive.pipeline.rules import application_rules
from talentdrive.pipeline.services import application_submit, candidate_erase
from tests.factories import applicant, make_application, make_candidate, make_requisition

pytestmark = pytest.mark.django_db


def test_the_apply_form_asks_for_gender_without_requiring_it(plan_line):
    form = ApplicantForm(rules=application_rules(make_requisition(plan_line=plan_line)))
    assert form.fields["gender"].required is False
    assert "" in dict(form.fields["gender"].choices)  # "prefer not to say" is the default


def test_a_volunteered_gender_is_stored_apart_and_nothing_when_not_given(plan_line):
    requisition = make_requisition(plan_line=plan_line)
    said = application_submit(
        requisition_id=requisition.pk,
        applicant=applicant(email="a@example.com", gender="woman"),
        resume=None,
        actor=CANDIDATE,
    ).application
    application_submit(
        requisition_id=requisition.pk,
        applicant=applicant(email="b@example.com", phone="13800138001"),
        resume=None,
        actor=CANDIDATE,
    )
    assert list(GroupDeclaration.objects.values_list("candidate_id", "gender")) == [
        (said.candidate_id, "woman")
    ]


def test_an_unknown_gender_is_refused_and_no_application_is_made(plan_line):
    requisition = make_requisition(plan_line=plan_line)
    with pytest.raises(ValueError, match="gender"):
        application_submit(
            requisition_id=requisition.pk,
            applicant=applicant(email="c@example.com", phone="13800138002", gender="robot"),
            resume=None,
            actor=CANDIDATE,
        )
    assert not GroupDeclaration.objects.exists() and not requisition.applications.exists()


def test_erasing_the_person_erases_what_they_volunteered(plan_line):
    candidate = make_candidate()
    GroupDeclaration.objects.create(candidate=candidate, gender="man")
    candidate_erase(candidate=candidate, actor=CANDIDATE)
    assert not GroupDeclaration.objects.exists()


@pytest.fixture
def screened(plan_line, staff):
    """R-OV: women 1 of 4 past screening (25 %), men 2 of 4 (50 %): ratio 0.5; one applicant said nothing.
    The recruiter moved the lowest-scored woman (0.2) to the first interview past a man scored 0.9."""
    requisition = make_requisition(plan_line=plan_line, external_id="R-OV", recruiters=[staff["recruiter"]])
    people = []
    for index, gender in enumerate(["woman"] * 4 + ["man"] * 4 + [""]):
        application = make_application(requisition=requisition)
        if gender:
            GroupDeclaration.objects.create(candidate=application.candidate, gender=gender)
        people.append(application)
    advanced = [people[0], people[4], people[5]]  # one woman, two men
    for application in advanced:
        for stage in ("resume_screen", "technical_1"):
            application_move(
                application_id=application.pk, to_stage=stage, actor=staff["recruiter"], expected_version=None
            )
    scores = {p.candidate_id: s for p, s in zip(people, [0.2, 0.5, 0.5, 0.5, 0.6, 0.7, 0.9, 0.5, 0.4])}
    return requisition, people, scores


def test_the_four_fifths_ratio_and_overrides_from_real_moves(screened, staff):
    requisition, people, scores = screened
    figures = requisition_oversight(user=staff["leadership"], requisition=requisition, scores=scores)
    man, woman, undeclared = figures.groups
    assert (woman.applications, woman.advanced, man.advanced, undeclared.applications) == (4, 1, 2, 1)
    assert woman.impact_ratio == 0.5 and woman.below_four_fifths and figures.lowest_ratio == 0.5
    assert figures.declared == 8 and figures.applications == 9
    # Six forward moves by the recruiter, three past higher-scored applicants still behind: the woman at
    # 0.2 to screening passes all 8 others (all higher, all at "applied"); the man at 0.6 to screening
    # passes 0.7 and 0.9; the man at 0.7 passes 0.9. The moves on to the interview pass nobody: no one
    # else is at screening then.
    (recruiter,) = figures.actors
    assert recruiter.actor == str(staff["recruiter"]) and recruiter.forward_moves == 6
    overridden = [(o.key, o.passed) for o in figures.overrides]
    assert overridden == [(people[0].pk, 8), (people[4].pk, 2), (people[5].pk, 1)]
    assert recruiter.overrides == 3


def test_the_list_flags_the_requisition_below_four_fifths(screened, staff, drive):
    requisition, _, _ = screened
    (row,) = oversight_list(user=staff["leadership"], drive=drive)
    assert (row.requisition, row.applications, row.declared, row.lowest_ratio, row.warning) == (
        requisition,
        9,
        8,
        0.5,
        True,
    )


@pytest.mark.parametrize("role", ["recruiter", "hiring_manager", "interviewer"])
def test_only_leadership_and_administrators_read_it(screened, staff, drive, role):
    with pytest.raises(PermissionDenied):
        oversight_list(user=staff[role], drive=drive)


def test_the_page_warns_below_four_fifths(client, screened, staff):
    requisition, _, _ = screened
    client.force_login(staff["admin"])
    listing = client.get(reverse("backoffice:oversight")).content.decode()
    assert "R-OV" in listing and "below four fifths" in listing
    page = client.get(reverse("backoffice:oversight"), {"requisition": requisition.pk})
    assert page.status_code == 200
    assert page.context["figures"].lowest_ratio == 0.5 and 'role="alert"' in page.content.decode()
