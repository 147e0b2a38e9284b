"""Who may run the campus season: every such rule of the campus app lives here.

* Assessments: administrators create them for a focus area; administrators and whoever may change a
  requisition (its recruiters in scope, its hiring manager) create one for it and import its results.
  Every applicant a file moves is still checked by the pipeline's own move rule.
  A row may only name an application the importer may change (``assessment_rows_scope``): any other
  is refused as unknown, so a file tells nothing of applicants outside one's scope.
* Reviewing a result below the pass mark: whoever may move that application.
* Campus talks: administrators and recruiters create them, read their registrations, check people in
  and export attendance. Students register through the public portal.
* Interview days: administrators and recruiters whose scope covers every requisition of the day plan,
  re-plan and book them; leadership reads them all; recruiters and hiring managers read the days whose
  requisitions they all read (a day shows every applicant of its requisitions).
* Calibration (a requisition's interviewed applicants with their scorecards side by side): recruiters,
  hiring managers and leaders who read the requisition, never an interviewer as such (they read other
  scorecards only after handing in their own). Batch offers from it: whoever may draft each offer
  (``offers/access.py``), checked again by the offer service for every applicant.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from talentdrive.accounts.models import Role
from talentdrive.audit.actors import SystemActor
from talentdrive.pipeline import access as pipeline_access
from talentdrive.plans import access as plans_access

NOTHING = Q(pk__in=[])


def _active(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and getattr(user, "is_active", False))


def _admin(user: Any) -> bool:
    return _active(user) and user.is_drive_admin


def _recruiter(user: Any) -> bool:
    return _active(user) and (user.is_drive_admin or user.role == Role.RECRUITER)


# -- assessments -------------------------------------------------------------------------------------------


def assessment_can_list(user: Any) -> bool:
    """Reading assessments and their results: recruiters and hiring managers (their requisitions'), and
    the leaders who watch the drive (all of them, read only)."""
    return _active(user) and (
        user.is_drive_admin or user.role in (Role.RECRUITER, Role.HIRING_MANAGER, Role.LEADERSHIP)
    )


def assessment_scope(user: Any) -> Q:
    """The assessments this user may read, as a filter on Assessment: focus-area assessments for every
    lister, a requisition's for those who read the requisition."""
    if not assessment_can_list(user):
        return NOTHING
    if user.is_drive_admin:
        return Q()
    from talentdrive.plans.models import Requisition

    readable = Requisition.objects.filter(plans_access.requisition_scope(user)).values("pk")
    return Q(requisition__isnull=True) | Q(requisition__in=readable)


def assessment_can_create(user: Any, requisition: Any | None) -> bool:
    if requisition is None:
        return _admin(user)
    return assessment_can_list(user) and plans_access.requisition_can_edit(user, requisition)


def assessment_can_import(user: Any, assessment: Any) -> bool:
    if assessment.requisition_id is None:
        return _recruiter(user)
    return assessment_can_create(user, assessment.requisition)


def assessment_rows_scope(actor: Any) -> Q:
    """The applications an import by ``actor`` may give results to, as a filter on Application: those on
    requisitions the actor may change (every one for administrators and the system). Recruiters change
    the requisitions they read and hiring managers their own, so that is the requisition scope, read
    in one subquery."""
    if isinstance(actor, SystemActor):
        return Q()
    if not (_active(actor) and plans_access.requisition_can_change_any(actor)):
        return NOTHING
    from talentdrive.plans.models import Requisition

    return Q(
        requisition_id__in=Requisition.objects.filter(plans_access.requisition_scope(actor)).values("pk")
    )


def result_can_review(user: Any, result: Any) -> bool:
    return assessment_can_list(user) and pipeline_access.application_can_move(user, result.application)


# -- campus talks ------------------------------------------------------------------------------------------


def talk_can_list(user: Any) -> bool:
    """The list of talks with their counts: those who manage them, and the leaders who watch the drive."""
    return talk_can_manage(user) or (_active(user) and user.role == Role.LEADERSHIP)


def talk_can_manage(user: Any) -> bool:
    """Creating talks, their registrations, the door's check-in and the attendance export."""
    return _recruiter(user)


# -- interview days ----------------------------------------------------------------------------------------


def interview_day_can_list(user: Any) -> bool:
    return _active(user) and (
        user.is_drive_admin or user.role in (Role.RECRUITER, Role.HIRING_MANAGER, Role.LEADERSHIP)
    )


def interview_day_scope(user: Any) -> Q:
    """The interview days this user may read, as a filter on InterviewDay: every day for those who read
    the whole plan, otherwise the days none of whose requisitions is outside the user's reading."""
    if not interview_day_can_list(user):
        return NOTHING
    if plans_access.sees_whole_plan(user):
        return Q()
    from talentdrive.plans.models import Requisition

    readable = Requisition.objects.filter(plans_access.requisition_scope(user)).values("pk")
    return ~Q(requisitions__in=Requisition.objects.exclude(pk__in=readable).values("pk"))


def interview_day_can_change(user: Any, day: Any) -> bool:
    """Planning, re-planning and booking: administrators, and recruiters who may change every
    requisition of the day."""
    return interview_day_can_create(user, day.requisitions.all())


def interview_day_can_create(user: Any, requisitions: Any) -> bool:
    """Setting up a day for these requisitions: the same people who may then plan it."""
    if _admin(user):
        return True
    if not _recruiter(user):
        return False
    return all(plans_access.requisition_can_edit(user, requisition) for requisition in requisitions)


# -- calibration -------------------------------------------------------------------------------------------


def calibration_can_list(user: Any) -> bool:
    return _active(user) and (
        user.is_drive_admin or user.role in (Role.RECRUITER, Role.HIRING_MANAGER, Role.LEADERSHIP)
    )


def calibration_can_read(user: Any, requisition: Any) -> bool:
    return calibration_can_list(user) and plans_access.requisition_can_read(user, requisition)


def calibration_can_batch(user: Any, requisition: Any) -> bool:
    """Sending the batch form at all: whoever may change the requisition's applications (each offer is
    checked again by the offer service); leaders read the table without the form."""
    return (
        calibration_can_read(user, requisition)
        and plans_access.requisition_can_change_any(user)
        and plans_access.requisition_can_edit(user, requisition)
    )
