"""Reads for resumes; who may read them is decided in ``resumes/access.py``."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet

from talentdrive.accounts.models import User
from talentdrive.candidates.models import Candidate
from talentdrive.resumes import access
from talentdrive.resumes.models import ParseStatus, Resume, ResumeFilesCheck


def _check_reader(user: User) -> None:
    if not access.resume_can_read(user):
        raise PermissionDenied("not allowed to read resumes")


def resume_list_for_candidate(*, user: User, candidate: Candidate) -> QuerySet[Resume]:
    _check_reader(user)
    return Resume.objects.filter(candidate=candidate).order_by("-created_at")


def resume_get(*, user: User, resume_id: int) -> Resume:
    _check_reader(user)
    return Resume.objects.select_related("candidate").get(pk=resume_id)


def resume_latest_profile(*, candidate: Candidate) -> dict:
    """The most recent successfully parsed profile of a candidate, for matching (no permission: internal)."""
    resume = (
        Resume.objects.filter(candidate=candidate, parse_status=ParseStatus.PARSED, confirmed=True)
        .order_by("-parsed_at", "-pk")
        .only("profile")
        .first()
    )
    return dict(resume.profile) if resume is not None else {}


def resume_pending_list(*, candidate: Candidate) -> QuerySet[Resume]:
    """Résumés sent under this person's address that they have not confirmed (no permission: the
    caller holds the person's status link)."""
    return Resume.objects.filter(candidate=candidate, confirmed=False).order_by("-created_at")


def resume_known_hashes(*, hashes: list[str]) -> set[str]:
    """Which of these content hashes are already stored (ingest skips them)."""
    return set(Resume.objects.filter(sha256__in=hashes).values_list("sha256", flat=True))


def resume_files_check_latest(*, user: User) -> ResumeFilesCheck | None:
    """The latest integrity check for an administrator; None for anyone else or before the first run."""
    if not access.resume_files_check_can_read(user):
        return None
    return ResumeFilesCheck.objects.order_by("-checked_at", "-pk").first()
