"""Service: notes on a candidate, with @mentions of colleagues."""

from __future__ import annotations

import re

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from talentdrive.accounts.models import User
from talentdrive.audit.models import AuditAction
from talentdrive.audit.services import audit_record
from talentdrive.candidates.models import Candidate
from talentdrive.errors import DomainError
from talentdrive.pipeline.models import Application, Note

MENTION = re.compile(r"(?<![\w.@])@([\w.+-]{2,150})")
NOTE_MAX = 5000


class NoteRefused(DomainError):
    messages = {
        "empty": _("Write something in the note."),
        "too_long": _("A note is at most %(max)s characters."),
    }


@transaction.atomic
def note_add(*, candidate: Candidate, body: str, actor: User, application: Application | None = None) -> Note:
    """Add a note; every ``@username`` of an active colleague is recorded as a mention."""
    text = body.strip()
    if not text:
        raise NoteRefused("empty", field="body")
    if len(text) > NOTE_MAX:
        raise NoteRefused("too_long", field="body", params={"max": NOTE_MAX})
    note = Note.objects.create(candidate=candidate, application=application, author=actor, body=text)
    names = {match.rstrip(".") for match in MENTION.findall(text)}
    mentioned = list(User.objects.filter(username__in=names, is_active=True))
    note.mentions.set(mentioned)
    audit_record(
        actor=actor,
        action=AuditAction.NOTE_ADD,
        target=candidate,
        data={
            "note": note.pk,
            "application": application.pk if application else None,
            "mentions": [u.pk for u in mentioned],
        },
    )
    return note
