from __future__ import annotations

import pytest

from talentdrive.audit.models import AuditEvent
from talentdrive.matching import store
from talentdrive.matching.core.index import MatchIndex
from talentdrive.matching.models import IndexBuild
from talentdrive.matching.selectors import CandidateFilters, match_candidates, match_index_get
from talentdrive.matching.services import match_index_rebuild
from talentdrive.matching.tasks import match_index_rebuild_task
from talentdrive.pipeline.models import Application
from tests.actors import TEST_ACTOR

from .conftest import skill


@pytest.fixture
def pool(make_candidate):
    return [
        make_candidate(
            skills=[skill("vllm", "vLLM"), skill("cuda", "CUDA")], degree="master", years=4, location="上海"
        ),
        make_candidate(skills=[skill("cuda", "CUDA")], degree="PhD", years=8, location="Beijing"),
        make_candidate(skills=[skill("asr", "ASR")], degree="bachelor", years=1, location="杭州"),
    ]


def test_rebuild_records_the_build_and_an_audit_event(pool):
    build = match_index_rebuild(trigger="test", actor=TEST_ACTOR)
    assert build.candidates == 3
    assert IndexBuild.objects.count() == 1
    assert AuditEvent.objects.filter(action="matching.index_rebuilt", target_id=str(build.pk)).exists()
    assert MatchIndex.load(store.index_directory()).tag == build.watermark


def test_ranking_is_deterministic_and_database_independent(admin_user, requisition, pool):
    # The same order on SQLite and PostgreSQL: ties fall back to candidate order, never to storage order.
    result = match_candidates(user=admin_user, requisition_id=requisition.pk, k=3)
    assert [int(m.key) for m in result.ranking.matches] == [pool[0].pk, pool[1].pk, pool[2].pk]
    assert [m.score for m in result.ranking.matches] == sorted(
        (m.score for m in result.ranking.matches), reverse=True
    )


def test_a_new_profile_is_ranked_without_a_manual_rebuild(admin_user, requisition, pool, make_candidate):
    match_candidates(user=admin_user, requisition_id=requisition.pk)
    newcomer = make_candidate(skills=[skill("vllm", "vLLM"), skill("cuda", "CUDA")], degree="PhD", years=9)
    result = match_candidates(user=admin_user, requisition_id=requisition.pk)
    assert int(result.ranking.matches[0].key) == newcomer.pk
    assert IndexBuild.objects.count() == 2


def test_erased_candidates_leave_the_index(admin_user, requisition, pool):
    from django.utils import timezone

    pool[0].erased_at = timezone.now()
    pool[0].save()
    result = match_candidates(user=admin_user, requisition_id=requisition.pk)
    assert str(pool[0].pk) not in {m.key for m in result.ranking.matches}


def test_index_is_loaded_from_disk_when_the_process_starts(pool):
    match_index_rebuild(trigger="test", actor=TEST_ACTOR)
    store.reset()  # a fresh process
    live = match_index_get()
    assert len(live.index) == 3
    assert IndexBuild.objects.count() == 1  # loaded, not rebuilt


def test_city_stage_and_source_filters(admin_user, requisition, pool):
    Application.objects.create(
        candidate=pool[1], requisition=requisition, stage="rejected", source="referral"
    )
    shanghai = match_candidates(
        user=admin_user, requisition_id=requisition.pk, filters=CandidateFilters(cities=("shanghai",))
    )
    assert [int(m.key) for m in shanghai.ranking.matches] == [pool[0].pk]
    rejected = match_candidates(
        user=admin_user, requisition_id=requisition.pk, filters=CandidateFilters(stages=("rejected",))
    )
    assert [int(m.key) for m in rejected.ranking.matches] == [pool[1].pk]
    referred = match_candidates(
        user=admin_user, requisition_id=requisition.pk, filters=CandidateFilters(sources=("referral",))
    )
    assert [int(m.key) for m in referred.ranking.matches] == [pool[1].pk]


def test_campus_requisitions_apply_the_graduation_window(
    admin_user, requisition, campus_line, make_candidate, pool
):
    import datetime as dt

    requisition.plan_line = campus_line
    requisition.graduation_from = dt.date(2026, 1, 1)
    requisition.graduation_to = dt.date(2026, 12, 31)
    requisition.save()
    graduate = make_candidate(skills=[skill("cuda", "CUDA")], years=0)
    graduate.resumes.update(
        profile={**graduate.resumes.get().profile, "education": [{"degree": "master", "end": "2026-06"}]}
    )
    result = match_candidates(user=admin_user, requisition_id=requisition.pk)
    assert [int(m.key) for m in result.ranking.matches] == [graduate.pk]


def test_rebuild_task_is_idempotent(pool):
    assert match_index_rebuild_task.call() == 3
    assert match_index_rebuild_task.call() == 3
    assert IndexBuild.objects.count() == 1


def test_big_index_answers_stale_while_a_task_rebuilds(
    admin_user, requisition, pool, make_candidate, settings, django_capture_on_commit_callbacks
):
    # given a live index bigger than the synchronous-rebuild limit
    settings.TALENTDRIVE = {**settings.TALENTDRIVE, "MATCH_SYNC_REBUILD_LIMIT": 0}
    match_index_rebuild(trigger="test", actor=TEST_ACTOR)
    newcomer = make_candidate(skills=[skill("vllm", "vLLM"), skill("cuda", "CUDA")], degree="PhD", years=9)
    # when the profiles change, the answer comes at once from the old index, marked stale
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        stale = match_candidates(user=admin_user, requisition_id=requisition.pk)
    assert stale.index_stale
    assert str(newcomer.pk) not in {m.key for m in stale.ranking.matches}
    assert len(callbacks) == 1  # one rebuild enqueued (the immediate backend ran it)
    # then the next answer includes the new profile
    fresh = match_candidates(user=admin_user, requisition_id=requisition.pk)
    assert not fresh.index_stale
    assert fresh.ranking.matches[0].key == str(newcomer.pk)


def test_a_process_picks_up_an_index_another_process_rebuilt(admin_user, pool, make_candidate, settings):
    # given this process holds an old index, and a worker has since rebuilt and saved a newer one
    settings.TALENTDRIVE = {**settings.TALENTDRIVE, "MATCH_SYNC_REBUILD_LIMIT": 0}
    match_index_rebuild(trigger="test", actor=TEST_ACTOR)
    old = store.current()
    make_candidate(skills=[skill("cuda", "CUDA")])
    match_index_rebuild(trigger="worker", actor=TEST_ACTOR)
    store.install(old.index, old.watermark)
    # when
    live = match_index_get()
    # then the saved index is loaded, not served stale and not rebuilt again
    assert not live.stale
    assert len(live.index) == 4
    assert IndexBuild.objects.count() == 2


def test_text_fills_what_the_parser_missed(admin_user, requisition, make_candidate):
    candidate = make_candidate(
        skills=[skill("cuda", "CUDA")],
        degree="PhD",
        years=0,
        text="CUDA\n8年工作经验\n发表论文：NeurIPS 2022, ICML 2023（一作）",
    )
    result = match_candidates(user=admin_user, requisition_id=requisition.pk)
    top = next(m for m in result.ranking.matches if m.key == str(candidate.pk))
    assert (top.years, top.top_venue_papers) == (8.0, 2)
    assert top.programme.flagged  # PhD with two top-venue papers
