"""The details of one applicant as every way in receives them (the portal's form, the public API).

The fields check what was typed (an email address, a phone number, a date, a real resume file); the
requisition's rules (campus education, graduation window) come from ``pipeline.rules``, the very
check ``application_submit`` makes, so the form only shows them field by field, all at once.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from talentdrive.candidates.models_groups import Gender
from talentdrive.candidates.normalise import normalise_phone
from talentdrive.errors import DomainError
from talentdrive.pipeline.errors import ResumeRefused
from talentdrive.pipeline.intake import ApplicantDetails, ResumeUpload, intake_setting
from talentdrive.pipeline.models import Source
from talentdrive.pipeline.rules import (
    DEGREES,
    EDUCATION_FIELDS,
    ApplicationRules,
    applicant_problems,
    resume_check,
)
from talentdrive.plans.models import City, Degree


def validation_error(error: DomainError) -> forms.ValidationError:
    """A domain error as a form shows it: its translated message under its code."""
    return forms.ValidationError(error.message, code=error.code)


def _city_choices() -> list[tuple[str, str]]:
    return [(c.code, c.name) for c in City.objects.all()]


class ApplicantForm(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=200)
    email = forms.EmailField(label=_("Email"), max_length=254)
    phone = forms.CharField(
        label=_("Mobile phone"),
        max_length=32,
        help_text=_("Chinese mobile numbers need no +86; other countries start with + and the country code."),
    )
    resume = forms.FileField(
        label=_("Resume"),
        help_text=_("PDF, Word (.docx) or text, at most 10 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.docx,.txt"}),
    )
    school = forms.CharField(label=_("School or university"), max_length=200, required=False)
    degree = forms.ChoiceField(
        label=_("Degree"),
        required=False,
        choices=[("", _("Choose…"))] + [c for c in Degree.choices if c[0] in DEGREES],
    )
    graduation_date = forms.DateField(
        label=_("Graduation date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Expected date if you have not graduated yet."),
    )
    preferred_cities = forms.MultipleChoiceField(
        label=_("Preferred cities"), required=False, widget=forms.CheckboxSelectMultiple, choices=[]
    )
    referral_code = forms.CharField(
        label=_("Referral code"),
        max_length=40,
        required=False,
        help_text=_("If an employee referred you."),
    )
    # Integrations (a kiosk, a partner) may name themselves as the source.
    source = forms.ChoiceField(
        label=_("How did you hear about this role?"),
        required=False,
        choices=[("", _("Choose…"))] + list(Source.choices),
    )
    gender = forms.ChoiceField(
        label=_("Gender (optional)"),
        required=False,
        choices=[("", _("Prefer not to say"))] + list(Gender.choices),
        help_text=_(
            "Only to check that our screening treats women and men alike. Kept apart from your application, "
            "never shown to interviewers, never used to score or rank you; answering or not changes nothing."
        ),
    )
    consent = forms.BooleanField(
        label=_("I agree to the processing of my personal data as described above."),
        error_messages={
            "required": _("Tick the box to agree; without it we cannot process your application.")
        },
    )
    consent_version = forms.CharField(widget=forms.HiddenInput)
    talent_pool = forms.BooleanField(
        label=_(
            "Keep my details in the talent pool so I can be considered for other roles later (optional)."
        ),
        required=False,
    )

    def __init__(self, *args: Any, rules: ApplicationRules, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.rules = rules
        cities = self.fields["preferred_cities"]
        assert isinstance(cities, forms.MultipleChoiceField)
        # Read when the list is shown or a chosen city is checked, not for every submission.
        cities.choices = _city_choices
        for name in EDUCATION_FIELDS:
            # What the requisition's rules require is marked (and refused empty) as required.
            self.fields[name].required = name in rules.required_fields

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        problems = applicant_problems(
            rules=self.rules,
            school=cleaned.get("school") or "",
            degree=cleaned.get("degree") or "",
            graduation_date=cleaned.get("graduation_date"),
        )
        for problem in problems:
            # A field already refused (a date that is no date) is not blamed twice.
            if problem.field not in self.errors:
                self.add_error(problem.field, validation_error(problem))
        return cleaned

    def clean_phone(self) -> str:
        phone = self.cleaned_data["phone"]
        if not normalise_phone(phone):
            raise forms.ValidationError(
                _("This is not a valid phone number. Example: 138 0013 8000, or +44 20 7946 0958."),
                code="phone",
            )
        return phone

    def clean_resume(self) -> ResumeUpload:
        upload = self.cleaned_data["resume"]
        if upload.size > intake_setting("UPLOAD_MAX_BYTES"):
            # Refused before the file is read into memory.
            raise validation_error(ResumeRefused("too_large"))
        resume = ResumeUpload(filename=upload.name, content=upload.read())
        try:
            resume_check(resume)
        except ResumeRefused as refused:
            raise validation_error(refused) from refused
        return resume

    def applicant(self, *, language: str, source_default: str) -> ApplicantDetails:
        data = self.cleaned_data
        return ApplicantDetails(
            full_name=data["full_name"],
            email=data["email"],
            phone=data["phone"],
            language=language,
            consent_version=data["consent_version"],
            talent_pool=bool(data.get("talent_pool")),
            school=data.get("school") or "",
            degree=data.get("degree") or "",
            graduation_date=data.get("graduation_date"),
            preferred_cities=tuple(data.get("preferred_cities") or ()),
            referral_code=data.get("referral_code") or "",
            source=data.get("source") or source_default,
            gender=data.get("gender") or "",
        )

    def add_domain_error(self, error: DomainError) -> None:
        """Show a refusal of the service: under its field when it names one of this form's, else on top."""
        problems = getattr(error, "problems", None) or (error,)
        for problem in problems:
            field = problem.field if problem.field in self.fields else None
            self.add_error(field, validation_error(problem))
