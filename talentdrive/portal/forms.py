"""The apply form: what a candidate types, checked field by field in the candidate's language."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from talentdrive.candidates.consent import current_consent
from talentdrive.candidates.normalise import normalise_phone
from talentdrive.pipeline.core.uploads import UploadRejected, check_resume_upload
from talentdrive.pipeline.intake import ApplicantDetails, ResumeUpload, intake_setting
from talentdrive.pipeline.models import Source
from talentdrive.plans.models import City, Degree

UPLOAD_MESSAGES = {
    "empty": _("The file is empty. Choose your resume file again."),
    "too_large": _("The file is larger than %(mb)s MB. Save it smaller (for example as PDF) and try again."),
    "extension": _("Upload your resume as a PDF, Word (.docx) or text (.txt) file."),
    "type_mismatch": _("The file's content does not match its name. Upload a real PDF, .docx or .txt file."),
    "unreadable": _("The file cannot be opened. Save it again as PDF and upload that."),
    "too_many_pages": _("The resume has more than %(pages)s pages. Shorten it and try again."),
}


def upload_message(code: str) -> str:
    """The sentence for a refused upload, with the configured limits filled in."""
    message = str(UPLOAD_MESSAGES.get(code, UPLOAD_MESSAGES["unreadable"]))
    if "%(" not in message:
        return message
    return message % {
        "mb": intake_setting("UPLOAD_MAX_BYTES") // (1024 * 1024),
        "pages": intake_setting("RESUME_MAX_PAGES"),
    }


class ApplyForm(forms.Form):
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
        choices=[("", _("Choose…"))] + [c for c in Degree.choices if c[0] != Degree.NONE],
    )
    graduation_date = forms.DateField(
        label=_("Graduation date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
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
    source = forms.ChoiceField(
        label=_("How did you hear about this role?"),
        required=False,
        choices=[("", _("Choose…"))] + [c for c in Source.choices if c[0] not in ("api", "kiosk")],
    )
    consent = forms.BooleanField(
        label=_("I agree to the processing of my personal data as described above."),
        error_messages={
            "required": _("Tick the box to agree; without it we cannot process your application.")
        },
    )
    consent_version = forms.CharField(widget=forms.HiddenInput)
    submission_key = forms.CharField(widget=forms.HiddenInput, max_length=100)
    # People never see or fill this field; form-filling robots do.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(
        self,
        *args,
        campus: bool = False,
        integration: bool = False,
        graduation_window: tuple[dt.date | None, dt.date | None] = (None, None),
        **kwargs,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.campus = campus
        self.integration = integration
        self.graduation_window = graduation_window
        cities = self.fields["preferred_cities"]
        assert isinstance(cities, forms.MultipleChoiceField)
        cities.choices = [(c.code, c.name) for c in City.objects.all()]
        if not self.is_bound:
            self.initial.setdefault("consent_version", current_consent().version)
            self.initial.setdefault("submission_key", uuid.uuid4().hex)
        if integration:
            # Integrations (a kiosk, a partner) may name themselves as the source.
            source = self.fields["source"]
            assert isinstance(source, forms.ChoiceField)
            source.choices = [("", "")] + list(Source.choices)
        for name in ("school", "degree", "graduation_date"):
            self.fields[name].required = campus
        autocomplete = {"full_name": "name", "email": "email", "phone": "tel", "school": "organization"}
        for name, value in autocomplete.items():
            self.fields[name].widget.attrs["autocomplete"] = value
        self.fields["phone"].widget.input_type = "tel"

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        stale = [name for name in ("submission_key", "consent_version") if name in self.errors]
        if stale and not self.integration:
            # A hidden field the candidate cannot see or fix (a page kept open for long, a stale
            # copy): say so in words and give fresh values, so submitting again just works.
            for name in stale:
                del self.errors[name]
            data = self.data.copy() if isinstance(self.data, QueryDict) else dict(self.data)
            data["submission_key"] = uuid.uuid4().hex
            data["consent_version"] = current_consent().version
            self.data = data
            raise forms.ValidationError(
                _("This form has expired. Please check your details and submit it again."), code="expired"
            )
        return cleaned

    @property
    def is_robot(self) -> bool:
        return bool(self.data.get("website"))

    def clean_phone(self) -> str:
        phone = self.cleaned_data["phone"]
        if not normalise_phone(phone):
            raise forms.ValidationError(
                _("This is not a valid phone number. Example: 138 0013 8000, or +44 20 7946 0958.")
            )
        return phone

    def clean_graduation_date(self) -> dt.date | None:
        value = self.cleaned_data.get("graduation_date")
        if value is not None and not dt.date(1950, 1, 1) <= value <= dt.date(2040, 12, 31):
            raise forms.ValidationError(_("Enter a graduation date between 1950 and 2040."))
        start, end = self.graduation_window
        if self.campus and value is not None and ((start and value < start) or (end and value > end)):
            raise forms.ValidationError(
                _("This campus role is for graduates from %(start)s to %(end)s.")
                % {
                    "start": start.strftime("%Y-%m") if start else "…",
                    "end": end.strftime("%Y-%m") if end else "…",
                }
            )
        return value

    def clean_resume(self) -> ResumeUpload:
        upload = self.cleaned_data["resume"]
        max_bytes = intake_setting("UPLOAD_MAX_BYTES")
        if upload.size > max_bytes:
            raise forms.ValidationError(upload_message("too_large"))
        content = upload.read()
        pages = intake_setting("RESUME_MAX_PAGES")
        try:
            check_resume_upload(filename=upload.name, content=content, max_bytes=max_bytes, max_pages=pages)
        except UploadRejected as rejected:
            raise forms.ValidationError(upload_message(rejected.code)) from rejected
        return ResumeUpload(filename=upload.name, content=content)

    def applicant(self, *, language: str, source_default: str = "portal") -> ApplicantDetails:
        data = self.cleaned_data
        return ApplicantDetails(
            full_name=data["full_name"],
            email=data["email"],
            phone=data["phone"],
            language=language,
            consent_version=data["consent_version"],
            school=data.get("school") or "",
            degree=data.get("degree") or "",
            graduation_date=data.get("graduation_date"),
            preferred_cities=tuple(data.get("preferred_cities") or ()),
            referral_code=data.get("referral_code") or "",
            source=data.get("source") or source_default,
        )
