"""Campus talks on the career site: the list by city and school, and registration with a QR ticket by
email. ``campus.talks.talk_register`` decides everything; this page only shows its answer."""

from __future__ import annotations

from itertools import groupby

from django.core import signing
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django_ratelimit.core import is_ratelimited

from talentdrive.audit.actors import PUBLIC
from talentdrive.campus.errors import CampusRefused
from talentdrive.campus.selectors import talk_list_public
from talentdrive.campus.talks import graduation_years, talk_register
from talentdrive.candidates.consent import current_consent
from talentdrive.portal.language import negotiated
from talentdrive.portal.talk_forms import TalkRegistrationForm

_REGISTERED_SALT = "talentdrive.portal.talk_registered"


@negotiated
def talk_list(request: HttpRequest) -> HttpResponse:
    # Students look for talks they can still attend; one that is over stays reachable by its address.
    talks = list(
        talk_list_public()
        .filter(ends_at__gte=timezone.now())
        .order_by("city__code", "school", "starts_at", "pk")
    )
    cities = sorted({(t.city.code, t.city.name) for t in talks})
    chosen = request.GET.get("city", "")
    if chosen:
        talks = [t for t in talks if t.city.code == chosen]
    groups = [
        (city, [(school, list(by_school)) for school, by_school in groupby(items, key=lambda t: t.school)])
        for city, items in groupby(talks, key=lambda t: t.city)
    ]
    return render(request, "portal/talks.html", {"groups": groups, "cities": cities, "chosen": chosen})


def _talk(pk: int):  # type: ignore[no-untyped-def]
    talk = talk_list_public().filter(pk=pk).first()
    if talk is None:
        raise Http404("no such campus talk")
    return talk


def talk_register_view(request: HttpRequest, pk: int) -> HttpResponse:
    talk = _talk(pk)
    language = get_language() or "en"
    low, high = graduation_years()
    context = {
        "talk": talk,
        "consent_text": current_consent().text_for(language),
        "seats_left": max(0, talk.capacity - talk.registered),
        "years": (low, high),
    }
    if request.method != "POST":
        context["form"] = TalkRegistrationForm()
        return render(request, "portal/talk_register.html", context)
    form = TalkRegistrationForm(request.POST)
    context["form"] = form
    limited = is_ratelimited(
        request, group="portal.talk.ip", key="ip", rate="30/m", method="POST", increment=True
    )
    if limited:
        form.add_error(
            None, _("Too many registrations from here in a short time. Wait a minute and try again.")
        )
        return render(request, "portal/talk_register.html", context, status=429)
    if not form.is_valid():
        return render(request, "portal/talk_register.html", context, status=400)
    try:
        outcome = talk_register(
            talk_id=talk.pk,
            full_name=form.cleaned_data["full_name"],
            email=form.cleaned_data["email"],
            school=form.cleaned_data["school"],
            graduation_year=form.cleaned_data["graduation_year"],
            consent_version=form.cleaned_data["consent_version"],
            language=language,
            ticket_base_url=request.build_absolute_uri("/"),
            actor=PUBLIC,
        )
    except CampusRefused as refused:
        form.add_error(refused.field if refused.field in form.fields else None, str(refused.message))
        return render(request, "portal/talk_register.html", context, status=409)
    # The same page for a first and a repeated registration: the ticket goes to the address given.
    token = signing.dumps({"t": outcome.registration.talk_id}, salt=_REGISTERED_SALT)
    return redirect(reverse("portal:talk_registered", kwargs={"token": token}))


@never_cache
def talk_registered(request: HttpRequest, token: str) -> HttpResponse:
    try:
        data = signing.loads(token, salt=_REGISTERED_SALT, max_age=60 * 60 * 24)
    except signing.BadSignature as error:
        raise Http404("unknown registration") from error
    return render(request, "portal/talk_registered.html", {"talk": _talk(int(data.get("t", 0)))})
