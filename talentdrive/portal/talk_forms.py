"""The campus talk registration form: what a student types, as ``campus.talks.talk_register`` takes it."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from talentdrive.candidates.consent import current_consent


class TalkRegistrationForm(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=200)
    email = forms.EmailField(label=_("Email"), max_length=254)
    school = forms.CharField(label=_("School"), max_length=200)
    graduation_year = forms.IntegerField(label=_("Graduation year"), min_value=1900, max_value=2100)
    consent = forms.BooleanField(
        label=_("I agree to the processing of my personal data as described above."),
        error_messages={"required": _("Please agree to the privacy notice to register.")},
    )
    consent_version = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.initial.setdefault("consent_version", current_consent().version)
        self.fields["full_name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs.update({"autocomplete": "email", "inputmode": "email"})
        self.fields["school"].widget.attrs["autocomplete"] = "organization"
        self.fields["graduation_year"].widget.attrs["inputmode"] = "numeric"
