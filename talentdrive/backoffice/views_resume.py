"""An applicant's résumé file, for reading beside the profile (PDF in the browser) or downloading.

Only PDF is shown inline; every other type is offered as a download, so no uploaded file is ever
rendered by the browser as a page of this site. The response may be framed by the back office's own
pages only, and loads nothing.
"""

from __future__ import annotations

from csp.decorators import csp_replace
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.views.decorators.clickjacking import xframe_options_sameorigin

from talentdrive.accounts.models import User
from talentdrive.backoffice.access import staff_view
from talentdrive.pipeline.models import Application
from talentdrive.pipeline.selectors import application_get
from talentdrive.resumes import access as resume_access

PDF = "application/pdf"


@xframe_options_sameorigin
@csp_replace({"default-src": ["'none'"], "frame-ancestors": ["'self'"], "object-src": ["'self'"]})
@staff_view(resume_access.resume_can_read)
def application_resume(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    try:
        application = application_get(user=user, application_id=pk)
    except Application.DoesNotExist as error:
        raise Http404(str(error)) from error
    resume = application.resume
    if resume is None or application.candidate.erased_at is not None or not resume.file:
        raise Http404("this application has no résumé file")
    inline = resume.content_type == PDF and request.GET.get("download") != "1"
    try:
        handle = resume.file.open("rb")
    except OSError as error:  # the row outlived its file (a restore without media, a disk fault)
        raise Http404(
            "the résumé file is missing from storage; manage.py resume_files_check lists such rows"
        ) from error
    # A FileResponse streams the file; the back office's views are typed as answering HttpResponse.
    return FileResponse(  # type: ignore[return-value]
        handle,
        content_type=PDF if inline else (resume.content_type or "application/octet-stream"),
        as_attachment=not inline,
        filename=resume.original_name or f"resume-{application.pk}",
    )
