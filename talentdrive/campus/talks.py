"""Campus talks (宣讲会): publishing one, students registering, the door's check-in, the attendance
export, and an application's source when someone who registered applies. Every write is one audited
service; the ticket email leaves through a task queued on commit (``campus/tickets.py``)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass
from functools import partial
from urllib.parse import parse_qs, urlsplit

from django.db import IntegrityError, transaction
from django.db.models import Count, F
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from talentdrive.audit.actors import Actor, SystemActor
from talentdrive.audit.models import AuditAction
from talentdrive.audit.services import audit_record
from talentdrive.campus import access
from talentdrive.campus.errors import CampusRefused
from talentdrive.campus.models import CampusTalk, TalkAttribution, TalkLanguage, TalkRegistration
from talentdrive.candidates.consent import CONSENT_TEXTS
from talentdrive.pipeline.models import Application, Source
from talentdrive.pipeline.rollups import rollups_source_changed
from talentdrive.plans.models import City, Drive

# A duplicate registration sends the ticket again, but not more often than this (a form sent twice
# must not fill someone's inbox).
TICKET_RESEND_AFTER = dt.timedelta(minutes=15)
# Sources a talk replaces: the ones an apply form sets by itself, never one a person chose.
DEFAULT_SOURCES = frozenset({"", Source.PORTAL, Source.API})
TICKET_CODE = re.compile(r"^[A-Z0-9]{6,16}$")


@dataclass(frozen=True)
class RegisterOutcome:
    registration: TalkRegistration
    created: bool


@dataclass(frozen=True)
class CheckInOutcome:
    registration: TalkRegistration
    # True when the ticket had been checked in before: nothing changed.
    already: bool


def _refuse_unless_manager(actor: Actor) -> None:
    if not access.talk_can_manage(actor):
        raise CampusRefused("not_allowed")


@transaction.atomic
def talk_create(
    *,
    drive: Drive,
    city: City,
    school: str,
    title_en: str,
    title_zh: str,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    venue: str,
    capacity: int,
    language: str,
    livestream_url: str = "",
    actor: Actor,
) -> CampusTalk:
    _refuse_unless_manager(actor)
    if ends_at <= starts_at:
        raise CampusRefused("ends_before_start", field="ends_at")
    talk = CampusTalk(
        drive=drive,
        city=city,
        school=school.strip(),
        title_en=title_en.strip(),
        title_zh=title_zh.strip(),
        starts_at=starts_at,
        ends_at=ends_at,
        venue=venue.strip(),
        capacity=capacity,
        language=language if language in TalkLanguage.values else TalkLanguage.ZH,
        livestream_url=livestream_url.strip(),
        created_by=None if isinstance(actor, SystemActor) else actor,
    )
    talk.full_clean()
    talk.save()
    audit_record(actor=actor, action=AuditAction.CAMPUS_TALK_CREATE, target=talk, data={"city": city.code})
    return talk


def graduation_years(today: dt.date | None = None) -> tuple[int, int]:
    """The graduation years a registration accepts: last year's graduates to five years ahead."""
    year = (today or timezone.localdate()).year
    return year - 1, year + 5


def talk_register(
    *,
    talk_id: int,
    full_name: str,
    email: str,
    school: str,
    graduation_year: int,
    consent_version: str,
    language: str,
    ticket_base_url: str,
    actor: Actor,
    notify: bool = True,
) -> RegisterOutcome:
    """Register a student for a talk, or answer with their registration when this email already has
    one (sending the ticket again, at most every ``TICKET_RESEND_AFTER``).

    Raises ``CampusRefused`` (talk_unpublished, talk_over, talk_full, consent_missing,
    graduation_year); nothing is written then. The ticket email is queued on commit unless
    ``notify`` is false (registrations entered for someone, such as the demo's fictional students)."""
    email = email.strip().lower()
    register = partial(
        _register,
        talk_id=talk_id,
        full_name=full_name,
        email=email,
        school=school,
        graduation_year=graduation_year,
        consent_version=consent_version,
        language=language,
        ticket_base_url=ticket_base_url,
        actor=actor,
        notify=notify,
    )
    try:
        return register()
    except IntegrityError:
        # The same email registered concurrently and won the insert: answer with that registration.
        return register()


@transaction.atomic
def _register(
    *,
    talk_id: int,
    full_name: str,
    email: str,
    school: str,
    graduation_year: int,
    consent_version: str,
    language: str,
    ticket_base_url: str,
    actor: Actor,
    notify: bool,
) -> RegisterOutcome:
    # The talk's row serialises registrations, so two last seats are never both given away.
    talk = CampusTalk.objects.select_for_update().filter(pk=talk_id, published=True).first()
    if talk is None:
        raise CampusRefused("talk_unpublished")
    existing = talk.registrations.filter(email=email).first()
    if existing is not None:
        sent = existing.ticket_sent_at
        if notify and (sent is None or timezone.now() - sent >= TICKET_RESEND_AFTER):
            _queue_ticket(existing.pk, ticket_base_url)
        return RegisterOutcome(existing, created=False)
    if talk.ends_at <= timezone.now():
        raise CampusRefused("talk_over")
    if consent_version not in CONSENT_TEXTS:
        raise CampusRefused("consent_missing", field="consent")
    low, high = graduation_years()
    if not low <= graduation_year <= high:
        raise CampusRefused("graduation_year", field="graduation_year", params={"low": low, "high": high})
    if talk.registrations.count() >= talk.capacity:
        raise CampusRefused("talk_full")
    with transaction.atomic():
        registration = TalkRegistration.objects.create(
            talk=talk,
            full_name=full_name.strip()[:200],
            email=email,
            school=school.strip()[:200],
            graduation_year=graduation_year,
            consent_version=consent_version,
            language="en" if language.startswith("en") else "zh-hans",
        )
    audit_record(
        actor=actor, action=AuditAction.CAMPUS_TALK_REGISTER, target=registration, data={"talk": talk.pk}
    )
    if notify:
        _queue_ticket(registration.pk, ticket_base_url)
    return RegisterOutcome(registration, created=True)


def _queue_ticket(registration_id: int, base_url: str) -> None:
    from talentdrive.campus.tasks import talk_ticket_send_task

    transaction.on_commit(partial(talk_ticket_send_task.enqueue, registration_id, base_url[:200]))


def ticket_code_read(text: str) -> str:
    """The ticket code in what the door's field received: the code typed, or the check-in address a
    phone's scanner read from the QR code (``…/check-in/?code=…``)."""
    text = text.strip()
    if "code=" in text:
        text = (parse_qs(urlsplit(text).query).get("code") or [""])[0]
    return re.sub(r"[\s-]", "", text).upper()


@transaction.atomic
def talk_check_in(*, talk_id: int, code: str, actor: Actor) -> CheckInOutcome:
    """Check a ticket in at the door. A ticket checked in before is answered with when and by whom,
    and changes nothing; an unknown code or another talk's ticket is refused."""
    _refuse_unless_manager(actor)
    code = ticket_code_read(code)
    registration = (
        TalkRegistration.objects.select_related("talk", "checked_in_by").filter(ticket_code=code).first()
        if TICKET_CODE.match(code)
        else None
    )
    if registration is None:
        raise CampusRefused("ticket_unknown", field="code", params={"code": code[:20] or "–"})
    if registration.talk_id != talk_id:
        raise CampusRefused("ticket_other_talk", field="code", params={"talk": registration.talk.title})
    now = timezone.now()
    # A conditional update: of two phones scanning one ticket at once, one checks it in.
    claimed = TalkRegistration.objects.filter(pk=registration.pk, checked_in_at__isnull=True).update(
        checked_in_at=now, checked_in_by=None if isinstance(actor, SystemActor) else actor
    )
    registration.refresh_from_db()
    if not claimed:
        return CheckInOutcome(registration, already=True)
    audit_record(
        actor=actor, action=AuditAction.CAMPUS_TALK_CHECK_IN, target=registration, data={"talk": talk_id}
    )
    return CheckInOutcome(registration, already=False)


def _header() -> list[str]:
    return [
        _("Name"),
        _("Email"),
        _("School"),
        _("Graduation year"),
        _("Registered"),
        _("Checked in"),
        _("Applications"),
    ]


def _rows(talk: CampusTalk) -> list[list[object]]:
    def when(moment: dt.datetime | None) -> str:
        return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else ""

    registrations = talk.registrations.annotate(applied=Count("applications")).order_by("registered_at", "pk")
    return [
        [
            r.full_name,
            r.email,
            r.school,
            r.graduation_year,
            when(r.registered_at),
            when(r.checked_in_at),
            r.applied,  # type: ignore[attr-defined]
        ]
        for r in registrations
    ]


def _as_text(value: object) -> object:
    # Names and schools come from students: text, never a formula a spreadsheet would run.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


# Characters a worksheet's name may not hold (Excel refuses the file otherwise), and its length.
_SHEET_FORBIDDEN = re.compile(r"[\\/?*:\[\]]")
_SHEET_MAX = 31


def _sheet_title(school: str) -> str:
    """The school as a worksheet name: what Excel forbids in one replaced by a space, cut to its length."""
    title = " ".join(_SHEET_FORBIDDEN.sub(" ", school or "").split()).strip("'")[:_SHEET_MAX]
    return title or "attendance"


@transaction.atomic
def talk_attendance_export(*, talk_id: int, kind: str, actor: Actor) -> bytes:
    """Every registration of the talk with its check-in, as CSV (UTF-8 with a byte-order mark, which
    spreadsheets need to read Chinese) or XLSX, in the reader's language. Audited: it carries contact
    details out of the system."""
    _refuse_unless_manager(actor)
    talk = CampusTalk.objects.get(pk=talk_id)
    rows = _rows(talk)
    audit_record(
        actor=actor,
        action=AuditAction.CAMPUS_TALK_EXPORT,
        target=talk,
        data={"rows": len(rows), "kind": kind},
    )
    if kind == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(_header())
        writer.writerows([[_as_text(v) for v in row] for row in rows])
        return ("\ufeff" + buffer.getvalue()).encode("utf-8")
    workbook = Workbook(write_only=True)
    workbook.properties.creator = "Talent Drive"
    sheet = workbook.create_sheet(_sheet_title(talk.school))
    sheet.append(_header())
    for row in rows:
        cells = []
        for value in row:
            cell = WriteOnlyCell(sheet, value=value)
            if isinstance(value, str):
                cell.data_type = "s"
            cells.append(cell)
        sheet.append(cells)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def talk_attribute_application(*, application_id: int, actor: Actor) -> TalkAttribution | None:
    """Record the campus talk an application came from: a talk of the same drive its candidate's
    email registered for (one they were checked in at first, then the latest). The application's
    source becomes the campus talk unless a person chose another. Idempotent; None when there is no
    such talk.

    Called inside every application's request: most applicants never registered for a talk, so one
    read answers for them (emails are stored lower-cased on both sides), and only the others take
    the application's lock."""
    application = Application.objects.filter(pk=application_id)
    registered = TalkRegistration.objects.filter(
        email__in=application.exclude(candidate__email="").values("candidate__email"),
        talk__drive_id__in=application.values("requisition__drive_id"),
    )
    if not registered.exists():
        return None
    return _attribute(application_id=application_id, actor=actor)


@transaction.atomic
def _attribute(*, application_id: int, actor: Actor) -> TalkAttribution | None:
    application = (
        Application.objects.select_for_update()
        .select_related("candidate", "requisition")
        .get(pk=application_id)
    )
    found = TalkAttribution.objects.filter(application=application).first()
    if found is not None:
        return found
    email = (application.candidate.email or "").strip().lower()
    if not email:
        return None
    registration = (
        TalkRegistration.objects.filter(email=email, talk__drive_id=application.requisition.drive_id)
        .order_by(F("checked_in_at").desc(nulls_last=True), "-talk__starts_at", "-pk")
        .first()
    )
    if registration is None:
        return None
    attribution = TalkAttribution.objects.create(application=application, registration=registration)
    if application.source in DEFAULT_SOURCES:
        old_source = application.source
        application.source = Source.CAMPUS_TALK
        application.save(update_fields=["source"])
        # The pipeline page's roll-ups count the application under its source: move it there too.
        rollups_source_changed(application=application, old_source=old_source)
    audit_record(
        actor=actor,
        action=AuditAction.CAMPUS_TALK_ATTRIBUTE,
        target=application,
        data={"talk": registration.talk_id, "registration": registration.pk},
    )
    return attribution
