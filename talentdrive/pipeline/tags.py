"""Services: tags on candidates. The models are the candidates app's; the rule of who may tag whom
(``pipeline/access.py: candidate_can_tag``) depends on applications, so the writes live here."""

from __future__ import annotations

from django.db import IntegrityError, transaction

from talentdrive.audit.actors import Actor, SystemActor
from talentdrive.audit.models import AuditAction
from talentdrive.audit.services import audit_record
from talentdrive.candidates.models import TAG_NAME_MAX, Candidate, CandidateTag, Tag, TagColour
from talentdrive.pipeline import access
from talentdrive.pipeline.errors import TagRefused


def tag_name_clean(raw: str) -> str:
    """A tag name as stored: inner runs of whitespace made one space, the ends trimmed."""
    return " ".join((raw or "").split())


def _tag_get_or_create(*, name: str, colour: str) -> tuple[Tag, bool]:
    existing = Tag.objects.filter(name__iexact=name).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            return Tag.objects.create(name=name, colour=colour), True
    except IntegrityError:
        # Someone created the same name (in another case) between our read and our write.
        return Tag.objects.get(name__iexact=name), False


@transaction.atomic
def candidate_tag_add(*, candidate: Candidate, tag_name: str, actor: Actor, colour: str = "") -> CandidateTag:
    """Put the tag named ``tag_name`` (created if no tag has that name in any case) on the candidate.

    Adding a tag the candidate already has changes nothing and returns the existing link. ``colour``
    applies only to a tag created here; an existing tag keeps its colour."""
    name = tag_name_clean(tag_name)
    if not name:
        raise TagRefused("name_missing", field="tag")
    if len(name) > TAG_NAME_MAX:
        raise TagRefused("name_too_long", field="tag", params={"max": TAG_NAME_MAX})
    if not access.candidate_can_tag(actor, candidate):
        raise TagRefused("not_allowed")
    tag, created = _tag_get_or_create(
        name=name, colour=colour if colour in TagColour.values else TagColour.GREY
    )
    link, linked = CandidateTag.objects.get_or_create(
        candidate=candidate,
        tag=tag,
        defaults={"added_by": None if isinstance(actor, SystemActor) else actor},
    )
    if linked:
        audit_record(
            actor=actor,
            action=AuditAction.CANDIDATE_TAG_ADD,
            target=candidate,
            data={"tag": tag.pk, "tag_created": created},
        )
    return link


@transaction.atomic
def candidate_tag_remove(*, candidate: Candidate, tag_name: str, actor: Actor) -> bool:
    """Take the tag off the candidate; False if they did not have it. The tag itself stays for others."""
    if not access.candidate_can_tag(actor, candidate):
        raise TagRefused("not_allowed")
    link = (
        CandidateTag.objects.select_for_update()
        .filter(candidate=candidate, tag__name__iexact=tag_name_clean(tag_name))
        .first()
    )
    if link is None:
        return False
    tag_id = link.tag_id
    link.delete()
    audit_record(actor=actor, action=AuditAction.CANDIDATE_TAG_REMOVE, target=candidate, data={"tag": tag_id})
    return True
