"""What waits on a recruiter or a hiring manager: their open requisitions and the applicants in them.

Reads only; the back office's home page shows it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils import timezone

from talentdrive.accounts.models import User
from talentdrive.pipeline import access
from talentdrive.pipeline.models import TERMINAL_STAGES, Application, Note, Stage
from talentdrive.plans import access as plans_access
from talentdrive.plans.models import Requisition, RequisitionStatus


@dataclass(frozen=True)
class Worklist:
    """One requisition on a recruiter's or hiring manager's home page, with what waits on it."""

    requisition: Requisition
    active: int
    waiting: int  # still at the flow's first stage: nobody has looked yet
    moved_this_week: int


def requisition_worklist(*, user: User, limit: int = 25) -> list[Worklist]:
    """The open requisitions this person works on (as one of its recruiters or its hiring manager), the
    busiest first, with their applicants in the running and those nobody has looked at yet."""
    week_ago = timezone.now() - dt.timedelta(days=7)
    open_stages = ~Q(applications__stage__in=TERMINAL_STAGES)
    requisitions = (
        Requisition.objects.filter(Q(recruiters=user) | Q(hiring_manager=user), status=RequisitionStatus.OPEN)
        .filter(plans_access.requisition_scope(user))
        .distinct()
        .annotate(
            active=Count("applications", filter=open_stages, distinct=True),
            waiting=Count("applications", filter=Q(applications__stage=Stage.APPLIED), distinct=True),
            moved=Count(
                "applications", filter=Q(applications__stage_changed_at__gte=week_ago), distinct=True
            ),
        )
        .order_by("-waiting", "-active", "external_id")[:limit]
    )
    return [Worklist(r, r.active, r.waiting, r.moved) for r in requisitions]


def notes_mentioning(*, user: User, days: int = 14, limit: int = 10) -> list[Note]:
    """Recent notes that @mention this person, on applications they may read, newest first."""
    since = timezone.now() - dt.timedelta(days=days)
    visible = Application.objects.filter(access.application_scope(user)).values("pk")
    return list(
        Note.objects.filter(mentions=user, created_at__gte=since, application__in=visible)
        .select_related("author", "candidate", "application__requisition")
        .order_by("-created_at", "-pk")[:limit]
    )
