"""The rules a requisition sets for who may apply (campus roles need the education and a graduation
date in the role's window) and the rules every resume file meets.

Checked by ``application_submit`` for every caller, and by the intake form so that a person sees
every problem at once next to the field it is about; the rules are written only here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from talentdrive.pipeline.core.uploads import UploadCheck, UploadRejected, check_resume_upload
from talentdrive.pipeline.errors import ApplicantInvalid, ResumeRefused
from talentdrive.pipeline.intake import ResumeUpload, intake_setting
from talentdrive.plans.models import Channel, Degree, Requisition

EDUCATION_FIELDS = ("school", "degree", "graduation_date")
# A graduation date outside these is a typing slip (1027, 2207), whatever the role.
GRADUATION_EARLIEST = dt.date(1950, 1, 1)
GRADUATION_LATEST = dt.date(2040, 12, 31)
DEGREES = tuple(value for value in Degree.values if value != Degree.NONE)


@dataclass(frozen=True)
class ApplicationRules:
    campus: bool
    graduation_from: dt.date | None = None
    graduation_to: dt.date | None = None

    @property
    def required_fields(self) -> tuple[str, ...]:
        """The optional details this requisition requires, beyond name, contact, resume and consent."""
        return EDUCATION_FIELDS if self.campus else ()


def application_rules(requisition: Requisition) -> ApplicationRules:
    if requisition.plan_line.channel != Channel.CAMPUS:
        return ApplicationRules(campus=False)
    return ApplicationRules(
        campus=True, graduation_from=requisition.graduation_from, graduation_to=requisition.graduation_to
    )


def _month(date: dt.date | None) -> str:
    return date.strftime("%Y-%m") if date else "…"


def applicant_problems(
    *, rules: ApplicationRules, school: str, degree: str, graduation_date: dt.date | None
) -> list[ApplicantInvalid]:
    """Every rule the applicant's education breaks, one error per field; empty when they may apply."""
    problems: list[ApplicantInvalid] = []
    values = {"school": school.strip(), "degree": degree, "graduation_date": graduation_date}
    for name in rules.required_fields:
        if not values[name]:
            problems.append(ApplicantInvalid("required", field=name))
    if degree and degree not in DEGREES:
        problems.append(ApplicantInvalid("invalid_choice", field="degree", params={"value": degree}))
    graduation = graduation_date
    if graduation is not None:
        start, end = rules.graduation_from, rules.graduation_to
        if not GRADUATION_EARLIEST <= graduation <= GRADUATION_LATEST:
            problems.append(ApplicantInvalid("graduation_date_range", field="graduation_date"))
        elif rules.campus and ((start and graduation < start) or (end and graduation > end)):
            problems.append(
                ApplicantInvalid(
                    "graduation_window",
                    field="graduation_date",
                    params={"start": _month(start), "end": _month(end)},
                )
            )
    return problems


def resume_check(resume: ResumeUpload) -> UploadCheck:
    """Accept the file within the configured limits, or raise ``ResumeRefused``.

    An accepted upload remembers its check: the form and ``application_submit`` both ask, and a large
    file is read (and a PDF opened) once."""
    known: UploadCheck | None = resume.__dict__.get("_check")
    if known is not None:
        return known
    try:
        check = check_resume_upload(
            filename=resume.filename,
            content=resume.content,
            max_bytes=intake_setting("UPLOAD_MAX_BYTES"),
            max_pages=intake_setting("RESUME_MAX_PAGES"),
        )
    except UploadRejected as rejected:
        raise ResumeRefused.from_rejection(rejected) from rejected
    object.__setattr__(resume, "_check", check)  # the upload is frozen; its check is not part of it
    return check
