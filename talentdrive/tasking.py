"""Background tasks that are tried again: ``@retried_task()`` in place of django-tasks' ``@task()``.

A task that raises is enqueued again with ``run_after`` BACKOFF × 2^(n-1) seconds later, until
``TASK_MAX_ATTEMPTS`` attempts; an attempt followed by a retry ends as a successful result saying so
(``{"retry": n}``), and the last attempt's failure is raised, so the failed task results the
administrators see in the admin (the task results list, filtered by status Failed) are the dead tasks and
nothing else. Tasks must be idempotent: a retry may run after a partly done attempt.

A backend that cannot defer (the immediate one of the embedded default) does not retry: the failure is
raised at once, as before.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from datetime import timedelta
from typing import Any, TypeVar

from django.conf import settings
from django.utils import timezone
from django_tasks import task
from django_tasks.base import Task

logger = logging.getLogger("talentdrive.tasks")

T = TypeVar("T")


def retry_delay(attempt: int) -> timedelta:
    """The wait before attempt ``attempt + 1``."""
    return timedelta(seconds=float(settings.TASK_BACKOFF_SECONDS) * 2 ** (attempt - 1))


def retried_task(**options: Any) -> Callable[[Callable[..., T]], Task[..., Any]]:
    """``@task(**options)`` whose failures are retried with backoff (see the module's docstring)."""

    def decorate(func: Callable[..., T]) -> Task[..., Any]:
        @functools.wraps(func)
        def run(*args: Any, attempt: int = 1, **kwargs: Any) -> Any:
            try:
                return func(*args, **kwargs)
            except Exception as error:
                backend = the_task.get_backend()
                if attempt >= int(settings.TASK_MAX_ATTEMPTS) or not backend.supports_defer:
                    raise
                delay = retry_delay(attempt)
                # ids only: the arguments of our tasks are row ids, never personal data
                logger.warning(
                    "task %s attempt %d failed (%s); retrying in %.0f s",
                    func.__name__,
                    attempt,
                    type(error).__name__,
                    delay.total_seconds(),
                )
                the_task.using(run_after=timezone.now() + delay).enqueue(*args, attempt=attempt + 1, **kwargs)
                return {"retry": attempt + 1, "error": type(error).__name__}

        the_task: Task[..., Any] = task(**options)(run)
        return the_task

    return decorate
