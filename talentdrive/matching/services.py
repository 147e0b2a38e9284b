"""Writes of the matching app: building and storing the match index, and asking for a fresher one."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from datetime import timedelta
from typing import Protocol, TypeVar

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from talentdrive.audit.actors import Actor
from talentdrive.audit.models import AuditAction
from talentdrive.audit.services import audit_record
from talentdrive.matching import fetch, store
from talentdrive.matching.core.index import build_index
from talentdrive.matching.models import IndexBuild
from talentdrive.matching.selectors import (
    MatchIndexMissing,
    MatchIndexUnreadable,
    MatchUnavailable,
    match_index_build_latest,
)
from talentdrive.matching.taxonomy_loader import get_taxonomy

logger = logging.getLogger(__name__)

# The files of older builds are deleted, keeping a few so a process that has just read which build
# is the newest can still load it while the next one is recorded.
KEEP_STORED_BUILDS = 3
# A rebuild asked for and not seen after this long is asked for again (the task may have been lost).
REQUEST_AGAIN_AFTER = timedelta(minutes=10)
# The trigger of a rebuild asked for by an erasure: the older builds hold the erased person.
ERASURE = "erasure"


class MatchIndexBuilding(MatchUnavailable):
    """No build exists yet and the first one is being made in the background."""


def match_index_rebuild(*, trigger: str, actor: Actor, requested_by: str = "") -> IndexBuild:
    """Build the index from the database, store it, record the build; this process answers from it.

    Every other process loads it on its next read, because it is now the newest build.
    """
    started = time.perf_counter()
    taxonomy = get_taxonomy()
    snapshot_at = timezone.now()
    mark = fetch.watermark()
    index = build_index(fetch.iter_profiles(taxonomy), ancestors=taxonomy.ancestors)
    index.tag = mark
    name = store.save(index)
    seconds = time.perf_counter() - started
    logger.info("match index built: %d candidates in %.2f s (%s) as %s", len(index), seconds, trigger, name)
    data: dict[str, object] = {"candidates": len(index), "trigger": trigger, "storage_name": name}
    if requested_by:
        data["requested_by"] = requested_by
    try:
        with transaction.atomic():
            build = IndexBuild.objects.create(
                snapshot_at=snapshot_at,
                candidates=len(index),
                seconds=seconds,
                watermark=mark,
                trigger=trigger,
                storage_name=name,
            )
            audit_record(actor=actor, action=AuditAction.MATCH_INDEX_REBUILD, target=build, data=data)
    except BaseException:
        store.delete(name)  # recorded nowhere, so read by no one
        raise
    store.install(index, build_id=build.pk, storage_name=name, watermark=mark)
    keep = 1 if trigger == ERASURE else KEEP_STORED_BUILDS
    transaction.on_commit(lambda: match_index_prune(keep=keep))
    return build


def match_index_prune(*, keep: int = KEEP_STORED_BUILDS) -> None:
    """Delete the stored files of all but the newest ``keep`` builds; their rows stay as history."""
    kept = IndexBuild.objects.exclude(storage_name="").order_by("-snapshot_at", "-pk")
    for build in kept[keep:]:
        try:
            store.delete(build.storage_name)
        except OSError as error:  # a store that is briefly unreachable: try again after the next build
            logger.warning("could not delete match index %s: %s", build.storage_name, error)
            continue
        IndexBuild.objects.filter(pk=build.pk).update(storage_name="")


def match_index_first_build(*, actor: Actor) -> IndexBuild | None:
    """When no build exists yet: make the first one now, if it is small enough to make within a
    request (``MATCH_SYNC_REBUILD_LIMIT`` candidates), else ask the task queue for it.

    Returns the build to answer from, or None while the first build is made in the background.
    """
    existing = match_index_build_latest()
    if existing is not None:  # another request or process made it meanwhile
        return existing
    if fetch.candidate_count() <= store.sync_rebuild_limit():
        return match_index_rebuild(trigger="first request", actor=actor)
    # No build row to claim yet, so the request is remembered by this process only.
    if store.first_build_request_due(again_after_seconds=REQUEST_AGAIN_AFTER.total_seconds()):
        _enqueue_rebuild(trigger="first request", actor=actor)
    return None


def match_index_refresh_request(*, build_id: int, actor: Actor) -> bool:
    """Ask the task queue for a rebuild because the data moved past build ``build_id``.

    At most once per build across every process and host (the claim is one conditional UPDATE of
    the build's row), and again after REQUEST_AGAIN_AFTER if no newer build appeared. True when a
    task was enqueued (on commit).
    """
    now = timezone.now()
    claimed = (
        IndexBuild.objects.filter(pk=build_id)
        .filter(Q(refresh_requested_at__isnull=True) | Q(refresh_requested_at__lt=now - REQUEST_AGAIN_AFTER))
        .update(refresh_requested_at=now)
    )
    if claimed:
        _enqueue_rebuild(trigger="stale", actor=actor)
    return bool(claimed)


def match_index_forget_erased(*, actor: Actor) -> None:
    """After a person's data was erased: rebuild the index without them (a task, after the commit),
    and delete every older stored build, which still holds their name and phone as words. Until it
    has run, the index only ranks them as a number that opens nothing."""
    _enqueue_rebuild(trigger=ERASURE, actor=actor)


def _enqueue_rebuild(*, trigger: str, actor: Actor) -> None:
    requested_by = str(actor)
    if _rebuilds_inline():
        # The embedded default runs tasks inside the request that enqueues them: a rebuild of a few
        # thousand profiles would hold the recruiter's page for seconds. Make it beside the request
        # instead; the page answers from the build it has, marked as being refreshed.
        transaction.on_commit(lambda: _rebuild_beside_the_request(trigger=trigger, requested_by=requested_by))
        return
    from talentdrive.matching.tasks import match_index_rebuild_task

    transaction.on_commit(
        lambda: match_index_rebuild_task.enqueue(trigger=trigger, requested_by=requested_by)
    )


def _rebuilds_inline() -> bool:
    backend = str(settings.TASKS["default"]["BACKEND"])
    in_thread = getattr(settings, "TALENTDRIVE", {}).get("MATCH_REFRESH_IN_THREAD", True)
    return backend.endswith("ImmediateBackend") and bool(in_thread)


_rebuilding = threading.Lock()


def _rebuild_beside_the_request(*, trigger: str, requested_by: str) -> None:
    """One rebuild at a time per process, in a thread of its own (with its own database connection)."""
    if not _rebuilding.acquire(blocking=False):
        return  # one is under way; it reads the newest data when it starts

    def run() -> None:
        from talentdrive.matching.tasks import match_index_rebuild_task

        try:
            match_index_rebuild_task.call(trigger=trigger, requested_by=requested_by)
        except Exception:  # a failed rebuild leaves the last build answering; the next read asks again
            logger.exception("match index rebuild beside the request failed")
        finally:
            connection.close()
            _rebuilding.release()

    threading.Thread(target=run, name="match-index-rebuild", daemon=True).start()


class IndexedAnswer(Protocol):
    @property
    def index_build_id(self) -> int: ...

    @property
    def index_stale(self) -> bool: ...


Answer = TypeVar("Answer", bound=IndexedAnswer)


def match_index_serve(*, read: Callable[[], Answer], actor: Actor) -> Answer:
    """Answer a ranking read (a selector call) and keep the index moving, for the back office and
    the API alike: no build yet → make the first one (or raise MatchIndexBuilding while it is made
    in the background); an answer from a stale build, or a newest build that cannot be read → ask
    once for a rebuild.
    """
    try:
        answer = read()
    except MatchIndexUnreadable as error:
        match_index_refresh_request(build_id=error.build_id, actor=actor)
        raise
    except MatchIndexMissing:
        if match_index_first_build(actor=actor) is None:
            raise MatchIndexBuilding(
                "the match index is being built for the first time; try again in a few minutes"
            ) from None
        answer = read()
    if answer.index_stale:
        match_index_refresh_request(build_id=answer.index_build_id, actor=actor)
    return answer
