"""The apply form of the career site: the applicant's details as the domain takes them, plus what a
page needs (a key naming one submission, a trap for robots, a kind word for an expired page)."""

from __future__ import annotations

import calendar
import datetime as dt
import uuid
from typing import Any

from django import forms
from django.http import QueryDict
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.translation import gettext_lazy as _

from talentdrive.candidates.consent import current_consent
from talentdrive.pipeline.forms import ApplicantForm
from talentdrive.pipeline.intake import ResumeUpload
from talentdrive.pipeline.models import Source
from talentdrive.portal.kept import kept_filename, resume_keep, resume_kept

# The sources a person may pick; integrations name themselves.
PORTAL_SOURCES = [c for c in Source.choices if c[0] not in (Source.API, Source.KIOSK)]


class YearMonthWidget(forms.MultiWidget):
    """Two labelled lists, year and month: students know when they graduate to the month."""

    template_name = "portal/widgets/year_month.html"

    def __init__(self, years: list[int]) -> None:
        year_choices = [("", _("Year")), *((str(y), str(y)) for y in years)]
        month_choices = [("", _("Month")), *((str(m), name) for m, name in MONTHS.items())]
        super().__init__((forms.Select(choices=year_choices), forms.Select(choices=month_choices)))

    def value_from_datadict(self, data: Any, files: Any, name: str) -> Any:
        if f"{name}_0" not in data and f"{name}_1" not in data and name in data:
            # One value as the public API takes it (2027-06-30): the exact date, unchanged.
            return data.get(name)
        return super().value_from_datadict(data, files, name)

    def decompress(self, value: dt.date | str | None) -> list[str]:
        if isinstance(value, str):
            parts = value.split("-")
            return [parts[0], parts[1].lstrip("0")] if len(parts) >= 2 else ["", ""]
        return [str(value.year), str(value.month)] if value else ["", ""]

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        for sub, label in zip(context["widget"]["subwidgets"], (_("Year"), _("Month")), strict=True):
            sub["label"] = label
        return context


class GraduationMonthField(forms.MultiValueField):
    """A year and a month, as the first day of that month."""

    def __init__(self, **kwargs: Any) -> None:
        this_year = timezone.localdate().year
        years = list(range(this_year - 6, this_year + 7))
        year = forms.TypedChoiceField(choices=[(str(y), y) for y in years], coerce=int, required=False)
        month = forms.TypedChoiceField(choices=[(str(m), m) for m in MONTHS], coerce=int, required=False)
        kwargs.setdefault("widget", YearMonthWidget(years))
        super().__init__(fields=(year, month), require_all_fields=False, **kwargs)

    def clean(self, value: Any) -> dt.date | None:
        if isinstance(value, str):
            return forms.DateField(required=self.required, error_messages=self.error_messages).clean(value)
        return super().clean(value)

    def compress(self, data_list: list[Any]) -> dt.date | None:
        year, month = (list(data_list) + [None, None])[:2]
        if not year and not month:
            return None
        if not year or not month:
            raise forms.ValidationError(_("Choose both the year and the month."), code="incomplete")
        return dt.date(int(year), int(month), 1)


class ApplyForm(ApplicantForm):
    graduation_date = GraduationMonthField(  # type: ignore[assignment]  # a date, chosen as year and month
        label=_("Graduation (year and month)"),
        required=False,
        help_text=_("Expected month if you have not graduated yet."),
    )
    # A résumé kept from an earlier submission of this page that came back with an error.
    kept_resume = forms.CharField(widget=forms.HiddenInput, required=False)
    submission_key = forms.CharField(widget=forms.HiddenInput, max_length=100)
    # People never see or fill this field; form-filling robots do.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # Labels carry no ASCII colon: the templates place them, and Chinese would need a full-width one.
        kwargs.setdefault("label_suffix", "")
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
        self.kept_token = ""
        self.kept: ResumeUpload | None = None
        if self.is_bound and not (self.files and self.files.get("resume")):
            self.kept = resume_kept(str(self.data.get("kept_resume") or ""))
            if self.kept is not None:
                self.kept_token = str(self.data.get("kept_resume"))
                self.fields["resume"].required = False

    @property
    def kept_name(self) -> str:
        return kept_filename(self.kept_token) if self.kept_token else ""

    def keep_resume(self) -> None:
        """After an error elsewhere: keep the checked résumé so the page need not ask for it again."""
        resume = getattr(self, "cleaned_data", {}).get("resume")
        if "resume" in self.errors or not isinstance(resume, ResumeUpload) or resume is self.kept:
            return
        self.kept_token = resume_keep(resume)

    def clean_resume(self) -> ResumeUpload:
        if not self.cleaned_data.get("resume") and self.kept is not None:
            return self.kept
        return super().clean_resume()

    def clean_graduation_date(self) -> dt.date | None:
        chosen: dt.date | None = self.cleaned_data.get("graduation_date")
        if chosen is None:
            return None
        # A month counts as inside the role's graduation window when any of its days is.
        last = chosen.replace(day=calendar.monthrange(chosen.year, chosen.month)[1])
        start = self.rules.graduation_from
        if start is not None and chosen < start <= last:
            return start
        return chosen

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
