"""Download the plan or the requisitions in the columns the importer reads, as CSV or XLSX."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse

from talentdrive.backoffice.access import staff_view
from talentdrive.plans import access as plans_access
from talentdrive.plans.exporting import plan_export
from talentdrive.plans.models import Drive

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@staff_view(plans_access.plan_can_export)
def plan_download(request: HttpRequest) -> HttpResponse:
    kind = request.GET.get("kind", "plan")
    file_format = request.GET.get("format", "xlsx")
    if kind not in ("plan", "requisitions") or file_format not in CONTENT_TYPES:
        raise Http404("unknown export")
    drive = None
    if request.GET.get("drive"):
        drive = Drive.objects.filter(code=request.GET["drive"]).first()
        if drive is None:
            raise Http404("unknown drive")
    content = plan_export(kind=kind, drive=drive, file_format=file_format)  # type: ignore[arg-type]
    response = HttpResponse(content, content_type=CONTENT_TYPES[file_format])
    name = f"{kind}-{drive.code if drive else 'all-drives'}.{file_format}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
