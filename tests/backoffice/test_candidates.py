"""The candidates workspace: search, tags on the application page, bulk tag and export, duplicates."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from talentdrive.audit.models import AuditAction, AuditEvent
from talentdrive.candidates.models import CandidateMerge, CandidateTag, MergeStatus
from talentdrive.pipeline.models import Application
from talentdrive.pipeline.search import candidate_search
from talentdrive.pipeline.tags import candidate_tag_add
from tests.actors import TEST_ACTOR
from tests.factories import make_application, make_candidate, make_requisition, make_resume, parsed_profile

pytestmark = pytest.mark.django_db


@pytest.fixture
def requisition(drive, team, staff):
    return make_requisition(drive=drive, team=team, recruiters=[staff["recruiter"]])


@pytest.fixture
def people(requisition):
    li = make_candidate(full_name="Li Lei", email="li.lei@example.com", phone="+8613800138000")
    han = make_candidate(full_name="韩梅梅", email="meimei@example.com")
    wang = make_candidate(full_name="Wang Fang", email="wf@example.com")
    make_application(requisition=requisition, candidate=li, school="Zhejiang University", source="portal")
    make_application(requisition=requisition, candidate=han, school="")
    make_application(requisition=requisition, candidate=wang, school="Fudan University", stage="technical_1")
    profile = parsed_profile(skills=[{"id": "pytorch", "name": "PyTorch", "mentions": []}], school="清华大学")
    profile["experience"] = [{"employer": "字节跳动", "title": "算法工程师"}]
    make_resume(candidate=han, profile=profile)
    candidate_tag_add(candidate=wang, tag_name="Shortlist", colour="green", actor=TEST_ACTOR)
    return {"li": li, "han": han, "wang": wang}


def _found(user, **search) -> list[str]:
    return sorted(c.full_name for c in candidate_search(user=user, **search))


@pytest.mark.parametrize(
    ("search", "names"),
    [
        ({"q": "lei"}, ["Li Lei"]),
        ({"q": "MEIMEI@"}, ["韩梅梅"]),
        ({"q": "138 0013"}, ["Li Lei"]),
        ({"q": "fudan"}, ["Wang Fang"]),
        ({"q": "清华"}, ["韩梅梅"]),  # a school in the parsed résumé
        ({"q": "字节"}, ["韩梅梅"]),  # an employer
        ({"q": "pytorch"}, ["韩梅梅"]),  # a skill
        ({"q": "school"}, []),  # a key of the profile is not a value
        ({"q": "li zhejiang"}, ["Li Lei"]),  # every word must match
        ({"tag": "SHORTLIST"}, ["Wang Fang"]),
        ({"q": "", "tag": ""}, ["Li Lei", "Wang Fang", "韩梅梅"]),
    ],
)
def test_search_finds_by_every_field(people, staff, search, names):
    assert _found(staff["recruiter"], **search) == names


def test_search_keeps_to_the_users_applications(people, staff, drive, other_team):
    # given: another team's requisition, with one of the same people on it
    elsewhere = make_requisition(drive=drive, team=other_team, city="beijing", external_id="GLASSES-1")
    make_application(requisition=elsewhere, candidate=people["li"], school="Peking University")
    theirs = make_candidate(full_name="Zhao Lei")
    make_application(requisition=elsewhere, candidate=theirs)
    # then
    assert _found(staff["other_recruiter"], q="wang") == []
    assert _found(staff["other_recruiter"], q="lei") == ["Li Lei", "Zhao Lei"]
    assert _found(staff["recruiter"], q="lei") == ["Li Lei"]
    assert _found(staff["recruiter"], q="peking") == []  # a school only the other team's application holds
    assert _found(staff["interviewer"]) == []
    only_theirs = candidate_search(user=staff["other_recruiter"], q="li").get()
    assert [a.requisition.external_id for a in only_theirs.visible_applications] == ["GLASSES-1"]


def test_the_page_links_to_the_newest_visible_application(client, people, staff, requisition):
    client.force_login(staff["recruiter"])
    response = client.get(reverse("backoffice:candidates"), {"q": "wang"})
    page = response.content.decode()
    application = Application.objects.get(candidate=people["wang"])
    assert reverse("backoffice:application_detail", args=[application.pk]) in page
    assert 'class="tag tag-green">Shortlist' in page
    assert "Technical interview 1" in page  # the stage in words


def test_the_page_query_count_is_pinned(client, people, staff, requisition, django_assert_max_num_queries):
    for n in range(30):
        make_application(requisition=requisition, candidate=make_candidate(full_name=f"Person {n}"))
    client.force_login(staff["recruiter"])
    # session, user, scope (teams, cities), count, page, applications, tags, flow
    with django_assert_max_num_queries(11):
        response = client.get(reverse("backoffice:candidates"))
    assert response.context["page"].paginator.count == 33
    assert len(response.context["page"].object_list) == 25


def test_the_page_in_chinese(client, people, staff):
    client.force_login(staff["recruiter"])
    client.cookies["django_language"] = "zh-hans"
    page = client.get(reverse("backoffice:candidates")).content.decode()
    assert ">候选人</a>" in page and "技术一面" in page


# --- tags on the application page and in bulk ---------------------------------------------------


def test_tagging_from_the_application_page(client, people, staff):
    application = Application.objects.get(candidate=people["li"])
    client.force_login(staff["recruiter"])
    added = client.post(reverse("backoffice:application_tag_add", args=[application.pk]), {"tag": "Strong coder", "colour": "blue"}, follow=True)  # fmt: skip
    assert 'class="tag tag-blue">Strong coder' in added.content.decode()
    client.post(reverse("backoffice:application_tag_remove", args=[application.pk]), {"tag": "strong coder"})
    assert not CandidateTag.objects.filter(candidate=people["li"]).exists()


def test_leadership_reads_tags_but_is_told_it_may_not_tag(client, people, staff):
    application = Application.objects.get(candidate=people["wang"])
    client.force_login(staff["leadership"])
    page = client.get(reverse("backoffice:application_detail", args=[application.pk])).content.decode()
    assert "Shortlist" in page and 'name="colour"' not in page
    refused = client.post(reverse("backoffice:application_tag_add", args=[application.pk]), {"tag": "x"}, follow=True)  # fmt: skip
    assert "You may not tag this candidate" in refused.content.decode()
    assert CandidateTag.objects.count() == 1


def test_bulk_tag(client, people, staff, requisition):
    ids = [str(a.pk) for a in Application.objects.filter(candidate__in=[people["li"], people["han"]])]
    client.force_login(staff["recruiter"])
    bulk = reverse("backoffice:requisition_applicants_bulk", args=[requisition.pk])
    client.post(bulk, {"application": ids, "action": "tag", "tag": "Batch A"})
    tagged = CandidateTag.objects.filter(tag__name="Batch A").values_list("candidate__full_name", flat=True)
    assert sorted(tagged) == ["Li Lei", "韩梅梅"]
    assert AuditEvent.objects.filter(action=AuditAction.CANDIDATE_TAG_ADD).count() == 3  # one in the fixture


def test_bulk_export_is_a_spreadsheet_of_the_selection(client, people, staff, requisition, drive, other_team):
    # given: the selection, and an id of an application the recruiter may not see
    elsewhere = make_requisition(drive=drive, team=other_team, city="beijing", external_id="GLASSES-1")
    hidden = make_application(requisition=elsewhere, candidate=make_candidate(full_name="=cmd|' /C calc'!A0"))
    selected = [Application.objects.get(candidate=people[key]) for key in ("li", "wang")]
    client.force_login(staff["recruiter"])
    # when
    response = client.post(
        reverse("backoffice:requisition_applicants_bulk", args=[requisition.pk]),
        {"application": [str(a.pk) for a in selected] + [str(hidden.pk)], "action": "export"},
    )
    # then
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0] == ["Name", "Email", "Phone", "Stage", "Source", "School", "Applied", "Tags"]
    assert rows[1][:6] == ["Li Lei", "li.lei@example.com", "+8613800138000", "Applied", "Career site", "Zhejiang University"]  # fmt: skip
    assert rows[2][0] == "Wang Fang" and rows[2][3] == "Technical interview 1" and rows[2][7] == "Shortlist"
    assert rows[1][6].year == selected[0].created_at.year
    assert len(rows) == 3
    event = AuditEvent.objects.get(action=AuditAction.APPLICATION_EXPORT)
    assert event.data == {"applications": [a.pk for a in selected], "format": "xlsx"}
    assert event.actor == staff["recruiter"]


def test_an_applicant_named_like_a_formula_exports_as_text(client, staff, requisition):
    application = make_application(requisition=requisition, candidate=make_candidate(full_name="=1+2"))
    client.force_login(staff["recruiter"])
    response = client.post(
        reverse("backoffice:requisition_applicants_bulk", args=[requisition.pk]),
        {"application": [str(application.pk)], "action": "export"},
    )
    cell = load_workbook(io.BytesIO(response.content)).active["A2"]
    assert cell.value == "=1+2" and cell.data_type == "s"


# --- duplicates ---------------------------------------------------------------------------------


@pytest.fixture
def twins(requisition, drive, team):
    second = make_requisition(drive=drive, team=team, external_id="REQ-2")
    keep = make_candidate(full_name="Li Lei", email="li.lei@example.com")
    merge = make_candidate(full_name="li lei", email="lilei@example.org")
    make_application(requisition=requisition, candidate=keep)
    make_application(requisition=second, candidate=merge)
    return keep, merge


def test_the_duplicates_page_shows_pairs_side_by_side_and_merges(client, twins, staff):
    keep, merge = twins
    client.force_login(staff["recruiter"])
    page = client.get(reverse("backoffice:candidate_duplicates"))
    assert [(p.first, p.second) for p, _ in page.context["pairs"]] == [(keep, merge)]
    assert "similar email address" in page.content.decode()
    # when
    merged = client.post(
        reverse("backoffice:candidate_merge"), {"keep": keep.pk, "merge": merge.pk}, follow=True
    )
    # then
    record = CandidateMerge.objects.get()
    assert (record.keep, record.merged, record.status) == (keep, merge, MergeStatus.PENDING)
    assert merged.context["pairs"] == [] and list(merged.context["pending"]) == [record]
    assert "The merge can be undone" in merged.content.decode()
    # when
    client.post(reverse("backoffice:candidate_merge_decide"), {"merge": record.pk, "decision": "undo"})
    # then
    record.refresh_from_db()
    assert record.status == MergeStatus.UNDONE
    assert Application.objects.filter(candidate=merge).count() == 1


def test_a_refused_merge_is_said_on_the_page(client, twins, staff, requisition):
    keep, merge = twins
    make_application(requisition=requisition, candidate=merge)
    client.force_login(staff["admin"])
    response = client.post(
        reverse("backoffice:candidate_merge"), {"keep": keep.pk, "merge": merge.pk}, follow=True
    )
    assert "Both candidates applied to REQ-1" in response.content.decode()
    assert not CandidateMerge.objects.exists()


def test_confirming_from_the_page(client, twins, staff):
    keep, merge = twins
    client.force_login(staff["admin"])
    client.post(reverse("backoffice:candidate_merge"), {"keep": keep.pk, "merge": merge.pk})
    record = CandidateMerge.objects.get()
    client.post(reverse("backoffice:candidate_merge_decide"), {"merge": record.pk, "decision": "confirm"})
    merge.refresh_from_db()
    assert merge.erased_at is not None
    assert CandidateMerge.objects.get().status == MergeStatus.CONFIRMED
