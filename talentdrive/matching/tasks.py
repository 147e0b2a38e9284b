"""Background work of the matching app (django-tasks; immediate in the embedded default)."""

from __future__ import annotations

from talentdrive.audit.actors import system_actor
from talentdrive.matching import fetch, store
from talentdrive.matching.selectors import match_index_build_latest
from talentdrive.matching.services import ERASURE, match_index_prune, match_index_rebuild
from talentdrive.tasking import retried_task


@retried_task()
def match_index_rebuild_task(trigger: str = "task", requested_by: str = "") -> int:
    """Rebuild the match index unless the newest stored build already reflects the database.

    Idempotent: a second run, or a run queued by several web processes, finds the build current
    and returns. Returns the number of candidates in the newest build.
    """
    latest = match_index_build_latest()
    if latest is not None and latest.watermark == fetch.watermark() and store.exists(latest.storage_name):
        if trigger == ERASURE:
            # Built after the erasure already: only the older builds that hold the person go.
            match_index_prune(keep=1)
        return latest.candidates
    build = match_index_rebuild(trigger=trigger, actor=system_actor("matching"), requested_by=requested_by)
    return build.candidates
