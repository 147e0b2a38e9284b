"""Retention: after a drive's retention period, erase the people who did not join and did not consent
to the talent pool (PIPL and GDPR keep personal data only as long as the purpose needs it).

A person is due when every application they made belongs to a drive whose ``retention_days`` have
passed since its ``ends_on``, none of them was hired, and they did not tick the talent-pool box. One
application in a drive still running, or in a drive without a retention period, keeps them. Erasure is
the same as a person's own request (``hiring.closing.candidate_erase``), then one index rebuild without
them. The report holds ids and counts only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet

from talentdrive.audit.actors import Actor
from talentdrive.candidates.models import Candidate
from talentdrive.hiring.closing import candidate_erase
from talentdrive.matching.services import match_index_forget_erased
from talentdrive.pipeline.models import Stage
from talentdrive.plans.models import Drive


@dataclass(frozen=True)
class RetentionReport:
    today: dt.date
    expired_drives: tuple[str, ...]  # drive codes whose retention period has passed
    erased: tuple[int, ...]  # candidate ids erased (or due, on a dry run)
    kept_talent_pool: int  # people of expired drives kept because they consented to the talent pool
    kept_hired: int  # people of expired drives kept because they joined
    dry_run: bool


def _expired_drive_ids(today: dt.date) -> tuple[list[int], list[str]]:
    ids, codes = [], []
    for drive in Drive.objects.filter(retention_days__isnull=False).order_by("code"):
        assert drive.retention_days is not None
        if drive.ends_on + dt.timedelta(days=drive.retention_days) < today:
            ids.append(drive.pk)
            codes.append(drive.code)
    return ids, codes


def _people_of_expired_drives_only(expired: list[int]) -> QuerySet[Candidate]:
    return (
        Candidate.objects.filter(
            erased_at__isnull=True,
            merged_into__isnull=True,
            applications__requisition__drive_id__in=expired,
        )
        .exclude(applications__requisition__drive_id__in=Drive.objects.exclude(pk__in=expired).values("pk"))
        .distinct()
    )


def retention_due(*, today: dt.date) -> QuerySet[Candidate]:
    """The people the retention rule erases on ``today``."""
    expired, _ = _expired_drive_ids(today)
    return (
        _people_of_expired_drives_only(expired)
        .filter(talent_pool_consent_at__isnull=True)
        .exclude(applications__stage=Stage.HIRED)
    )


def retention_apply(*, today: dt.date, actor: Actor, dry_run: bool = False) -> RetentionReport:
    """Erase everyone due on ``today`` (or, with ``dry_run``, only say who would be)."""
    expired, codes = _expired_drive_ids(today)
    people = _people_of_expired_drives_only(expired)
    kept_talent_pool = people.filter(talent_pool_consent_at__isnull=False).count()
    kept_hired = people.filter(applications__stage=Stage.HIRED).distinct().count()
    due = sorted(retention_due(today=today).values_list("pk", flat=True))
    if not dry_run:
        for candidate in Candidate.objects.filter(pk__in=due).order_by("pk"):
            candidate_erase(candidate=candidate, actor=actor)
        if due:
            match_index_forget_erased(actor=actor)
    return RetentionReport(
        today=today,
        expired_drives=tuple(codes),
        erased=tuple(due),
        kept_talent_pool=kept_talent_pool,
        kept_hired=kept_hired,
        dry_run=dry_run,
    )
