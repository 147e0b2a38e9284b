"""Records that look like one person: the rule, the pairs a user sees, and merging them (undo, confirm)."""

from __future__ import annotations

import pytest

from talentdrive.audit.models import AuditAction, AuditEvent
from talentdrive.candidates.models import Candidate, CandidateMerge, CandidateTag, ConsentRecord, MergeStatus
from talentdrive.candidates.services import candidate_find_or_create
from talentdrive.pipeline.core.duplicates import (
    SAME_SCHOOL,
    SHARED_CONTACT,
    SIMILAR_EMAIL,
    PersonFacts,
    duplicate_pairs,
    email_key,
    name_keys,
)
from talentdrive.pipeline.duplicates import candidate_merge, candidate_merge_confirm, candidate_merge_undo
from talentdrive.pipeline.errors import MergeRefused
from talentdrive.pipeline.models import Application, Note
from talentdrive.pipeline.search import candidate_duplicate_pairs, candidate_search
from talentdrive.pipeline.tags import candidate_tag_add
from talentdrive.resumes.models import Resume
from tests.actors import TEST_ACTOR
from tests.factories import make_application, make_candidate, make_requisition, make_resume, parsed_profile

# --- the rule (no database) ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Li Lei", "li  lei", True),
        ("Li Lei", "Lilei", True),
        ("Li Lei", "Lei Li", True),
        ("José García", "Jose Garcia", True),
        ("李雷", "李 雷", True),
        ("李雷", "李蕾", False),
        ("Li Lei", "Li Leo", False),
        ("", "", False),
    ],
)
def test_names(a, b, same):
    assert bool(name_keys(a) & name_keys(b)) is same


def test_email_local_parts():
    assert email_key("Li.Lei+jobs@a.com") == email_key("lilei1998@b.org") == "lilei"
    assert email_key("li@a.com") == ""  # too short to mean anything


def test_a_name_alone_is_not_a_pair_and_each_tie_is_named():
    people = [
        PersonFacts(1, "Wang Fang", email="wf@a.com", schools=frozenset({"Fudan University"})),
        PersonFacts(2, "wang fang", email="fang.w@b.com", schools=frozenset({"fudan  university"})),
        PersonFacts(3, "Wang Fang", email="wangfang@c.com"),
        PersonFacts(4, "Wang Fang", email="wangfang99@d.com", phone="+8613800138000"),
        PersonFacts(5, "Wang Fang", email="x@e.com", resume_phones=frozenset({"+8613800138000"})),
        PersonFacts(6, "Wang Fang", email="other@f.com"),
    ]
    pairs = {(p.first, p.second): p.reasons for p in duplicate_pairs(people)}
    assert pairs == {(1, 2): (SAME_SCHOOL,), (3, 4): (SIMILAR_EMAIL,), (4, 5): (SHARED_CONTACT,)}


# --- merging ------------------------------------------------------------------------------------


@pytest.fixture
def requisitions(drive, team, staff):
    return [
        make_requisition(drive=drive, team=team, external_id=f"REQ-{n}", recruiters=[staff["recruiter"]])
        for n in range(3)
    ]


@pytest.fixture
def twins(requisitions, staff):
    """One person twice: applied to REQ-0 with one email, to REQ-1 with another; notes, consent, résumé, tags."""
    keep = make_candidate(full_name="Li Lei", email="li.lei@example.com", phone="+8613800138000")
    merge = make_candidate(full_name="LI Lei", email="lilei1998@example.org", location="Hangzhou")
    make_application(requisition=requisitions[0], candidate=keep, school="Zhejiang University")
    moved_application = make_application(
        requisition=requisitions[1], candidate=merge, school="Zhejiang University"
    )
    Note.objects.create(
        candidate=merge, application=moved_application, author=staff["recruiter"], body="Strong"
    )
    ConsentRecord.objects.create(
        candidate=merge, version="2026-09", language="en", text="…", given_at=merge.created_at
    )
    _resume_with(candidate=merge, sha256="a" * 64)
    candidate_tag_add(candidate=keep, tag_name="Shortlist", actor=TEST_ACTOR)
    candidate_tag_add(candidate=merge, tag_name="shortlist", actor=TEST_ACTOR)
    candidate_tag_add(candidate=merge, tag_name="Relocating", actor=TEST_ACTOR)
    return keep, merge


def _resume_with(*, candidate: Candidate, sha256: str) -> Resume:
    resume = make_resume(candidate=candidate)
    Resume.objects.filter(pk=resume.pk).update(sha256=sha256)
    resume.refresh_from_db()
    return resume


def _holdings(candidate: Candidate) -> dict[str, list[int]]:
    return {
        "applications": sorted(Application.objects.filter(candidate=candidate).values_list("pk", flat=True)),
        "notes": sorted(Note.objects.filter(candidate=candidate).values_list("pk", flat=True)),
        "consents": sorted(ConsentRecord.objects.filter(candidate=candidate).values_list("pk", flat=True)),
        "resumes": sorted(Resume.objects.filter(candidate=candidate).values_list("pk", flat=True)),
        "tags": sorted(CandidateTag.objects.filter(candidate=candidate).values_list("tag__name", flat=True)),
    }


@pytest.mark.django_db
def test_merge_moves_everything_and_undo_restores_it_exactly(twins, staff):
    keep, merge = twins
    before = (_holdings(keep), _holdings(merge))
    # when
    record = candidate_merge(keep=keep, merge=merge, actor=staff["recruiter"])
    # then
    merged = _holdings(keep)
    assert len(merged["applications"]) == 2 and len(merged["notes"]) == 1 and len(merged["consents"]) == 1
    assert len(merged["resumes"]) == 1 and merged["tags"] == ["Relocating", "Shortlist"]
    assert _holdings(merge) == {"applications": [], "notes": [], "consents": [], "resumes": [], "tags": []}
    merge.refresh_from_db()
    assert merge.merged_into == keep and record.status == MergeStatus.PENDING
    assert AuditEvent.objects.get(action=AuditAction.CANDIDATE_MERGE).data["merged"] == merge.pk
    # a merged-away record is found neither by search nor among duplicates
    assert list(candidate_search(user=staff["admin"], q="lilei1998")) == []
    assert candidate_duplicate_pairs(user=staff["admin"]) == []

    # a note written meanwhile on one of the applications that will go back
    moved_back = Application.objects.get(requisition__external_id="REQ-1")
    later = Note.objects.create(
        candidate=keep, application=moved_back, author=staff["recruiter"], body="Later"
    )

    # when
    candidate_merge_undo(merge_id=record.pk, actor=staff["recruiter"])
    # then
    later.refresh_from_db()
    assert later.candidate == merge
    later.delete()
    assert (_holdings(keep), _holdings(merge)) == before
    merge.refresh_from_db()
    record.refresh_from_db()
    assert merge.merged_into is None and record.status == MergeStatus.UNDONE
    assert AuditEvent.objects.filter(action=AuditAction.CANDIDATE_MERGE_UNDO).count() == 1
    with pytest.raises(MergeRefused) as twice:
        candidate_merge_undo(merge_id=record.pk, actor=staff["recruiter"])
    assert twice.value.code == "not_pending"


@pytest.mark.django_db
def test_confirming_erases_the_merged_record_and_fills_the_kept_one(twins, staff):
    keep, merge = twins
    _resume_with(candidate=keep, sha256="b" * 64)
    twin_file = _resume_with(candidate=merge, sha256="b" * 64)  # the same file sent twice
    Application.objects.filter(candidate=merge).update(resume=twin_file)
    record = candidate_merge(keep=keep, merge=merge, actor=staff["admin"])
    assert Resume.objects.get(pk=twin_file.pk).candidate_id == merge.pk  # left where it was while pending
    # when
    candidate_merge_confirm(merge_id=record.pk, actor=staff["admin"])
    # then
    merge.refresh_from_db()
    keep.refresh_from_db()
    assert merge.erased_at is not None and merge.full_name == merge.email == ""
    assert keep.location == "Hangzhou"  # was empty
    assert keep.email == "li.lei@example.com"  # was not
    assert not Resume.objects.filter(pk=twin_file.pk).exists()
    assert Application.objects.get(requisition__external_id="REQ-1").resume.sha256 == "b" * 64
    assert Resume.objects.filter(candidate=keep).count() == 2
    with pytest.raises(MergeRefused) as undo:
        candidate_merge_undo(merge_id=record.pk, actor=staff["admin"])
    assert undo.value.code == "not_pending"


@pytest.mark.django_db
def test_a_new_application_under_the_merged_email_joins_the_kept_record(twins, staff):
    keep, merge = twins
    candidate_merge(keep=keep, merge=merge, actor=staff["admin"])
    found, created = candidate_find_or_create(email="LILEI1998@example.org", actor=TEST_ACTOR)
    assert (found, created) == (keep, False)


@pytest.mark.django_db
def test_both_applied_to_one_requisition_refuses_and_changes_nothing(twins, requisitions, staff):
    keep, merge = twins
    make_application(requisition=requisitions[2], candidate=keep)
    make_application(requisition=requisitions[2], candidate=merge)
    before = (_holdings(keep), _holdings(merge), AuditEvent.objects.count())
    # when
    with pytest.raises(MergeRefused) as refused:
        candidate_merge(keep=keep, merge=merge, actor=staff["admin"])
    # then
    assert refused.value.code == "same_requisition"
    assert "REQ-2" in str(refused.value.message)
    assert (_holdings(keep), _holdings(merge), AuditEvent.objects.count()) == before
    assert not CandidateMerge.objects.exists()
    merge.refresh_from_db()
    assert merge.merged_into is None


@pytest.mark.django_db
def test_refusals(twins, staff, drive, other_team):
    keep, merge = twins
    with pytest.raises(MergeRefused) as same:
        candidate_merge(keep=keep, merge=keep, actor=staff["admin"])
    with pytest.raises(MergeRefused) as outsider:
        candidate_merge(keep=keep, merge=merge, actor=staff["other_recruiter"])
    with pytest.raises(MergeRefused) as leadership:
        candidate_merge(keep=keep, merge=merge, actor=staff["leadership"])
    # a recruiter may not merge a record that also applied outside their scope
    elsewhere = make_requisition(drive=drive, team=other_team, city="beijing", external_id="GLASSES-1")
    make_application(requisition=elsewhere, candidate=merge)
    with pytest.raises(MergeRefused) as partly:
        candidate_merge(keep=keep, merge=merge, actor=staff["recruiter"])
    assert [e.value.code for e in (same, outsider, leadership, partly)] == ["same_candidate"] + [
        "not_allowed"
    ] * 3
    record = candidate_merge(keep=keep, merge=merge, actor=staff["admin"])
    third = make_candidate(full_name="Li Lei")
    with pytest.raises(MergeRefused) as busy:
        candidate_merge(keep=keep, merge=third, actor=staff["admin"])
    assert busy.value.code == "already_merged"
    with pytest.raises(MergeRefused) as missing:
        candidate_merge_confirm(merge_id=record.pk + 1, actor=staff["admin"])
    assert missing.value.code == "not_found"
    assert CandidateMerge.objects.count() == 1


# --- the pairs a user sees ----------------------------------------------------------------------


@pytest.mark.django_db
def test_pairs_are_found_within_the_users_scope(twins, staff, drive, other_team):
    keep, merge = twins
    # the same name elsewhere, with a résumé that lists the kept record's phone
    elsewhere = make_requisition(drive=drive, team=other_team, city="beijing", external_id="GLASSES-1")
    stranger = make_candidate(full_name="Li Lei", email="someone@example.net")
    make_application(requisition=elsewhere, candidate=stranger)
    make_resume(candidate=stranger, profile={**parsed_profile(school="MIT"), "phones": ["+8613800138000"]})
    # when
    mine = candidate_duplicate_pairs(user=staff["recruiter"])
    everyone = candidate_duplicate_pairs(user=staff["admin"])
    theirs = candidate_duplicate_pairs(user=staff["other_recruiter"])
    # then
    assert [(p.first, p.second, p.reasons) for p in mine] == [(keep, merge, (SAME_SCHOOL, SIMILAR_EMAIL))]
    assert {(p.first.pk, p.second.pk) for p in everyone} == {(keep.pk, merge.pk), (keep.pk, stranger.pk)}
    assert theirs == []


@pytest.mark.django_db
def test_a_recruiter_is_offered_only_the_merges_they_may_make(twins, staff, drive, other_team):
    keep, merge = twins
    # the record to merge also applied to another team's role: merging it is not this recruiter's to do
    elsewhere = make_requisition(drive=drive, team=other_team, city="beijing", external_id="GLASSES-2")
    make_application(requisition=elsewhere, candidate=merge)
    assert candidate_duplicate_pairs(user=staff["recruiter"]) == []
    assert [(p.first, p.second) for p in candidate_duplicate_pairs(user=staff["admin"])] == [(keep, merge)]
