"""Writes of the matching app: building the match index and recording the build."""

from __future__ import annotations

import logging
import time

from django.db import transaction

from talentdrive.audit.actors import Actor
from talentdrive.audit.models import AuditAction
from talentdrive.audit.services import audit_record
from talentdrive.matching import fetch, store
from talentdrive.matching.core.index import build_index
from talentdrive.matching.models import IndexBuild
from talentdrive.matching.taxonomy_loader import get_taxonomy

logger = logging.getLogger(__name__)


def match_index_rebuild(*, trigger: str, actor: Actor) -> IndexBuild:
    """Build the index from the database, save it under var/, make it live, record the build."""
    started = time.perf_counter()
    taxonomy = get_taxonomy()
    mark = fetch.watermark()
    index = build_index(fetch.iter_profiles(taxonomy), ancestors=taxonomy.ancestors)
    index.tag = mark
    directory = store.index_directory()
    index.save(directory)
    store.install(index, mark)
    seconds = time.perf_counter() - started
    logger.info("match index rebuilt: %d candidates in %.2f s (%s)", len(index), seconds, trigger)
    with transaction.atomic():
        build = IndexBuild.objects.create(
            candidates=len(index), seconds=seconds, watermark=mark[:200], trigger=trigger, path=str(directory)
        )
        audit_record(
            actor=actor,
            action=AuditAction.MATCH_INDEX_REBUILD,
            target=build,
            data={"candidates": len(index), "trigger": trigger},
        )
    return build
