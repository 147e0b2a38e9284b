"""Erasure reaches the stored match index, and logs carry no status link or email address."""

from __future__ import annotations

import logging

import pytest

from talentdrive.candidates.models import Candidate
from talentdrive.candidates.tokens import status_token_make
from talentdrive.logredact import RedactPersonalData, redact
from talentdrive.matching import store
from talentdrive.matching.models import IndexBuild
from talentdrive.matching.services import match_index_rebuild
from tests.actors import TEST_ACTOR
from tests.portal.test_api import body


@pytest.fixture(autouse=True)
def _isolated_index(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        store.STORAGE_ALIAS: {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "matching")},
        },
    }
    store.reset()
    yield
    store.reset()


def test_erasing_from_the_status_page_leaves_no_stored_index_holding_the_person(client, requisition):
    # given: two applicants, and several stored builds of the index that hold both
    client.post(f"/api/public/requisitions/{requisition.pk}/apply", body())
    other = body(full_name="Han Meimei", email="han@example.com", phone="+86 139 0013 9001")
    client.post(f"/api/public/requisitions/{requisition.pk}/apply", other)
    gone, kept = Candidate.objects.order_by("pk")
    for _ in range(2):
        match_index_rebuild(trigger="test", actor=TEST_ACTOR)
    assert all(store.load(b.storage_name).row_of(str(gone.pk)) is not None for b in stored_builds())

    # when: the person erases their data
    response = client.post(f"/status/{status_token_make(candidate=gone)}/erase/", {"confirm": "yes"})

    # then: a build without them was made and no stored build still holds them
    assert response.status_code == 200
    builds = stored_builds()
    assert [b.trigger for b in builds] == ["erasure"]
    index = store.load(builds[0].storage_name)
    assert index.row_of(str(gone.pk)) is None and index.row_of(str(kept.pk)) is not None


def stored_builds():
    return list(IndexBuild.objects.exclude(storage_name="").order_by("-pk"))


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Not Found: /status/MTI:1kx9:abc/withdraw/9/", "Not Found: /status/<token>/withdraw/9/"),
        ("Forbidden: /zh-hans/status/MTI:1kx9:abc/erase/", "Forbidden: /zh-hans/status/<token>/erase/"),
        ('"GET /applied/eyJhIjo5fQ:1kx9:zz/ HTTP/1.1" 200', '"GET /applied/<token>/ HTTP/1.1" 200'),
        ("bounce for Li.Lei+cv@mail.example.com.cn", "bounce for <email>"),
        ("match index built: 3 candidates", "match index built: 3 candidates"),
    ],
)
def test_log_lines_lose_status_tokens_and_email_addresses(line, expected):
    assert redact(line) == expected


def test_the_console_handler_redacts_what_django_logs_about_a_status_link(db):
    # given: Django logs the path of a 404 under a status link
    token = status_token_make(candidate=Candidate.objects.create(email="x@example.com"))
    record = logging.LogRecord(
        "django.request",
        logging.WARNING,
        __file__,
        1,
        "Not Found: %s",
        (f"/status/{token}/withdraw/9/",),
        None,
    )
    # when: the configured filter sees it
    assert RedactPersonalData().filter(record)
    # then
    assert token not in record.getMessage() and "/status/<token>/withdraw/9/" in record.getMessage()
    from django.conf import settings

    assert "redact" in settings.LOGGING["handlers"]["console"]["filters"]


def test_gunicorns_access_log_redacts_the_request_line():
    from types import SimpleNamespace

    from talentdrive.serving.gunicorn_logger import RedactingLogger

    logger = RedactingLogger.__new__(RedactingLogger)
    request = SimpleNamespace(
        method="GET", path="/status/MTI:abc/", query="", uri="/status/MTI:abc/", version=(1, 1), headers=[]
    )
    environ = {
        "RAW_URI": "/status/MTI:abc/",
        "REQUEST_METHOD": "GET",
        "QUERY_STRING": "",
        "PATH_INFO": "/status/MTI:abc/",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
    }
    response = SimpleNamespace(status="200 OK", sent=10, headers=[], status_code=200, response_length=10)
    from datetime import timedelta

    atoms = logger.atoms(response, request, environ, timedelta(seconds=0.01))
    assert "MTI:abc" not in " ".join(str(v) for v in atoms.values())
