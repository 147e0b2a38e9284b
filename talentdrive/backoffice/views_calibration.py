"""Calibration and batch offers: a requisition's interviewed applicants with their scorecards side by
side, and one package drafted for the chosen ones within the plan line's remaining headcount. Thin:
rules in ``campus/access.py`` and ``offers/access.py``, the table in ``campus/calibration.py``, writes in
``offers/batch.py``."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from talentdrive.accounts.models import User
from talentdrive.backoffice.access import staff_view
from talentdrive.backoffice.forms import id_from_form
from talentdrive.campus import access as campus_access
from talentdrive.campus.calibration import calibration_offers_draft, requisition_calibration, tally_text
from talentdrive.offers.batch import OfferTerms, plan_line_remaining
from talentdrive.offers.errors import OfferBatchRefused
from talentdrive.offers.models import MONEY_MAX, SalaryBand
from talentdrive.plans.models import City, Level, Requisition
from talentdrive.plans.selectors import requisition_get


def _user(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


class BatchOfferForm(forms.Form):
    level = forms.ChoiceField(label=gettext_lazy("Level"), choices=Level.choices)
    salary = forms.IntegerField(
        label=gettext_lazy("Yearly base salary (CNY)"), min_value=1, max_value=MONEY_MAX
    )
    sign_on_bonus = forms.IntegerField(
        label=gettext_lazy("Sign-on bonus (CNY)"), min_value=0, max_value=MONEY_MAX, initial=0
    )
    start_date = forms.DateField(
        label=gettext_lazy("Start date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    city = forms.ModelChoiceField(label=gettext_lazy("City"), queryset=City.objects.none())
    expires_on = forms.DateField(
        label=gettext_lazy("Offers expire on"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    submit_now = forms.BooleanField(
        label=gettext_lazy("Submit each offer for approval at once"), required=False, initial=True
    )

    def __init__(self, *args: Any, requisition: Requisition, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["city"].queryset = requisition.cities.all()  # type: ignore[attr-defined]


def _selected(request: HttpRequest) -> list[int]:
    return [pk for pk in (id_from_form(raw) for raw in request.POST.getlist("application")) if pk is not None]


def _row_salaries(request: HttpRequest, ids: list[int]) -> tuple[dict[int, int], list[str]]:
    """Each selected applicant's own salary, when one was typed beside them; what could not be read."""
    salaries: dict[int, int] = {}
    problems: list[str] = []
    for pk in ids:
        raw = request.POST.get(f"salary_{pk}", "").strip().replace(",", "")
        if not raw:
            continue
        value = id_from_form(raw)
        if value is None or not 1 <= value <= MONEY_MAX:
            problems.append(
                _(
                    "The salary beside application #%(id)s is not a whole number of CNY up to 100,000,000: %(value)s"
                )
                % {"id": pk, "value": raw[:20]}
            )
        else:
            salaries[pk] = value
    return salaries, problems


@staff_view(campus_access.calibration_can_list)
def requisition_calibration_view(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    try:
        requisition = requisition_get(user=user, requisition_id=pk)
    except Requisition.DoesNotExist as error:
        raise Http404(str(error)) from error
    if not campus_access.calibration_can_read(user, requisition):
        raise PermissionDenied("you may not read this requisition's calibration")
    if request.method == "POST" and not campus_access.calibration_can_batch(user, requisition):
        raise PermissionDenied("you may read this calibration but not draft offers from it")
    band = SalaryBand.objects.filter(level=requisition.level, city_id=requisition.plan_line.city_id).first()
    initial = {
        "salary": band.salary_min if band else None,
        "level": requisition.level,
        "city": requisition.plan_line.city_id,
        "expires_on": timezone.localdate() + dt.timedelta(days=14),
        "start_date": timezone.localdate() + dt.timedelta(days=60),
        "submit_now": True,
    }
    form = BatchOfferForm(request.POST or None, requisition=requisition, initial=initial)
    selected = _selected(request) if request.method == "POST" else []
    row_refusals: list[Any] = []
    if request.method == "POST":
        salaries, problems = _row_salaries(request, selected)
        for problem in problems:
            form.add_error(None, problem)
        if form.is_valid() and not problems:
            data = form.cleaned_data
            terms = OfferTerms(
                level=data["level"],
                salary=data["salary"],
                sign_on_bonus=data["sign_on_bonus"],
                start_date=data["start_date"],
                city=data["city"],
                expires_on=data["expires_on"],
            )
            try:
                offers = calibration_offers_draft(
                    user=user,
                    requisition=requisition,
                    application_ids=selected,
                    terms=terms,
                    salaries=salaries,
                    submit=data["submit_now"],
                )
            except OfferBatchRefused as refusal:
                form.add_error(None, str(refusal.message))
                row_refusals = list(refusal.rows)
            else:
                if data["submit_now"]:
                    text = _("%(count)s offers drafted and submitted for approval.")
                else:
                    text = _("%(count)s offers drafted; submit each for approval when it is ready.")
                messages.success(request, text % {"count": len(offers)})
                return redirect("backoffice:requisition_calibration", pk=requisition.pk)
    table = requisition_calibration(user=user, requisition=requisition)
    plan_line = requisition.plan_line
    posted = {pk: request.POST.get(f"salary_{pk}", "")[:20] for pk in selected}
    rows = [
        {
            "row": row,
            "tally": tally_text(row.tally),
            "rounds": [row.rounds.get(code, []) for code in table.round_codes],
            "attributes": [row.attribute_means.get(code) for code, _name in table.attributes],
            "salary": posted.get(row.application.pk, ""),
        }
        for row in table.rows
    ]
    context = {
        "nav": "requisitions",
        "requisition": requisition,
        "table": table,
        "round_names": [table.round_names[code] for code in table.round_codes],
        "rows": rows,
        "remaining": plan_line_remaining(plan_line=plan_line),
        "plan_line": plan_line,
        "band": band,
        "form": form,
        "can_batch": any(row.can_offer for row in table.rows),
        "selected": set(selected),
        "row_refusals": row_refusals,
    }
    return render(request, "backoffice/campus/calibration.html", context)
