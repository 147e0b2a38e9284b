from __future__ import annotations

import pytest
from django.core.cache import cache

from tests.factories import make_requisition


@pytest.fixture(autouse=True)
def _isolated(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    # Rate-limit counters and cached result pages live in the cache; each test starts clean.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def requisition(drive, team):
    return make_requisition(drive=drive, team=team)


@pytest.fixture
def campus_requisition(drive, team):
    return make_requisition(
        drive=drive,
        team=team,
        channel="campus",
        area="multimodal-understanding",
        city="guangzhou",
        external_id="CAMPUS-1",
        title_en="Multimodal algorithm engineer (campus)",
        title_zh="多模态算法工程师（校招）",
        level="graduate",
    )


@pytest.fixture
def settings_rates(settings):
    """No rate limit, so generated requests test validation rather than the limiter."""
    settings.TALENTDRIVE = {
        **settings.TALENTDRIVE,
        "APPLY_RATE_PER_IP": "100000/m",
        "APPLY_RATE_PER_EMAIL": "100000/m",
    }
    return settings


@pytest.fixture
def client(client, django_capture_on_commit_callbacks):
    """As in production, what a request leaves for after its commit (the confirmation email, the
    resume's parsing) runs when the request ends, though each test runs in one transaction."""
    post = client.post

    def post_and_commit(*args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return post(*args, **kwargs)

    client.post = post_and_commit
    return client
