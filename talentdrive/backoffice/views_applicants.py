"""The recruiters' workspace: a requisition's applicants (board and list), one application, its moves.

Thin: the rules are in ``pipeline/access.py`` and the flow, the writes in the pipeline's services.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from talentdrive.accounts.models import User
from talentdrive.backoffice.access import staff_view
from talentdrive.backoffice.forms import id_from_form
from talentdrive.backoffice.profiles import education_rows, skill_words
from talentdrive.backoffice.views_interviews import (
    application_interviewer_page,
    application_interviews_context,
    viewer_zone,
)
from talentdrive.backoffice.views_offers import offers_panel
from talentdrive.backoffice.views_resume import PDF
from talentdrive.campus.selectors import application_talk
from talentdrive.candidates.models import TagColour
from talentdrive.errors import DomainError
from talentdrive.hiring.closing import application_reject, application_withdraw_on_behalf
from talentdrive.hiring.timeline import candidate_timeline
from talentdrive.interviews import access as interview_access
from talentdrive.matching import access as matching_access
from talentdrive.matching.explanations import match_sentences
from talentdrive.matching.selectors import (
    ApplicantMatches,
    MatchIndexMissing,
    MatchIndexUnreadable,
    MatchUnavailable,
    domain_name,
    match_applicants,
    skill_names,
)
from talentdrive.matching.services import MatchIndexBuilding, match_index_serve
from talentdrive.pipeline import access as pipeline_access
from talentdrive.pipeline.core.flow import CLOSED_KINDS, allowed_targets
from talentdrive.pipeline.correspondence import rejection_quiet_period
from talentdrive.pipeline.exporting import application_export_xlsx
from talentdrive.pipeline.flows import flow_for_requisition
from talentdrive.pipeline.models import Application, RejectionReason, Source
from talentdrive.pipeline.models_email import EmailTemplate, EmailTemplateKind
from talentdrive.pipeline.moves import application_move, application_reopen
from talentdrive.pipeline.notes import note_add
from talentdrive.pipeline.search import candidate_tags
from talentdrive.pipeline.selectors import (
    ApplicantFilters,
    application_get,
    application_list,
    email_template_choices,
    requisition_board,
)
from talentdrive.pipeline.tags import candidate_tag_add, candidate_tag_remove
from talentdrive.plans.models import Requisition
from talentdrive.plans.selectors import requisition_get
from talentdrive.resumes import access as resume_access

BULK_LIMIT = 200
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _user(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


def _chinese() -> bool:
    return (get_language() or "en").startswith("zh")


def _stage_label(stage: Any) -> str:
    return stage.name_zh if _chinese() else stage.name_en


def _email_template(request: HttpRequest, kind: str = EmailTemplateKind.REJECTION) -> EmailTemplate | None:
    """The email template the form names (by code), of the kind the action sends; none chosen: None."""
    code = request.POST.get("email_template", "")
    return email_template_choices(kind=kind).filter(code=code).first() if code else None


def _seen_version(request: HttpRequest) -> int:
    """The version of the application the page showed; a form without it cannot prove it is current."""
    version = _version(request)
    if version is None:
        raise _NoReason(_("This page is out of date: reload it and try again."))
    return version


def _version(request: HttpRequest) -> int | None:
    return id_from_form(request.POST.get("version", ""))


@staff_view(pipeline_access.application_can_list)
def requisition_applicants(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        requisition = requisition_get(user=_user(request), requisition_id=pk)
    except Requisition.DoesNotExist as error:
        raise Http404(str(error)) from error
    filters = ApplicantFilters(
        stage=request.GET.get("stage") or None,
        source=request.GET.get("source") or None,
        q=(request.GET.get("q") or "").strip()[:100] or None,
    )
    flow, columns = requisition_board(user=_user(request), requisition=requisition, filters=filters)
    view = "list" if request.GET.get("view") == "list" else "board"
    stage_names = {stage.code: _stage_label(stage) for stage in flow.stages}
    applications = [application for column in columns for application in column.applications]
    ranking, ranking_error = _ranking(request, requisition, applications) if view == "list" else (None, "")
    summaries = _summaries(ranking) if ranking is not None else {}
    # Best match first; applicants without a parsed résumé (no score yet) after them, oldest first.
    applications.sort(
        key=lambda a: summaries[a.candidate_id].rank if a.candidate_id in summaries else 1 << 30
    )
    rows = [
        (
            application,
            stage_names.get(application.stage, application.stage),
            summaries.get(application.candidate_id),
        )
        for application in applications
    ]
    context = {
        "nav": "requisitions",
        "requisition": requisition,
        "view": view,
        "columns": [(column, _stage_label(column.stage)) for column in columns],
        "rows": rows,
        "total": len(rows),
        "ranking": ranking,
        "ranking_error": ranking_error,
        "filters": filters,
        "stages": [(stage.code, _stage_label(stage)) for stage in flow.stages],
        "sources": Source.choices,
        "reasons": RejectionReason.objects.filter(active=True),
        "rejection_templates": email_template_choices(),
        "open_targets": [
            (stage.code, _stage_label(stage)) for stage in flow.stages if stage.kind not in CLOSED_KINDS
        ],
        "can_move": pipeline_access.application_can_move(
            _user(request), Application(requisition=requisition)
        ),
    }
    return render(request, "backoffice/applicants.html", context)


@dataclass(frozen=True)
class _Summary:
    """One applicant's line on the ranked list: score, rank among the applicants, the reasons."""

    rank: int
    score: float
    sentences: list[str]


def _ranking(
    request: HttpRequest, requisition: Requisition, applications: list[Application]
) -> tuple[ApplicantMatches | None, str]:
    """The applicants scored among themselves and ""; or None and what the page says instead (nothing
    when the user may not rank, why when the index cannot answer yet)."""
    user = _user(request)
    if not matching_access.match_can_rank(user):
        return None, ""
    try:
        ranking = match_index_serve(
            read=lambda: match_applicants(
                user=user, requisition=requisition, candidate_ids=[a.candidate_id for a in applications]
            ),
            actor=user,
        )
    except MatchUnavailable as error:
        return None, _ranking_problem(error)
    return ranking, ""


def _ranking_problem(error: MatchUnavailable) -> str:
    """What the page says when scores cannot be shown: the index's own state in plain words (it is
    being built or rebuilt, and the request has asked for that), anything else as the reason given."""
    if isinstance(error, MatchIndexMissing | MatchIndexUnreadable | MatchIndexBuilding):
        return _("Scores are being prepared; reload the page in a minute.")
    return _("This requisition cannot be scored: %(reason)s") % {"reason": error}


def _summaries(ranking: ApplicantMatches) -> dict[int, _Summary]:
    names = skill_names()
    domain = domain_name(ranking.requirements.domain)
    return {
        candidate_id: _Summary(
            match.rank, match.score, match_sentences(match, ranking.requirements, names, domain_name=domain)
        )
        for candidate_id, match in ranking.matches.items()
    }


def _application(request: HttpRequest, pk: int) -> Application:
    try:
        return application_get(user=_user(request), application_id=pk)
    except Application.DoesNotExist as error:
        raise Http404(str(error)) from error


@staff_view(pipeline_access.application_page_can_open)
def application_detail(request: HttpRequest, pk: int) -> HttpResponse:
    application = _application(request, pk)
    user = _user(request)
    if interview_access.reads_as_interviewer(user):
        return application_interviewer_page(request, application)
    flow = flow_for_requisition(application.requisition)
    stage_names = {stage.code: _stage_label(stage) for stage in flow.stages}
    passed = {stage.code for stage in flow.passed(application.stage)}
    can_move = pipeline_access.application_can_move(user, application)
    profile = application.resume.profile if application.resume and application.resume.profile else {}
    resume = application.resume
    explanation, ranking_error = _explanation(request, application)
    context = {
        "explanation": explanation,
        "ranking_error": ranking_error,
        "resume_file": resume is not None and bool(resume.file) and resume_access.resume_can_read(user),
        "resume_inline": resume is not None and resume.content_type == PDF,
        "nav": "requisitions",
        "application": application,
        "talk_source": application_talk(application),
        "candidate": application.candidate,
        "stage_name": stage_names.get(application.stage, application.stage),
        "path": [
            (stage.code, _stage_label(stage), stage.code in passed, stage.code == application.stage)
            for stage in flow.stages
            if stage.kind not in CLOSED_KINDS
        ],
        "targets": [
            (stage.code, _stage_label(stage))
            for stage in allowed_targets(flow, application.stage)
            if stage.kind not in CLOSED_KINDS
        ]
        if can_move
        else [],
        "can_move": can_move,
        "reasons": RejectionReason.objects.filter(active=True),
        "rejection_templates": email_template_choices(),
        "move_templates": email_template_choices(kind=EmailTemplateKind.STAGE_CHANGE),
        "profile": profile,
        "skills": skill_words(profile),
        "education": education_rows(profile),
        "resume_text": (application.resume.text[:20000] if application.resume else ""),
        "others": application_list(user=user)
        .filter(candidate=application.candidate)
        .exclude(pk=application.pk)
        .select_related("requisition"),
        "timeline": [
            (
                entry,
                stage_names.get(entry.from_stage, entry.from_stage),
                stage_names.get(entry.to_stage, entry.to_stage),
            )
            for entry in candidate_timeline(
                user=user, candidate=application.candidate, zone=viewer_zone(request)
            )
        ],
        # backoffice/candidate_tags.html
        "tag_links": candidate_tags(candidate=application.candidate),
        "can_tag": pipeline_access.candidate_can_tag(user, application.candidate),
        "tag_colours": TagColour.choices,
        # backoffice/application_offers.html
        **offers_panel(user=user, application=application),
    }
    context.update(application_interviews_context(request, application))
    return render(request, "backoffice/application_detail.html", context)


def _explanation(request: HttpRequest, application: Application) -> tuple[_Summary | None, str]:
    """This applicant's match against the requisition in sentences (None when it cannot be scored, with
    what the page says instead)."""
    ranking, problem = _ranking(request, application.requisition, [application])
    if ranking is None:
        return None, problem
    return _summaries(ranking).get(application.candidate_id), ""


class _NoReason(Exception):
    """A form without what the change needs (a reason, the version the page showed): said on the page
    like a refusal."""


def _act(request: HttpRequest, pk: int, change: Callable[[Application], str]) -> HttpResponse:
    """Run one change on an application the user may read (else 404), then go back to its page saying
    what happened or why not."""
    application = _application(request, pk)
    try:
        messages.success(request, change(application))
    except (DomainError, _NoReason) as error:
        messages.error(request, str(error.message) if isinstance(error, DomainError) else str(error))
    return redirect("backoffice:application_detail", pk=pk)


def _note(request: HttpRequest) -> str:
    return request.POST.get("note", "")[:2000]


@require_POST
@staff_view(pipeline_access.application_can_list)
def application_move_view(request: HttpRequest, pk: int) -> HttpResponse:
    def change(application: Application) -> str:
        moved = application_move(
            application_id=application.pk,
            to_stage=request.POST.get("stage", ""),
            actor=_user(request),
            expected_version=_seen_version(request),
            note=_note(request),
            email_template=_email_template(request, kind=EmailTemplateKind.STAGE_CHANGE),
        )
        stage = flow_for_requisition(moved.requisition).stage(moved.stage)
        return _("Moved to %(stage)s.") % {"stage": _stage_label(stage) if stage else moved.stage}

    return _act(request, pk, change)


@require_POST
@staff_view(pipeline_access.application_can_list)
def application_reject_view(request: HttpRequest, pk: int) -> HttpResponse:
    def change(application: Application) -> str:
        reason = RejectionReason.objects.filter(code=request.POST.get("reason", "")).first()
        if reason is None:
            raise _NoReason(_("Choose a reason for the rejection."))
        template = _email_template(request)
        application_reject(
            application_id=application.pk,
            reason=reason,
            actor=_user(request),
            expected_version=_seen_version(request),
            note=_note(request),
            email_template=template,
        )
        if template is None:
            return _("Rejected: %(reason)s. No email was sent.") % {"reason": reason.name}
        return _(
            "Rejected: %(reason)s. The email to the candidate goes out in %(minutes)s minutes; "
            "reopen the application before then to cancel it."
        ) % {"reason": reason.name, "minutes": int(rejection_quiet_period().total_seconds() // 60)}

    return _act(request, pk, change)


@require_POST
@staff_view(pipeline_access.application_can_list)
def application_reopen_view(request: HttpRequest, pk: int) -> HttpResponse:
    def change(application: Application) -> str:
        application_reopen(
            application_id=application.pk, actor=_user(request), expected_version=_seen_version(request)
        )
        return _("Reopened.")

    return _act(request, pk, change)


@require_POST
@staff_view(pipeline_access.application_can_list)
def application_withdraw_view(request: HttpRequest, pk: int) -> HttpResponse:
    def change(application: Application) -> str:
        application_withdraw_on_behalf(
            application_id=application.pk,
            actor=_user(request),
            expected_version=_seen_version(request),
            note=_note(request),
        )
        return _("Recorded as withdrawn.")

    return _act(request, pk, change)


@require_POST
@staff_view(pipeline_access.candidate_can_read)
def application_note_view(request: HttpRequest, pk: int) -> HttpResponse:
    def change(application: Application) -> str:
        note_add(
            candidate=application.candidate,
            application=application,
            body=request.POST.get("body", ""),
            actor=_user(request),
        )
        return _("Note added.")

    return _act(request, pk, change)


@require_POST
@staff_view(pipeline_access.candidate_can_read)
def application_tag_add_view(request: HttpRequest, pk: int) -> HttpResponse:
    def change(application: Application) -> str:
        link = candidate_tag_add(
            candidate=application.candidate,
            tag_name=request.POST.get("tag", ""),
            colour=request.POST.get("colour", ""),
            actor=_user(request),
        )
        return _("Tagged %(tag)s.") % {"tag": link.tag.name}

    return _act(request, pk, change)


@require_POST
@staff_view(pipeline_access.candidate_can_read)
def application_tag_remove_view(request: HttpRequest, pk: int) -> HttpResponse:
    def change(application: Application) -> str:
        name = request.POST.get("tag", "")
        candidate_tag_remove(candidate=application.candidate, tag_name=name, actor=_user(request))
        return _("Tag %(tag)s removed.") % {"tag": name}

    return _act(request, pk, change)


def _export(request: HttpRequest, requisition: Requisition, ids: list[int]) -> HttpResponse:
    if not pipeline_access.application_can_export(_user(request)):
        messages.error(request, _("Your role does not allow exporting applicants."))
        return redirect("backoffice:requisition_applicants", pk=requisition.pk)
    visible = application_list(user=_user(request)).filter(requisition=requisition, pk__in=ids)
    content = application_export_xlsx(
        requisition=requisition,
        application_ids=list(visible.values_list("pk", flat=True)),
        actor=_user(request),
    )
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="applicants-{requisition.pk}.xlsx"'
    return response


def _back_to_list(request: HttpRequest, pk: int) -> HttpResponse:
    """Back to the list the selection was made on: the same view and filters."""
    url = reverse("backoffice:requisition_applicants", args=[pk])
    query = {name: request.POST.get(f"back_{name}", "")[:100] for name in ("view", "stage", "source", "q")}
    query = {name: value for name, value in query.items() if value}
    return redirect(url + ("?" + urlencode(query) if query else ""))


@require_POST
@staff_view(pipeline_access.application_can_list)
def requisition_applicants_bulk(request: HttpRequest, pk: int) -> HttpResponse:
    """Move, reject or tag a selection at once; each application goes through its own service call, so
    each is checked, audited and refused on its own (a stale or closed one does not stop the rest).
    Export answers with the selection as a spreadsheet instead."""
    try:
        requisition = requisition_get(user=_user(request), requisition_id=pk)
    except Requisition.DoesNotExist as error:
        raise Http404(str(error)) from error
    ids = [number for raw in request.POST.getlist("application") if (number := id_from_form(raw)) is not None]
    ids = ids[:BULK_LIMIT]
    selected = application_list(user=_user(request)).filter(requisition=requisition, pk__in=ids)
    action = request.POST.get("action", "")
    if action == "export" and ids:
        return _export(request, requisition, ids)
    reason = RejectionReason.objects.filter(code=request.POST.get("reason", "")).first()
    template = _email_template(request)
    if action == "reject" and reason is None:
        messages.error(request, _("Choose a reason for the rejection."))
        return _back_to_list(request, pk)
    if action == "tag" and not request.POST.get("tag", "").strip():
        messages.error(request, _("Give the tag a name."))
        return _back_to_list(request, pk)
    done, failures = 0, []
    for application in selected:
        try:
            if action == "reject" and reason is not None:
                application_reject(
                    application_id=application.pk,
                    reason=reason,
                    actor=_user(request),
                    expected_version=id_from_form(request.POST.get(f"version_{application.pk}", "")),
                    email_template=template,
                )
            elif action == "tag":
                candidate_tag_add(
                    candidate=application.candidate,
                    tag_name=request.POST.get("tag", ""),
                    actor=_user(request),
                )
            elif action == "move":
                application_move(
                    application_id=application.pk,
                    to_stage=request.POST.get("stage", ""),
                    actor=_user(request),
                    expected_version=id_from_form(request.POST.get(f"version_{application.pk}", "")),
                )
            else:
                break
            done += 1
        except DomainError as error:
            failures.append(f"{application.candidate.full_name or application.candidate}: {error.message}")
    if done:
        messages.success(request, _("%(count)s applications updated.") % {"count": done})
        if action == "reject" and template is not None:
            messages.info(
                request,
                _(
                    "The emails to the candidates go out in %(minutes)s minutes; reopen an application "
                    "before then to cancel its email."
                )
                % {"minutes": int(rejection_quiet_period().total_seconds() // 60)},
            )
    for failure in failures[:10]:
        messages.error(request, failure)
    if not done and not failures:
        messages.error(request, _("Select applications and an action."))
    return _back_to_list(request, pk)
