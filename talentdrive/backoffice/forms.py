"""Back-office forms. They validate input only; every write goes through a domain service."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from talentdrive.accounts.models import Role, User
from talentdrive.plans.models import (
    Channel,
    City,
    Degree,
    FocusArea,
    Level,
    PlanLine,
    Requisition,
    RequisitionStatus,
    Team,
)


def id_from_form(raw: str) -> int | None:
    """A row id as a form sends it; anything else (other scripts' digits, a value no row id could
    have) is None rather than an error, so a forged field cannot reach the database as an overflow."""
    return int(raw) if raw.isascii() and raw.isdigit() and len(raw) <= 18 else None


class RequisitionFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    city = forms.ChoiceField(label=_("City"), required=False)
    channel = forms.ChoiceField(label=_("Channel"), required=False)
    area = forms.ChoiceField(label=_("Focus area"), required=False)
    team = forms.ChoiceField(label=_("Team"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        anything = [("", _("Any"))]
        cast(forms.ChoiceField, self.fields["city"]).choices = anything + [
            (c.code, c.name) for c in City.objects.all()
        ]
        cast(forms.ChoiceField, self.fields["channel"]).choices = anything + list(Channel.choices)
        cast(forms.ChoiceField, self.fields["area"]).choices = anything + [
            (a.code, a.name) for a in FocusArea.objects.all()
        ]
        cast(forms.ChoiceField, self.fields["team"]).choices = anything + [
            (t.code, t.name) for t in Team.objects.all()
        ]
        cast(forms.ChoiceField, self.fields["status"]).choices = anything + list(RequisitionStatus.choices)


def _split_skills(value: str) -> list[str]:
    parts = [part.strip() for chunk in value.splitlines() for part in chunk.replace("，", ",").split(",")]
    return [part for part in parts if part]


class RequisitionForm(forms.Form):
    plan_line = forms.ModelChoiceField(label=_("Plan line"), queryset=PlanLine.objects.none())
    external_id = forms.CharField(label=_("External id"), max_length=80)
    title_zh = forms.CharField(label=_("Title (Chinese)"), max_length=200)
    title_en = forms.CharField(label=_("Title (English)"), max_length=200)
    description_zh = forms.CharField(label=_("Description (Chinese)"), widget=forms.Textarea, required=False)
    description_en = forms.CharField(label=_("Description (English)"), widget=forms.Textarea, required=False)
    level = forms.ChoiceField(label=_("Level"), choices=Level.choices, initial=Level.ENGINEER)
    headcount = forms.IntegerField(label=_("Headcount"), min_value=1, initial=1)
    cities = forms.ModelMultipleChoiceField(
        label=_("Other cities"),
        queryset=City.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The plan line's city is always included."),
    )
    must_skills = forms.CharField(
        label=_("Must-have skills"), required=False, help_text=_("Comma-separated skill names or ids.")
    )
    nice_skills = forms.CharField(label=_("Nice-to-have skills"), required=False)
    domain = forms.CharField(
        label=_("Industry domain"), required=False, max_length=60, help_text=_("For example: healthcare")
    )
    min_degree = forms.ChoiceField(label=_("Minimum degree"), choices=Degree.choices, initial=Degree.NONE)
    min_years = forms.IntegerField(label=_("Minimum years of experience"), min_value=0, initial=0)
    graduation_from = forms.DateField(
        label=_("Graduating from"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    graduation_to = forms.DateField(
        label=_("Graduating until"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    programme_eligible = forms.BooleanField(
        label=_("Eligible for the elite talent programme"), required=False
    )
    hiring_manager = forms.ModelChoiceField(
        label=_("Hiring manager"), queryset=User.objects.none(), required=False
    )
    recruiters = forms.ModelMultipleChoiceField(
        label=_("Recruiters"), queryset=User.objects.none(), required=False
    )
    open_now = forms.BooleanField(
        label=_("Open it now"),
        required=False,
        help_text=_("A draft does not count against the plan; an open requisition does."),
    )
    override_reason = forms.CharField(
        label=_("Override the plan target, with this reason"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text=_("Administrators only: leave empty unless the headcount must exceed the plan line."),
    )

    def __init__(
        self,
        *args: Any,
        plan_lines: QuerySet[PlanLine],
        allow_override: bool,
        editing: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        plan_line_field = cast(forms.ModelChoiceField, self.fields["plan_line"])
        plan_line_field.queryset = plan_lines.select_related("city", "focus_area", "team")
        plan_line_field.label_from_instance = _plan_line_label  # type: ignore[method-assign,assignment]
        staff = User.objects.filter(is_active=True).order_by("username")
        cast(forms.ModelChoiceField, self.fields["hiring_manager"]).queryset = staff.filter(
            Q(role=Role.HIRING_MANAGER) | Q(role=Role.ADMIN)
        )
        cast(forms.ModelMultipleChoiceField, self.fields["recruiters"]).queryset = staff.filter(
            role=Role.RECRUITER
        )
        if not allow_override:
            del self.fields["override_reason"]
        if editing:
            # A requisition stays under its plan line and keeps its id; both are fixed at creation.
            # Its status changes through the status buttons, each with a reason.
            del self.fields["plan_line"]
            del self.fields["external_id"]
            del self.fields["open_now"]

    def clean_must_skills(self) -> list[str]:
        return _split_skills(self.cleaned_data.get("must_skills") or "")

    def clean_nice_skills(self) -> list[str]:
        return _split_skills(self.cleaned_data.get("nice_skills") or "")

    def service_fields(self) -> dict[str, Any]:
        """The cleaned values named as the requisition services expect them."""
        data = dict(self.cleaned_data)
        for name in (
            "plan_line",
            "external_id",
            "headcount",
            "cities",
            "recruiters",
            "override_reason",
            "open_now",
        ):
            data.pop(name, None)
        return data

    @staticmethod
    def initial_from(requisition: Requisition) -> dict[str, Any]:
        return {
            "title_zh": requisition.title_zh,
            "title_en": requisition.title_en,
            "description_zh": requisition.description_zh,
            "description_en": requisition.description_en,
            "level": requisition.level,
            "headcount": requisition.headcount,
            "cities": list(requisition.cities.all()),
            "must_skills": ", ".join(requisition.must_skills),
            "nice_skills": ", ".join(requisition.nice_skills),
            "domain": requisition.domain,
            "min_degree": requisition.min_degree,
            "min_years": requisition.min_years,
            "graduation_from": requisition.graduation_from,
            "graduation_to": requisition.graduation_to,
            "programme_eligible": requisition.programme_eligible,
            "hiring_manager": requisition.hiring_manager,
            "recruiters": list(requisition.recruiters.all()),
        }


def _plan_line_label(line: PlanLine) -> str:
    return f"{line.external_id} · {line.city.name} · {line.get_channel_display()} · {line.focus_area.name} · {line.team.name} ({line.target})"  # noqa: E501


class StatusChangeForm(forms.Form):
    status = forms.ChoiceField(choices=RequisitionStatus.choices)
    reason = forms.CharField(label=_("Reason"), max_length=1000, required=False)
    # Opening a draft commits its headcount; an administrator may exceed the plan line's target.
    override_reason = forms.CharField(max_length=1000, required=False)


class ImportForm(forms.Form):
    KIND_CHOICES = (("plan", _("Plan lines")), ("requisitions", _("Requisitions")))

    kind = forms.ChoiceField(label=_("What the file holds"), choices=KIND_CHOICES)
    drive = forms.ChoiceField(label=_("Drive"), required=False)
    file = forms.FileField(label=_("CSV or XLSX file"))

    def __init__(self, *args: Any, drives: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["drive"]).choices = drives
