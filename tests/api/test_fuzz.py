"""Schemathesis generates requests from the OpenAPI document, as an administrator and as nobody: no
operation may answer a server error (5xx) to anything the document allows or to what it does not."""

from __future__ import annotations

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

# A small budget per operation keeps this within seconds; CI runs it on every push.
EXAMPLES_PER_OPERATION = 8


def operations():
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())
    return schema, [result.ok() for result in schema.get_all_operations()]


def test_no_operation_answers_a_server_error(requisitions, tokens, settings_for_fuzz):
    schema, found = operations()
    assert len(found) >= 10, "the OpenAPI document lists the API's operations"
    failures: list[str] = []
    for operation in found:
        for headers in ({"Authorization": f"Bearer {tokens['admin']}"}, {}):
            _probe(operation, headers, failures)
    assert failures == []


def _probe(operation, headers, failures):
    @given(case=operation.as_strategy())
    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    def probe(case):
        response = case.call(headers=headers)
        if response.status_code >= 500:
            failures.append(f"{operation.method.upper()} {case.formatted_path} → {response.status_code}")

    probe()


@pytest.fixture
def settings_for_fuzz(settings, tmp_path):
    # The requests go through the WSGI handler, whose request signals close a connection that is inside
    # the test's transaction (on PostgreSQL); Django's test client keeps it open the same way.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.TALENTDRIVE = {**settings.TALENTDRIVE, "PARSE_ISOLATED": False}
    settings.RATELIMIT_ENABLE = False
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)
