"""Online assessments: creating one, importing the provider's results file, reviewing those below the
pass mark.

A results file is checked row by row and imported all or nothing, like the plan import: one bad row
(an unknown email, a score out of range, a repeated applicant) refuses the whole file, with each row's
problem. A clean file moves exactly the applicants at or above the pass mark to the next stage of their
flow, through the pipeline's move service; the others wait for a person's review, and only a person
rejects them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, cast

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from talentdrive.accounts.models import User
from talentdrive.audit.actors import Actor
from talentdrive.audit.models import AuditAction
from talentdrive.audit.services import audit_record
from talentdrive.campus import access
from talentdrive.campus.errors import CampusRefused
from talentdrive.campus.models import (
    ASSESSMENT_STAGE,
    Assessment,
    AssessmentImport,
    AssessmentResult,
    ResultStatus,
)
from talentdrive.candidates.normalise import normalise_email
from talentdrive.pipeline.errors import ApplicationConflict, MoveRefused
from talentdrive.pipeline.flows import flow_for_requisition
from talentdrive.pipeline.models import Application, RejectionReason
from talentdrive.pipeline.moves import application_move, application_reject
from talentdrive.plans.importing.rows import Table, TableError, read_table
from talentdrive.plans.models import Drive, FocusArea, Requisition

# Header names (lower case) the provider's files use, in English and Chinese.
COLUMNS: dict[str, tuple[str, ...]] = {
    "email": ("email", "e-mail", "candidate email", "邮箱", "电子邮箱", "邮件"),
    "application": ("application", "application number", "application id", "application_id", "申请编号"),
    "score": ("score", "total", "total score", "分数", "总分", "成绩"),
    "completed_at": (
        "completed at",
        "completed_at",
        "completion time",
        "finished at",
        "完成时间",
        "交卷时间",
    ),
    "duration_minutes": ("duration minutes", "duration", "minutes", "用时", "用时（分钟）", "用时(分钟)"),
}


# An assessment lasts hours, not weeks: a larger figure is a mistake in the file (and would not fit the column).
MAX_DURATION_MINUTES = 10_000


@dataclass(frozen=True)
class ResultRowError:
    row: int | None  # as the spreadsheet shows it; None for the file as a whole
    column: str | None
    message: str

    def __str__(self) -> str:
        where = []
        if self.row is not None:
            where.append(_("row %(row)s") % {"row": self.row})
        if self.column:
            where.append(_("column “%(column)s”") % {"column": self.column})
        return f"{', '.join(where)}: {self.message}" if where else self.message


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


@dataclass(frozen=True)
class _Row:
    number: int
    application: Application
    score: Decimal
    sub_scores: dict[str, float]
    completed_at: dt.datetime | None
    duration_minutes: int | None


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


def assessment_applications(assessment: Assessment) -> Any:
    """Every application the assessment is about (its requisition's, or the focus area's campus ones)."""
    if assessment.requisition_id is not None:
        return Application.objects.filter(requisition_id=assessment.requisition_id)
    return Application.objects.filter(
        requisition__drive_id=assessment.drive_id,
        requisition__plan_line__focus_area_id=assessment.focus_area_id,
        requisition__plan_line__channel="campus",
    )


def _header(table: Table) -> tuple[dict[str, int], dict[int, str], list[ResultRowError]]:
    known: dict[str, int] = {}
    extra: dict[int, str] = {}
    problems: list[ResultRowError] = []
    for index, raw in enumerate(table.header):
        name = raw.strip().lower()
        if not name:
            continue
        column = next((key for key, aliases in COLUMNS.items() if name in aliases), None)
        if column is None:
            extra[index] = raw.strip()  # every other column is a sub-score
        elif column in known:
            problems.append(
                ResultRowError(table.header_row, raw, _("this column appears twice in the header"))
            )
        else:
            known[column] = index
    if "score" not in known:
        problems.append(ResultRowError(table.header_row, None, _("the header has no “score” column")))
    if "email" not in known and "application" not in known:
        problems.append(
            ResultRowError(
                table.header_row, None, _("the header needs an “email” or an “application” column")
            )
        )
    return known, extra, problems


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _number(value: Any) -> Decimal | None:
    text = _text(value)
    if not text:
        return None
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def _moment(value: Any, zone: dt.tzinfo) -> dt.datetime | None:
    moment: dt.datetime | None
    if isinstance(value, dt.datetime):
        moment = value
    else:
        text = _text(value)
        moment = parse_datetime(text.replace("/", "-")) if text else None
    if moment is None:
        raise ValueError(str(value))
    return timezone.make_aware(moment, zone) if timezone.is_naive(moment) else moment


class _Lookup:
    """The assessment's applications the importer may change, by number and by the candidate's
    normalised email (any other is unknown to the import, so it tells nothing of it)."""

    def __init__(self, assessment: Assessment, actor: Actor) -> None:
        applications = list(
            assessment_applications(assessment)
            .filter(access.assessment_rows_scope(actor))
            .select_related("candidate", "requisition__plan_line")
        )
        self.by_id = {application.pk: application for application in applications}
        self.by_email: dict[str, list[Application]] = defaultdict(list)
        for application in applications:
            if application.candidate.email:
                self.by_email[normalise_email(application.candidate.email)].append(application)
        self.done = set(
            AssessmentResult.objects.filter(assessment=assessment).values_list("application_id", flat=True)
        )


def _check_rows(
    table: Table, assessment: Assessment, known: dict[str, int], extra: dict[int, str], actor: Actor
) -> tuple[list[_Row], list[ResultRowError]]:
    lookup = _Lookup(assessment, actor)
    zone = timezone.get_default_timezone()
    header = table.header
    rows: list[_Row] = []
    errors: list[ResultRowError] = []
    seen: dict[int, int] = {}
    for row in table.rows:
        values = row.values
        failed = False

        def fail(column_key: str | None, message: str, number: int = row.number) -> None:
            nonlocal failed
            failed = True
            column = header[known[column_key]] if column_key in known else None
            errors.append(ResultRowError(number, column, message))

        application: Application | None = None
        number_text = _text(values[known["application"]]) if "application" in known else ""
        email_text = _text(values[known["email"]]) if "email" in known else ""
        if number_text:
            # ASCII digits only ("²" counts as a digit to str.isdigit but not to int), and no longer than an id.
            is_number = number_text.isascii() and number_text.isdigit() and len(number_text) <= 18
            if not is_number or int(number_text) not in lookup.by_id:
                fail(
                    "application", _("no application %(number)s in this assessment") % {"number": number_text}
                )
            else:
                application = lookup.by_id[int(number_text)]
        elif email_text:
            matches = lookup.by_email.get(normalise_email(email_text), [])
            if not matches:
                fail("email", _("nobody with this email applied to a role of this assessment"))
            elif len(matches) > 1:
                fail(
                    "email",
                    _(
                        "this person has %(count)s applications in this assessment; give the application number"
                    )
                    % {"count": len(matches)},
                )
            else:
                application = matches[0]
        else:
            fail(
                "email" if "email" in known else "application",
                _("an email or an application number is required"),
            )

        score = _number(values[known["score"]])
        if score is None:
            fail("score", _("the score must be a number"))
        elif not (0 <= score <= assessment.max_score):
            fail(
                "score",
                _("the score %(score)s is outside 0 to %(max)s")
                % {"score": score, "max": assessment.max_score},
            )
        sub_scores: dict[str, float] = {}
        for index, name in extra.items():
            raw = values[index] if index < len(values) else None
            if not _text(raw):
                continue
            value = _number(raw)
            if value is None or not (0 <= value <= assessment.max_score):
                failed = True
                errors.append(
                    ResultRowError(
                        row.number,
                        name,
                        _("a sub-score must be a number from 0 to %(max)s") % {"max": assessment.max_score},
                    )
                )
            else:
                sub_scores[name] = float(value)
        completed_at = None
        if "completed_at" in known and _text(values[known["completed_at"]]):
            try:
                completed_at = _moment(values[known["completed_at"]], zone)
            except ValueError:
                fail("completed_at", _("not a date and time (write 2026-10-12 14:30)"))
        duration = None
        if "duration_minutes" in known and _text(values[known["duration_minutes"]]):
            minutes = _number(values[known["duration_minutes"]])
            if minutes is None or minutes < 0 or minutes != minutes.to_integral_value():
                fail("duration_minutes", _("the duration must be a whole number of minutes"))
            elif minutes > MAX_DURATION_MINUTES:
                fail(
                    "duration_minutes",
                    _("the duration must be at most %(max)s minutes") % {"max": MAX_DURATION_MINUTES},
                )
            else:
                duration = int(minutes)

        if application is not None:
            key = "application" if number_text else "email"
            if application.pk in seen:
                fail(
                    key,
                    _("the same applicant as row %(row)s (application %(number)s)")
                    % {"row": seen[application.pk], "number": application.pk},
                )
            else:
                seen[application.pk] = row.number
                if application.pk in lookup.done:
                    fail(
                        key,
                        _("application %(number)s already has a result in this assessment")
                        % {"number": application.pk},
                    )
                elif not application.is_active:
                    fail(key, _("application %(number)s is closed") % {"number": application.pk})
                elif application.stage != assessment.stage_code:
                    stage = flow_for_requisition(application.requisition).stage(application.stage)
                    fail(
                        key,
                        _("application %(number)s is at “%(stage)s”, not at the assessment")
                        % {"number": application.pk, "stage": _stage_name(stage, application.stage)},
                    )
        if not failed and application is not None and score is not None:
            rows.append(_Row(row.number, application, score, sub_scores, completed_at, duration))
    return rows, errors


def _stage_name(stage: Any, code: str) -> str:
    from django.utils.translation import get_language

    if stage is None:
        return code
    return str(stage.name_zh if (get_language() or "en").startswith("zh") else stage.name_en)


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
    known, extra, problems = _header(table)
    if problems:
        return ResultsReport(filename, dry_run, rows=len(table.rows), errors=tuple(problems))
    if not table.rows:
        return ResultsReport(
            filename, dry_run, errors=(ResultRowError(None, None, _("the file has no rows")),)
        )
    with transaction.atomic():
        rows, errors = _check_rows(table, assessment, known, extra, actor)
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
