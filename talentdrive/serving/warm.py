"""Work a web process does once, before it takes traffic, so that no visitor pays for it.

Called by ``talentdrive.wsgi`` when a process loads the application (gunicorn loads it in each worker
before the worker accepts a connection): every URL configuration imported (the API's schemas are built
then, about a second) and its reverse map built for both languages (the first ``reverse()`` of a
language otherwise costs a visitor tens of milliseconds), the portal's hot templates compiled (the job
pages and the application form), both languages' catalogues read, the email validator's patterns
and the mainland phone metadata loaded (the first application would pay for them), and the open jobs read for job search with the
taxonomy's patterns compiled. A database that is not there yet (a
first deploy before ``migrate``) only leaves the last part to the first search.
"""

from __future__ import annotations

import importlib
import logging
import time

from django.core.cache import cache
from django.core.validators import validate_email
from django.db import DatabaseError, connections
from django.template.loader import get_template
from django.urls import get_resolver, reverse
from django.utils import translation

from talentdrive.candidates.normalise import normalise_phone
from talentdrive.matching.job_search import JobQuery, search

logger = logging.getLogger(__name__)

TEMPLATES = (
    "portal/jobs.html",
    "portal/_job_row.html",
    "portal/job_detail.html",
    "portal/apply.html",
    "portal/applied.html",
    "pipeline/email/confirmation_subject.txt",
    "pipeline/email/confirmation.txt",
)


def warm() -> float:
    """Do the once-per-process work now; the seconds it took."""
    started = time.perf_counter()
    get_resolver().url_patterns  # noqa: B018 - imports every URL configuration
    for name in TEMPLATES:
        get_template(name)
    for language in ("en", "zh-hans"):
        with translation.override(language):
            translation.gettext("Jobs")
            reverse("portal:jobs")
    # What the first application would otherwise load: the email and phone patterns (a mainland
    # number reads the CN metadata), the cache the rate limits count in, the tasks it queues.
    validate_email("warm@example.com")
    normalise_phone("+86 138 0013 8000")
    cache.get("talentdrive:warm")
    importlib.import_module("talentdrive.pipeline.tasks")
    try:
        with translation.override("en"):
            search(JobQuery(q="engineer"))
    except DatabaseError as error:
        logger.warning("job search not warmed: %s", type(error).__name__)
    finally:
        # A connection opened here must not outlive the start (nor be shared by a forked process); one
        # inside a transaction is someone else's (a test's) to close.
        for connection in connections.all(initialized_only=True):
            if not connection.in_atomic_block:
                connection.close()
    return time.perf_counter() - started
