"""The ranked candidate list on a requisition's page (an htmx fragment), with every reason shown."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from talentdrive.accounts.models import User
from talentdrive.backoffice.access import staff_view
from talentdrive.matching import access as matching_access
from talentdrive.matching.explanations import degree_words, match_sentences, score_parts
from talentdrive.matching.selectors import (
    CandidateFilters,
    MatchUnavailable,
    domain_name,
    match_candidates,
    skill_names,
)
from talentdrive.matching.services import match_index_serve
from talentdrive.pipeline.selectors import application_list
from talentdrive.plans import access as plans_access
from talentdrive.plans.models import Requisition

DEFAULT_K = 20
MAX_K = 100


@staff_view(matching_access.match_can_rank)
def requisition_matching(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    try:
        k = max(1, min(int(request.GET.get("k", DEFAULT_K)), MAX_K))
    except ValueError:
        k = DEFAULT_K
    hard = tuple(rule for rule in request.GET.getlist("hard") if rule in ("degree", "years"))
    cities = tuple(c for c in request.GET.getlist("city") if c)
    context: dict[str, object] = {"k": k, "hard": hard, "requisition_id": pk}
    try:
        result = match_index_serve(
            read=lambda: match_candidates(
                user=user, requisition_id=pk, k=k, filters=CandidateFilters(hard=hard, cities=cities)
            ),
            actor=user,
        )
    except Requisition.DoesNotExist as error:
        raise Http404(str(error)) from error
    except MatchUnavailable as error:
        context["error"] = str(error)
        return render(request, "backoffice/matching/ranked_list.html", context)
    names = skill_names()
    domain = domain_name(result.requirements.domain)
    # Who already applied to this requisition (no invitation for them), and a name links to the
    # person's newest application the user may read (none: not a link): one read of those applications.
    applied: set[str] = set()
    newest: dict[str, int] = {}
    for candidate_id, application_id, requisition_id in (
        application_list(user=user)
        .filter(candidate_id__in=[int(m.key) for m in result.ranking.matches])
        .order_by("candidate_id", "-created_at", "-pk")
        .values_list("candidate_id", "pk", "requisition_id")
    ):
        newest.setdefault(str(candidate_id), application_id)
        if requisition_id == pk:
            applied.add(str(candidate_id))
    rows = [
        (
            match,
            result.candidates.get(match.key),
            [names.get(s, s) for s in match.missing_must],
            [(s, _quote(s.name, s.mentions)) for s in match.matched_must],
            match_sentences(match, result.requirements, names, domain_name=domain),
            score_parts(match),
            degree_words(match.degree),
            newest.get(match.key),
            match.key in applied,
        )
        for match in result.ranking.matches
    ]
    context.update(
        {
            "result": result,
            "rows": rows,
            "requirements": result.requirements,
            "must_names": [names.get(s, s) for s in result.requirements.must],
            "domain_name": domain,
            "can_invite": plans_access.requisition_can_change_any(user)
            and plans_access.requisition_can_edit(user, result.requisition),
            "min_degree": degree_words(result.requirements.min_degree),
            "nice_names": [names.get(s, s) for s in result.requirements.nice],
            "index_age_minutes": int(result.index_age_seconds // 60),
        }
    )
    return render(request, "backoffice/matching/ranked_list.html", context)


def _quote(name: str, mentions: tuple[str, ...]) -> str:
    """The first mention worth quoting: one that says more than the skill's own name."""
    for mention in dict.fromkeys(m.strip() for m in mentions):
        if mention and mention.casefold() != name.casefold():
            return mention
    return ""
