"""Background work of the matching app (django-tasks; immediate in the embedded default)."""

from __future__ import annotations

from django_tasks import task

from talentdrive.audit.actors import system_actor
from talentdrive.matching import fetch, store


@task()
def match_index_rebuild_task(trigger: str = "task") -> int:
    """Rebuild the match index unless it already reflects the database. Idempotent; returns its size."""
    from talentdrive.matching.services import match_index_rebuild

    live = store.current()
    if live is not None and not live.stale and live.watermark == fetch.watermark():
        return len(live.index)
    return match_index_rebuild(trigger=trigger, actor=system_actor("matching")).candidates
