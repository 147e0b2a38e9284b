"""Background work of the hiring flow: the daily retention run (also `manage.py apply_retention`)."""

from __future__ import annotations

import logging

from django.utils import timezone

from talentdrive.audit.actors import system_actor
from talentdrive.hiring.retention import retention_apply
from talentdrive.tasking import retried_task

logger = logging.getLogger("talentdrive.retention")


@retried_task()
def retention_apply_task() -> dict[str, object]:
    """Erase the people whose drives' retention periods have passed; idempotent (the erased are not due)."""
    report = retention_apply(today=timezone.localdate(), actor=system_actor("retention"))
    logger.info(
        "retention: %d erased, %d kept (talent pool), %d kept (hired), expired drives %s",
        len(report.erased),
        report.kept_talent_pool,
        report.kept_hired,
        ",".join(report.expired_drives) or "-",
    )
    return {
        "erased": list(report.erased),
        "kept_talent_pool": report.kept_talent_pool,
        "kept_hired": report.kept_hired,
    }
