"""Tasks tried again with backoff; a task that keeps failing is left for administrators to see."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.urls import reverse

from tests.tasking_work import RUNS, fails_until_task

# The worker closes its database connection between tasks, as a real one does: the tests commit.
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.TASK_MAX_ATTEMPTS = 3
    settings.TASK_BACKOFF_SECONDS = 0
    RUNS.clear()


def work_off_the_queue():
    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0", verbosity=0)


def test_a_failing_task_is_retried_until_it_succeeds(database_tasks):
    from django_tasks_db.models import DBTaskResult

    # given
    fails_until_task.enqueue("once", succeed_on=2)
    # when
    work_off_the_queue()
    # then: the first attempt scheduled the second, which succeeded; nothing is left failed
    assert RUNS["once"] == 2
    results = list(DBTaskResult.objects.order_by("enqueued_at"))
    assert [result.status for result in results] == ["SUCCESSFUL", "SUCCESSFUL"]
    assert results[0].return_value == {"retry": 2, "error": "Flaky"}
    assert results[1].return_value == "done"


def test_a_task_failing_every_attempt_is_dead_after_the_last_and_administrators_see_it(
    database_tasks, client, admin_user
):
    from django_tasks_db.models import DBTaskResult

    fails_until_task.enqueue("always", succeed_on=99)
    work_off_the_queue()
    assert RUNS["always"] == 3
    (dead,) = DBTaskResult.objects.filter(status="FAILED")
    assert dead.task_path.endswith("fails_until_task")
    assert DBTaskResult.objects.filter(status="SUCCESSFUL").count() == 2
    # the admin lists the dead task under the failed filter
    client.force_login(admin_user)
    listing = client.get(
        reverse("admin:django_tasks_database_dbtaskresult_changelist"), {"status__exact": "FAILED"}
    )
    assert listing.status_code == 200
    assert str(dead.pk) in listing.content.decode()


def test_the_immediate_backend_does_not_retry(settings):
    settings.TASK_MAX_ATTEMPTS = 3
    RUNS.clear()
    result = fails_until_task.enqueue("immediate", succeed_on=2)
    assert RUNS["immediate"] == 1
    assert result.status == "FAILED"
