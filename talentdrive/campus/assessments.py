"""Online assessments: creating one, importing the provider's results file, reviewing those below the
pass mark.

A results file is checked row by row and imported all or nothing, like the plan import: one bad row
(an unknown email, a score out of range, a repeated applicant) refuses the whole file, with each row's
problem. A clean file moves exactly the applicants at or above the pass mark to the next stage of their
flow, through the pipeline's move service; the others wait for a person's review, and only a person
rejects them.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from decimal import Decimal
from typing import cast

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from talentdrive.accounts.models import User
from talentdrive.audit.actors import Actor
from talentdrive.audit.models import AuditAction
from talentdrive.audit.services import audit_record
from talentdrive.campus import access
from talentdrive.campus.assessment_rows import (
    ResultRowError,
    check_rows,
    read_columns,
)
from talentdrive.campus.errors import CampusRefused
from talentdrive.campus.models import (
    ASSESSMENT_STAGE,
    Assessment,
    AssessmentImport,
    AssessmentResult,
    ResultStatus,
)
from talentdrive.pipeline.errors import ApplicationConflict, MoveRefused
from talentdrive.pipeline.flows import flow_for_requisition
from talentdrive.pipeline.models import RejectionReason
from talentdrive.pipeline.moves import application_move, application_reject
from talentdrive.plans.importing.rows import TableError, read_table
from talentdrive.plans.models import Drive, FocusArea, Requisition


@dataclass(frozen=True)
class ResultsReport:
    filename: str
    dry_run: bool
    rows: int = 0
    moved: int = 0
    queued: int = 0
    errors: tuple[ResultRowError, ...] = ()
    import_id: int | None = None

    @property
    def ok(self) -> bool:
        return not self.errors


@transaction.atomic
def assessment_create(
    *,
    drive: Drive,
    name_en: str,
    name_zh: str,
    pass_mark: Decimal,
    actor: Actor,
    requisition: Requisition | None = None,
    focus_area: FocusArea | None = None,
    max_score: Decimal = Decimal(100),
) -> Assessment:
    """An assessment of one campus requisition, or of a focus area's campus requisitions in a drive."""
    if (requisition is None) == (focus_area is None):
        raise CampusRefused("assessment_target", field="requisition")
    if not access.assessment_can_create(actor, requisition):
        raise CampusRefused("not_allowed")
    if requisition is not None and requisition.plan_line.channel != "campus":
        raise CampusRefused("not_campus", field="requisition")
    if not (0 <= pass_mark <= max_score):
        raise CampusRefused("pass_mark_out_of_range", field="pass_mark", params={"max": max_score})
    assessment = Assessment.objects.create(
        drive=drive,
        requisition=requisition,
        focus_area=focus_area,
        name_en=name_en.strip()[:200],
        name_zh=name_zh.strip()[:200],
        pass_mark=pass_mark,
        max_score=max_score,
        created_by=actor if isinstance(actor, User) else None,
    )
    audit_record(
        actor=actor,
        action=AuditAction.ASSESSMENT_CREATE,
        target=assessment,
        data={
            "requisition_id": assessment.requisition_id,
            "focus_area": focus_area.code if focus_area else None,
            "pass_mark": str(pass_mark),
            "max_score": str(max_score),
        },
    )
    return assessment


def assessment_results_import(
    *, assessment_id: int, filename: str, content: bytes, actor: Actor, dry_run: bool = False
) -> ResultsReport:
    """Check, and unless ``dry_run`` import, a results file (CSV or XLSX) all or nothing.

    Nothing is written when any row is bad; the report lists each row's problems. Otherwise, in one
    transaction: one result per row, the applicants at or above the pass mark moved to the next stage
    (``pipeline.moves.application_move``), the others queued for review, and an audit event."""
    assessment = Assessment.objects.select_related("requisition", "focus_area").get(pk=assessment_id)
    if not access.assessment_can_import(actor, assessment):
        raise CampusRefused("not_allowed")
    limits = cast(dict[str, int], settings.TALENTDRIVE)
    try:
        table = read_table(
            filename=filename,
            content=content,
            max_bytes=int(limits["IMPORT_MAX_BYTES"]),
            max_rows=int(limits["IMPORT_MAX_ROWS"]),
        )
    except TableError as error:
        return ResultsReport(filename, dry_run, errors=(ResultRowError(None, None, str(error)),))
    known, extra, problems = read_columns(table)
    if problems:
        return ResultsReport(filename, dry_run, rows=len(table.rows), errors=tuple(problems))
    if not table.rows:
        return ResultsReport(
            filename, dry_run, errors=(ResultRowError(None, None, _("the file has no rows")),)
        )
    with transaction.atomic():
        rows, errors = check_rows(table, assessment, known, extra, actor)
        moved = queued = 0
        record: AssessmentImport | None = None
        if not errors and not dry_run:
            record = AssessmentImport.objects.create(
                assessment=assessment,
                filename=filename[:200],
                sha256=hashlib.sha256(content).hexdigest(),
                rows=len(rows),
                created_by=actor if isinstance(actor, User) else None,
            )
            for row in rows:
                passed = row.score >= assessment.pass_mark
                if passed:
                    following = flow_for_requisition(row.application.requisition).next_stage(
                        assessment.stage_code
                    )
                    try:
                        if following is None:
                            raise MoveRefused("unknown_stage")
                        application_move(
                            application_id=row.application.pk,
                            to_stage=following.code,
                            actor=actor,
                            expected_version=row.application.version,
                            note=_("Passed the online assessment (%(score)s)") % {"score": row.score},
                        )
                    except (MoveRefused, ApplicationConflict) as refused:
                        errors.append(ResultRowError(row.number, None, str(refused.message)))
                        continue
                    moved += 1
                else:
                    queued += 1
                AssessmentResult.objects.create(
                    assessment=assessment,
                    application=row.application,
                    source=record,
                    score=row.score,
                    sub_scores=row.sub_scores,
                    completed_at=row.completed_at,
                    duration_minutes=row.duration_minutes,
                    passed=passed,
                    status=ResultStatus.MOVED if passed else ResultStatus.PENDING,
                )
            AssessmentImport.objects.filter(pk=record.pk).update(moved=moved, queued=queued)
            audit_record(
                actor=actor,
                action=AuditAction.ASSESSMENT_IMPORT,
                target=record,
                data={"assessment_id": assessment.pk, "rows": len(rows), "moved": moved, "queued": queued},
            )
        if errors or dry_run:
            transaction.set_rollback(True)
    if errors:
        return ResultsReport(
            filename, dry_run, rows=len(table.rows), errors=tuple(sorted(errors, key=_order))
        )
    if dry_run:
        passing = sum(row.score >= assessment.pass_mark for row in rows)
        return ResultsReport(filename, True, rows=len(rows), moved=passing, queued=len(rows) - passing)
    assert record is not None
    return ResultsReport(filename, False, rows=len(rows), moved=moved, queued=queued, import_id=record.pk)


def _order(error: ResultRowError) -> tuple[int, str]:
    return (error.row or 0, error.column or "")


@transaction.atomic
def assessment_result_review(
    *,
    result_id: int,
    advance: bool,
    actor: Actor,
    reason: RejectionReason | None = None,
    note: str = "",
) -> AssessmentResult:
    """A person decides on a result below the pass mark: move the applicant on anyway, or reject them
    with a reason (``pipeline.moves.application_reject``)."""
    result = (
        AssessmentResult.objects.select_for_update(of=("self",))
        .select_related("application__requisition__plan_line", "assessment")
        .get(pk=result_id)
    )
    if not access.result_can_review(actor, result):
        raise CampusRefused("not_allowed")
    if result.status != ResultStatus.PENDING:
        raise CampusRefused("already_reviewed" if result.reviewed_at else "not_pending")
    application = result.application
    if advance:
        following = flow_for_requisition(application.requisition).next_stage(result.assessment.stage_code)
        if following is None:
            raise MoveRefused("unknown_stage")
        application_move(
            application_id=application.pk,
            to_stage=following.code,
            actor=actor,
            expected_version=None,
            note=note or _("Moved on after review of the online assessment"),
        )
    else:
        if reason is None:
            raise CampusRefused("reason_missing", field="reason")
        application_reject(
            application_id=application.pk, reason=reason, actor=actor, expected_version=None, note=note
        )
    result.status = ResultStatus.ADVANCED if advance else ResultStatus.REJECTED
    result.reviewed_by = actor if isinstance(actor, User) else None
    result.reviewed_at = timezone.now()
    result.save(update_fields=["status", "reviewed_by", "reviewed_at"])
    audit_record(
        actor=actor,
        action=AuditAction.ASSESSMENT_REVIEW,
        target=result,
        reason=note[:2000],
        data={"application_id": application.pk, "decision": result.status},
    )
    return result


__all__ = ["ASSESSMENT_STAGE", "assessment_create", "assessment_result_review", "assessment_results_import"]
