import pytest

from talentdrive.accounts.models import User
from talentdrive.audit.actors import CANDIDATE, system_actor
from talentdrive.audit.models import AuditAction, AuditEvent
from talentdrive.audit.services import audit_record

pytestmark = pytest.mark.django_db


@pytest.fixture
def target():
    return User.objects.create_user("someone")


def test_a_user_actor_is_recorded_as_the_user(target):
    # given
    admin = User.objects.create_user("boss")
    # when
    event = audit_record(actor=admin, action=AuditAction.USER_UPDATE, target=target)
    # then
    assert (event.actor, event.actor_name, event.actor_display) == (admin, "", "boss")


def test_a_system_actor_is_recorded_by_name(target):
    event = audit_record(actor=system_actor("ingest"), action=AuditAction.RESUME_INGEST, target=target)
    assert event.actor is None and event.actor_name == "system:ingest"
    assert (
        audit_record(actor=CANDIDATE, action=AuditAction.CANDIDATE_CONSENT, target=target).actor_name
        == "candidate"
    )


@pytest.mark.parametrize("actor", [None, "admin", User(username="unsaved")])
def test_nobody_cannot_act(target, actor):
    with pytest.raises(TypeError, match="actor"):
        audit_record(actor=actor, action=AuditAction.USER_UPDATE, target=target)
    assert not AuditEvent.objects.exists()


def test_a_free_text_action_is_a_bug(target):
    with pytest.raises(TypeError, match="AuditAction"):
        audit_record(actor=CANDIDATE, action="something.happened", target=target)  # type: ignore[arg-type]
    assert not AuditEvent.objects.exists()
