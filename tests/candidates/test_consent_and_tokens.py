from __future__ import annotations

import pytest

from talentdrive.candidates.consent import CONSENT_TEXTS, CURRENT_CONSENT_VERSION
from talentdrive.candidates.models import Candidate
from talentdrive.candidates.services import candidate_anonymise, consent_record
from talentdrive.candidates.tokens import status_token_make, status_token_read
from tests.actors import TEST_ACTOR


@pytest.fixture
def candidate(db):
    return Candidate.objects.create(full_name="Li Lei", email="li.lei@example.com", phone="+8613800138000")


@pytest.mark.parametrize(("language", "stored"), [("en", "en"), ("zh-hans", "zh-hans")])
def test_consent_stores_version_text_in_language_and_time(candidate, language, stored):
    record = consent_record(candidate=candidate, version=CURRENT_CONSENT_VERSION, language=language)
    text = CONSENT_TEXTS[CURRENT_CONSENT_VERSION]
    assert record.version == CURRENT_CONSENT_VERSION
    assert record.language == stored
    assert record.text == (text.zh if stored == "zh-hans" else text.en)
    assert record.given_at is not None


def test_unknown_consent_version_is_refused(candidate):
    with pytest.raises(ValueError):
        consent_record(candidate=candidate, version="1999-01", language="en")
    assert candidate.consents.count() == 0


def test_anonymise_clears_identity_and_is_idempotent(candidate):
    candidate_anonymise(candidate=candidate, actor=TEST_ACTOR)
    candidate.refresh_from_db()
    assert (candidate.full_name, candidate.email, candidate.phone) == ("", "", "")
    erased_at = candidate.erased_at
    assert erased_at is not None
    candidate_anonymise(candidate=candidate, actor=TEST_ACTOR)
    candidate.refresh_from_db()
    assert candidate.erased_at == erased_at


def test_status_token_round_trip_and_tampering(candidate):
    token = status_token_make(candidate=candidate)
    assert status_token_read(token=token) == candidate.pk
    value, rest = token.split(":", 1)
    assert status_token_read(token=f"{int(value) + 1}:{rest}") is None
    assert status_token_read(token=token + "x") is None
    assert status_token_read(token="") is None


def test_status_token_expires(candidate):
    token = status_token_make(candidate=candidate)
    assert status_token_read(token=token, max_age=-1) is None
