"""A provider's results file read and checked row by row, before anything is imported: the columns it
names (English or Chinese), each row's applicant (only among those the importer may change), score,
sub-scores, completion time and duration, and a sentence for each row that cannot be taken."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from talentdrive.audit.actors import Actor
from talentdrive.campus import access
from talentdrive.campus.models import (
    Assessment,
    AssessmentResult,
)
from talentdrive.candidates.normalise import normalise_email
from talentdrive.pipeline.flows import flow_for_requisition
from talentdrive.pipeline.models import Application
from talentdrive.plans.importing.rows import Table

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
class CheckedRow:
    number: int
    application: Application
    score: Decimal
    sub_scores: dict[str, float]
    completed_at: dt.datetime | None
    duration_minutes: int | None


def assessment_applications(assessment: Assessment) -> Any:
    """Every application the assessment is about (its requisition's, or the focus area's campus ones)."""
    if assessment.requisition_id is not None:
        return Application.objects.filter(requisition_id=assessment.requisition_id)
    return Application.objects.filter(
        requisition__drive_id=assessment.drive_id,
        requisition__plan_line__focus_area_id=assessment.focus_area_id,
        requisition__plan_line__channel="campus",
    )


def read_columns(table: Table) -> tuple[dict[str, int], dict[int, str], list[ResultRowError]]:
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


def check_rows(
    table: Table, assessment: Assessment, known: dict[str, int], extra: dict[int, str], actor: Actor
) -> tuple[list[CheckedRow], list[ResultRowError]]:
    lookup = _Lookup(assessment, actor)
    zone = timezone.get_default_timezone()
    header = table.header
    rows: list[CheckedRow] = []
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
            rows.append(CheckedRow(row.number, application, score, sub_scores, completed_at, duration))
    return rows, errors


def _stage_name(stage: Any, code: str) -> str:
    from django.utils.translation import get_language

    if stage is None:
        return code
    return str(stage.name_zh if (get_language() or "en").startswith("zh") else stage.name_en)
