"""Background work at intake. Tasks take ids and are idempotent."""

from __future__ import annotations

from django_tasks import task

from talentdrive.audit.actors import system_actor
from talentdrive.pipeline.models import Application
from talentdrive.resumes.services import resume_parse


@task()
def application_intake_task(application_id: int) -> str:
    """Parse the application's resume; a failure is recorded on the resume, the application stays.

    Scoring needs no step here: the match index notices a newly parsed profile by its watermark and
    ranks it on the next query. Parsing twice gives the same profile, and an application whose
    resume is gone (erased) is skipped.
    """
    application = Application.objects.filter(pk=application_id).only("pk", "resume_id").first()
    if application is None or application.resume_id is None:
        return "skipped"
    return str(resume_parse(resume_id=application.resume_id, actor=system_actor("intake")).parse_status)
