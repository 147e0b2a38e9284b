"""Background work at intake: parse the resume, then score the application. Tasks take ids."""

from __future__ import annotations

import importlib
import logging

from django_tasks import task

from talentdrive.pipeline.models import Application
from talentdrive.resumes.services import resume_parse

logger = logging.getLogger(__name__)


@task()
def application_intake_task(application_id: int) -> str:
    """Parse the application's resume and score it; a failure is recorded on the resume, never raised.

    Idempotent: parsing a resume twice gives the same profile, and an application whose resume is
    gone (erased) is simply skipped.
    """
    application = Application.objects.filter(pk=application_id).only("pk", "resume_id").first()
    if application is None or application.resume_id is None:
        return "skipped"
    resume = resume_parse(resume_id=application.resume_id)
    _score(application_id)
    return str(resume.parse_status)


def _score(application_id: int) -> None:
    try:
        matching_services = importlib.import_module("talentdrive.matching.services")
    except ImportError:
        return
    scorer = getattr(matching_services, "application_score", None)
    if scorer is None:
        return
    try:
        scorer(application_id=application_id)
    except Exception:  # a scoring failure leaves the application unscored, still in the pipeline
        logger.exception("scoring failed for application %s", application_id)
