"""Services: merging two records of one person, undoing the merge while it is pending, confirming it.

A merge moves everything the merged record holds (applications, notes, consents, résumés, tags) onto
the kept one and records each moved row's id in a ``CandidateMerge``, so undoing it puts exactly those
rows back. Until it is confirmed the merged record keeps its name and contact details (a new application
with them joins the kept record: ``candidate_find_or_create`` follows ``merged_into``); confirming it
erases them and fills the kept record's empty contact fields from them.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from talentdrive.audit.actors import Actor, SystemActor
from talentdrive.audit.models import AuditAction
from talentdrive.audit.services import audit_record
from talentdrive.candidates.models import Candidate, CandidateMerge, CandidateTag, ConsentRecord, MergeStatus
from talentdrive.candidates.services import candidate_anonymise
from talentdrive.pipeline import access
from talentdrive.pipeline.errors import MergeRefused
from talentdrive.pipeline.models import Application, Note
from talentdrive.resumes.models import Resume

# What moves, in ``CandidateMerge.moved``: key -> the model whose ``candidate`` changes.
MOVED_MODELS: dict[str, Any] = {
    "applications": Application,
    "notes": Note,
    "consents": ConsentRecord,
    "resumes": Resume,
    "tag_links": CandidateTag,
}
CONTACT_FIELDS = ("full_name", "email", "phone", "location")


def _user_or_none(actor: Actor) -> Any:
    return None if isinstance(actor, SystemActor) else actor


def _lock(*pks: int) -> dict[int, Candidate]:
    # One order for every caller, so two merges touching the same records cannot deadlock.
    return {c.pk: c for c in Candidate.objects.select_for_update().filter(pk__in=pks).order_by("pk")}


@transaction.atomic
def candidate_merge(*, keep: Candidate, merge: Candidate, actor: Actor) -> CandidateMerge:
    """Move everything of ``merge`` onto ``keep``; pending until confirmed, undone exactly until then.

    Refused (``MergeRefused``, nothing written) for one record twice, an erased record, a record already
    in a merge, a record with applications outside the actor's scope, and two records that applied to
    the same requisition (the error names it)."""
    if keep.pk == merge.pk:
        raise MergeRefused("same_candidate")
    locked = _lock(keep.pk, merge.pk)
    keep, merge = locked[keep.pk], locked[merge.pk]
    if not (access.candidate_can_merge(actor, keep) and access.candidate_can_merge(actor, merge)):
        raise MergeRefused("not_allowed")
    if keep.erased_at or merge.erased_at:
        raise MergeRefused("erased")
    in_merge = CandidateMerge.objects.filter(status=MergeStatus.PENDING, keep__in=[keep, merge]).exists()
    if keep.merged_into_id or merge.merged_into_id or in_merge:
        raise MergeRefused("already_merged")
    shared = (
        Application.objects.filter(candidate=merge, requisition__applications__candidate=keep)
        .select_related("requisition")
        .first()
    )
    if shared is not None:
        requisition = shared.requisition
        raise MergeRefused(
            "same_requisition",
            params={"requisition": f"{requisition.external_id} ({requisition.title})"},
            detail=str(requisition.pk),
        )

    kept_files = Resume.objects.filter(candidate=keep).values("sha256")
    kept_tags = CandidateTag.objects.filter(candidate=keep).values("tag_id")
    moved: dict[str, list[int]] = {
        "applications": list(Application.objects.filter(candidate=merge).values_list("pk", flat=True)),
        "notes": list(Note.objects.filter(candidate=merge).values_list("pk", flat=True)),
        "consents": list(ConsentRecord.objects.filter(candidate=merge).values_list("pk", flat=True)),
        # A file both records hold (one person, the same bytes) stays where it is until the merge is
        # confirmed: one record may not hold the same file twice.
        "resumes": list(
            Resume.objects.filter(candidate=merge).exclude(sha256__in=kept_files).values_list("pk", flat=True)
        ),
        "resumes_left": list(
            Resume.objects.filter(candidate=merge, sha256__in=kept_files).values_list("pk", flat=True)
        ),
        "tag_links": list(
            CandidateTag.objects.filter(candidate=merge)
            .exclude(tag_id__in=kept_tags)
            .values_list("pk", flat=True)
        ),
        # A tag both records carry: the merged record's link goes, and comes back on undo.
        "tags_dropped": list(
            CandidateTag.objects.filter(candidate=merge, tag_id__in=kept_tags).values_list(
                "tag_id", flat=True
            )
        ),
    }
    for key, model in MOVED_MODELS.items():
        model.objects.filter(pk__in=moved[key]).update(candidate=keep)
    CandidateTag.objects.filter(candidate=merge, tag_id__in=moved["tags_dropped"]).delete()
    merge.merged_into = keep
    merge.save(update_fields=["merged_into", "updated_at"])
    record = CandidateMerge.objects.create(
        keep=keep, merged=merge, moved=moved, created_by=_user_or_none(actor)
    )
    audit_record(
        actor=actor,
        action=AuditAction.CANDIDATE_MERGE,
        target=keep,
        data={"merge": record.pk, "merged": merge.pk, "moved": moved},
    )
    return record


def _pending(merge_id: int, actor: Actor) -> CandidateMerge:
    record = CandidateMerge.objects.select_for_update().filter(pk=merge_id).first()
    if record is None:
        raise MergeRefused("not_found", detail=str(merge_id))
    _lock(record.keep_id, record.merged_id)
    if not access.candidate_can_merge(actor, record.keep):
        raise MergeRefused("not_allowed")
    if record.status != MergeStatus.PENDING:
        raise MergeRefused("not_pending")
    return record


def _decide(record: CandidateMerge, status: str, actor: Actor) -> None:
    record.status = status
    record.decided_by = _user_or_none(actor)
    record.decided_at = timezone.now()
    record.save(update_fields=["status", "decided_by", "decided_at"])


@transaction.atomic
def candidate_merge_undo(*, merge_id: int, actor: Actor) -> CandidateMerge:
    """Put back on the merged record exactly the rows the merge moved, and the notes written since on
    the applications going back; what else the kept record gained since stays with it."""
    record = _pending(merge_id, actor)
    moved = record.moved
    for key, model in MOVED_MODELS.items():
        model.objects.filter(pk__in=moved.get(key, []), candidate_id=record.keep_id).update(
            candidate_id=record.merged_id
        )
    # A note written since about one of the applications going back belongs with it.
    Note.objects.filter(candidate_id=record.keep_id, application_id__in=moved.get("applications", [])).update(
        candidate_id=record.merged_id
    )
    CandidateTag.objects.bulk_create(
        [
            CandidateTag(candidate_id=record.merged_id, tag_id=tag_id)
            for tag_id in moved.get("tags_dropped", [])
        ],
        ignore_conflicts=True,
    )
    Candidate.objects.filter(pk=record.merged_id).update(merged_into=None, updated_at=timezone.now())
    _decide(record, MergeStatus.UNDONE, actor)
    audit_record(
        actor=actor,
        action=AuditAction.CANDIDATE_MERGE_UNDO,
        target=record.keep,
        data={"merge": record.pk, "merged": record.merged_id},
    )
    return record


@transaction.atomic
def candidate_merge_confirm(*, merge_id: int, actor: Actor) -> CandidateMerge:
    """Make the merge final: the merged record's personal data is erased (its row stays for the trail),
    the kept record's empty contact fields take its values, and a résumé file both held is kept once."""
    record = _pending(merge_id, actor)
    keep, merged = Candidate.objects.get(pk=record.keep_id), Candidate.objects.get(pk=record.merged_id)
    removed = []
    for resume in Resume.objects.filter(candidate=merged, pk__in=record.moved.get("resumes_left", [])):
        twin = Resume.objects.filter(candidate=keep, sha256=resume.sha256).first()
        if twin is not None:
            Application.objects.filter(resume=resume).update(resume=twin)
            removed.append(resume.pk)
            # The row only: the file is named by its content and is the kept record's file too.
            resume.delete()
    contact = {field: getattr(merged, field) for field in CONTACT_FIELDS}
    candidate_anonymise(candidate=merged, actor=actor)
    filled = [field for field in CONTACT_FIELDS if contact[field] and not getattr(keep, field)]
    if filled:
        for field in filled:
            setattr(keep, field, contact[field])
        keep.save(update_fields=[*filled, "updated_at"])
    _decide(record, MergeStatus.CONFIRMED, actor)
    audit_record(
        actor=actor,
        action=AuditAction.CANDIDATE_MERGE_CONFIRM,
        target=keep,
        data={"merge": record.pk, "merged": merged.pk, "filled": filled, "resumes_removed": removed},
    )
    return record
