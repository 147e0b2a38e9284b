from __future__ import annotations

from django.db import models


class ParseStatus(models.TextChoices):
    PENDING = "pending", "pending"
    PARSED = "parsed", "parsed"
    FAILED = "failed", "failed"


def resume_upload_to(instance: Resume, filename: str) -> str:
    # Files are named by content hash and candidate, never by the candidate's own file name: one
    # person's file is never another's, so erasing one person cannot delete what another sent, even
    # the very same bytes. (Rows from before this rule may share a hash-only name; erasure counts
    # references for those.)
    return f"resumes/{instance.sha256[:2]}/{instance.sha256}-{instance.candidate_id}"


class Resume(models.Model):
    """An uploaded file and what parsing made of it (the profile)."""

    candidate = models.ForeignKey("candidates.Candidate", on_delete=models.CASCADE, related_name="resumes")
    file = models.FileField(upload_to=resume_upload_to, max_length=200)
    original_name = models.CharField(max_length=255)
    sha256 = models.CharField(max_length=64)
    content_type = models.CharField(max_length=100, blank=True)
    size = models.PositiveIntegerField()
    language = models.CharField(max_length=10, blank=True)
    parse_status = models.CharField(max_length=10, choices=ParseStatus.choices, default=ParseStatus.PENDING)
    parse_error = models.CharField(max_length=300, blank=True)
    profile = models.JSONField(default=dict, blank=True)
    text = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    parsed_at = models.DateTimeField(null=True, blank=True)
    # False for a file sent under the address of a person who already has a confirmed résumé, by
    # someone who has not shown they read that address's mail: it is kept with its application but
    # is not the person's profile (matching, search, the data export) until confirmed from the
    # status link the email carries (``resume_confirm``).
    confirmed = models.BooleanField(default=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["candidate", "sha256"], name="resume_unique_per_candidate")
        ]
        indexes = [models.Index(fields=["sha256"])]

    def __str__(self) -> str:
        return f"resume #{self.pk}"


class ResumeFilesCheck(models.Model):
    """One run of the résumé-file integrity check (``resume_files_check_task``, ``manage.py
    resume_files_check``): ids and hashed file names only, nothing personal. Administrators read the
    runs in the admin, and the back office's home page warns them while the latest is not clean."""

    checked_at = models.DateTimeField(auto_now_add=True, db_index=True)
    rows_without_files = models.JSONField(default=list, blank=True)
    files_without_rows = models.JSONField(default=list, blank=True)
    all_well = models.BooleanField()
    # who ran it: the periodic task or the command
    ran_by = models.CharField(max_length=40)

    class Meta:
        ordering = ["-checked_at", "-pk"]

    def __str__(self) -> str:
        return f"résumé files check #{self.pk}"
