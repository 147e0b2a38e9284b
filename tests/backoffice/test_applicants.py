"""The recruiters' workspace: a requisition's applicants, one application, its moves and notes."""

from __future__ import annotations

import pytest
from django.urls import reverse

from talentdrive.pipeline.models import Note, StageChange
from tests.factories import make_application, make_candidate, make_requisition

pytestmark = pytest.mark.django_db


@pytest.fixture
def requisition(drive, team, staff):
    requisition = make_requisition(drive=drive, team=team, channel="campus", area="agents")
    requisition.recruiters.add(staff["recruiter"])
    return requisition


@pytest.fixture
def applicants(requisition):
    return [
        make_application(requisition=requisition, candidate=make_candidate(full_name="Li Lei"), source="portal"),
        make_application(requisition=requisition, candidate=make_candidate(full_name="Han Meimei"), stage="technical_1"),
        make_application(requisition=requisition, candidate=make_candidate(full_name="Wang Fang"), stage="rejected"),
    ]  # fmt: skip


def test_the_board_has_a_column_per_stage_with_counts(client, staff, requisition, applicants):
    client.force_login(staff["recruiter"])
    response = client.get(reverse("backoffice:requisition_applicants", args=[requisition.pk]))
    columns = {column.stage.code: column.count for column, _ in response.context["columns"]}
    assert columns["applied"] == 1 and columns["technical_1"] == 1 and columns["rejected"] == 1
    assert list(columns)[:3] == ["applied", "online_assessment", "technical_1"]
    assert "Han Meimei" in response.content.decode()


def test_the_list_filters_by_name_and_stage(client, staff, requisition, applicants):
    client.force_login(staff["recruiter"])
    url = reverse("backoffice:requisition_applicants", args=[requisition.pk])
    named = client.get(url, {"view": "list", "q": "meimei"}).context["rows"]
    staged = client.get(url, {"view": "list", "stage": "rejected"}).context["rows"]
    assert [a.candidate.full_name for a, _, _ in named] == ["Han Meimei"]
    assert [a.candidate.full_name for a, _, _ in staged] == ["Wang Fang"]


def test_moving_from_the_page_and_a_stale_page_is_told(client, staff, applicants):
    application = applicants[0]
    client.force_login(staff["recruiter"])
    url = reverse("backoffice:application_move", args=[application.pk])
    first = client.post(url, {"stage": "online_assessment", "version": "0"}, follow=True)
    stale = client.post(url, {"stage": "online_assessment", "version": "0"}, follow=True)
    application.refresh_from_db()
    assert application.stage == "online_assessment"
    assert "Moved to Online assessment." in first.content.decode()
    assert "has just been moved to Online assessment" in stale.content.decode()
    assert StageChange.objects.filter(application=application).count() == 1


def test_bulk_reject_with_a_reason(client, staff, requisition, applicants):
    client.force_login(staff["recruiter"])
    response = client.post(
        reverse("backoffice:requisition_applicants_bulk", args=[requisition.pk]),
        {"application": [a.pk for a in applicants], "action": "reject", "reason": "skills"},
        follow=True,
    )
    stages = sorted(a.stage for a in requisition.applications.all())
    assert stages == ["rejected", "rejected", "rejected"]
    page = response.content.decode()
    assert "2 applications updated." in page
    assert "This application is already closed." in page  # the one that was rejected before


def test_a_note_with_a_mention_is_on_the_timeline(client, staff, applicants):
    application = applicants[1]
    client.force_login(staff["recruiter"])
    client.post(
        reverse("backoffice:application_note", args=[application.pk]),
        {"body": f"Strong systems answers; @{staff['hiring_manager'].username} please look"},
    )
    note = Note.objects.get()
    assert list(note.mentions.all()) == [staff["hiring_manager"]]
    page = client.get(reverse("backoffice:application_detail", args=[application.pk])).content.decode()
    assert "Strong systems answers" in page


def test_the_application_page_reads_in_chinese(client, staff, applicants):
    client.force_login(staff["recruiter"])
    client.cookies["django_language"] = "zh-hans"
    page = client.get(reverse("backoffice:application_detail", args=[applicants[1].pk])).content.decode()
    assert "技术一面" in page and "笔试" in page


def test_leadership_reads_but_cannot_move(client, staff, applicants):
    application = applicants[0]
    client.force_login(staff["leadership"])
    response = client.post(
        reverse("backoffice:application_move", args=[application.pk]),
        {"stage": "online_assessment", "version": "0"},
        follow=True,
    )
    application.refresh_from_db()
    assert application.stage == "applied"
    assert "You may not move applications of this requisition." in response.content.decode()


def test_bulk_ignores_ids_no_row_could_have_and_changes_nothing(client, staff, requisition, applicants):
    client.force_login(staff["recruiter"])
    response = client.post(
        reverse("backoffice:requisition_applicants_bulk", args=[requisition.pk]),
        {"application": ["²", "9" * 30, "-1"], "action": "reject", "reason": "skills"},
        follow=True,
    )
    assert response.status_code == 200
    assert "Select applications and an action." in response.content.decode()
    assert sorted(a.stage for a in requisition.applications.all()) == ["applied", "rejected", "technical_1"]


def test_the_source_reads_as_words_in_the_readers_language(client, staff, applicants):
    client.force_login(staff["recruiter"])
    url = reverse("backoffice:application_detail", args=[applicants[0].pk])
    assert "Career site" in client.get(url).content.decode()
    client.cookies["django_language"] = "zh-hans"
    assert "招聘官网" in client.get(url).content.decode()


def _parsed(candidate, skills, **profile):
    from tests.factories import make_resume, parsed_profile

    entries = [
        {"id": s, "name": s, "mentions": [{"text": f"built with {s}", "span": [0, 1]}]} for s in skills
    ]
    return make_resume(candidate=candidate, profile=parsed_profile(skills=entries, **profile))


@pytest.fixture
def ranked_applicants(requisition, settings, tmp_path):
    from talentdrive.matching import store

    settings.STORAGES = {
        **settings.STORAGES,
        store.STORAGE_ALIAS: {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "matching")},
        },
    }
    store.reset()
    requisition.must_skills, requisition.nice_skills = ["pytorch", "distributed-training"], []
    requisition.save(update_fields=["must_skills", "nice_skills"])
    weak, strong, unread = (make_candidate(full_name=n) for n in ("Zhao Wei", "Chen Jing", "Sun Li"))
    _parsed(weak, ["excel"], degree="bachelor", years=1)
    _parsed(strong, ["pytorch", "distributed-training"], degree="phd", years=6)
    applications = [make_application(requisition=requisition, candidate=c) for c in (weak, strong, unread)]
    yield applications
    store.reset()


def test_the_list_ranks_applicants_by_match_and_says_why(client, staff, requisition, ranked_applicants):
    client.force_login(staff["recruiter"])
    response = client.get(
        reverse("backoffice:requisition_applicants", args=[requisition.pk]), {"view": "list"}
    )
    rows = response.context["rows"]
    # the strongest applicant first, the one without a parsed résumé last and unscored
    assert [a.candidate.full_name for a, _, _ in rows] == ["Chen Jing", "Zhao Wei", "Sun Li"]
    top, weak, unread = (summary for _, _, summary in rows)
    assert top.rank == 1 and top.score > weak.score and unread is None
    assert top.sentences[0].startswith("Meets 2 of 2 must-haves")
    assert any("Not found in the résumé" in sentence for sentence in weak.sentences)
    # only the requisition's applicants are ranked, not the whole pool
    assert set(response.context["ranking"].matches) == {a.candidate_id for a in ranked_applicants[:2]}


def test_the_application_page_explains_the_match_in_chinese(client, staff, ranked_applicants):
    client.force_login(staff["recruiter"])
    response = client.get(
        reverse("backoffice:application_detail", args=[ranked_applicants[1].pk]),
        HTTP_ACCEPT_LANGUAGE="zh-hans",
    )
    explanation = response.context["explanation"]
    assert explanation is not None
    assert any("博士" in sentence for sentence in explanation.sentences)
    assert "must 1.00" not in response.content.decode()


def test_rejecting_with_a_template_emails_the_candidate_in_their_language_after_the_quiet_period(
    client, staff, requisition, mailoutbox
):
    import datetime as dt

    from django.utils import timezone

    from talentdrive.pipeline.correspondence import candidate_emails_send_due

    candidate = make_candidate(full_name="韩梅梅", email="han@example.com")
    application = make_application(requisition=requisition, candidate=candidate, language="zh-hans")
    client.force_login(staff["recruiter"])
    response = client.post(
        reverse("backoffice:application_reject", args=[application.pk]),
        {"reason": "skills", "version": "0", "email_template": "rejection_default"},
        follow=True,
    )
    assert "goes out in 30 minutes" in response.content.decode()
    # nothing leaves during the quiet period, then one email in the language the person applied in
    candidate_emails_send_due()
    assert not mailoutbox
    candidate_emails_send_due(now=timezone.now() + dt.timedelta(minutes=31))
    assert len(mailoutbox) == 1 and mailoutbox[0].to == ["han@example.com"]
    assert "感谢" in mailoutbox[0].body


def test_reopening_during_the_quiet_period_cancels_the_rejection_email(
    client, staff, requisition, mailoutbox
):
    import datetime as dt

    from django.utils import timezone

    from talentdrive.pipeline.correspondence import candidate_emails_send_due

    application = make_application(requisition=requisition, candidate=make_candidate(email="li@example.com"))
    client.force_login(staff["recruiter"])
    client.post(
        reverse("backoffice:application_reject", args=[application.pk]),
        {"reason": "skills", "version": "0", "email_template": "rejection_default"},
    )
    client.post(reverse("backoffice:application_reopen", args=[application.pk]), {"version": "1"})
    candidate_emails_send_due(now=timezone.now() + dt.timedelta(minutes=31))
    application.refresh_from_db()
    assert application.stage == "applied" and mailoutbox == []


def test_a_bulk_action_from_a_stale_list_leaves_the_moved_application_alone(
    client, staff, requisition, applicants
):
    moved = applicants[0]
    client.force_login(staff["recruiter"])
    # a colleague moves it after the list was loaded (the list showed version 0)
    application_move_view_url = reverse("backoffice:application_move", args=[moved.pk])
    client.post(application_move_view_url, {"stage": "online_assessment", "version": "0"})
    response = client.post(
        reverse("backoffice:requisition_applicants_bulk", args=[requisition.pk]),
        {"application": [moved.pk], f"version_{moved.pk}": "0", "action": "reject", "reason": "skills",
         "back_view": "list", "back_q": "li"},
        follow=True,
    )  # fmt: skip
    moved.refresh_from_db()
    assert moved.stage == "online_assessment"
    assert "has just been moved to Online assessment" in response.content.decode()
    # back on the list it was made on
    assert response.redirect_chain[-1][0].endswith("?view=list&q=li")


def test_a_move_without_the_version_the_page_showed_is_refused(client, staff, applicants):
    application = applicants[0]
    client.force_login(staff["recruiter"])
    response = client.post(
        reverse("backoffice:application_move", args=[application.pk]),
        {"stage": "online_assessment"},
        follow=True,
    )
    application.refresh_from_db()
    assert application.stage == "applied"
    assert "This page is out of date" in response.content.decode()
