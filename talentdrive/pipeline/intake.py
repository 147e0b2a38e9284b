"""Plain values describing one application as it arrives, shared by the portal form and the API."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings


@dataclass(frozen=True)
class ApplicantDetails:
    full_name: str
    email: str
    phone: str
    language: str = "en"
    consent_version: str = ""
    talent_pool: bool = False  # the separate, optional consent to be kept for other roles
    school: str = ""
    degree: str = ""
    graduation_date: dt.date | None = None
    preferred_cities: tuple[str, ...] = field(default_factory=tuple)
    referral_code: str = ""
    source: str = ""
    # Volunteered for the screening oversight only (``candidates/models_groups.py``); "" when not given.
    gender: str = ""


@dataclass(frozen=True)
class ResumeUpload:
    filename: str
    content: bytes


_DEFAULTS = {"CAMPUS_ACTIVE_APPLICATION_CAP": 3, "RESUME_MAX_PAGES": 20, "UPLOAD_MAX_BYTES": 10 * 1024 * 1024}


def intake_setting(name: str) -> int:
    """Limits of the intake, set in ``settings.TALENTDRIVE``."""
    value: Any = settings.TALENTDRIVE.get(name, _DEFAULTS[name])
    return int(value)
