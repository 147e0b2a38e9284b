"""Service: a selection of applications as a spreadsheet, for recruiters to work on offline. Audited,
because it carries contact details out of the system."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from talentdrive.audit.actors import Actor
from talentdrive.audit.models import AuditAction
from talentdrive.audit.services import audit_record
from talentdrive.candidates.models import CandidateTag
from talentdrive.pipeline.flows import flow_for_requisition
from talentdrive.pipeline.models import Application
from talentdrive.plans.models import Requisition


def _header() -> list[str]:
    return [_("Name"), _("Email"), _("Phone"), _("Stage"), _("Source"), _("School"), _("Applied"), _("Tags")]


def _text_cell(sheet: Any, value: Any) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        # Names and schools come from applicants: text, never a formula a spreadsheet would run.
        cell.data_type = "s"
    return cell


def application_export_xlsx(
    *, requisition: Requisition, application_ids: Sequence[int], actor: Actor
) -> bytes:
    """The requisition's applications among ``application_ids`` (the caller has narrowed them to what
    the actor may read), one row each, oldest first, in the reader's language."""
    chinese = (get_language() or "en").startswith("zh")
    flow = flow_for_requisition(requisition)
    stage_names = {stage.code: stage.name_zh if chinese else stage.name_en for stage in flow.stages}
    applications = list(
        Application.objects.filter(requisition=requisition, pk__in=list(application_ids))
        .select_related("candidate")
        .prefetch_related(
            Prefetch(
                "candidate__tag_links",
                queryset=CandidateTag.objects.select_related("tag"),
                to_attr="tag_list",
            )
        )
        .order_by("created_at", "pk")
    )
    workbook = Workbook(write_only=True)
    workbook.properties.creator = "Talent Drive"
    sheet = workbook.create_sheet(requisition.external_id[:31] or "applications")
    sheet.append(_header())
    for application in applications:
        candidate = application.candidate
        row = [
            candidate.full_name,
            candidate.email,
            candidate.phone,
            stage_names.get(application.stage, application.stage),
            application.source_label,
            application.school,
            timezone.localtime(application.created_at).replace(tzinfo=None, microsecond=0),
            ", ".join(link.tag.name for link in candidate.tag_list),  # type: ignore[attr-defined]
        ]
        sheet.append([_text_cell(sheet, value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    audit_record(
        actor=actor,
        action=AuditAction.APPLICATION_EXPORT,
        target=requisition,
        data={"applications": [a.pk for a in applications], "format": "xlsx"},
    )
    return buffer.getvalue()
