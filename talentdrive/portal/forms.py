"""The apply form of the career site: the applicant's details as the domain takes them, plus what a
page needs (a key naming one submission, a trap for robots, a kind word for an expired page)."""

from __future__ import annotations

import uuid
from typing import Any

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from talentdrive.candidates.consent import current_consent
from talentdrive.pipeline.forms import ApplicantForm
from talentdrive.pipeline.models import Source

# The sources a person may pick; integrations name themselves.
PORTAL_SOURCES = [c for c in Source.choices if c[0] not in (Source.API, Source.KIOSK)]


class ApplyForm(ApplicantForm):
    submission_key = forms.CharField(widget=forms.HiddenInput, max_length=100)
    # People never see or fill this field; form-filling robots do.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("consent_version", current_consent().version)
            self.initial.setdefault("submission_key", uuid.uuid4().hex)
        source = self.fields["source"]
        assert isinstance(source, forms.ChoiceField)
        source.choices = [("", _("Choose…")), *PORTAL_SOURCES]
        autocomplete = {"full_name": "name", "email": "email", "phone": "tel", "school": "organization"}
        for name, value in autocomplete.items():
            self.fields[name].widget.attrs["autocomplete"] = value
        phone = self.fields["phone"].widget
        assert isinstance(phone, forms.TextInput)
        phone.input_type = "tel"

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        stale = [name for name in ("submission_key", "consent_version") if name in self.errors]
        if stale:
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
