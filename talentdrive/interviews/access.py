"""Who may schedule, read and score interviews: every such rule of the interviews app lives here.

* Scheduling, rescheduling and cancelling: whoever may move the application (its requisition's
  recruiters in scope, its hiring manager, administrators; ``pipeline.access.application_can_move``).
* Reading interviews: whoever may read the application (``pipeline.access.application_scope``);
  an interviewer reads the interviews they are assigned to.
* Submitting a scorecard: an interviewer assigned to the interview, once it has started.
* Reading scorecards: staff who read the application in full (not as an interviewer) read every
  scorecard of it; an interviewer reads their own, and the others of that application only once
  they have submitted theirs for every interview of it they are assigned to, so no first opinion
  anchors the next.
* Blind review (per drive, ``DriveInterviewSettings.blind_review``): until an interviewer's
  scorecards of the application are in, the application's name, photo, gender, age and school are
  hidden from them.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from talentdrive.accounts.models import Role
from talentdrive.pipeline import access as pipeline_access
from talentdrive.pipeline.models import Application

NOTHING = Q(pk__in=[])


def _active(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and getattr(user, "is_active", False))


def reads_as_interviewer(user: Any) -> bool:
    """Staff whose only view of an application is the interview they are assigned to."""
    return _active(user) and not user.is_drive_admin and user.role == Role.INTERVIEWER


def interview_can_schedule(actor: Any, application: Application) -> bool:
    return pipeline_access.application_can_move(actor, application)


def interview_can_list(user: Any) -> bool:
    """The interviews API and pages at all (rows narrowed by ``interview_scope``)."""
    return reads_as_interviewer(user) or pipeline_access.application_can_list(user)


def interview_scope(user: Any) -> Q:
    """The interviews this user may read, as a filter on Interview."""
    if not interview_can_list(user):
        return NOTHING
    if reads_as_interviewer(user):
        return Q(interviewers=user)
    return Q(application__in=Application.objects.filter(pipeline_access.application_scope(user)).values("pk"))


def _applications_done_by(user: Any) -> Q:
    """Applications (as a filter on Application ids, ``field``) whose every interview this user is
    assigned to has their scorecard, with at least one scorecard in."""
    from talentdrive.interviews.models import Interview, InterviewStatus, Scorecard

    submitted = Scorecard.objects.filter(interviewer=user).values("interview__application_id")
    pending = (
        Interview.objects.filter(interviewers=user, status=InterviewStatus.SCHEDULED)
        .exclude(scorecards__interviewer=user)
        .values("application_id")
    )
    return Q(pk__in=submitted) & ~Q(pk__in=pending)


def scorecards_unlocked(user: Any, application: Application) -> bool:
    """Whether this interviewer has handed in their scorecards of ``application``."""
    return Application.objects.filter(_applications_done_by(user), pk=application.pk).exists()


def scorecard_scope(user: Any) -> Q:
    """The scorecards this user may read, as a filter on Scorecard."""
    if not interview_can_list(user):
        return NOTHING
    if reads_as_interviewer(user):
        done = Application.objects.filter(_applications_done_by(user)).values("pk")
        return Q(interviewer=user) | Q(interview__application__in=done)
    return Q(
        interview__application__in=Application.objects.filter(pipeline_access.application_scope(user)).values(
            "pk"
        )
    )


def scorecard_can_submit(user: Any, interview: Any) -> bool:
    """Assignment only: the time and whether one was already submitted are the service's refusals."""
    return _active(user) and interview.interviewers.filter(pk=user.pk).exists()


def blind_review_hides(user: Any, application: Application) -> bool:
    """Whether the application's name, photo, gender, age and school are hidden from this user now."""
    if not reads_as_interviewer(user):
        return False
    from talentdrive.interviews.models import DriveInterviewSettings

    blind = DriveInterviewSettings.objects.filter(
        drive_id=application.requisition.drive_id, blind_review=True
    ).exists()
    return blind and not scorecards_unlocked(user, application)


def scorecards_late_can_list(user: Any) -> bool:
    """The late scorecards on the home page: recruiters, hiring managers, administrators."""
    return pipeline_access.application_can_list(user) and (
        user.is_drive_admin or user.role in (Role.RECRUITER, Role.HIRING_MANAGER)
    )
